#!/usr/bin/env bash
# A JFR recording of WarrenMQ while the harness runs one scenario against it, and a summary of it:
#
#   bench/profile.sh [SCENARIO=S1] [OUTDIR]
#
# Starts WarrenMQ as bench/side-by-side.sh does (same jar, JVM settings, temporary data
# directory), plus its management API on a free port, which is polled every second for each
# queue's ready and unacked counts (queue-depth.tsv: where messages wait). JFR records with the JDK's
# "profile" settings (10 ms CPU samples, allocation samples, GC, lock waits) from the scenario's start
# to its end only. Then bench/jfr-summary.py prints the top frames, allocation per delivered
# message and GC pauses, and a class histogram taken half-way through (HISTOGRAM=0: none; it costs
# one full GC) shows how many messages the broker holds. Keeps warrenmq.jfr in OUTDIR for JDK
# Mission Control or `jfr print`.
#
# Env: as side-by-side.sh (BENCH_HARNESS, DURATION, WARREN_JAVA_OPTS, WARREN_JAR, JAVA).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

SCENARIO=${1:-S1}
[[ "$SCENARIO" =~ ^S[1-8]$ ]] || die "usage: profile.sh [S1..S8] [OUTDIR]"
find_harness
OUTDIR=${2:-${OUTDIR:-$root/bench/results/profile-$SCENARIO-$(date +%Y%m%d-%H%M%S)}}
mkdir -p "$OUTDIR" || die "cannot create $OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/warrenmq-profile.XXXXXX")
sampler=""
cleanup() {
  [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null
  stop_warren
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mport=$(free_port)
start_warren --management-port "$mport"

# Queue depths once a second: time, queue, ready, unacked.
(
  while :; do
    curl -s -u guest:guest "http://127.0.0.1:$mport/api/queues" | python3 -c '
import json, sys, time
try:
    for q in json.load(sys.stdin):
        print("%d\t%s\t%s\t%s" % (time.time(), q["name"], q.get("messages_ready"), q.get("messages_unacknowledged")))
except ValueError:
    pass' >>"$OUTDIR/queue-depth.tsv"
    sleep 1
  done
) &
sampler=$!

jcmd "$warren_pid" JFR.start name=bench settings=profile filename="$OUTDIR/warrenmq.jfr" >"$OUTDIR/jfr.log" 2>&1 \
  || die "jcmd JFR.start failed (see $OUTDIR/jfr.log)"
log "$SCENARIO against WarrenMQ, recording to $OUTDIR/warrenmq.jfr"
# Half-way through, the live objects by class (a full GC, once): messages held anywhere in the
# broker show up as Message/QueueEntry counts, also where no queue counts them (a task queue).
if [[ "${HISTOGRAM:-1}" == 1 ]]; then
  (
    sleep $((DURATION / 2 + 4))
    jcmd "$warren_pid" GC.class_histogram >"$work/histogram.txt" 2>&1
    { head -3 "$work/histogram.txt"; grep -E "io\.warrenmq|io\.netty\.(buffer|channel|util\.concurrent)" "$work/histogram.txt" | head -25; } \
      >"$OUTDIR/histogram.txt"
  ) &
  histogram=$!
fi
SCENARIOS=$SCENARIO REPEAT=1 BROKER_PID=$warren_pid DURATION=$DURATION \
  "$BENCH_HARNESS/run.sh" "$WARREN_URI" "$OUTDIR/harness" >"$OUTDIR/harness.md" \
  || log "run.sh failed (see $OUTDIR/harness)"
[[ -n "${histogram:-}" ]] && wait "$histogram"
jcmd "$warren_pid" JFR.stop name=bench >>"$OUTDIR/jfr.log" 2>&1 || die "jcmd JFR.stop failed (see $OUTDIR/jfr.log)"
kill "$sampler" 2>/dev/null
sampler=""

cat "$OUTDIR/harness.md"
# PerfTest's whole-run receive rate × its duration: the deliveries the recording covers.
received=$(awk -F'\t' -v d="$DURATION" '$1 != "" && $4 ~ /^[0-9]+$/ {print $4 * d}' "$OUTDIR"/harness/run-1/results.tsv | head -1)
echo
python3 "$root/bench/jfr-summary.py" "$OUTDIR/warrenmq.jfr" ${received:+--messages "$received"} \
  --depth "$OUTDIR/queue-depth.tsv" | tee "$OUTDIR/summary.txt"
if [[ -f "$OUTDIR/histogram.txt" ]]; then
  echo
  echo "Live broker objects half-way through (jcmd GC.class_histogram):"
  cat "$OUTDIR/histogram.txt"
fi
echo
echo "Raw: $OUTDIR"
