#!/usr/bin/env bash
# The same scan with the JVM's heap capped (default -Xmx64m) and uncapped: both must give the
# same report apart from timings and memory figures. Prints wall time, CPU time and peak RSS of
# each run, each capped run's memory table (limit, peak heap, highest pressure level, producer
# blocked time) and its pressure changes, then the scan with only the commits plugin against all
# builtin plugins. Each scan runs in a JVM of its own (GSTATS_DAEMON=off): a warm daemon's heap
# is not the one asked for.
# Exit status 1 when a capped report differs from the uncapped one or a scan failed.
# Usage: benchmarks/memory-cap.sh REPOSITORY [HEAP [SCAN OPTIONS...]]   (e.g. 64m --no-store: a whole
#   scan each time rather than a rescan from the store)
#   RUNS=3 repeats the capped scan (one by default); COMMITS_RUN=off leaves out the commits-only scan.
#   STORE=fresh gives each scan a new, empty H2 store of its own (--store jdbc:h2:file:...): every run
#   is a cold scan with the store on, which writes the whole history.
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

export GSTATS_DAEMON=off
runs=${RUNS:-1}
failed=0
run() { # NAME JAVA_OPTS ARGS...
  local name=$1 opts=$2
  shift 2
  local status=0
  local store=()
  [ "${STORE:-}" != fresh ] || store=(--store "jdbc:h2:file:$out/$name-store/store")
  JAVA_OPTS=$opts /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" "$gstats" scan "$repo" --format json --quiet \
    "${scan_options[@]}" "${store[@]}" "$@" \
    > "$out/$name.json" 2> "$out/$name.err" || status=$?
  read -r wall user sys rss < <(tail -1 "$out/$name.time")
  printf '%-10s %6.1f s wall, %6.1f s CPU, %5d MB peak RSS, exit %d %s\n' "$name" "$wall" \
    "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$status" "$(head -c 300 "$out/$name.err")"
  [ "$status" -eq 0 ] || { echo "memory-cap: the $name scan failed" >&2; rm -f "$out/$name.json"; failed=1; }
}

run uncapped ""
[ -f "$out/uncapped.json" ] || exit 1
for i in $(seq 1 "$runs"); do
  run "capped$i" "-Xmx$heap"
done
[ "${COMMITS_RUN:-on}" = off ] || run commits "" --plugins commits

python3 - "$out" "$runs" <<'PY'
import json, os, sys
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
uncapped = load("uncapped")
capped = sorted((name[:-5] for name in os.listdir(out) if name.startswith("capped") and name.endswith(".json")),
                key=lambda name: int(name[6:]))
expected = strip(json.loads(json.dumps(uncapped)))
equal = 0
for name in capped:
    same = strip(load(name)) == expected
    equal += same
    print(f"{name}: report equal to the uncapped one apart from timings and memory: {same}")
print(f"capped runs that completed with an equal report: {equal}")
for name in ["uncapped"] + capped:
    report = load(name)
    memory = report["sections"]["plugins"]["memory"][0]
    print(f"{name:9} limit {memory['limit_bytes'] >> 20} MB, peak heap {memory['peak_heap_bytes'] >> 20} MB, "
          f"highest level {memory['highest_level']}, producer blocked {memory['blocked_ms']} ms, "
          f"{len(report['sections']['plugins']['pressure'])} pressure changes, "
          f"scan {report['gstats']['duration_ms']} ms" + (f", leak: {memory['leak']}" if memory["leak"] else ""))
    if name != "uncapped":
        changes = report["sections"]["plugins"]["pressure"]
        for change in changes[:10]:
            print(f"  at {change['at_ms']} ms: {change['from']} -> {change['to']} "
                  f"({change['heap_after_gc_bytes'] >> 20} MB after GC)")
        if len(changes) > 10:
            print(f"  ({len(changes) - 10} more changes)")
if os.path.exists(f"{out}/commits.json"):
    commits = load("commits")["gstats"]["duration_ms"]
    print(f"scan time, all builtin plugins / commits plugin only: {uncapped['gstats']['duration_ms']} / {commits} ms "
          f"= {uncapped['gstats']['duration_ms'] / commits:.2f}")
sys.exit(0 if equal == len(capped) and int(sys.argv[2]) == len(capped) else 1)
PY
[ "$failed" -eq 0 ]
