#!/usr/bin/env bash
# WarrenMQ and RabbitMQ side by side on this machine, with one command:
#
#   bench/side-by-side.sh [ROUNDS=3] [SCENARIOS="S1 S2 S3 S4 S5 S6 S7 S8 S3x10"]
#
# Starts WarrenMQ (broker/target/warrenmq-broker.jar, built if missing) and a second RabbitMQ node of
# its own (Debian's rabbitmq-server, private node name, ports, data and log directories; a node
# already running on 5672 is left alone), runs the benchmark harness's compare.sh against both
# (RabbitMQ = A, WarrenMQ = B, rounds alternate A,B,A,B so both see the same machine noise), then
# the S3x10 variant (S3 with 10 publishers) alternately against both, prints the tables and stops
# both brokers. See bench/README.md for every knob.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

ROUNDS=${1:-3}
SCENARIOS=${2:-${SCENARIOS:-"S1 S2 S3 S4 S5 S6 S7 S8 S3x10"}}
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "usage: side-by-side.sh [ROUNDS] [SCENARIOS]  (ROUNDS: a positive number)"

find_harness
OUTDIR=${OUTDIR:-$root/bench/results/side-by-side-$(date +%Y%m%d-%H%M%S)}
RABBIT_BIN=${RABBIT_BIN:-/usr/lib/rabbitmq/bin}
RABBIT_URI=${RABBIT_URI:-}

harness_scenarios=()
run_s3x10=0
for s in $SCENARIOS; do
  case "$s" in
    S[1-8]) harness_scenarios+=("$s") ;;
    S3x10) run_s3x10=1 ;;
    *) die "unknown scenario '$s' (S1..S8, S3x10)" ;;
  esac
done

mkdir -p "$OUTDIR" || die "cannot create $OUTDIR"
work=$(mktemp -d "${TMPDIR:-/tmp}/warrenmq-side-by-side.XXXXXX")

# ---------------------------------------------------------------- RabbitMQ (a second node of our own)
rabbit_node="" rabbit_pid=""
rabbitmqctl() { HOME="$work/rabbit-home" "$RABBIT_BIN/rabbitmqctl" -n "$rabbit_node" "$@"; }
start_rabbit() {
  if [[ -n "$RABBIT_URI" ]]; then
    log "RabbitMQ: using the running broker at $RABBIT_URI (RABBIT_URI set; not started or stopped here)"
    return
  fi
  [[ -x "$RABBIT_BIN/rabbitmq-server" ]] \
    || die "no $RABBIT_BIN/rabbitmq-server (apt-get install rabbitmq-server, or set RABBIT_BIN, or RABBIT_URI for a running broker)"
  local port dist base="$work/rabbit"
  port=$(free_port); dist=$(free_port)
  rabbit_node="bench-rabbit-$$@localhost"
  # Own cookie (HOME), config, plugins, data and logs: nothing is shared with the system's node.
  mkdir -p "$base" "$work/rabbit-home"
  : >"$base/rabbitmq.conf"
  : >"$base/enabled_plugins"
  HOME="$work/rabbit-home" RABBITMQ_NODENAME="$rabbit_node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT="$dist" RABBITMQ_MNESIA_BASE="$base/mnesia" \
    RABBITMQ_LOG_BASE="$base/log" RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" RABBITMQ_PID_FILE="$base/pid" \
    "$RABBIT_BIN/rabbitmq-server" >"$OUTDIR/rabbitmq.log" 2>&1 &
  local waited=0
  rabbitmqctl wait --timeout "$BOOT_TIMEOUT" "$base/pid" >>"$OUTDIR/rabbitmq.log" 2>&1 || waited=$?
  rabbit_pid=$(cat "$base/pid" 2>/dev/null) # set even on failure, so that stop_all stops it
  ((waited == 0)) || { tail -20 "$OUTDIR/rabbitmq.log" >&2; die "RabbitMQ node $rabbit_node did not start"; }
  RABBIT_URI="amqp://guest:guest@127.0.0.1:$port/%2F"
  log "RabbitMQ $rabbit_node pid $rabbit_pid on $RABBIT_URI"
}

stop_all() {
  stop_warren
  if [[ -n "$rabbit_pid" ]] && kill -0 "$rabbit_pid" 2>/dev/null; then
    rabbitmqctl stop "$work/rabbit/pid" >/dev/null 2>&1 || kill "$rabbit_pid" 2>/dev/null
  fi
  rabbit_pid=""
  rm -rf "$work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start_warren
start_rabbit

export DURATION

# ---------------------------------------------------------------- warm-up, not recorded
# A JVM broker's first seconds run in the interpreter and C1 while C2 compiles on the same two
# cores (bench/profile.sh S1 showed 35k msg/s in the first second, 220k after ten), so a cold
# WarrenMQ would be measured in round 1 only. A production broker is warm: both brokers get the
# same unrecorded S1, S2 and S4 first.
if [[ "${WARMUP:-1}" == 1 && ${#harness_scenarios[@]} -gt 0 ]]; then
  for uri in "$RABBIT_URI" "$WARREN_URI"; do
    log "warm-up (not recorded): S1 S2 S4, 10 s each, against $uri"
    SCENARIOS="S1 S2 S4" DURATION=10 "$BENCH_HARNESS/run.sh" "$uri" "$work/warmup" >/dev/null 2>&1 \
      || log "warm-up against $uri failed (see the next run's errors)"
  done
fi

# ---------------------------------------------------------------- the harness's suite, alternating
if ((${#harness_scenarios[@]} > 0)); then
  log "compare.sh: $ROUNDS round(s) of [${harness_scenarios[*]}], A = RabbitMQ, B = WarrenMQ -> $OUTDIR/compare"
  SCENARIOS="${harness_scenarios[*]}" BROKER_PID_A="$rabbit_pid" BROKER_PID_B="$warren_pid" \
    "$BENCH_HARNESS/compare.sh" "$RABBIT_URI" "$WARREN_URI" "$ROUNDS" "$OUTDIR/compare" >"$OUTDIR/compare.out" \
    || log "compare.sh failed (see $OUTDIR/compare.out)"
fi

# ---------------------------------------------------------------- S3x10: S3 with 10 publishers
# The harness's S3 flags with -x 10: group commit should turn 10 publishers into more messages per
# fsync, not more fsyncs. WarrenMQ's fsync rate comes from its store thread's debug line, logged
# every 10 s; the first line of a run covers the idle time before it and is skipped, so the figure
# needs DURATION >= 12.
median() { sort -n | awk '/^[0-9.]+$/{a[++n]=$1} END{if(!n){print "NA"} else if(n%2){print a[(n+1)/2]} else {printf "%d\n", (a[n/2]+a[n/2+1])/2}}'; }
s3x10() {
  local out=$1 cp tools="$work/tools" prefix="side-$$" r b uri logf before rates
  mkdir -p "$out" "$tools"
  cp=${PERFTEST_CP:-${BENCH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/amqp-bench}/lib/*}
  compgen -G "${cp%\*}perf-test-*.jar" >/dev/null \
    || { log "S3x10: no PerfTest in $cp (run the harness once, or set PERFTEST_CP); skipped"; return; }
  javac -nowarn -cp "$cp" -d "$tools" "$BENCH_HARNESS/tools/AmqpTool.java" \
    || { log "S3x10: javac AmqpTool failed; skipped"; return; }
  local quiet="-Dlogback.configurationFile=$BENCH_HARNESS/tools/logback-quiet.xml"
  tool() { "$JAVA" "$quiet" -cp "$tools:$cp" AmqpTool "$@" >/dev/null 2>&1; }
  : >"$out/results.tsv"
  for ((r = 1; r <= ROUNDS; r++)); do
    for b in rabbitmq warrenmq; do
      [[ $b == rabbitmq ]] && uri=$RABBIT_URI || uri=$WARREN_URI
      logf="$out/$b-round-$r.log"
      log "S3x10 round $r/$ROUNDS: $b"
      tool delete "$uri" "$prefix-s3x10"
      before=$(grep -c 'group commit:' "$OUTDIR/warrenmq.log")
      echo "# cmd: PerfTest -h <URI> -e $prefix.direct -x 10 -y 1 -s 1024 -u $prefix-s3x10 -ad false -f persistent -c 100 -q 100 -A 50 -z $DURATION" >"$logf"
      timeout -k 10 $((DURATION + 60)) "$JAVA" -cp "$cp" com.rabbitmq.perf.PerfTest -h "$uri" -e "$prefix.direct" \
        -x 10 -y 1 -s 1024 -u "$prefix-s3x10" -ad false -f persistent -c 100 -q 100 -A 50 -z "$DURATION" >>"$logf" 2>&1 \
        || log "S3x10: PerfTest failed against $b (see $logf)"
      local fs=NA
      if [[ $b == warrenmq ]]; then
        fs=$(grep -oP 'group commit: \K[0-9]+' "$OUTDIR/warrenmq.log" | tail -n +$((before + 2)) \
          | awk '{s+=$1; n++} END{if(n) printf "%d", s/n; else print "NA"}')
      fi
      tool delete "$uri" "$prefix-s3x10"
      tool delete-x "$uri" "$prefix.direct"
      printf '%s\t%s\t%s\t%s\n' "$b" \
        "$(grep -oP 'sending rate avg: \K[0-9]+' "$logf" | tail -1)" \
        "$(grep -oP 'receiving rate avg: \K[0-9]+' "$logf" | tail -1)" "$fs" >>"$out/results.tsv"
    done
  done
  col() { awk -F'\t' -v b="$1" -v c="$2" '$1 == b {print $c}' "$out/results.tsv" | median; }
  local rs rr ws wr wf ratio per
  rs=$(col rabbitmq 2); rr=$(col rabbitmq 3); ws=$(col warrenmq 2); wr=$(col warrenmq 3); wf=$(col warrenmq 4)
  ratio=$(awk -v a="$rr" -v b="$wr" 'BEGIN{if (a+0 > 0 && b ~ /^[0-9]+$/) printf "%.2fx", b/a; else print "NA"}')
  per=$(awk -v m="$ws" -v f="$wf" 'BEGIN{if (f+0 > 0 && m ~ /^[0-9]+$/) printf "%.0f", m/f; else print "NA"}')
  {
    echo "S3x10: S3 with 10 publishers (PerfTest -x 10 -y 1 -s 1024 -ad false -f persistent -c 100 -q 100 -A 50), medians of $ROUNDS round(s)"
    echo
    echo "| Scenario | RabbitMQ sent | RabbitMQ recv msg/s | WarrenMQ sent | WarrenMQ recv msg/s | recv WarrenMQ/RabbitMQ | WarrenMQ fsyncs/s | WarrenMQ msgs per fsync |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    echo "| S3x10 | $rs | $rr | $ws | $wr | $ratio | $wf | $per |"
  } >"$out/s3x10.md"
}
if ((run_s3x10)); then
  s3x10 "$OUTDIR/s3x10"
fi

# ---------------------------------------------------------------- S5 after the clients' warm-up
# PerfTest's whole-run p99 in S5 is the first second's: 1% of 12,000 messages is 120, and a fresh
# PerfTest JVM (producer and consumer) is still compiling in its first second, whichever broker it
# talks to. Its per-second lines give each second's own p99; this table shows them from the third
# second on (median and worst of the seconds, every round), for both brokers alike.
s5_steady() {
  local b dir files
  echo "S5 from second 3 on: each second's own p99 from PerfTest's per-second lines, all rounds"
  echo
  echo "| Broker | seconds | median of per-second medians | median of per-second p99s | worst per-second p99 |"
  echo "|---|---:|---:|---:|---:|"
  for b in A B; do
    dir="$OUTDIR/compare/$b"
    files=$(find "$dir" -name S5.log 2>/dev/null)
    [[ -n "$files" ]] || continue
    # shellcheck disable=SC2086
    awk -v name="$([[ $b == A ]] && echo RabbitMQ || echo WarrenMQ)" '
      /time [0-9.]+ s, sent/ && /consumer latency/ {
        match($0, /time [0-9.]+/); t = substr($0, RSTART + 5, RLENGTH - 5) + 0
        if (t < 2.5) next
        split($NF == "µs" ? $(NF-1) : $NF, q, "/")
        n++; med[n] = q[2]; p99[n] = q[5]; if (q[5] + 0 > worst) worst = q[5] + 0
      }
      function median(a, n,   i, j, x) {
        for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > x + 0; j--) a[j+1] = a[j]; a[j+1] = x }
        return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
      }
      END { if (n) printf "| %s | %d | %.2f ms | %.2f ms | %.2f ms |\n", name, n, median(med, n) / 1000, median(p99, n) / 1000, worst / 1000 }
    ' $files
  done
}

echo
echo "# WarrenMQ vs RabbitMQ, $ROUNDS round(s), DURATION=$DURATION s, $(date -Is)"
echo "# A = RabbitMQ ($RABBIT_URI), B = WarrenMQ ($WARREN_JAVA_OPTS)"
[[ -f "$OUTDIR/compare/compare.md" ]] && { echo; cat "$OUTDIR/compare/compare.md"; }
[[ -f "$OUTDIR/s3x10/s3x10.md" ]] && { echo; cat "$OUTDIR/s3x10/s3x10.md"; }
[[ " ${harness_scenarios[*]} " == *" S5 "* ]] && { echo; s5_steady; }
echo
echo "Raw logs: $OUTDIR"
