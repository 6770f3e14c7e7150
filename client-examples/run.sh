#!/usr/bin/env bash
# Runs one of the ported tutorials: client-examples/run.sh <name> [args...]
# e.g. client-examples/run.sh receive; client-examples/run.sh new_task A task...
# The broker comes from AMQP_URL (default amqp://guest:guest@localhost:5672/).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/warrenmq-examples.jar"
if [[ ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  (cd "$here/.." && mvn -q -B -Pquick -pl client-examples -am package -DskipTests) >&2
fi
exec java -jar "$jar" "$@"
