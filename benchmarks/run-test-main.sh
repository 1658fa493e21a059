#!/usr/bin/env bash
# Builds a module (and what it needs) without running tests, then runs MAIN_CLASS from its test
# classes with the module's full test classpath. The benchmark scripts beside it call this.
# Usage: benchmarks/run-test-main.sh MODULE MAIN_CLASS [ARGUMENTS...]
# Extra Maven options (e.g. -o, -Dmaven.repo.local=...) can be given in MAVEN_ARGS, JVM options
# (e.g. -XX:TieredStopAtLevel=1, as bin/gstats runs) in BENCH_JAVA_OPTS.
set -euo pipefail
module="$1"
main="$2"
shift 2
cd "$(dirname "$0")/.."
classpath="$(mktemp)"
trap 'rm -f "$classpath"' EXIT
# a reactor build, nothing installed: sibling modules resolve to their target/classes; the module
# itself is built last, so its classpath is the one left in the file
mvn -B -q ${MAVEN_ARGS:-} test-compile dependency:build-classpath -pl "$module" -am -Dbnd.baseline.skip=true \
  -Dmdep.outputFile="$classpath" >/dev/null
java ${BENCH_JAVA_OPTS:-} -cp "$module/target/classes:$module/target/test-classes:$(cat "$classpath")" "$main" "$@"
