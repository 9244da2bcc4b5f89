#!/usr/bin/env bash
# smoke-connect of fresh JITP devices against the stand-in (its own JVM, AWS quotas on), side by side with the seed's
# way (two mosquitto_pub runs per device, one device after another, as its bin/provision), plus the stand-in's ceiling
# of full mutual-TLS handshakes/s (each device needs two), with the ratios against the targets (>= 5x the seed's way,
# >= 80 % of the ceiling), by rate and by CPU time per device of both JVMs. Prints figures; asserts nothing.
#
# Usage: bench/smoke-connect.sh [devices] [seed_devices] [parallelism]   (default: 1000 200 256)
# Environment: BENCH_JAVA_OPTS (the clients' JVM), BENCH_STANDIN_JAVA_OPTS (the stand-in's JVM), e.g.
#   -XX:StartFlightRecording=filename=/tmp/standin.jfr,settings=profile to profile it;
#   BENCH_CLASSPATH_PREFIX: classes put first on both classpaths, e.g. another build of the stand-in to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
devices=${1:-1000}
seed_devices=${2:-200}
parallelism=${3:-256}
command -v mosquitto_pub >/dev/null || { echo "mosquitto_pub is needed for the seed's way" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -o -q -pl iot-jitp-integration-tests -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
classpath="${BENCH_CLASSPATH_PREFIX:+$BENCH_CLASSPATH_PREFIX:}iot-jitp-core/target/classes:iot-jitp-emulator/target/classes:$(cat "$work/cp.txt")"
java ${BENCH_JAVA_OPTS:-} -cp "$classpath" bench/SmokeConnectBench.java "$devices" "$seed_devices" "$parallelism" "$work"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
