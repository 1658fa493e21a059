#!/usr/bin/env bash
# gstats serve under load, loopback only, on a stored scan: scans REPOSITORY with gstats scan into a
# store of its own, starts bin/gstats serve on a free 127.0.0.1 port with REPOSITORY's parent as its
# root and the same store (so the report served is the store's, as after a restart), then sends
# REQUESTS requests in all from CLIENTS concurrent clients (threads of one JVM, benchmarks/ServeLoad.java,
# each on its own keep-alive connection) to the report endpoint and a table endpoint (plain, and gzip
# as browsers ask) and the health endpoint (the floor), after one unmeasured round of each, and prints
# each endpoint's p50/p95/p99 latency (request sent to last byte read) and the server's peak RSS.
# Usage: benchmarks/serve.sh REPOSITORY [CLIENTS] [REQUESTS] [TABLE]   (needs the distribution built:
#        mvn -B -o -q package -pl distribution -am -DskipTests)
set -euo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: benchmarks/serve.sh REPOSITORY [CLIENTS] [REQUESTS] [TABLE]" >&2
  exit 2
fi
repo=$(cd -P -- "$1" && pwd -P)
clients=${2:-20}
requests=${3:-2000}
table=${4:-commits.authors}
root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
gstats=$root/distribution/target/gstats/bin/gstats
[ -x "$gstats" ] || { echo "serve: build the distribution first" >&2; exit 2; }
work=$(mktemp -d)
server=
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
scan_start=$(date +%s.%N)
"$gstats" scan "$repo" --format json > "$work/report.json"
echo "gstats scan (stored): $(python3 -c "print(round($(date +%s.%N) - $scan_start, 1))") s, report $(wc -c < "$work/report.json") bytes"
"$gstats" serve --port "$port" --root "$(dirname "$repo")" > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 600); do
  curl -sf "$base/api/health" > /dev/null && break
  sleep 0.1
done
id=$(curl -sf "$base/api/repositories" | python3 -c '
import json, sys
print(next(r["latestReport"] for r in json.load(sys.stdin) if r["path"] == sys.argv[1]))' "$repo")
echo "the stored scan is $id"
client=$root/benchmarks/ServeLoad.java

load() { # PATH [gzip]
  java "$client" "$base" "$1" "$clients" 200 ${2:-} > /dev/null
  java "$client" "$base" "$1" "$clients" "$requests" ${2:-}
}
load "/api/scans/$id/report"
load "/api/scans/$id/report" gzip
load "/api/scans/$id/tables/$table"
load "/api/scans/$id/tables/$table" gzip
load "/api/health"
java_pid=$(pgrep -P "$server" java || echo "$server")
echo "server peak RSS: $(awk '/VmHWM/ {print int($2 / 1024) " MB"}' "/proc/$java_pid/status" 2>/dev/null || echo unknown)"
