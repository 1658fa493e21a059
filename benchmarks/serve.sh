#!/usr/bin/env bash
# gstats serve under load, loopback only, on a stored scan: scans REPOSITORY with gstats scan into a
# store of its own, starts bin/gstats serve on a free 127.0.0.1 port with REPOSITORY's parent as its
# root and the same store (so the report served is the store's, as after a restart), then loads the
# health endpoint (the floor), a table endpoint and the report endpoint (each plain, and gzip as
# browsers ask) from CLIENTS concurrent clients, each on its own keep-alive connection, with two
# load generators in turn:
#   java  benchmarks/ServeLoad.java: threads of one JVM; REQUESTS requests after a warm-up round of
#         as many in the same JVM;
#   wrk   (Debian package wrk, when installed) a C event loop outside any JVM; WRK_SECONDS (10) s.
# Both send the next request as soon as an answer has arrived (closed loop), so they measure the
# latency at the most the server answers. Then, with hey (Debian package hey, when installed),
# REQUESTS requests paced at RATE (500) requests/s in all: the latency at a load the server is not
# saturated by. For each run it prints p50 and p99 (request sent to last
# byte read), requests/s, and the CPU the server and the client used in that run (each as a share of
# the machine's cores), which tells whose p99 it is; at the end the server's GC pauses (its
# -Xlog:gc) and its peak RSS. CLIENT_CPUS (e.g. 1) pins the load generators to those CPUs with
# taskset, so that their CPU and the server's stop trading places on a 2-core machine.
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
wrk_seconds=${WRK_SECONDS:-10}
rate=${RATE:-500}
pin=()
[ -n "${CLIENT_CPUS:-}" ] && pin=(taskset -c "$CLIENT_CPUS")
root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
gstats=$root/distribution/target/gstats/bin/gstats
[ -x "$gstats" ] || { echo "serve: build the distribution first" >&2; exit 2; }
work=$(mktemp -d)
server=
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
cores=$(nproc)
hz=$(getconf CLK_TCK)
scan_start=$(date +%s.%N)
"$gstats" scan "$repo" --format json > "$work/report.json"
echo "gstats scan (stored): $(python3 -c "print(round($(date +%s.%N) - $scan_start, 1))") s, report $(wc -c < "$work/report.json") bytes"
JAVA_OPTS="${JAVA_OPTS:-} -Xlog:gc:file=$work/gc.log" \
  "$gstats" serve --port "$port" --root "$(dirname "$repo")" > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 600); do
  curl -sf "$base/api/health" > /dev/null && break
  sleep 0.1
done
java_pid=$(pgrep -P "$server" java || echo "$server")
id=$(curl -sf "$base/api/repositories" | python3 -c '
import json, sys
print(next(r["latestReport"] for r in json.load(sys.stdin) if r["path"] == sys.argv[1]))' "$repo")
echo "the stored scan is $id; $clients clients; $cores cores${pin:+; load generators on CPU $CLIENT_CPUS};" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
client=$root/benchmarks/ServeLoad.java

server_ticks() { awk '{print $14 + $15}' "/proc/$java_pid/stat"; }
share() { # CPU-SECONDS WALL-SECONDS
  python3 -c "print(f'{$1 / ($2 * $cores) * 100:.0f}%')"
}
# ms from wrk's "99%   1.23ms" / "850.00us" / "1.02s"
wrk_ms() {
  awk -v q="$1" '$1 == q {v = $2; f = 1; if (v ~ /us$/) f = 0.001; else if (v ~ /ms$/) f = 1; else if (v ~ /s$/) f = 1000;
    sub(/[a-z]+$/, "", v); printf "%.1f", v * f}' "$2"
}

# ms from hey's "  99% in 0.0123 secs"
hey_ms() {
  awk -v q="$1" '$1 == q && $2 == "in" {printf "%.1f", $3 * 1000}' "$2"
}

load() { # PATH [gzip]
  local path=$1 gzip=${2:-} before start wall cpu
  local label=$path${gzip:+ (gzip)}
  before=$(server_ticks); start=$(date +%s.%N)
  TIMEFORMAT='%U %S'
  { time "${pin[@]}" java "$client" "$base" "$path" "$clients" "$requests" "$requests" $gzip > "$work/java.out"; } 2> "$work/time"
  wall=$(python3 -c "print($(date +%s.%N) - $start)")
  cpu=$(python3 -c "print(($(server_ticks) - $before) / $hz)")
  python3 - "$label" "$wall" "$cpu" "$cores" "$work/java.out" <<'EOF'
import re, sys
label, wall, server, cores, out = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), open(sys.argv[5]).read()
p50, p99 = re.search(r"p50 ([\d.]+) ms", out).group(1), re.search(r"p99 ([\d.]+) ms", out).group(1)
rate = re.search(r"([\d.]+) requests/s", out).group(1)
cpu, measured = re.search(r"client CPU ([\d.]+) s of ([\d.]+) s", out).groups()
print(f"java {label}: p50 {p50} ms, p99 {p99} ms, {rate}/s; client CPU {float(cpu) / float(measured) / cores * 100:.0f}% "
      f"(measured part), server CPU {server / wall / cores * 100:.0f}% (whole run, warm-up included)")
EOF
  if command -v wrk > /dev/null; then
    local header=()
    [ -n "$gzip" ] && header=(-H 'Accept-Encoding: gzip')
    before=$(server_ticks); start=$(date +%s.%N)
    { time "${pin[@]}" wrk -t1 -c"$clients" -d"${wrk_seconds}s" --latency "${header[@]}" "$base$path" > "$work/wrk.out"; } 2> "$work/time"
    wall=$(python3 -c "print($(date +%s.%N) - $start)")
    cpu=$(python3 -c "print(($(server_ticks) - $before) / $hz)")
    read -r user sys < "$work/time"
    echo "wrk  $label: p50 $(wrk_ms 50% "$work/wrk.out") ms, p99 $(wrk_ms 99% "$work/wrk.out") ms," \
      "$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$work/wrk.out")/s; client CPU $(share "$user + $sys" "$wall")," \
      "server CPU $(share "$cpu" "$wall")"
  fi
  if command -v hey > /dev/null; then
    # hey (Go) asks for gzip and inflates it by itself unless told not to
    local header=(-disable-compression)
    [ -n "$gzip" ] && header=(-H 'Accept-Encoding: gzip')
    before=$(server_ticks); start=$(date +%s.%N)
    { time "${pin[@]}" hey -n "$requests" -c "$clients" -q $(( (rate + clients - 1) / clients )) "${header[@]}" "$base$path" \
      > "$work/hey.out"; } 2> "$work/time"
    wall=$(python3 -c "print($(date +%s.%N) - $start)")
    cpu=$(python3 -c "print(($(server_ticks) - $before) / $hz)")
    read -r user sys < "$work/time"
    echo "hey  $label at $rate/s: p50 $(hey_ms 50% "$work/hey.out") ms, p99 $(hey_ms 99% "$work/hey.out") ms;" \
      "client CPU $(share "$user + $sys" "$wall"), server CPU $(share "$cpu" "$wall")"
  fi
}
load "/api/health"
load "/api/scans/$id/tables/$table"
load "/api/scans/$id/tables/$table" gzip
load "/api/scans/$id/report"
load "/api/scans/$id/report" gzip
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '/Pause/ { v = $NF; sub(/ms$/, "", v); v += 0; n++; total += v; if (v > max) max = v; if ($0 ~ /System.gc/) explicit++ }
  END { printf "server GC: %d pauses, %.0f ms in all, longest %.1f ms, %d by System.gc()\n", n, total, max, explicit }' "$work/gc.log"
echo "its longest pauses:"; grep Pause "$work/gc.log" | sort -t' ' -k2 | awk '{v = $NF; sub(/ms$/, "", v); print v + 0 "\t" $0}' \
  | sort -rn | head -3 | cut -f2-
echo "server peak RSS: $(awk '/VmHWM/ {print int($2 / 1024) " MB"}' "/proc/$java_pid/status" 2>/dev/null || echo unknown)"
