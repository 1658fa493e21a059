#!/usr/bin/env bash
# Start-up of whole bin/gstats processes on a short history, against `git log --numstat -M`: each
# round runs git, then every variant once, so that all see the same load; prints each run and the
# medians of wall time, CPU time (user + system) and peak RSS, with each variant's ratios to git.
#
#   benchmarks/startup.sh [--runs N] [--gstats PATH] [--variant 'LABEL|ENV|SCAN OPTIONS[|GSTATS[|BEFORE]]']... REPOSITORY
#
# --runs N       rounds (default 5)
# --gstats PATH  the bin/gstats to run (default: distribution/target/gstats/bin/gstats of this tree,
#                built by `mvn -B -o -q package -pl distribution -am -DskipTests`)
# --variant      a labelled gstats run: ENV is NAME=VALUE assignments for its environment as a shell
#                reads them (e.g. GSTATS_FRAMEWORK_CACHE=off JAVA_OPTS='-Xss1m -Xmx1g'), SCAN OPTIONS go
#                to `gstats scan REPOSITORY --format json --quiet`; GSTATS, when given, is another
#                bin/gstats to run (e.g. an earlier build's, for before and after); BEFORE, a shell
#                command run unmeasured before each of its runs. Default: all builtin plugins and
#                `--plugins commits`, each cold (GSTATS_DAEMON=off), as the first run that starts the
#                daemon (BEFORE stops it), and through a warm daemon (docs/daemon.md).
# The daemons run in a runtime folder of the benchmark's own and are stopped at the end; their
# status (resident memory) and peak RSS (VmHWM) are printed before the medians. A daemon variant's
# CPU is the client's and the daemon's in the same time; its RSS is the client's (the daemon's is
# printed apart).
# One unmeasured run of each variant comes first, so that caches (the class archive, the framework
# cache) are written before the measured rounds; the load average is printed first.
set -euo pipefail

root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
gstats=$root/distribution/target/gstats/bin/gstats
runs=5
variants=()
repository=

while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --gstats) gstats=${2:?--gstats needs a path}; shift 2 ;;
    --variant) variants+=("${2:?--variant needs LABEL|ENV|SCAN OPTIONS}"); shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "startup: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) [[ -z $repository ]] || { echo "startup: one repository only" >&2; exit 2; }
       repository=$1; shift ;;
  esac
done

if [[ -z $repository ]]; then
  echo "usage: benchmarks/startup.sh [--runs N] [--gstats PATH] [--variant 'LABEL|ENV|SCAN OPTIONS']... REPOSITORY" >&2
  exit 2
fi
if [[ ! -x $gstats ]]; then
  echo "startup: $gstats is missing; build it: mvn -B -o -q package -pl distribution -am -DskipTests" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "startup: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi
if ! git -C "$repository" rev-parse --git-dir >/dev/null 2>&1; then
  echo "startup: not a Git repository: $repository" >&2
  exit 2
fi
if [[ ${#variants[@]} -eq 0 ]]; then
  # The start variants have a runtime folder of their own, whose daemons are stopped before each run
  # (and waited for, so that the new daemon's CPU is all counted); the warm variants share one daemon
  # for all rounds.
  start="GSTATS_DAEMON=on XDG_RUNTIME_DIR=\$runtime/start"
  stop='"$launcher" daemon stop; while pgrep -f "gstats.daemon.socket=$runtime/start/" >/dev/null; do sleep 0.1; done'
  variants=('all, cold|GSTATS_DAEMON=off|' "all, daemon start|$start||$gstats|$stop"
    'all, warm daemon|GSTATS_DAEMON=on|'
    'commits, cold|GSTATS_DAEMON=off|--plugins commits'
    "commits, daemon start|$start|--plugins commits|$gstats|$stop"
    'commits, warm daemon|GSTATS_DAEMON=on|--plugins commits')
fi

measurements=$(mktemp)
runtime=$(mktemp -d)
export XDG_RUNTIME_DIR=$runtime
stop_daemons() {
  GSTATS_DAEMON=on "$gstats" daemon stop >/dev/null 2>&1 || true
  GSTATS_DAEMON=on XDG_RUNTIME_DIR=$runtime/start "$gstats" daemon stop >/dev/null 2>&1 || true
  rm -rf "$measurements" "$runtime"
}
trap stop_daemons EXIT

# One run: prints "wall cpu rss_mb"; the command's own output is dropped, its failure is fatal.
measure() {
  if ! /usr/bin/time -o "$measurements" -f '%e %U %S %M' "$@" >/dev/null 2>/dev/null; then
    echo "startup: failed: $*" >&2
    exit 1
  fi
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$measurements"
}

# Runs variant $1 on the repository, measured.
run_variant() {
  local label environment options launcher before
  IFS='|' read -r label environment options launcher before <<<"$1"
  launcher=${launcher:-$gstats}
  if [[ -n $before ]]; then
    eval "env $environment $before" >/dev/null 2>&1 || true
  fi
  if [[ ! -x $launcher ]]; then
    echo "startup: $launcher is not an executable bin/gstats" >&2
    exit 2
  fi
  # ENV and SCAN OPTIONS are shell words: quotes in them group (JAVA_OPTS='-Xmx1g -Xss1m')
  local before_ticks row
  before_ticks=$(daemon_ticks)
  row=$(eval "measure env $environment \"\$launcher\" scan \"\$repository\" --format json --quiet $options")
  # the daemon's CPU in the same time counts too: the client's alone would flatter it
  awk -v row="$row" -v ticks=$(($(daemon_ticks) - before_ticks)) -v hz="$(getconf CLK_TCK)" \
    'BEGIN { split(row, f, " "); printf "%.2f %.2f %.0f\n", f[1], f[2] + (ticks > 0 ? ticks / hz : 0), f[3] }'
}

# CPU ticks (user + system) of the benchmark's daemons so far
daemon_ticks() {
  local total=0 pid ticks
  for pid in $(pgrep -f "gstats.daemon.socket=$runtime/" || true); do
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null) || ticks=0
    total=$((total + ${ticks:-0}))
  done
  echo "$total"
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)  JAVA_OPTS: ${JAVA_OPTS:-(none)}"
echo "repository: $repository ($(git -C "$repository" rev-list --count HEAD) commits)"
for variant in "${variants[@]}"; do
  run_variant "$variant" >/dev/null
done

declare -A rows
printf '%-34s %4s %9s %9s %9s\n' what run 'wall s' 'cpu s' 'rss MB'
for ((run = 1; run <= runs; run++)); do
  row=$(measure git -C "$repository" log --numstat -M)
  rows[git]+="$row"$'\n'
  printf '%-34s %4d %9s %9s %9s\n' 'git log --numstat -M' "$run" $row
  for index in "${!variants[@]}"; do
    row=$(run_variant "${variants[index]}")
    rows[$index]+="$row"$'\n'
    printf '%-34s %4d %9s %9s %9s\n' "${variants[index]%%|*}" "$run" $row
  done
done

# the warm daemon's, after all rounds
for socket in "$runtime"/gstats/*.sock; do
  [[ -e $socket ]] || continue
  GSTATS_DAEMON=on "$gstats" daemon status | while read -r line; do
    pid=$(sed -n 's/^pid \([0-9]*\),.*/\1/p' <<<"$line")
    echo "daemon: $line"
    [[ -n $pid ]] && echo "daemon $pid peak RSS: $(awk '/^VmHWM:/ { printf "%d MB", $2 / 1024 }' /proc/"$pid"/status)"
  done
  break
done

column_median() {
  printf '%s' "$1" | cut -d' ' -f"$2" | median
}
echo
printf '%-34s %9s %9s %9s %8s %8s %8s\n' 'medians' 'wall s' 'cpu s' 'rss MB' 'wall x' 'cpu x' 'rss x'
git_wall=$(column_median "${rows[git]}" 1)
git_cpu=$(column_median "${rows[git]}" 2)
git_rss=$(column_median "${rows[git]}" 3)
printf '%-34s %9s %9s %9s\n' 'git log --numstat -M' "$git_wall" "$git_cpu" "$git_rss"
for index in "${!variants[@]}"; do
  wall=$(column_median "${rows[$index]}" 1)
  cpu=$(column_median "${rows[$index]}" 2)
  rss=$(column_median "${rows[$index]}" 3)
  awk -v n="${variants[index]%%|*}" -v w="$wall" -v c="$cpu" -v r="$rss" -v gw="$git_wall" -v gc="$git_cpu" \
    -v gr="$git_rss" 'function ratio(a, b) { return b > 0 ? sprintf("%.1fx", a / b) : "-" }
    BEGIN { printf "%-34s %9s %9s %9s %8s %8s %8s\n", n, w, c, r, ratio(w, gw), ratio(c, gc), ratio(r, gr) }'
done
