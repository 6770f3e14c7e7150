# Shared by bench/side-by-side.sh and bench/profile.sh (sourced, not run): the harness location,
# free ports, and starting WarrenMQ from its jar with the benchmark's JVM settings.
# Needs: root (the repository), OUTDIR, work (a temporary directory the caller deletes).

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

DURATION=${DURATION:-12}
JAR=${WARREN_JAR:-$root/broker/target/warrenmq-broker.jar}
# Heap and GC of the WarrenMQ JVM; bench/README.md says why these.
WARREN_JAVA_OPTS=${WARREN_JAVA_OPTS:-"-Xms64m -Xmx3g -XX:MaxNewSize=512m -XX:MaxDirectMemorySize=1g \
-XX:+UseG1GC -XX:MaxGCPauseMillis=10 -XX:G1PeriodicGCInterval=1000 -XX:MinHeapFreeRatio=10 \
-XX:MaxHeapFreeRatio=30"}
JAVA=${JAVA:-java}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-120}

# Sets BENCH_HARNESS to the harness directory (absolute) or stops with what to do.
find_harness() {
  BENCH_HARNESS=${BENCH_HARNESS:-$root/../shared/bench}
  if [[ ! -x "$BENCH_HARNESS/compare.sh" || ! -x "$BENCH_HARNESS/run.sh" ]]; then
    die "no benchmark harness at '$BENCH_HARNESS' (compare.sh and run.sh not found or not executable).
Set BENCH_HARNESS to the directory that holds the AMQP 0-9-1 benchmark harness (compare.sh, run.sh, tools/)."
  fi
  BENCH_HARNESS=$(cd "$BENCH_HARNESS" && pwd)
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Waits until something accepts TCP connections on 127.0.0.1:$1 while pid $2 lives.
wait_port() {
  local port=$1 pid=$2 deadline=$((SECONDS + BOOT_TIMEOUT))
  while ((SECONDS < deadline)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

# Starts WarrenMQ on a free port with a temporary data directory; broker flags given replace the
# default --management-port -1 (e.g. --management-port N). Sets warren_pid and WARREN_URI; the log is $OUTDIR/warrenmq.log.
warren_pid=""
start_warren() {
  if [[ ! -f "$JAR" ]]; then
    log "building $JAR (mvn -Pquick -pl broker -am package -DskipTests)"
    (cd "$root" && mvn -q -B -Pquick -pl broker -am package -DskipTests) >"$OUTDIR/build.log" 2>&1 \
      || die "build failed, see $OUTDIR/build.log"
  fi
  local port; port=$(free_port)
  # No management API unless asked for, and no Prometheus endpoint: neither is measured, and a
  # fixed default port (15692) could be taken on a shared machine.
  local flags=(--management-port -1)
  (($# > 0)) && flags=("$@")
  flags+=(--prometheus-port -1)
  # The broker's logging plus its store thread's group commit rate (fsyncs per second, at debug).
  # shellcheck disable=SC2086
  "$JAVA" $WARREN_JAVA_OPTS -Dlogback.configurationFile="$root/bench/warrenmq-logback.xml" \
    -jar "$JAR" --bind 127.0.0.1 --port "$port" --data-dir "$work/warren-data" "${flags[@]}" \
    >"$OUTDIR/warrenmq.log" 2>&1 &
  warren_pid=$!
  wait_port "$port" "$warren_pid" || { tail -20 "$OUTDIR/warrenmq.log" >&2; die "WarrenMQ did not start"; }
  WARREN_URI="amqp://guest:guest@127.0.0.1:$port/%2F"
  log "WarrenMQ pid $warren_pid on $WARREN_URI ($WARREN_JAVA_OPTS)"
}

stop_warren() {
  if [[ -n "$warren_pid" ]] && kill -0 "$warren_pid" 2>/dev/null; then
    kill "$warren_pid"
    wait "$warren_pid" 2>/dev/null
  fi
  warren_pid=""
}
