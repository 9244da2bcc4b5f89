#!/usr/bin/env bash
# What signing in a PKCS#11 token (SoftHSM2) costs the provision-devices batch against a key-file CA, as a ratio
# measured in one run, in a throw-away token. Usage (after mvn -B -o package -pl iot-jitp-core -am -DskipTests):
#   bench/token-ca.sh [ca_algorithm] [count] [rounds]   (defaults EC_P256 2000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
library=${SOFTHSM2_LIBRARY:-/usr/lib/softhsm/libsofthsm2.so}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$work/tokens" > "$work/softhsm2.conf"
export SOFTHSM2_CONF="$work/softhsm2.conf"
# A throw-away token: its PINs are bench-only values, never a real secret.
slot=$(softhsm2-util --init-token --free --label bench --so-pin bench-so --pin bench-pin | sed -n 's/.*reassigned to slot \([0-9]*\).*/\1/p')
mvn -B -o -q -pl iot-jitp-core dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
uptime
BENCH_PIN=bench-pin java -cp "iot-jitp-core/target/classes:$(cat "$work/cp.txt")" bench/TokenCaBench.java \
  "$library" "$slot" "${1:-EC_P256}" "${2:-2000}" "${3:-3}" "$work/run"
uptime
