#!/usr/bin/env bash
# JMH: the metrics plugin's head-file analysers (format detection and source scan, complexity, clone
# detection) on the text files under DIR, one thread, the quick compiler and serial collector as bin/gstats
# runs them. Scores are passes over the tree per second; the set-up prints the file counts.
# Usage: benchmarks/metrics-jmh.sh DIR [JMH options, e.g. -wi 2 -i 3 scan]
# Extra Maven options (e.g. -o, -Dmaven.repo.local=...) can be given in MAVEN_ARGS. Installs nothing.
set -euo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: benchmarks/metrics-jmh.sh DIR [JMH options]   (e.g. a source tree from git archive HEAD)" >&2
  exit 2
fi
dir="$(cd "$1" && pwd)"
shift
cd "$(dirname "$0")/.."
module=benchmarks/metrics-jmh
classpath="$(mktemp)"
trap 'rm -f "$classpath"' EXIT
# a reactor build: the metrics plugin resolves to its target/classes, the benchmark module is built last
mvn -B -q ${MAVEN_ARGS:-} compile dependency:build-classpath -pl "$module" -am -Dbnd.baseline.skip=true \
  -Dmdep.outputFile="$classpath" >/dev/null
java -cp "$module/target/classes:$(cat "$classpath")" org.openjdk.jmh.Main HeadFilesBenchmark -p dir="$dir" "$@"
