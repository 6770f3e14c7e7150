#!/usr/bin/env bash
# Backlog figure (issue 7): N persistent 1 KiB messages queued on a durable queue with no consumer,
# then the broker's heap (after a full GC) and RSS, the time to restart and recover them, and the
# drain rate of one consumer. Uses PerfTest from ~/.cache/amqp-bench/lib (see ../shared/bench/).
#
#   bash broker/bench-backlog.sh            # N=1,000,000
#   N=200000 bash broker/bench-backlog.sh
#
# Env: N (messages), SIZE (bytes, 1024), BROKER_JAVA_OPTS (e.g. -Xmx1g), PERFTEST_CP (default
# ~/.cache/amqp-bench/lib/*), KEEP=1 keeps the data directory. Needs the broker jar: mvn -Pquick
# -pl broker -am package -DskipTests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N=${N:-1000000}
SIZE=${SIZE:-1024}
JAR="$root/broker/target/warrenmq-broker.jar"
PERFTEST_CP=${PERFTEST_CP:-"$HOME/.cache/amqp-bench/lib/*"}
BROKER_JAVA_OPTS=${BROKER_JAVA_OPTS:-}
QUEUE=backlog

[[ -f "$JAR" ]] || { echo "missing $JAR (mvn -Pquick -pl broker -am package -DskipTests)" >&2; exit 1; }
compgen -G "${PERFTEST_CP%\*}perf-test-*.jar" >/dev/null \
  || { echo "PerfTest not found in $PERFTEST_CP (set PERFTEST_CP)" >&2; exit 1; }

data=$(mktemp -d /tmp/warren-backlog.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
uri="amqp://guest:guest@127.0.0.1:$port"
pid=""

cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [[ "${KEEP:-0}" == 1 ]] && echo "data kept in $data" || rm -rf "$data"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# Starts the broker; returns once it accepts AMQP connections (recovery runs before the listener).
start_broker() {
  local log="$data/broker-$1.log"
  # shellcheck disable=SC2086
  java $BROKER_JAVA_OPTS -jar "$JAR" --bind 127.0.0.1 --port "$port" --data-dir "$data/store" \
    --management-port -1 >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 6000); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "broker died, see $log" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  echo "broker did not start" >&2; exit 1
}

stop_broker() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

perftest() {
  java -cp "$PERFTEST_CP" com.rabbitmq.perf.PerfTest -h "$uri" "$@" >"$data/perftest-$1$2.log" 2>&1 \
    || { echo "PerfTest failed:" >&2; tail -20 "$data/perftest-$1$2.log" >&2; exit 1; }
}

# Heap used after a full GC, and RSS, of the broker (MiB).
memory() {
  jcmd "$pid" GC.run >/dev/null
  local used_kib rss_kib
  used_kib=$(jcmd "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  rss_kib=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  echo "heap used after GC $((used_kib / 1024)) MiB, RSS $((rss_kib / 1024)) MiB"
}

echo "backlog: N=$N persistent ${SIZE}-byte messages, durable queue '$QUEUE', port $port, data $data"
start_broker 1
echo "idle broker:           $(memory)"

t0=$(now_ms)
perftest -x 1 -y 0 -s "$SIZE" -u "$QUEUE" -ad false -f persistent -c 1000 -C "$N"
t1=$(now_ms)
echo "published (confirms):  $N in $(( (t1 - t0) / 1000 )).$(( (t1 - t0) % 1000 / 100 )) s, $(( N * 1000 / (t1 - t0 + 1) )) msg/s"
echo "queued, no consumer:   $(memory)"
echo "on disk:               $(du -sm "$data/store/msgs" | cut -f1) MiB in $(ls "$data/store/msgs" | grep -c '\.seg$') segments"

stop_broker
t2=$(now_ms)
start_broker 2
t3=$(now_ms)
echo "restart + recovery:    $(( (t3 - t2) / 1000 )).$(( (t3 - t2) % 1000 / 10 )) s until it accepts connections"
grep -oE '[0-9]+ message reference\(s\) recovered in [0-9]+ ms' "$data/broker-2.log" \
  | sed 's/^/  broker log:          /' || true
echo "after recovery:        $(memory)"

t4=$(now_ms)
perftest -x 0 -y 1 -u "$QUEUE" -ad false -f persistent -p -q 1000 -A 100 -D "$N"
t5=$(now_ms)
echo "drained (1 consumer, prefetch 1000, acks every 100): $N in $(( (t5 - t4) / 1000 )).$(( (t5 - t4) % 1000 / 100 )) s, $(( N * 1000 / (t5 - t4 + 1) )) msg/s"
echo "after drain:           $(memory)"
