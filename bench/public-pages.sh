#!/usr/bin/env bash
# Throughput of the public pages: starts the release build on the demo (fresh SQLite database),
# loads the edition, award and municipality pages for 10 s each at 16 connections, and prints
# requests/s, p50 and p99 latency, and the server's peak RSS. A benchmark, not a test: it prints
# figures and never fails on them. Goal for the edition page on 2 cores: ≥ 10,000 req/s, p99 < 10 ms,
# < 60 MB RSS.
#
#   cargo build --release && bench/public-pages.sh
#
# Uses oha if installed (cargo install oha), else wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${JURYN_BIN:-target/release/juryn}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
[ -x "$BIN" ] || { echo "no release binary at $BIN: run cargo build --release first"; exit 1; }
if command -v oha >/dev/null; then tool=oha; elif command -v wrk >/dev/null; then tool=wrk; else
  echo "no load tool: apt-get install wrk (or cargo install oha)"; exit 1; fi

scratch=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
JURYN_LOG=warn "$BIN" demo --listen "127.0.0.1:$port" --database "sqlite://$scratch/bench.db" >/dev/null 2>"$scratch/log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$scratch"' EXIT
for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.2; done
base=http://127.0.0.1:$port

echo "juryn $( "$BIN" --version | cut -d' ' -f2 ), $tool, $CONNECTIONS connections, ${DURATION}s per page, $(nproc) cores"
printf '%-28s %10s %9s %9s %9s\n' page 'req/s' 'p50 ms' 'p99 ms' 'bytes'
for path in /digitaliseringskommun/2019 /digitaliseringskommun /kommuner/0186; do
  bytes=$(curl -s "$base$path" | wc -c)
  curl -s -o /dev/null "$base$path"   # warm the page cache
  if [ "$tool" = oha ]; then
    oha -z "${DURATION}s" -c "$CONNECTIONS" --no-tui --json "$base$path" 2>/dev/null | python3 -c '
import json, sys
j = json.load(sys.stdin); s = j["summary"]; p = j["latencyPercentiles"]
print(f"{s[\"requestsPerSec\"]:.0f} {p[\"p50\"]*1000:.2f} {p[\"p99\"]*1000:.2f}")' > "$scratch/r"
  else
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$base$path" 2>/dev/null | python3 -c '
import re, sys
t = sys.stdin.read()
def ms(v):
    n, u = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[u]
rps = re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)
p50 = re.search(r"\n\s+50%\s+(\S+)", t).group(1)
p99 = re.search(r"\n\s+99%\s+(\S+)", t).group(1)
print(f"{float(rps):.0f} {ms(p50):.2f} {ms(p99):.2f}")' > "$scratch/r"
  fi
  read -r rps p50 p99 < "$scratch/r"
  printf '%-28s %10s %9s %9s %9s\n' "$path" "$rps" "$p50" "$p99" "$bytes"
done
rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
echo "server peak RSS: $((rss / 1024)) MB"
