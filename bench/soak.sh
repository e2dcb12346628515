#!/usr/bin/env bash
# A soak: 16 connections for ten minutes over a mix of pages — public (the edition, the
# municipalities, a municipality, the JSON, the booklet PDF, the feeds) and signed-in (the
# chair's list, every one of the 290 entry pages, the ranking, the organiser's pages) — on
# `demo --synthetic 290x15`, with a write (a discussion post) every few seconds so that pages
# are rendered anew all along. Every URL is fetched once first, so the caches hold what they
# will; the server's RSS is then read every 30 s. Goal: the last reading within 10 % of the one
# after the first minute. Exits 1 when it grows more, or on any answer that is not 200.
#
#   cargo build --release && bench/soak.sh            (SOAK=120 for a shorter run)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SOAK=${SOAK:-600}
SCALE=${SCALE:-290x15}
db="sqlite://$SCRATCH/soak.db"
start_synthetic soak "$db"
year=$YEAR jury=$JURY admin=$ADMIN chair=$CHAIR organiser=$ORGANISER
rss() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$PID/status"; }

# The signed-in mix: the chair's entries (every one), list, ranking; the organiser's pages.
curl -s -H "Cookie: $chair" "$BASE$jury" | grep -o "$jury/bidrag/[0-9]\{4\}" | sort -u > "$SCRATCH/chair.txt"
printf '%s\n' "$jury" "$jury/rangordning" "$jury/besok" >> "$SCRATCH/chair.txt"
printf '%s\n' "$admin" "$admin/bidrag" "$admin/jav" "/admin" > "$SCRATCH/organiser.txt"
printf '%s\n' / /kommuner /kommuner/0186 /digitaliseringskommun /digitaliseringskommun/2019 \
  /digitaliseringskommun/2019/jury /digitaliseringskommun/2019/program \
  /api/v1/awards/digitaliseringskommun/editions/2019 /digitaliseringskommun/2019/skrift.pdf \
  /digitaliseringskommun/2019/skrift /digitaliseringskommun/2019/tidsplan.ics \
  /digitaliseringskommun/2019/nyheter.atom /digitaliseringskommun/2019/oppna-data/bidrag.json \
  "/syntetiskt/$year" > "$SCRATCH/public.txt"
for who in chair organiser public; do
  cookie=""; [ "$who" = chair ] && cookie=$chair; [ "$who" = organiser ] && cookie=$organiser
  while read -r path; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")
    [ "$code" = 200 ] || { echo "$who $path: $code (drop it from the mix)"; sed -i "\#^$path\$#d" "$SCRATCH/$who.txt"; }
  done < "$SCRATCH/$who.txt"
done
echo "mix: $(wc -l < "$SCRATCH/chair.txt") chair pages, $(wc -l < "$SCRATCH/organiser.txt") organiser pages, $(wc -l < "$SCRATCH/public.txt") public"

lua() {  # lua FILE COOKIE: a wrk script that asks the paths of FILE at random, counting statuses
  python3 - "$1" "$2" <<'PY'
import json, sys
paths = [l.strip() for l in open(sys.argv[1]) if l.strip()]
print("local paths = {" + ",".join(json.dumps(p) for p in paths) + "}")
print("local cookie = " + json.dumps(sys.argv[2]))
PY
  cat <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0; math.randomseed(os.time() + math.random(1000)) end
function request()
  local headers = {}
  if cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("not 200: %d\n", total))
end
LUA
}
lua "$SCRATCH/chair.txt" "$chair" > "$SCRATCH/chair.lua"
lua "$SCRATCH/organiser.txt" "$organiser" > "$SCRATCH/organiser.lua"
lua "$SCRATCH/public.txt" "" > "$SCRATCH/public.lua"
loads=()
for who in chair organiser public; do
  c=6; [ "$who" = organiser ] && c=2; [ "$who" = public ] && c=8
  wrk -t1 -c$c -d"${SOAK}s" --latency -s "$SCRATCH/$who.lua" "$BASE" > "$SCRATCH/wrk-$who.txt" 2>&1 &
  loads+=($!)
done
entry=$(head -1 "$SCRATCH/chair.txt")
python3 - "$BASE" "$entry" "$chair" "$SOAK" <<'PY' &
import re, sys, time, urllib.parse, urllib.request
base, entry, chair, soak = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
end = time.time() + soak; i = 0
while time.time() < end:
    i += 1
    page = urllib.request.urlopen(urllib.request.Request(base + entry, headers={"Cookie": chair})).read()
    token = re.search(rb'name="csrf" value="([^"]+)"', page).group(1).decode()
    form = urllib.parse.urlencode({"csrf": token, "body": f"Soak {i}"}).encode()
    urllib.request.urlopen(urllib.request.Request(base + entry + "/diskussion", data=form,
        headers={"Cookie": chair, "Origin": base}))
    time.sleep(5)
PY
readings=()
for ((s = 30; s <= SOAK; s += 30)); do
  sleep 30
  readings+=("$(rss)")
  echo "$(printf '%4d' "$s") s: RSS $(rss) MB"
done
wait "${loads[@]}"   # not a bare wait: the server runs on
bad=0
for who in chair organiser public; do
  read -r rps < <(awk '/Requests\/sec/ {print int($2)}' "$SCRATCH/wrk-$who.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$SCRATCH/wrk-$who.txt")
  n=$(awk '/not 200/ {print $3}' "$SCRATCH/wrk-$who.txt")
  echo "$who: $rps req/s, p99 $p99, not 200: $n"
  [ "${n:-1}" = 0 ] || bad=1
done
first=${readings[1]:-${readings[0]}}; last=${readings[-1]}
growth=$(python3 -c "print(round(100 * ($last - $first) / $first, 1))")
echo "RSS after the first minute $first MB, at the end $last MB: ${growth} %"
python3 -c "import sys; sys.exit(0 if $last <= 1.10 * $first else 1)" || bad=1
[ "$bad" = 0 ] && echo "soak: PASS" || { echo "soak: FAIL"; exit 1; }
