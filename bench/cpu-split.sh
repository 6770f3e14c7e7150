#!/usr/bin/env bash
# Who used the CPU during one harness scenario: the broker process, and everything else (the load
# generator's JVMs, the kernel's loopback work), from /proc before and after, with the broker's CPU
# per received message. On a 2-core machine this tells whether a scenario is bound by the broker
# or by PerfTest sharing the cores with it.
#   bench/cpu-split.sh AMQP_URI BROKER_PID [SCENARIO=S1]
# The broker may be either one (WarrenMQ's java pid, RabbitMQ's beam.smp pid). DURATION and the
# harness's other knobs pass through. The wall time includes the harness's setup (a few seconds).
set -euo pipefail
uri=${1:?usage: cpu-split.sh AMQP_URI BROKER_PID [SCENARIO]}
pid=${2:?usage: cpu-split.sh AMQP_URI BROKER_PID [SCENARIO]}
scenario=${3:-S1}
here=$(cd "$(dirname "$0")" && pwd)
harness=${BENCH_HARNESS:-$here/../../shared/bench}
[[ -x "$harness/run.sh" ]] || { echo "set BENCH_HARNESS to the benchmark harness (holding run.sh)" >&2; exit 2; }
ticks=$(getconf CLK_TCK)
process_cpu() { awk -v t="$ticks" '{print ($14 + $15) / t}' "/proc/$1/stat"; }
# user + nice + system + irq + softirq of all CPUs: busy time, iowait and idle left out
machine_cpu() { awk -v t="$ticks" '/^cpu /{print ($2 + $3 + $4 + $7 + $8) / t}' /proc/stat; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
b0=$(process_cpu "$pid"); m0=$(machine_cpu); t0=$(date +%s.%N)
line=$(SCENARIOS=$scenario "$harness/run.sh" "$uri" "$out/run" 2>&1 | grep -E "\] $scenario: " || true)
b1=$(process_cpu "$pid"); m1=$(machine_cpu); t1=$(date +%s.%N)
[[ -n "$line" ]] || { echo "the scenario printed no result (see the harness's output)" >&2; exit 1; }
echo "$line" | cut -c1-140
recv=$(grep -oP 'recv=\K[0-9]+' <<<"$line")
duration=$(grep -oP ' duration=\K[0-9]+' "$out/run/env.txt" 2>/dev/null || echo "${DURATION:-12}")
awk -v b0="$b0" -v b1="$b1" -v m0="$m0" -v m1="$m1" -v t0="$t0" -v t1="$t1" -v r="$recv" -v d="$duration" 'BEGIN {
  wall = t1 - t0; broker = b1 - b0; all = m1 - m0
  printf "wall %.1f s: broker %.1f CPU-s (%.2f cores), everything else %.1f CPU-s (%.2f cores)\n", wall, broker, broker / wall, all - broker, (all - broker) / wall
  if (r > 0) printf "broker CPU per received message: %.1f us (%d msg/s over %d s)\n", broker / (r * d) * 1e6, r, d
}'
