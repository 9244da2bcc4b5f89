#!/usr/bin/env bash
# The parts of a fresh smoke-connect device that are neither TLS nor MQTT, in CPU-µs per device on one thread: the
# client's key and certificate read plus TLS context, the stand-in's JITP registration, and its CA signature check of
# each fresh certificate. Prints figures only.
#
# Usage: bench/smoke-connect-parts.sh [devices] [rounds]   (default: 2000 5)
# Environment: BENCH_CLASSPATH_PREFIX: classes put first on the classpath, e.g. another build to compare;
#   BENCH_JAVA_OPTS: the JVM's options (-XX:TieredStopAtLevel=1 runs it on C1 only, as the stand-in runs by default).
set -euo pipefail
cd "$(dirname "$0")/.."
devices=${1:-2000}
rounds=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -o -q -pl iot-jitp-integration-tests -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
classpath="${BENCH_CLASSPATH_PREFIX:+$BENCH_CLASSPATH_PREFIX:}iot-jitp-core/target/classes:iot-jitp-emulator/target/classes:$(cat "$work/cp.txt")"
java ${BENCH_JAVA_OPTS:-} -cp "$classpath" bench/SmokeConnectPartsBench.java "$devices" "$rounds" "$work"
