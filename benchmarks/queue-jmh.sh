#!/usr/bin/env bash
# Messages per second through gstats-queue: JMH, one producer with one and with two consumers,
# small messages. The producer's rows (put, put2) are the queue's throughput.
# Usage: benchmarks/queue-jmh.sh [JMH options, e.g. -wi 1 -i 3]
# Extra Maven options (e.g. -o, -Dmaven.repo.local=...) can be given in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
module=benchmarks/queue-jmh
mvn -B -q ${MAVEN_ARGS:-} install -pl "$module" -am -DskipTests
classpath="$(mktemp)"
trap 'rm -f "$classpath"' EXIT
mvn -B -q ${MAVEN_ARGS:-} dependency:build-classpath -pl "$module" -Dmdep.outputFile="$classpath" >/dev/null
java -cp "$module/target/classes:$(cat "$classpath")" org.openjdk.jmh.Main QueueBenchmark "$@"
