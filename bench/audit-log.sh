#!/usr/bin/env bash
# What the CA audit log (one locked append per certificate) costs the provision-devices batch, as a ratio measured
# in one run. Usage (after mvn -B -o package -pl iot-jitp-core -am -DskipTests):
#   bench/audit-log.sh [count] [rounds]   (defaults 3000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -o -q -pl iot-jitp-core dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
uptime
java -cp "iot-jitp-core/target/classes:$(cat "$work/cp.txt")" bench/AuditLogBench.java "${1:-3000}" "${2:-3}" "$work/run"
uptime
