#!/usr/bin/env bash
# Time of a metrics scan with head content vs metadata only, on one repository.
# Usage: bench/scan-ratio.sh REPOSITORY [ROUNDS]
# Needs the module built with its tests: mvn -B -q install -pl bundles/gstats-plugin-metrics -am -DskipTests
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: bench/scan-ratio.sh REPOSITORY [ROUNDS]" >&2
  exit 2
fi
cd "$module"
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$classpath_file" ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO} >/dev/null
java -cp "$module/target/classes:$module/target/test-classes:$(cat "$classpath_file")" \
  org.gstats.plugin.metrics.internal.MetricsScanTiming "$@"
