#!/usr/bin/env bash
# Prints the MQTT broker's figures: TLS + JITP first connections/s, plain reconnections/s and messages
# delivered/s for 100 and 1,000 devices (EC P-256 and RSA 2048 keys), with the stand-in's heap, RSS and threads.
# The stand-in runs in its own JVM with quotas off; the Paho clients run in this one.
# Usage: bench/broker-benchmark.sh [device counts…]   (default: 100 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl iot-jitp-emulator -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
module=iot-jitp-emulator
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
exec java -cp "$classpath" io.jitp.emulator.mqtt.BrokerBenchmark "$@"
