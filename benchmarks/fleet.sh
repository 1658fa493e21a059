#!/usr/bin/env bash
# Fleet benchmark: COUNT repositories (bare local clones of the given ones, taken in turn) scanned
# by gstats-fleet on Spark local[2], against bin/gstats scan run on them one after another (cold:
# --no-store, since the clones share commits). Prints wall times, peak RSS, the ratio, and the
# cost per repository. Usage: benchmarks/fleet.sh COUNT REPOSITORY...
# FLEET_JAVA_OPTS goes to gstats-fleet's JVM only (JAVA_OPTS would reach bin/gstats too), e.g.
# FLEET_JAVA_OPTS="-Xmx6g -XX:+UseG1GC" for the JVM's defaults on a 24 GB machine.
# (needs the distribution: mvn -B -o -q package -pl distribution,distribution/fleet -am -DskipTests)
set -euo pipefail
if [ $# -lt 2 ] || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: benchmarks/fleet.sh COUNT REPOSITORY...   (e.g. benchmarks/fleet.sh 20 /path/to/junit4.git)" >&2
  exit 2
fi
count=$1
shift
root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
bin=$root/distribution/target/gstats/bin
[ -x "$bin/gstats-fleet" ] || { echo "fleet: build the distribution first (see the header)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sources=("$@")
for ((i = 0; i < count; i++)); do
  git clone -q --bare --local "${sources[i % ${#sources[@]}]}" "$work/repos/r$i.git"
  echo "$work/repos/r$i.git" >> "$work/repos.txt"
done

measure() { # NAME COMMAND...  -> "NAME wall_s peak_rss_mb"
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err"
  read -r wall rss < "$work/$name.time"
  echo "$name $wall $((rss / 1024))"
}

sequential() {
  while read -r repo; do
    "$bin/gstats" scan "$repo" --format json --no-store > /dev/null
  done < "$work/repos.txt"
}
export -f sequential
export bin work

fleet=$(measure fleet env JAVA_OPTS="${FLEET_JAVA_OPTS:-${JAVA_OPTS:-}}" "$bin/gstats-fleet" scan --repos "$work/repos.txt" --out "$work/out" --master 'local[2]')
one=$(measure sequential bash -c sequential)
read -r _ fleet_s fleet_mb <<< "$fleet"
read -r _ seq_s seq_mb <<< "$one"
echo "repositories: $count (clones of: ${sources[*]})"
echo "gstats-fleet local[2]:      ${fleet_s} s wall, peak RSS ${fleet_mb} MB ($(cat "$work/fleet.out"))"
echo "bin/gstats scan, in turn:   ${seq_s} s wall, peak RSS ${seq_mb} MB (largest single process)"
awk -v f="$fleet_s" -v s="$seq_s" -v n="$count" 'BEGIN {
  printf "ratio fleet/sequential: %.2fx; per repository: fleet %.2f s, sequential %.2f s\n", f / s, f / n, s / n }'
