#!/usr/bin/env bash
# Time from spawning the stand-in's JVM to its readiness signal (endpoints.json), started as the plugin starts it,
# side by side with a plain `java -cp` start: cold (fresh state directory) and warm (existing one), min/median/max
# and the load average. Prints figures; asserts nothing. The 2 s target is for a quiet 2-core machine.
#
# Usage: bench/emulator-startup.sh [runs] [baseline-dir]   (runs default: 5)
#   baseline-dir: another build of the stand-in (its jar and lib/, e.g. copied from main's
#   iot-jitp-emulator/target), whose cold and warm starts are interleaved for a before/after ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
baseline=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -o -q package -pl iot-jitp-emulator -am -DskipTests >/dev/null
jar=$(ls iot-jitp-emulator/target/iot-jitp-emulator-*.jar | grep -v -e sources -e javadoc | head -1)
# The stand-in's classpath, as the plugin resolves it: its jar and its runtime dependencies (target/lib).
{ printf '%s' "$PWD/$jar"; for lib in iot-jitp-emulator/target/lib/*.jar; do printf ':%s' "$PWD/$lib"; done; } \
    > "$work/standin-cp.txt"
baseline_cp=()
if [[ -n "$baseline" ]]; then
    { printf '%s' "$(ls "$baseline"/iot-jitp-emulator-*.jar | grep -v -e sources -e javadoc | head -1)"
      for lib in "$baseline"/lib/*.jar; do printf ':%s' "$lib"; done; } > "$work/baseline-cp.txt"
    baseline_cp=("$work/baseline-cp.txt")
fi
java -cp "iot-jitp-core/target/classes:$(cat "$work/standin-cp.txt")" bench/EmulatorStartupBench.java \
    "$runs" "$work" "$work/standin-cp.txt" "${baseline_cp[@]}"
