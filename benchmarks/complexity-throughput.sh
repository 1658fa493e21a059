#!/usr/bin/env bash
# Files per second of the metrics plugin's complexity analysis (lexing included), content already in memory.
# Usage: benchmarks/complexity-throughput.sh [Language=directory=.ext[,.ext] ...]
# Without arguments it measures the commons-lang3 sources the build unpacks for the PMD check.
# Extra Maven options (e.g. -o, -Dmaven.repo.local=...) can be given in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
module=bundles/gstats-plugin-metrics
mvn -B -q ${MAVEN_ARGS:-} install -pl "$module" -am -DskipTests
mvn -B -q ${MAVEN_ARGS:-} test-compile -pl "$module"
if [ $# -eq 0 ]; then
  set -- "Java=$module/target/complexity-corpus=.java"
fi
java -cp "$module/target/classes:$module/target/test-classes" \
  org.gstats.plugin.metrics.internal.complexity.ComplexityThroughput "$@"
