#!/usr/bin/env bash
# The load-test generator's figures against the Debian mosquitto broker on this machine: a TLS listener on a free
# loopback port that requires client certificates from our CA (require_certificate, use_identity_as_username),
# started and stopped by LoadTestBench. Prints, per shape, the achieved rate against the expected one, latency
# percentiles, the generator's CPU-µs per message, memory per device and connect time, with the ratios to the seed's
# Node load test measured against the same mosquitto setup (56 CPU-µs/msg, ~28 MB/device, 81 s to connect 507).
#
# With "standin" the same runs go against the stand-in in its own JVM (quotas off, JITP on first connect).
#
# Usage (it builds what it needs, offline):
#   bench/loadtest-benchmark.sh [mosquitto|standin] [SHAPE...]
#   SHAPE = PUBLISHERSxSUBSCRIBERS@RATE:SECONDS[:collector][:qos0][:mqtt3][:tN][:netty|:hivemq], e.g. 487x20@1:60
#   (:tN runs the generator's Netty event loop on N threads instead of half the cores; :netty / :hivemq picks the
#   MQTT client, else the default one, so that both clients can run back to back in one process)
# Default: mosquitto with a 15 s warm-up, the seed's 487x20 at 1 msg/s for 60 s at QoS 1 and at the seed's QoS 0, then
# 10,000 devices each publishing 1 msg/s for 60 s. Each shape also prints user vs kernel CPU and, against mosquitto,
# the broker's CPU and the machine's softirq time over the same window.
# Devices (and the CA) are kept in target/loadtest-bench/<mode> and reused by later runs. It asserts nothing.
# The first shape of a run also warms the JIT up; list a short one first to measure the next one warm.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/sbin/mosquitto ]; then
  echo "mosquitto is not installed (/usr/sbin/mosquitto); apt-get install mosquitto" >&2
  exit 1
fi
mkdir -p target
# The plugin's runtime classpath, as users get it: the core, the HiveMQ client, BoringSSL (netty-tcnative). Each
# module of the reactor writes the file in turn; the plugin, built last, leaves its own.
mvn -B -o -q -pl iot-jitp-maven-plugin -am package -DskipTests dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/target/loadtest-bench.classpath" >/dev/null
# The core's test classes bring MosquittoBroker (the same broker setup the restart test uses).
classpath="iot-jitp-core/target/test-classes:$(cat target/loadtest-bench.classpath)"
mode=mosquitto
if [ $# -gt 0 ] && { [ "$1" = mosquitto ] || [ "$1" = standin ]; }; then
  mode=$1
  shift
fi
if [ $# -eq 0 ]; then
  set -- 487x20@1:15 487x20@1:60 487x20@1:60:qos0 10000x0@1:60
fi
standin=()
if [ "$mode" = standin ]; then
  mvn -B -o -q -pl iot-jitp-emulator -am package -DskipTests dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/target/standin-bench.classpath" >/dev/null
  standin=("-Dstandin.classpath=iot-jitp-emulator/target/classes:$(cat target/standin-bench.classpath)")
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(/usr/sbin/mosquitto -h | head -1), $(java -version 2>&1 | head -1)"
ulimit -n "$(ulimit -Hn)"
# BENCH_JAVA_OPTS, e.g. -Xmx256m: the default heap grows to what the machine allows, which shows in resident memory.
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener "${standin[@]}" -cp "$classpath" bench/LoadTestBench.java "$mode" target/loadtest-bench "$@"
