#!/usr/bin/env bash
# The gala's spike: three `juryn serve` processes on one PostgreSQL, 256 connections spread over
# them on the edition page and the edition JSON across the announcement second.
#
# The demo is loaded at `decided` and its announcement set to a few seconds ahead. From four
# seconds before it to four after, wrk loads all three processes (86 connections each, the page
# and the JSON in turn) while a watcher asks every process for both every 20 ms and notes, by
# the machine's clock, when each answer began and ended and whether it named the winner.
# Prints, per process, the last answer without the winner and the first with it (relative to the
# announcement), any answer with the winner that ended before the announcement (a leak) or
# without it that began a second after (late), and wrk's figures: req/s, p99, non-2xx.
# Goals: no leak, nothing late, zero 5xx, p99 < 50 ms. Exits 1 when a goal is missed.
#
#   cargo build --release && bench/gala.sh          (runs as root: it starts its own PostgreSQL;
#                                                    GALA_CONNECTIONS=256 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || apt-get install -y --no-install-recommends wrk >/dev/null
. bench/lib.sh
CONNECTIONS=${GALA_CONNECTIONS:-256}  # lib.sh's CONNECTIONS is for one page at a time
LEAD=${LEAD:-25}          # seconds from setting the announcement to the announcement
WINDOW=${WINDOW:-4}       # seconds of load either side of it
pgdir=$SCRATCH/pg
trap 'status=$?; stop_servers; .ci/stop-postgres "$pgdir"; rm -rf "$SCRATCH"; exit $status' EXIT
eval "$(JURYN_TEST_PG_PORT=$(free_port) .ci/start-postgres "$pgdir")"
server=$JURYN_TEST_POSTGRES_URL
psql -q "$server" -c "create database gala"
db=${server%/postgres}/gala

# The demo at `decided`, loaded by a first process that is then stopped.
start_juryn load demo --phase decided --database "$db"
kill "$PID"; wait "$PID" 2>/dev/null || true
announce=$(( $(date +%s) + LEAD ))
psql -q "$db" -c "update editions set announce_at = $announce
  where year = 2019 and award_id = (select id from awards where slug = 'digitaliseringskommun')"

bases=()
for n in 1 2 3; do
  start_juryn "serve$n" serve --database "$db"
  bases+=("$BASE")
done
PAGE=/digitaliseringskommun/2019
JSON=/api/v1/awards/digitaliseringskommun/editions/2019
for b in "${bases[@]}"; do
  curl -sf -o /dev/null "$b$PAGE"; curl -sf -o /dev/null "$b$JSON"
  curl -sf "$b$PAGE" | grep -q 'id="vinnare"' && { echo "FAIL: the winner is on $b before the load"; exit 1; }
done

cat > "$SCRATCH/alternate.lua" <<LUA
local paths = { "$PAGE", "$JSON" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % 2) + 1])
end
LUA

now=$(date +%s.%N)
start_at=$(python3 -c "print(max(0, $announce - $WINDOW - $now))")
sleep "$start_at"
per=$(( CONNECTIONS / 3 ))
loads=()
for n in 0 1 2; do
  wrk -t1 -c"$per" -d"$(( 2 * WINDOW ))s" --latency -s "$SCRATCH/alternate.lua" "${bases[$n]}" \
    > "$SCRATCH/wrk$n.txt" 2>&1 &
  loads+=($!)
done
python3 - "$announce" "$WINDOW" "$PAGE" "$JSON" "${bases[@]}" > "$SCRATCH/watch.txt" <<'PY' &
import http.client, sys, threading, time, urllib.parse
announce, window = float(sys.argv[1]), float(sys.argv[2])
page, api = sys.argv[3], sys.argv[4]
bases = sys.argv[5:]
seen = {}  # (base, path) -> [(began, ended, status, shown)]

def watch(base, path):
    u = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    rows = seen.setdefault((base, path), [])
    while time.time() < announce + window:
        began = time.time()
        try:
            conn.request("GET", path)
            res = conn.getresponse()
            body = res.read().decode("utf-8", "replace")
            status = res.status
        except Exception:
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
            body, status = "", 0
        ended = time.time()
        shown = ('id="vinnare"' in body) if path == page else ('"winner":{' in body.replace(" ", ""))
        rows.append((began, ended, status, shown))
        time.sleep(0.02)

threads = [threading.Thread(target=watch, args=(b, p)) for b in bases for p in (page, api)]
for t in threads: t.start()
for t in threads: t.join()
bad = 0
for n, base in enumerate(bases, 1):
    for path in (page, api):
        rows = seen[(base, path)]
        leaks = [r for r in rows if r[3] and r[1] < announce]
        late = [r for r in rows if not r[3] and r[0] >= announce + 1]
        errors = [r for r in rows if r[2] != 200]
        last_without = max((r[0] for r in rows if not r[3]), default=None)
        first_with = min((r[1] for r in rows if r[3]), default=None)
        fmt = lambda t: "never" if t is None else f"{(t - announce) * 1000:+.0f} ms"
        print(f"process {n} {'page' if path == page else 'JSON'}: {len(rows)} answers; last without "
              f"the winner began {fmt(last_without)}, first with it ended {fmt(first_with)}; "
              f"leaks {len(leaks)}, late {len(late)}, not 200: {len(errors)}")
        bad += len(leaks) + len(late) + len(errors)
print("watch:", "PASS" if bad == 0 else "FAIL")
PY
watcher=$!
wait "$watcher" || true
wait "${loads[@]}"   # not a bare wait: the servers run on in the background
cat "$SCRATCH/watch.txt"
python3 - "$SCRATCH"/wrk*.txt <<'PY'
import re, sys
total_rps = 0.0; worst_p99 = 0.0; non2xx = 0; requests = 0
def ms(v):
    n, u = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[u]
for path in sys.argv[1:]:
    t = open(path).read()
    total_rps += float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    requests += int(re.search(r"(\d+) requests in", t).group(1))
    worst_p99 = max(worst_p99, ms(re.search(r"\n\s+99%\s+(\S+)", t).group(1)))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    non2xx += int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", t)
    if m: print("socket errors:", m.group(1))
print(f"load: {requests} requests, {total_rps:.0f} req/s over three processes, p99 {worst_p99:.1f} ms "
      f"(the worst process), non-2xx {non2xx}")
ok = non2xx == 0 and worst_p99 < 50
print("load:", "PASS" if ok else "FAIL (goals: zero non-2xx, p99 < 50 ms)")
PY
grep -q "watch: PASS" "$SCRATCH/watch.txt"
