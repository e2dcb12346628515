#!/usr/bin/env bash
# Search at the size of a real award, through the release binary: `juryn demo --synthetic
# 290x15` (three editions × 290 entries × 3 answers × 1,500 words), its index made at start
# beside the SQLite file; then the server stopped and `juryn search reindex` timed with its peak
# memory (goal: under 10 s and 300 MB); then the server again and the organiser's search (every
# edition's jury circle) at 16 connections for a mix of queries (goal: p99 under 20 ms). The
# in-process figures (a submission's way to being found, the pulse warm and on a miss) are
# `cargo bench -p juryn-web --bench search`. Prints figures; fails on nothing.
#
#   cargo build --release && bench/search.sh        (DURATION=5 for a quicker run)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
db="sqlite://$SCRATCH/search.db"
start_synthetic search "$db"
# The first pass runs in the background from the start: wait until a search finds something.
for _ in $(seq 1 300); do
  curl -s -H "Cookie: $ORGANISER" "$BASE/api/v1/search?q=pandemin" | grep -q '"code"' && break
  sleep 0.1
done
stop_servers
PIDS=()
/usr/bin/time -f '%e s %M KB' -o "$SCRATCH/reindex.time" "$BIN" search reindex --database "$db"
read -r secs _ kb _ < "$SCRATCH/reindex.time"
echo "juryn search reindex: $secs s, peak RSS $((kb / 1024)) MB"
start_juryn search-again serve --database "$db"
ORGANISER=$(signin "organiser.search@example.invalid")
for _ in $(seq 1 300); do
  curl -s -H "Cookie: $ORGANISER" "$BASE/api/v1/search?q=pandemin" | grep -q '"code"' && break
  sleep 0.1
done
printf '%-44s %9s %8s %8s\n' query 'req/s' 'p50 ms' 'p99 ms'
for q in pandemin AI cybers%C3%A4kerhet e-tj%C3%A4nst %22digitala+coacher%22 energif%C3%B6rbrukningen+lokalerna; do
  for who in public organiser; do
    cookie=; [ "$who" = organiser ] && cookie=$ORGANISER
    read -r rps p50 p99 < <(measure "$BASE/api/v1/search?q=$q" "$cookie")
    printf '%-44s %9s %8s %8s\n' "$who: $q" "$rps" "$p50" "$p99"
  done
done
