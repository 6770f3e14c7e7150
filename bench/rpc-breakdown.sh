#!/usr/bin/env bash
# Where S8's round trip goes: runs the harness's RPC benchmark (S8) against a broker on
# 127.0.0.1:PORT while tcpdump records the loopback packets, then splits each round trip into the
# broker's two passes and the two clients' own time (bench/rpc-breakdown.py).
#   bench/rpc-breakdown.sh PORT [DURATION=8]
# Needs tcpdump (Debian: apt-get install tcpdump) and root or CAP_NET_RAW. The capture itself slows
# the round trips a little; compare brokers with the same command, not with S8's table.
set -euo pipefail
port=${1:?usage: rpc-breakdown.sh PORT [DURATION]}
duration=${2:-8}
here=$(cd "$(dirname "$0")" && pwd)
harness=${BENCH_HARNESS:-$here/../../shared/bench}
[[ -x "$harness/run.sh" ]] || { echo "set BENCH_HARNESS to the benchmark harness (holding run.sh)" >&2; exit 2; }
command -v tcpdump >/dev/null || { echo "tcpdump not found (apt-get install tcpdump)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
tcpdump -i lo -nn -tt -q -B 32768 "tcp port $port" >"$out/capture.txt" 2>"$out/tcpdump.err" &
dump=$!
sleep 1
SCENARIOS=S8 DURATION=$duration "$harness/run.sh" "amqp://guest:guest@127.0.0.1:$port/%2F" "$out/run" \
  | grep -E '^\[.*S8:' || true
sleep 1
kill "$dump"; wait "$dump" 2>/dev/null || true
grep -E 'dropped' "$out/tcpdump.err" || true
python3 "$here/rpc-breakdown.py" "$out/capture.txt" "$port"
