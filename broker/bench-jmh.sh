#!/usr/bin/env bash
# The broker's hot-path JMH benchmarks (broker/src/test/java/io/warrenmq/broker/bench), then the
# frame codec's (amqp-model/bench.sh): regressions show up here without a full broker run.
#
#   bash broker/bench-jmh.sh                        # topic routing, queue dispatch, frame codec
#   bash broker/bench-jmh.sh TopicRouting           # only benchmarks matching these regexes
#   JMH_OPTS="-f 1 -wi 1 -w 1s -i 2 -r 1s" bash broker/bench-jmh.sh     # a quick look
#   bash broker/bench-jmh.sh -prof gc               # plus allocation per operation (B/op)
#
# Arguments go to JMH after JMH_OPTS (default "-f 1 -wi 3 -w 2s -i 5 -r 3s"; change those through
# JMH_OPTS, since JMH refuses an option given twice); the codec benchmark
# runs only when no regex is given (CODEC=0 skips it). Scores are operations per second: one
# routed key, one enqueued-and-delivered message, one decoded or encoded publish.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/broker/target"
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 3 -w 2s -i 5 -r 3s"}

# Every JMH option takes one value except -h, -l, -lp, -lprof and -lrf; other words are regexes.
options=()
regexes=()
expect_value=0
for arg in "$@"; do
  if ((expect_value)); then
    options+=("$arg")
    expect_value=0
  elif [[ "$arg" == -* ]]; then
    options+=("$arg")
    case "$arg" in -h | -l | -lp | -lprof | -lrf) ;; *) expect_value=1 ;; esac
  else
    regexes+=("$arg")
  fi
done
run_codec=${CODEC:-1}
if ((${#regexes[@]} == 0)); then
  regexes=("io.warrenmq.broker.bench.*Benchmark")
else
  run_codec=0
fi

(cd "$root" && mvn -q -B -Pquick -pl broker -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$target/bench-jmh-classpath.txt")

# A copy of the compiled classes, so that a build running meanwhile in this tree cannot change
# them under the forked benchmark JVM.
snapshot="$(mktemp -d "${TMPDIR:-/tmp}/warrenmq-bench-jmh.XXXXXX")"
trap 'rm -rf "$snapshot"' EXIT
cp -R "$target/classes" "$snapshot/classes"
cp -R "$target/test-classes" "$snapshot/test-classes"
[[ -f "$snapshot/test-classes/META-INF/BenchmarkList" ]] \
  || { echo "bench-jmh.sh: no JMH BenchmarkList in $target/test-classes; run again" >&2; exit 1; }

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086
"$java" -cp "$snapshot/test-classes:$snapshot/classes:$(cat "$target/bench-jmh-classpath.txt")" \
  org.openjdk.jmh.Main "${regexes[@]}" $JMH_OPTS ${options[@]+"${options[@]}"}

if ((run_codec)); then
  # amqp-model/bench.sh takes JMH options itself; give it the same ones.
  # shellcheck disable=SC2086
  bash "$root/amqp-model/bench.sh" $JMH_OPTS ${options[@]+"${options[@]}"}
fi
