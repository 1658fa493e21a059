#!/usr/bin/env bash
# Files per second of the metrics plugin's head-file work on a real tree.
# Usage: bench/throughput.sh DIR [--no-complexity] [ROUNDS]
# Needs the module built with its tests: mvn -B -q install -pl bundles/gstats-plugin-metrics -am -DskipTests
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-}"
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
  echo "usage: bench/throughput.sh DIR [--no-complexity] [ROUNDS]   (e.g. /usr/lib/python3.11)" >&2
  exit 2
fi
shift || true
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
api="$(ls "$repo"/org/gstats/gstats-api/*/gstats-api-*.jar | grep -v sources | head -1)"
java -cp "$module/target/classes:$module/target/test-classes:$api" \
  org.gstats.plugin.metrics.internal.MetricsThroughput "$dir" "$@"
