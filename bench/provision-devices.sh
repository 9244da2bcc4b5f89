#!/usr/bin/env bash
# Devices issued per second: the core batch behind `mvn iot:provision-devices` (EC P-256 and RSA-2048 device keys)
# against the seed's per-device openssl flow (key, req, x509 -req, cat chain), in one run, with the ratios.
#
# Usage (after a build, e.g. mvn -B -o verify -pl iot-jitp-core -am):
#   bench/provision-devices.sh [ours_ec_count] [ours_rsa_count] [seed_ec_count] [seed_rsa_count]   (10000 200 200 60)
# Prints figures; it asserts nothing (the machine is shared, so the numbers vary).
set -euo pipefail
cd "$(dirname "$0")/.."

ours_ec=${1:-10000}
ours_rsa=${2:-200}
seed_ec=${3:-200}
seed_rsa=${4:-60}

classes=iot-jitp-core/target/classes
if [ ! -d "$classes/io/jitp/core/devices" ]; then
  echo "Build the core first: mvn -B -o package -pl iot-jitp-core -am -DskipTests" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -o -q -pl iot-jitp-core dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
classpath="$classes:$(cat "$work/cp.txt")"

ours() { # algorithm count -> devices/s
  java -cp "$classpath" bench/ProvisionDevicesBench.java "$1" "$2" "$work/ours-$1" | sed -n 's/^devices\/s=//p'
}

seed() { # keytype count -> devices/s, one device at a time as bin/provision did, with the seed's RSA-2048 CA
  local keytype=$1 count=$2 dir="$work/seed-$1"
  mkdir -p "$dir" && cd "$dir"
  if [ ! -f root.ca.pem ]; then
    openssl genrsa -out root.ca.key 2048 2>/dev/null
    openssl req -x509 -new -key root.ca.key -sha256 -days 1024 -out root.ca.pem \
      -subj "/C=LU/L=Luxembourg/ST=Luxembourg/O=AWS/OU=Demo/CN=root"
  fi
  local start end i
  start=$(date +%s.%N)
  for ((i = 0; i < count; i++)); do
    if [ "$keytype" = rsa ]; then
      openssl genrsa -out "d$i.key" 2048 2>/dev/null
    else
      openssl ecparam -name prime256v1 -genkey -noout -out "d$i.key"
    fi
    openssl req -new -key "d$i.key" -out "d$i.csr" -subj "/CN=d$i"
    openssl x509 -req -in "d$i.csr" -CA root.ca.pem -CAkey root.ca.key -CAcreateserial -out "d$i.pem" \
      -days 500 -sha256 2>/dev/null
    cat "d$i.pem" root.ca.pem > "d$i.crt"
  done
  end=$(date +%s.%N)
  cd - >/dev/null
  awk -v n="$count" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", n / (e - s) }'
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(openssl version), $(java -version 2>&1 | head -1)"
# Each pair runs back to back, so that a change in the machine's load hits both sides of a ratio alike.
seed_ec_rate=$(seed ec "$seed_ec");   echo "seed flow, EC P-256 keys:   $seed_ec_rate devices/s ($seed_ec devices)"
ours_ec_rate=$(ours EC_P256 "$ours_ec");   echo "provision-devices EC_P256:  $ours_ec_rate devices/s ($ours_ec devices)"
seed_rsa_rate=$(seed rsa "$seed_rsa"); echo "seed flow, RSA-2048 keys:   $seed_rsa_rate devices/s ($seed_rsa devices)"
ours_rsa_rate=$(ours RSA_2048 "$ours_rsa"); echo "provision-devices RSA_2048: $ours_rsa_rate devices/s ($ours_rsa devices)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
echo "ratio EC P-256:  $(ratio "$ours_ec_rate" "$seed_ec_rate")x (target >= 50x)"
echo "ratio RSA-2048:  $(ratio "$ours_rsa_rate" "$seed_rsa_rate")x (target >= 2x)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
