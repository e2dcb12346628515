#!/usr/bin/env bash
# Throughput of the public pages: starts the release build on the demo (fresh SQLite database),
# loads the edition, award and municipality pages for 10 s each at 16 connections, and prints
# requests/s, p50 and p99 latency, and the server's peak RSS. A benchmark, not a test: it prints
# figures and never fails on them. Goal for the edition page on 2 cores: ≥ 10,000 req/s, p99 < 10 ms,
# < 60 MB RSS. bench/compare.sh sets them beside nginx serving the same bytes.
#
#   cargo build --release && bench/public-pages.sh
#
# Uses oha if installed (cargo install oha), else wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_juryn demo demo --database "sqlite://$SCRATCH/bench.db"
echo "juryn $( "$BIN" --version | cut -d' ' -f2 ), $TOOL, $CONNECTIONS connections, ${DURATION}s per page, $(nproc) cores"
printf '%-28s %10s %9s %9s %9s\n' page 'req/s' 'p50 ms' 'p99 ms' 'bytes'
for path in /digitaliseringskommun/2019 /digitaliseringskommun /kommuner/0186; do
  bytes=$(curl -s "$BASE$path" | wc -c)
  read -r rps p50 p99 _ < <(measure "$BASE$path")
  printf '%-28s %10s %9s %9s %9s\n' "$path" "$rps" "$p50" "$p99" "$bytes"
done
echo "server peak RSS: $(peak_rss "$PID") MB"
