#!/usr/bin/env bash
# Files per second of the metrics plugin's complexity analysis (lexing included), content already in memory.
# Usage: benchmarks/complexity-throughput.sh [Language=directory=.ext[,.ext] ...]
# Without arguments it measures the commons-lang3 sources the build unpacks for the PMD check.
# Extra Maven options (e.g. -o, -Dmaven.repo.local=...) can be given in MAVEN_ARGS.
set -euo pipefail
if [ $# -eq 0 ]; then
  set -- "Java=bundles/gstats-plugin-metrics/target/complexity-corpus=.java"
fi
exec "$(dirname "$0")/run-test-main.sh" bundles/gstats-plugin-metrics \
  org.gstats.plugin.metrics.internal.complexity.ComplexityThroughput "$@"
