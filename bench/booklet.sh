#!/usr/bin/env bash
# The booklet typeset by typst (release build): 290 entries × 1,500 words (goal < 3 s) and the
# 2019 demo's 44 entries through `juryn booklet` (goal < 1 s), each with its peak memory
# (goal < 500 MB), measured by /usr/bin/time. Prints figures; fails on nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p juryn-publish --example booklet_bench -p juryn 2>/dev/null
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

peak() { awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2/1024}' "$1"; }

# Three runs each; typst's first run in a process pays for loading the fonts.
for run in 1 2 3; do
  /usr/bin/time -v target/release/examples/booklet_bench 290 1500 "$work/big.pdf" >"$work/out" 2>"$work/time"
  echo "290 × 1,500 words, run $run: $(cat "$work/out"), peak $(peak "$work/time"), $(pdfinfo "$work/big.pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages"
done

# The 2019 size with the full 1,500 words each (the demo's invented answers are shorter).
/usr/bin/time -v target/release/examples/booklet_bench 44 1500 "$work/44.pdf" >"$work/out" 2>"$work/time"
echo "44 × 1,500 words: $(cat "$work/out"), peak $(peak "$work/time")"

db="sqlite://$work/demo.db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
target/release/juryn demo --listen "127.0.0.1:$port" --database "$db" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
for run in 1 2 3; do
  start=$(date +%s.%N)
  /usr/bin/time -v target/release/juryn booklet --award digitaliseringskommun --year 2019 -o "$work/demo.pdf" --database "$db" 2>"$work/time" >/dev/null
  took=$(python3 -c "print(f'{$(date +%s.%N) - $start:.2f}')")
  echo "2019 demo (44 entries), run $run: $took s wall incl. process start, peak $(peak "$work/time"), $(pdfinfo "$work/demo.pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages"
done
