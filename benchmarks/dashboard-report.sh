#!/usr/bin/env bash
# The static HTML report in headless Chromium: file size, and how long after navigation start
# its first view is painted (five rounds, one browser). With SCREENSHOT_DIR, also a PNG of every
# view at 1440 and 390 pixels wide. Build the report first, e.g.
#   distribution/target/gstats/bin/gstats scan REPO --format html --output report.html
# Usage: benchmarks/dashboard-report.sh REPORT.html [SCREENSHOT_DIR]
# Extra Maven options (e.g. -o) can be given in MAVEN_ARGS.
set -euo pipefail
if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "usage: benchmarks/dashboard-report.sh REPORT.html [SCREENSHOT_DIR]" >&2
  exit 2
fi
report="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shots=()
if [ $# -ge 2 ]; then
  mkdir -p "$2"
  shots=("$(cd "$2" && pwd)")
fi
cd "$(dirname "$0")/.."
module=bundles/gstats-plugin-export
classpath="$(mktemp)"
trap 'rm -f "$classpath"' EXIT
# a reactor build (never install): the module's test classes and, last written, its classpath
mvn -B -q ${MAVEN_ARGS:-} test-compile dependency:build-classpath -pl "$module" -am \
  -Dmdep.outputFile="$classpath" >/dev/null
java -cp "$module/target/classes:$module/target/test-classes:$(cat "$classpath")" \
  org.gstats.plugin.export.internal.DashboardBenchmark "$report" "${shots[@]}"
