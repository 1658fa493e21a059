#!/usr/bin/env bash
# Builds a module (and what it needs) without running tests, then runs MAIN_CLASS from its test
# classes with the module's full test classpath. The benchmark scripts beside it call this.
# Usage: benchmarks/run-test-main.sh MODULE MAIN_CLASS [ARGUMENTS...]
# Extra Maven options (e.g. -o, -Dmaven.repo.local=...) can be given in MAVEN_ARGS.
set -euo pipefail
module="$1"
main="$2"
shift 2
cd "$(dirname "$0")/.."
mvn -B -q ${MAVEN_ARGS:-} install -pl "$module" -am -DskipTests
classpath="$(mktemp)"
trap 'rm -f "$classpath"' EXIT
mvn -B -q ${MAVEN_ARGS:-} dependency:build-classpath -pl "$module" -Dmdep.outputFile="$classpath" >/dev/null
java -cp "$module/target/classes:$module/target/test-classes:$(cat "$classpath")" "$main" "$@"
