#!/usr/bin/env bash
# Files per second of the metrics plugin's head-file work (format detection, line counting, tokens,
# clone detection, and complexity unless --no-complexity) on the files under DIR, read into memory first.
# Usage: benchmarks/metrics-throughput.sh DIR [--no-complexity] [ROUNDS]
# Threads: BENCH_JAVA_OPTS=-Dgstats.threads=N (default: one per available processor).
# Extra Maven options (e.g. -o, -Dmaven.repo.local=...) can be given in MAVEN_ARGS.
set -euo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: benchmarks/metrics-throughput.sh DIR [--no-complexity] [ROUNDS]   (e.g. /usr/lib/python3.11)" >&2
  exit 2
fi
dir="$(cd "$1" && pwd)"
shift
exec "$(dirname "$0")/run-test-main.sh" bundles/gstats-plugin-metrics \
  org.gstats.plugin.metrics.internal.MetricsThroughput "$dir" "$@"
