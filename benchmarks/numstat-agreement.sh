#!/usr/bin/env bash
# How far gstats' change rows agree with C git's: every row of `git log --numstat -M` against
# every row of gstats' commits.changes table (scan --changes), over the whole history of HEAD.
# Prints the row counts, the rows that differ (same commit and path, other numbers or old path),
# the rows only git prints and the rows only gstats prints, then up to 10 examples of each.
# Usage: benchmarks/numstat-agreement.sh REPOSITORY [GSTATS]
#   GSTATS: the launcher to run (default: distribution/target/gstats/bin/gstats; build it with
#   mvn -B -o -q package -pl distribution -am -DskipTests)
set -euo pipefail
repo="$1"
here="$(cd "$(dirname "$0")/.." && pwd)"
gstats="${2:-$here/distribution/target/gstats/bin/gstats}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

git -C "$repo" log --numstat -M -z --format=%x01%H HEAD > "$work/git.out"
# a direct run: a check leaves no daemon behind
GSTATS_DAEMON=off "$gstats" scan "$repo" --quiet --plugins commits --changes --format csv --table commits.changes > "$work/gstats.csv"

python3 - "$work/git.out" "$work/gstats.csv" <<'EOF'
import csv, sys
from collections import Counter

def git_rows(path):
    rows = Counter()
    data = open(path, 'rb').read().decode('utf-8', 'surrogateescape')
    for block in data.split('\x01'):
        if not block:
            continue
        head, _, rest = block.partition('\n')
        commit = head.replace('\x00', '').strip()
        fields = rest.split('\x00')
        i = 0
        while i < len(fields):
            field = fields[i].lstrip('\n')
            if not field:
                i += 1
                continue
            ins, dels, name = field.split('\t', 2)
            if name:
                rows[(commit, name, '', ins, dels)] += 1
                i += 1
            else:
                rows[(commit, fields[i + 2], fields[i + 1], ins, dels)] += 1
                i += 3
    return rows

def gstats_rows(path):
    rows = Counter()
    with open(path, newline='', encoding='utf-8', errors='surrogateescape') as f:
        for r in csv.DictReader(f):
            binary = r['binary'] == 'true'
            rows[(r['commit'], r['path'], r['old_path'] or '',
                  '-' if binary else r['insertions'], '-' if binary else r['deletions'])] += 1
    return rows

git = git_rows(sys.argv[1])
ours = gstats_rows(sys.argv[2])
only_git = git - ours
only_ours = ours - git
by_key = lambda rows: {(k[0], k[1]): k for k in rows.elements()}
git_keys, our_keys = by_key(only_git), by_key(only_ours)
differing = sorted(set(git_keys) & set(our_keys))
missing = sorted(set(git_keys) - set(our_keys))
extra = sorted(set(our_keys) - set(git_keys))
print(f"git rows {sum(git.values())}  gstats rows {sum(ours.values())}  "
      f"differing {len(differing)}  only in git {len(missing)}  only in gstats {len(extra)}")
for title, keys in (("differing (git | gstats)", differing), ("only in git", missing), ("only in gstats", extra)):
    for key in keys[:10]:
        shown = [git_keys.get(key), our_keys.get(key)]
        print(f"  {title}: " + " | ".join("\t".join(k) for k in shown if k))
EOF
