#!/usr/bin/env bash
# Measures EmbeddedBroker.start() until the broker answers (see EmbeddedStartupBench).
# Run from the repository root: bash broker/bench-startup.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -Pquick -pl broker test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -cp "broker/target/test-classes:broker/target/classes:$(cat broker/target/bench-classpath.txt)" \
  io.warrenmq.broker.bench.EmbeddedStartupBench "$@"
