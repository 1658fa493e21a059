#!/usr/bin/env bash
# gstats serve under load, loopback only: starts bin/gstats serve on a free 127.0.0.1 port with
# REPOSITORY's parent as its root and a store of its own, scans REPOSITORY once through the API
# (so the report is the stored scan's), then sends REQUESTS requests in all from CLIENTS
# concurrent curl clients to each of the report endpoint and a table endpoint (plain, and gzip as
# browsers ask), and the health endpoint (the floor: client and machine), and prints each
# endpoint's p50/p95/p99 latency (curl's time_total: connect to last byte) and the server's peak RSS.
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
export XDG_CACHE_HOME=$work/cache
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
"$gstats" serve --port "$port" --root "$(dirname "$repo")" > "$work/serve.out" 2> "$work/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 600); do
  curl -sf "$base/api/health" > /dev/null && break
  sleep 0.1
done
id=$(curl -sf -H 'Content-Type: application/json' -d "{\"repository\": \"$repo\"}" "$base/api/scans" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
scan_start=$(date +%s.%N)
curl -sfN "$base/api/scans/$id/events" > "$work/events"
grep -q '"state":"done"' "$work/events" || { echo "serve: the scan did not finish:"; cat "$work/events"; exit 1; }
echo "scan through the API: $(python3 -c "print(round($(date +%s.%N) - $scan_start, 1))") s"
echo "report: $(curl -sf "$base/api/scans/$id/report" | wc -c) bytes"

load() { # NAME PATH [CURL OPTION]
  seq "$requests" | xargs -P "$clients" -I{} curl -s ${3:-} -o /dev/null -w '%{http_code} %{time_total}\n' "$base$2" \
    > "$work/$1.times"
  python3 - "$1" "$work/$1.times" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[2])]
bad = [r for r in rows if r[0] != "200"]
times = sorted(float(r[1]) * 1000 for r in rows)
pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"{sys.argv[1]}: {len(times)} requests, {len(bad)} not 200; "
      f"p50 {pick(0.50):.1f} ms, p95 {pick(0.95):.1f} ms, p99 {pick(0.99):.1f} ms, max {times[-1]:.1f} ms")
PY
}
load report "/api/scans/$id/report"
load report-gzip "/api/scans/$id/report" --compressed
load table "/api/scans/$id/tables/$table"
load table-gzip "/api/scans/$id/tables/$table" --compressed
load health "/api/health"
java_pid=$(pgrep -P "$server" java || echo "$server")
echo "server peak RSS: $(awk '/VmHWM/ {print int($2 / 1024) " MB"}' "/proc/$java_pid/status" 2>/dev/null || echo unknown)"
