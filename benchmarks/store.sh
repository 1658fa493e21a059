#!/usr/bin/env bash
# The scan store's figures on a real repository, whole process, wall time, CPU time (user + system)
# and peak RSS:
#   cold scan with the store (empty) against --no-store, in both orders (the second of two runs is faster);
#   rescan of the unchanged repository, and after 10 new commits (each renaming a function), against
#   git log --numstat -M (the median of STORE_ROUNDS rounds, default 3);
#   an unchanged rescan (of the history with those 10 commits) and one after 10 more commits,
#   through a warm daemon (unless JAVA_OPTS is given, which turns it off), after the direct rows
#   and stopped before the rest: a daemon goes on compiling after its commands, on the same cores;
#   a rescan in a warm JVM (start-up excluded: 5 rescans in one gstats shell against 1);
#   the store's size against the repository's pack size, and the first (and second) query of
#   file_changes, which adds that table's rows from the recorded values;
# and whether each stored rescan's report equals a cold scan's (timings and memory aside).
# Works on a local clone in a temporary folder (the new commits go there) with a store of its own.
# Usage: benchmarks/store.sh REPOSITORY [JAVA_OPTS]     (needs the distribution built:
#        mvn -B -o -q package -pl distribution -am -DskipTests)
set -euo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: benchmarks/store.sh REPOSITORY [JAVA_OPTS]" >&2
  exit 2
fi
source_repo=$1
export JAVA_OPTS=${2:-${JAVA_OPTS:-}}
root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
gstats=$root/distribution/target/gstats/bin/gstats
[ -x "$gstats" ] || { echo "store: build the distribution first" >&2; exit 2; }
work=$(mktemp -d)
git clone -q "$source_repo" "$work/repo"
repo=$work/repo
export XDG_CACHE_HOME=$work/cache
# the cold rows run without the daemon; the warm-daemon row has one of its own, stopped at the end
export GSTATS_DAEMON=off
export XDG_RUNTIME_DIR=$work/run
mkdir -m 700 "$XDG_RUNTIME_DIR"
# `daemon stop` returns once the daemon has exited (its framework cache is under $work)
remove_work() {
  GSTATS_DAEMON=on "$gstats" daemon stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap remove_work EXIT

timed() { # NAME COMMAND... : prints "NAME wall_s cpu_s maxrss_mb", output to $work/NAME.out
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" \
    || { echo "$name failed:"; cat "$work/$name.err"; exit 1; }
  read -r secs user sys rss < "$work/$name.time"
  local cpu
  cpu=$(echo "$user + $sys" | bc)
  printf '%-22s %7.2f s wall %7.2f s CPU %8d MB\n' "$name" "$secs" "$cpu" "$((rss / 1024))"
  echo "$secs" > "$work/$name.secs"
  echo "$cpu" > "$work/$name.cpu"
}
# EXPRESSION to DIGITS decimals, rounded (bc's scale truncates: a ratio of 0.259 printed as .25)
rounded() { awk "BEGIN { printf \"%.$1f\", $2 }"; }
# wall and CPU ratios: on a loaded machine the wall times follow the load, the CPU times less so
ratio() { echo "$(rounded 2 "$(cat "$work/$1.secs") / $(cat "$work/$2.secs")")x wall, \
$(rounded 2 "$(cat "$work/$1.cpu") / $(cat "$work/$2.cpu")")x CPU"; }

# the first scan of an installation writes its class-data archive (docs/performance.md) as it
# exits: a short scan writes it here, so that no measured run pays for it; with the measured runs'
# plugins, format and a store (a throwaway one), so that the archive holds the classes they load
# (H2's, the store's, the json format's), as an installation's first ordinary scan leaves it
"$gstats" scan "$repo" --quiet --format json --max-commits 1 --store "jdbc:h2:file:$work/warm-up" > /dev/null
rm -f "$work"/warm-up.*
# alternate each measurement with its baseline, so that both see the same machine load
timed git_log_1 git -C "$repo" log --numstat -M
timed cold_no_store "$gstats" scan "$repo" --format json --quiet --no-store
rm -f "$XDG_CACHE_HOME"/gstats/store.*
timed cold_with_store "$gstats" scan "$repo" --format json --quiet
# the rescans, each after its git log, are the median of STORE_ROUNDS rounds (default 3): git log alone
# spreads by a third from minute to minute on a shared machine
rounds=${STORE_ROUNDS:-3}
for round in $(seq "$rounds"); do
  timed "git_log_2_$round" git -C "$repo" log --numstat -M
  timed "rescan_unchanged_$round" "$gstats" scan "$repo" --format json --quiet
done
# each changes code, as a day's commits do: the one function of STORE-BENCH.java is renamed, so that the
# head's functions (and what the store keeps of them) change with each rescan, not only its files
add_commits() { # FIRST: 10 commits to STORE-BENCH.java, numbered from FIRST
  for i in $(seq "$1" $(($1 + 9))); do
    printf 'class StoreBench {\n    int commit%s(int x) {\n        return x > 0 ? x : -x;\n    }\n}\n' "$i" \
      > "$repo/STORE-BENCH.java"
    git -C "$repo" add STORE-BENCH.java
    git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -m "bench $i"
  done
}
for round in $(seq "$rounds"); do
  add_commits $((10 * round - 9))
  timed "git_log_3_$round" git -C "$repo" log --numstat -M
  timed "rescan_10_new_$round" "$gstats" scan "$repo" --format json --quiet
done
timed cold_10_new "$gstats" scan "$repo" --format json --quiet --no-store
# the cold pair again, in the other order: of two gstats runs in a row the second takes some 10 % less
# (on 2 cores at least; the first after git log or a pause pays for it), so each order once
timed git_log_7 git -C "$repo" log --numstat -M
timed cold_with_store_2 "$gstats" scan "$repo" --format json --quiet --store "jdbc:h2:file:$work/second-store"
timed cold_no_store_2 "$gstats" scan "$repo" --format json --quiet --no-store
# an unchanged rescan through a warm daemon (docs/daemon.md), of the history with the 10 commits: two
# unmeasured runs start and warm it (it compiles with both JIT compilers, and goes on compiling after
# a command, so the direct rows above run before it starts and after it stops)
daemon=
if [ -z "$JAVA_OPTS" ]; then
  daemon=yes
  GSTATS_DAEMON=on "$gstats" scan "$repo" --format json --quiet > /dev/null
  GSTATS_DAEMON=on "$gstats" scan "$repo" --format json --quiet > /dev/null
  timed git_log_4 git -C "$repo" log --numstat -M
  daemon_pid=$(GSTATS_DAEMON=on "$gstats" daemon status | sed -n 's/^pid \([0-9]*\),.*/\1/p')
  ticks_before=$(awk '{ print $14 + $15 }' "/proc/$daemon_pid/stat")
  timed rescan_daemon env GSTATS_DAEMON=on "$gstats" scan "$repo" --format json --quiet
  # the client's CPU is the row's; the daemon's, in the same time, is added to it for the ratio
  daemon_cpu=$(awk -v before="$ticks_before" -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15 - before) / hz }' \
    "/proc/$daemon_pid/stat")
  echo "  the daemon's CPU in the same time: $daemon_cpu s"
  echo "$(echo "$(cat "$work/rescan_daemon.cpu") + $daemon_cpu" | bc)" > "$work/rescan_daemon.cpu"
  daemon_status=$(GSTATS_DAEMON=on "$gstats" daemon status)
fi
# 10 more commits, rescanned through the warm daemon
if [ -n "$daemon" ]; then
  add_commits $((10 * rounds + 1))
  timed git_log_6 git -C "$repo" log --numstat -M
  ticks_before=$(awk '{ print $14 + $15 }' "/proc/$daemon_pid/stat")
  timed rescan_daemon_10_new env GSTATS_DAEMON=on "$gstats" scan "$repo" --format json --quiet
  daemon_cpu=$(awk -v before="$ticks_before" -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15 - before) / hz }' \
    "/proc/$daemon_pid/stat")
  echo "  the daemon's CPU in the same time: $daemon_cpu s"
  echo "$(echo "$(cat "$work/rescan_daemon_10_new.cpu") + $daemon_cpu" | bc)" > "$work/rescan_daemon_10_new.cpu"
  timed cold_20_new "$gstats" scan "$repo" --format json --quiet --no-store
  GSTATS_DAEMON=on "$gstats" daemon stop > /dev/null
fi

store_bytes=$(stat -c %s "$XDG_CACHE_HOME/gstats/store.mv.db")
# the first query naming file_changes adds its rows from the recorded values (those of the tables it names)
# (docs/store.md); the second finds them there
timed sql_file_changes "$gstats" sql "SELECT COUNT(*) FROM file_changes"
timed sql_file_changes_2 "$gstats" sql "SELECT COUNT(*) FROM file_changes"
queried_bytes=$(stat -c %s "$XDG_CACHE_HOME/gstats/store.mv.db")
# scans do not compact an H2 file; gc does (docs/store.md)
timed store_gc "$gstats" store gc
gc_bytes=$(stat -c %s "$XDG_CACHE_HOME/gstats/store.mv.db")

# a rescan once the JVM and Felix are up, the daemon aside: one gstats shell runs 1 unchanged
# rescan, another runs 5; the difference over 4 is one rescan's own cost, start-up excluded
warm_scans() { # N: the shell's commands
  for _ in $(seq "$1"); do printf 'gstats:scan --format json --quiet %s\n' "$repo"; done
}
warm_scans 1 > "$work/warm_1.in"
warm_scans 5 > "$work/warm_5.in"
timed git_log_5 git -C "$repo" log --numstat -M
timed warm_1 sh -c '"$0" shell < "$1"' "$gstats" "$work/warm_1.in"
timed warm_5 sh -c '"$0" shell < "$1"' "$gstats" "$work/warm_5.in"
per_warm() { rounded 2 "($(cat "$work/warm_5.$1") - $(cat "$work/warm_1.$1")) / 4"; }
warm_secs=$(per_warm secs)
warm_cpu=$(per_warm cpu)
pack_bytes=$(find "$source_repo" -path '*objects/pack/*.pack' -printf '%s\n' | awk '{s += $1} END {print s}')
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
rounds_ratio() { # RESCAN GIT: the median of the rounds' ratios, wall and CPU, and each round's wall ratio
  local walls=() cpus=()
  for round in $(seq "$rounds"); do
    walls+=("$(rounded 3 "$(cat "$work/$1_$round.secs") / $(cat "$work/$2_$round.secs")")")
    cpus+=("$(rounded 3 "$(cat "$work/$1_$round.cpu") / $(cat "$work/$2_$round.cpu")")")
  done
  echo "$(median "${walls[@]}")x wall, $(median "${cpus[@]}")x CPU (median of $rounds rounds: ${walls[*]})"
}
sum() { echo "$(cat "$work/$1.$3") + $(cat "$work/$2.$3")" | bc; }
echo "cold with store / --no-store:        $(rounded 2 "$(sum cold_with_store cold_with_store_2 secs) / \
$(sum cold_no_store cold_no_store_2 secs)")x wall, $(rounded 2 "$(sum cold_with_store cold_with_store_2 cpu) / \
$(sum cold_no_store cold_no_store_2 cpu)")x CPU   (target <= 1.10; both orders summed: $(ratio cold_with_store \
cold_no_store) store second, $(ratio cold_with_store_2 cold_no_store_2) store first)"
echo "rescan unchanged / git log:          $(rounds_ratio rescan_unchanged git_log_2)   (target <= 0.25)"
if [ -n "$daemon" ]; then
  echo "rescan, warm daemon / git log:       $(ratio rescan_daemon git_log_4)   (target <= 0.25; CPU: client + daemon)"
  echo "the daemon: $daemon_status"
fi
echo "rescan after 10 commits / git log:   $(rounds_ratio rescan_10_new git_log_3)   (target <= 0.30)"
if [ -n "$daemon" ]; then
  echo "the same, warm daemon / git log:     $(ratio rescan_daemon_10_new git_log_6)   (target <= 0.30; CPU: client + daemon)"
fi
echo "rescan in a warm shell, start-up excluded: $warm_secs s wall, $warm_cpu s CPU = \
$(rounded 2 "$warm_secs / $(cat "$work/git_log_5.secs")")x wall, \
$(rounded 2 "$warm_cpu / $(cat "$work/git_log_5.cpu")")x CPU of git log"
echo "store size / pack size:              $((store_bytes / 1024)) KB / $((pack_bytes / 1024)) KB = \
$(rounded 1 "100 * $store_bytes / $pack_bytes") %   (target <= 30 %)"
echo "after file_changes' rows are added:   $((queried_bytes / 1024)) KB / $((pack_bytes / 1024)) KB = \
$(rounded 1 "100 * $queried_bytes / $pack_bytes") %"
echo "after gstats store gc:               $((gc_bytes / 1024)) KB / $((pack_bytes / 1024)) KB = \
$(rounded 1 "100 * $gc_bytes / $pack_bytes") %"
echo "first query (adds file_changes' rows): $(cat "$work/sql_file_changes.secs") s wall, \
$(cat "$work/sql_file_changes.cpu") s CPU (the next: $(cat "$work/sql_file_changes_2.secs") s, \
$(cat "$work/sql_file_changes_2.cpu") s CPU; $(tail -n 1 "$work/sql_file_changes.out" | tr -d ' ') rows)"

python3 - "$work" "$rounds" <<'PY'
import json, sys
work, rounds = sys.argv[1], sys.argv[2]
def load(name):
    with open(f"{work}/{name}.out") as f:
        report = json.load(f)
    for key in ("started", "duration_ms", "peak_heap_bytes", "pressure_changes", "blocked_ms"):
        report["gstats"].pop(key, None)
    engine = report["sections"]["plugins"]
    for row in engine["execution"]:
        row.pop("time_ms", None)
    engine.pop("memory", None)
    engine.pop("pressure", None)
    # the pressure table's column names are listed only when a scan met memory pressure
    columns = report.get("columns", {})
    columns.get("plugins", {}).pop("pressure", None)
    if columns.get("plugins") == {}:
        columns.pop("plugins")
    if columns == {}:
        report.pop("columns", None)
    return report
same = load("cold_no_store") == load("cold_with_store") == load("rescan_unchanged_1") == load(f"rescan_unchanged_{rounds}")
import os
same_new = load("cold_10_new") == load(f"rescan_10_new_{rounds}") == load("cold_with_store_2") == load("cold_no_store_2")
if os.path.exists(f"{work}/rescan_daemon.out"):
    same_new = same_new and load("rescan_daemon") == load("cold_10_new")
if os.path.exists(f"{work}/rescan_daemon_10_new.out"):
    same_new = same_new and load("cold_20_new") == load("rescan_daemon_10_new")
print("reports: stored rescan = cold scan:", "yes" if same else "NO",
      "; after 10 commits:", "yes" if same_new else "NO")
sys.exit(0 if same and same_new else 1)
PY
