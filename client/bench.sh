#!/bin/sh
# Side-by-side throughput of the WarrenMQ client and the official RabbitMQ Java client.
# Usage: client/bench.sh [messages] [confirmed-messages] [rounds]   (AMQP_URL picks the broker)
set -e
cd "$(dirname "$0")/.."
mvn -q -B -Pquick -pl client test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="client/target/classes:client/target/test-classes:$(cat client/target/bench.classpath)"
exec java -Dorg.slf4j.simpleLogger.showDateTime=false -cp "$CP" \
  io.warrenmq.client.bench.ThroughputBench "$@"
