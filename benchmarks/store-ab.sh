#!/usr/bin/env bash
# Two builds of gstats against each other on one scan-store scenario, in pairs whose order alternates
# (A B, then B A, ...), each pair after `git log --numstat -M`: on a small machine the second of two
# gstats runs in a row takes some 10 % less than the first (docs/performance.md), so a comparison that
# always ran one build second would measure the order. Prints both builds' medians (wall, CPU = user
# + system, peak RSS), B/A per pair, and the geometric means of B/A over the pairs.
#
#   benchmarks/store-ab.sh GSTATS_A GSTATS_B REPOSITORY [PAIRS] [SCENARIO]
#
# GSTATS_A, GSTATS_B  the bin/gstats of each build (e.g. a worktree's distribution/target/gstats/bin/gstats)
# PAIRS               pairs to run (default 8)
# SCENARIO            cold     a first scan into a new, empty store (the default)
#                     rescan   a rescan of the unchanged repository (each build scans it once first)
#                     commits  a rescan after 10 new commits, made before each pair in each build's
#                              own clone (each build scans its clone once first)
#                     code     as commits, but each commit renames the one function of STORE-AB.java, so
#                              that the head's functions (and the rows kept of them) change with each rescan
# Each build has its own store and cache in a temporary folder, removed afterwards; gstats runs
# without the daemon, as --format json --quiet, and its first run (unmeasured) writes the build's
# class data sharing archive.
set -euo pipefail

if [ $# -lt 3 ]; then
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
gstats_a=$1
gstats_b=$2
[ -d "$3/.git" ] || [ -f "$3/HEAD" ] || { echo "store-ab.sh: $3 is not a git repository (give a clone's path)" >&2; exit 2; }
repo=$(cd "$3" && pwd)
pairs=${4:-8}
case "$pairs" in
  ''|*[!0-9]*|0) echo "store-ab.sh: PAIRS must be a positive number, not '$pairs'" >&2; exit 2 ;;
esac
scenario=${5:-cold}
case "$scenario" in
  cold|rescan|commits|code) ;;
  *) echo "store-ab.sh: unknown scenario '$scenario' (use cold, rescan, commits or code)" >&2; exit 2 ;;
esac
for gstats in "$gstats_a" "$gstats_b"; do
  [ -x "$gstats" ] || { echo "store-ab.sh: no gstats at $gstats (build it: mvn -B -o -q package -pl distribution -am -DskipTests)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GSTATS_DAEMON=off

timed() { # FILE COMMAND...: appends "wall user sys maxrss_kb" to FILE
  local file=$1
  shift
  /usr/bin/time -a -o "$file" -f "%e %U %S %M" "$@" > /dev/null
}
add_commits() { # CLONE ROUND: 10 commits to STORE-AB.txt, or (code) to STORE-AB.java's function
  for i in $(seq 1 10); do
    if [ "$scenario" = code ]; then
      printf 'class StoreAb {\n    int round%sLine%s(int x) {\n        return x > 0 ? x : -x;\n    }\n}\n' "$2" "$i" \
        > "$1/STORE-AB.java"
      git -C "$1" add STORE-AB.java
    else
      echo "round $2 line $i" >> "$1/STORE-AB.txt"
      git -C "$1" add STORE-AB.txt
    fi
    git -C "$1" -c user.name=bench -c user.email=bench@example.com commit -q -m "bench $2.$i"
  done
}

for build in a b; do
  gstats_var=gstats_$build
  mkdir -p "$work/$build/cache"
  target=$repo
  if [ "$scenario" = commits ] || [ "$scenario" = code ]; then
    git clone -q "$repo" "$work/$build/clone"
    target=$work/$build/clone
  fi
  echo "$target" > "$work/$build/target"
  # the class data sharing archive, written by a build's first run, with a store (H2's classes in it)
  XDG_CACHE_HOME=$work/$build/cache "${!gstats_var}" scan "$target" --quiet --format json --max-commits 1 \
    --store "jdbc:h2:file:$work/$build/warm-up" > /dev/null
  if [ "$scenario" != cold ]; then
    XDG_CACHE_HOME=$work/$build/cache "${!gstats_var}" scan "$target" --quiet --format json > /dev/null
  fi
done

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for pair in $(seq "$pairs"); do
  if [ "$scenario" = commits ] || [ "$scenario" = code ]; then
    add_commits "$work/a/clone" "$pair"
    add_commits "$work/b/clone" "$pair"
  fi
  git -C "$repo" log --numstat -M > /dev/null
  if [ $((pair % 2)) = 1 ]; then order="a b"; else order="b a"; fi
  for build in $order; do
    gstats_var=gstats_$build
    store=()
    if [ "$scenario" = cold ]; then
      rm -f "$work/$build"/cold.*
      store=(--store "jdbc:h2:file:$work/$build/cold")
    fi
    XDG_CACHE_HOME=$work/$build/cache timed "$work/$build.times" "${!gstats_var}" scan "$(cat "$work/$build/target")" \
      --format json --quiet "${store[@]}"
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
for build in a b; do
  printf '%s  wall %.2f s  CPU %.2f s  peak RSS %.0f MB   walls: %s\n' "$(echo "$build" | tr ab AB)" \
    "$(cut -d' ' -f1 "$work/$build.times" | median)" "$(awk '{ print $2 + $3 }' "$work/$build.times" | median)" \
    "$(awk '{ print int($4 / 1024) }' "$work/$build.times" | median)" "$(cut -d' ' -f1 "$work/$build.times" | tr '\n' ' ')"
done
echo "B/A per pair (A first in odd pairs): $(paste -d' ' "$work/b.times" "$work/a.times" | awk '{ printf "%.2f ", $1 / $5 }')"
paste -d' ' "$work/b.times" "$work/a.times" | awk '{ w += log($1 / $5); c += log(($2 + $3) / ($6 + $7)) }
  END { printf "B/A geometric mean over %d pairs: %.3fx wall, %.3fx CPU\n", NR, exp(w / NR), exp(c / NR) }'
