#!/usr/bin/env bash
# gstats against git, side by side: `git log --numstat -M` and `bin/gstats scan --format json` on the
# same repositories, run alternately (git, gstats, git, gstats, ...) so that both see the same load;
# prints each run and the medians of wall time, CPU time (user + system) and peak RSS, with gstats'
# ratios to git.
#
#   benchmarks/scan-vs-git.sh [--runs N] [--gstats PATH] [--empty-store] [--] REPOSITORY... [-- SCAN OPTIONS...]
#
# --runs N       pairs per repository (default 3)
# --empty-store  every gstats run scans into a new, empty H2 store of its own (`--store`, in a temporary
#                folder removed afterwards): a repository's first scan as the default run makes it, store
#                written; without it the scan options decide (`--no-store`, or the user's store, where
#                every run after the first is a rescan)
# --gstats PATH  the bin/gstats to run (default: distribution/target/gstats/bin/gstats of this tree,
#                built by `mvn -B -o -q package -pl distribution -am -DskipTests`)
# Options after a second `--` go to `gstats scan` (e.g. `-- --plugins commits`). JAVA_OPTS, when set,
# reaches gstats as usual; the load average is printed first, as the figures depend on it.
# gstats runs without the daemon (GSTATS_DAEMON=off unless set): /usr/bin/time sees only its own
# children, and a daemon's CPU and memory are another process's. One unmeasured gstats scan of the
# first repository comes first: the first run of a new build writes the class data sharing archive
# and the framework cache (docs/performance.md), which costs it CPU and some 50-100 MB of peak RSS
# once per installation, not per scan.
set -euo pipefail

root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
gstats=$root/distribution/target/gstats/bin/gstats
runs=3
empty_store=
repositories=()
scan_options=()

while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --gstats) gstats=${2:?--gstats needs a path}; shift 2 ;;
    --empty-store) empty_store=yes; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    --) shift
        # before the repositories it ends the options; after them the scan's options follow
        if [[ ${#repositories[@]} -gt 0 ]]; then scan_options=("$@"); break; fi
        while [[ $# -gt 0 && $1 != -- ]]; do repositories+=("$1"); shift; done
        if [[ $# -gt 0 ]]; then shift; scan_options=("$@"); fi
        break ;;
    -*) echo "scan-vs-git: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) repositories+=("$1"); shift ;;
  esac
done

if [[ ${#repositories[@]} -eq 0 ]]; then
  echo "usage: benchmarks/scan-vs-git.sh [--runs N] [--gstats PATH] REPOSITORY... [-- SCAN OPTIONS...]" >&2
  exit 2
fi
if [[ ! -x $gstats ]]; then
  echo "scan-vs-git: $gstats is missing; build it: mvn -B -o -q package -pl distribution -am -DskipTests" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "scan-vs-git: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi
for repository in "${repositories[@]}"; do
  if ! git -C "$repository" rev-parse --git-dir >/dev/null 2>&1; then
    echo "scan-vs-git: not a Git repository: $repository" >&2
    exit 2
  fi
done

measurements=$(mktemp)
stores=$(mktemp -d)
trap 'rm -rf "$measurements" "$stores"' EXIT

# The scan's store option for the next gstats run: a new empty store with --empty-store, else none.
store_runs=0
store_option=()
next_store() {
  store_option=()
  if [[ -n $empty_store ]]; then
    rm -rf "${stores:?}"/*
    store_runs=$((store_runs + 1))
    store_option=(--store "jdbc:h2:$stores/run-$store_runs/store")
  fi
}

# One run: prints "wall cpu rss_mb"; the command's own output is dropped, its failure is fatal.
measure() {
  if ! /usr/bin/time -o "$measurements" -f '%e %U %S %M' "$@" >/dev/null 2>/dev/null; then
    echo "scan-vs-git: failed: $*" >&2
    exit 1
  fi
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$measurements"
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)  JAVA_OPTS: ${JAVA_OPTS:-(none)}"
echo "gstats scan options: --format json ${scan_options[*]:-}${empty_store:+ (each run into an empty store)}"
echo "warming up: one unmeasured gstats scan of ${repositories[0]}"
next_store
GSTATS_DAEMON=${GSTATS_DAEMON:-off} measure "$gstats" scan "${repositories[0]}" --format json --quiet \
  "${store_option[@]}" "${scan_options[@]}" >/dev/null
printf '%-28s %-8s %4s %9s %9s %9s\n' repository tool run 'wall s' 'cpu s' 'rss MB'
for repository in "${repositories[@]}"; do
  name=$(basename "$(cd "$repository" && pwd -P)")
  [[ $name == repo || $name == .git ]] && name=$(basename "$(dirname "$(cd "$repository" && pwd -P)")")
  git_rows=()
  gstats_rows=()
  for ((run = 1; run <= runs; run++)); do
    row=$(measure git -C "$repository" log --numstat -M)
    git_rows+=("$row")
    printf '%-28s %-8s %4d %9s %9s %9s\n' "$name" git "$run" $row
    next_store
    row=$(GSTATS_DAEMON=${GSTATS_DAEMON:-off} measure "$gstats" scan "$repository" --format json --quiet \
      "${store_option[@]}" "${scan_options[@]}")
    gstats_rows+=("$row")
    printf '%-28s %-8s %4d %9s %9s %9s\n' "$name" gstats "$run" $row
  done
  for column in 1 2 3; do
    git_median[column]=$(printf '%s\n' "${git_rows[@]}" | cut -d' ' -f$column | median)
    gstats_median[column]=$(printf '%s\n' "${gstats_rows[@]}" | cut -d' ' -f$column | median)
  done
  printf '%-28s %-8s %4s %9s %9s %9s\n' "$name" git median "${git_median[1]}" "${git_median[2]}" "${git_median[3]}"
  printf '%-28s %-8s %4s %9s %9s %9s\n' "$name" gstats median "${gstats_median[1]}" "${gstats_median[2]}" \
    "${gstats_median[3]}"
  awk -v gw="${git_median[1]}" -v sw="${gstats_median[1]}" -v gc="${git_median[2]}" -v sc="${gstats_median[2]}" \
    -v gr="${git_median[3]}" -v sr="${gstats_median[3]}" -v n="$name" \
    'BEGIN { printf "%-28s %-8s %4s %8.2fx %8.2fx %8.2fx\n", n, "ratio", "", sw / gw, sc / gc, sr / gr }'
done
