#!/usr/bin/env bash
# Runs the codec benchmark (amqp-model/src/test/java/io/warrenmq/model/bench/PublishCodecBenchmark)
# with JMH. It is not part of `mvn verify`; run it by hand, from the repository root:
#
#   bash amqp-model/bench.sh                                  # every benchmark, defaults below
#   bash amqp-model/bench.sh -prof gc                         # plus allocation per operation
#   bash amqp-model/bench.sh -i 10 'PublishCodecBenchmark.decode$'
#
# Arguments go to JMH (org.openjdk.jmh.Main -h lists them). Defaults: -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1;
# an option given on the command line replaces its default, and a benchmark regex replaces the
# default regex PublishCodecBenchmark.
set -euo pipefail

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root_dir="$(dirname "$module_dir")"
target="$module_dir/target"

# Compile main and test classes (the JMH annotation processor generates the harness at
# test-compile) and write the module's test class path.
(cd "$root_dir" && mvn -q -B -Pquick -pl amqp-model test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$target/bench-classpath.txt")

# Run from a copy of the compiled classes, so that a build running meanwhile in the same tree
# (mvn clean, a recompile) cannot change them under the benchmark's forked JVM.
snapshot="$(mktemp -d "${TMPDIR:-/tmp}/warrenmq-bench.XXXXXX")"
trap 'rm -rf "$snapshot"' EXIT
cp -R "$target/classes" "$snapshot/classes"
cp -R "$target/test-classes" "$snapshot/test-classes"
if [[ ! -f "$snapshot/test-classes/META-INF/BenchmarkList" ]]; then
  echo "bench.sh: no JMH BenchmarkList in $target/test-classes (another build rewrote it?); run again" >&2
  exit 1
fi
class_path="$snapshot/test-classes:$snapshot/classes:$(cat "$target/bench-classpath.txt")"

# Split the arguments into options and benchmark regexes, remembering which options were given.
# Every JMH option takes one value except these.
declare -A given=()
options=()
regexes=()
args=("$@")
i=0
while ((i < ${#args[@]})); do
  arg="${args[i]}"
  case "$arg" in
    -h | -l | -lp | -lprof | -lrf)
      options+=("$arg")
      i=$((i + 1))
      ;;
    -*)
      given["$arg"]=1
      options+=("$arg")
      if ((i + 1 < ${#args[@]})); then
        options+=("${args[i + 1]}")
      fi
      i=$((i + 2))
      ;;
    *)
      regexes+=("$arg")
      i=$((i + 1))
      ;;
  esac
done

defaults=()
for pair in "-f 1" "-wi 3" "-w 2s" "-i 5" "-r 3s" "-t 1"; do
  read -r option value <<<"$pair"
  if [[ -z "${given[$option]:-}" ]]; then
    defaults+=("$option" "$value")
  fi
done
if ((${#regexes[@]} == 0)); then
  regexes=(PublishCodecBenchmark)
fi

java="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java="$JAVA_HOME/bin/java"
fi
"$java" -cp "$class_path" org.openjdk.jmh.Main \
  "${regexes[@]}" ${defaults[@]+"${defaults[@]}"} ${options[@]+"${options[@]}"}
