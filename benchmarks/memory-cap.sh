#!/usr/bin/env bash
# The same scan with the JVM's heap capped (default -Xmx64m) and uncapped: both must give the
# same report apart from timings and memory figures. Prints wall times and peak RSS, the capped
# run's memory table (limit, peak heap, highest pressure level, producer blocked time) and its
# pressure changes, then the scan with only the commits plugin against all builtin plugins.
# Exit status 1 when the reports differ or a scan failed.
# Usage: benchmarks/memory-cap.sh REPOSITORY [HEAP [SCAN OPTIONS...]]   (e.g. 64m --no-store: a whole
#   scan each time rather than a rescan from the store)
#   (needs a built distribution: mvn -B -o -q package -pl distribution -am -DskipTests)
set -euo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: benchmarks/memory-cap.sh REPOSITORY [HEAP]   (e.g. itests/bench/synthetic-repo.py /tmp/r --commits 20000)" >&2
  exit 2
fi
repo=$1
heap=${2:-64m}
shift $(( $# < 2 ? $# : 2 ))
scan_options=("$@")
root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
gstats=$root/distribution/target/gstats/bin/gstats
[ -x "$gstats" ] || { echo "memory-cap: build first: mvn -B -o -q package -pl distribution -am -DskipTests" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() { # NAME JAVA_OPTS ARGS...
  local name=$1 opts=$2
  shift 2
  local status=0
  JAVA_OPTS=$opts /usr/bin/time -f "%e %M" -o "$out/$name.time" "$gstats" scan "$repo" --format json --quiet \
    "${scan_options[@]}" "$@" \
    > "$out/$name.json" 2> "$out/$name.err" || status=$?
  read -r wall rss < <(tail -1 "$out/$name.time")
  printf '%-10s %6.1f s wall, %5d MB peak RSS, exit %d %s\n' "$name" "$wall" $((rss / 1024)) "$status" \
    "$(head -c 300 "$out/$name.err")"
  [ "$status" -eq 0 ] || { echo "memory-cap: the $name scan failed" >&2; exit 1; }
}

run uncapped ""
run capped "-Xmx$heap"
run commits "" --plugins commits

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
def load(name):
    with open(f"{out}/{name}.json") as f:
        return json.load(f)
def strip(report):
    for key in ("started", "duration_ms", "peak_heap_bytes", "pressure_changes", "blocked_ms"):
        report["gstats"].pop(key, None)
    engine = report["sections"]["plugins"]
    for row in engine["execution"]:
        row.pop("time_ms", None)
    engine.pop("memory", None)
    engine.pop("pressure", None)
    # an empty table's columns are given apart; the pressure table is empty when the heap was ample
    columns = report.get("columns", {})
    columns.get("plugins", {}).pop("pressure", None)
    for section in [name for name, tables in columns.items() if not tables]:
        columns.pop(section)
    if not columns:
        report.pop("columns", None)
    return report
uncapped, capped = load("uncapped"), load("capped")
same = strip(json.loads(json.dumps(uncapped))) == strip(json.loads(json.dumps(capped)))
print("reports equal apart from timings and memory:", same)
for name, report in (("uncapped", uncapped), ("capped", capped)):
    memory = report["sections"]["plugins"]["memory"][0]
    print(f"{name:9} limit {memory['limit_bytes'] >> 20} MB, peak heap {memory['peak_heap_bytes'] >> 20} MB, "
          f"highest level {memory['highest_level']}, producer blocked {memory['blocked_ms']} ms, "
          f"{len(report['sections']['plugins']['pressure'])} pressure changes, "
          f"scan {report['gstats']['duration_ms']} ms" + (f", leak: {memory['leak']}" if memory["leak"] else ""))
for change in capped["sections"]["plugins"]["pressure"]:
    print(f"  at {change['at_ms']} ms: {change['from']} -> {change['to']} ({change['heap_after_gc_bytes'] >> 20} MB after GC)")
commits = load("commits")["gstats"]["duration_ms"]
print(f"scan time, all builtin plugins / commits plugin only: {uncapped['gstats']['duration_ms']} / {commits} ms "
      f"= {uncapped['gstats']['duration_ms'] / commits:.2f}")
sys.exit(0 if same else 1)
PY
