#!/usr/bin/env bash
# The scan benchmark: git log --numstat -M against gstats on the same repositories, run
# alternately several times; prints the medians, gstats' ratio to git, and peak RSS.
#
#   itests/bench/scan-bench.sh [--runs N] [--synthetic COMMITS]... [REPOSITORY]...
#
# --synthetic COMMITS generates a repository of that many commits (synthetic-repo.py, kept in
# the system's temp folder between runs) and benchmarks it too. Rows per repository:
#   git log       git log --numstat -M (git's rename setting, as gstats' default)
#   gstats scan   bin/gstats scan --format json --quiet (the whole product: JVM, OSGi, plugins, report)
#   scanner meta  the scanner alone, metadata only (ScanBenchmark)
#   scanner text  the scanner alone, with head and historical text content (ScanBenchmark)
# Needs a built tree (mvn install); /usr/bin/time for RSS.
set -euo pipefail

root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
gstats=$root/distribution/target/gstats/bin/gstats
classes=$root/bundles/gstats-scanner/target/test-classes
runs=5
repositories=()
synthetic=()

while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --synthetic) synthetic+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "scan-bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) repositories+=("$1"); shift ;;
  esac
done

if [[ ! -x $gstats || ! -f $classes/org/gstats/scanner/internal/ScanBenchmark.class ]]; then
  echo "scan-bench: build first: mvn -B install -DskipTests (from $root)" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "scan-bench: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi

for commits in "${synthetic[@]}"; do
  dir=${TMPDIR:-/tmp}/gstats-bench-synthetic-$commits
  if [[ ! -d $dir/.git ]]; then
    echo "scan-bench: generating $dir ($commits commits)…" >&2
    python3 "$root/itests/bench/synthetic-repo.py" "$dir" --commits "$commits"
  fi
  repositories+=("$dir")
done
if [[ ${#repositories[@]} -eq 0 ]]; then
  echo "scan-bench: name a repository or --synthetic COMMITS (see --help)" >&2
  exit 2
fi

classpath=$classes
for jar in "$root"/distribution/target/gstats/bundle/*.jar; do
  classpath=$classpath:$jar
done

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT

# Runs "$@" once, output discarded; prints "wall-seconds cpu-seconds peak-rss-kb"
measure() {
  if ! /usr/bin/time -o "$timing" -f '%e %U %S %M' "$@" >/dev/null 2>&1; then
    echo "scan-bench: failed: $*" >&2
    exit 1
  fi
  tail -1 "$timing" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

printf '| repository | commits | what | wall s | wall ratio | cpu s | cpu ratio | peak RSS MB |\n'
printf '|---|---:|---|---:|---:|---:|---:|---:|\n'
for repo in "${repositories[@]}"; do
  count=$(git -C "$repo" rev-list --count HEAD)
  declare -A times=() cpus=() rss=()
  for ((run = 0; run < runs; run++)); do
    for what in "git log" "gstats scan" "scanner meta" "scanner text"; do
      case $what in
        "git log") result=$(measure git -C "$repo" log --numstat -M --format=%H HEAD) ;;
        "gstats scan") result=$(measure "$gstats" scan "$repo" --format json --quiet) ;;
        "scanner meta") result=$(measure java -cp "$classpath" org.gstats.scanner.internal.ScanBenchmark "$repo" metadata) ;;
        "scanner text") result=$(measure java -cp "$classpath" org.gstats.scanner.internal.ScanBenchmark "$repo" content) ;;
      esac
      read -r wall cpu peak <<<"$result"
      times[$what]+="$wall "
      cpus[$what]+="$cpu "
      if [[ -z ${rss[$what]:-} || $peak -gt ${rss[$what]} ]]; then
        rss[$what]=$peak
      fi
    done
  done
  git_wall=$(tr ' ' '\n' <<<"${times[git log]}" | grep . | median)
  git_cpu=$(tr ' ' '\n' <<<"${cpus[git log]}" | grep . | median)
  for what in "git log" "gstats scan" "scanner meta" "scanner text"; do
    wall=$(tr ' ' '\n' <<<"${times[$what]}" | grep . | median)
    cpu=$(tr ' ' '\n' <<<"${cpus[$what]}" | grep . | median)
    printf '| %s | %s | %s | %.2f | %s | %.2f | %s | %d |\n' "$(basename "$repo")" "$count" "$what" \
      "$wall" "$(ratio "$wall" "$git_wall")" "$cpu" "$(ratio "$cpu" "$git_cpu")" $(( ${rss[$what]} / 1024 ))
  done
  unset times cpus rss
done
