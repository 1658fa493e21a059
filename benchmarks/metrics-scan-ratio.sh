#!/usr/bin/env bash
# Time of a metrics scan with head content against a metadata-only scan of the same repository:
# the real scanner walks the history in both; head blobs are read with JGit, as content delivery does.
# Usage: benchmarks/metrics-scan-ratio.sh REPOSITORY [ROUNDS]
# Extra Maven options (e.g. -o, -Dmaven.repo.local=...) can be given in MAVEN_ARGS.
set -euo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: benchmarks/metrics-scan-ratio.sh REPOSITORY [ROUNDS]" >&2
  exit 2
fi
repository="$(cd "$1" && pwd)"
shift
exec "$(dirname "$0")/run-test-main.sh" bundles/gstats-plugin-metrics \
  org.gstats.plugin.metrics.internal.MetricsScanTiming "$repository" "$@"
