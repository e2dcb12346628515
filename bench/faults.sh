#!/usr/bin/env bash
# Faults, on real processes: what a reader sees and what is kept when the database fails.
#
#  1. PostgreSQL stopped for 10 s under load (two `juryn serve` on one cluster; wrk at 16
#     connections on the public edition page and a signed-in page; a writer making API keys one
#     after another, each with a name of its own). Every answer is counted by status; a 500 or
#     an answer slower than 8 s fails. Afterwards every key whose making was answered 200 must be
#     in the database, and the time from PostgreSQL's return to the first write answered 200 is
#     printed.
#  2. SQLite's disk full (the database on a 64 MB tmpfs, then filled): a write gets the Swedish
#     503 page, nothing of it is kept, pages still read; with room again, writes go through.
#  3. SIGKILL in the middle of a booklet publication (the server killed while it typesets) and
#     of a backup, at several moments: afterwards either no new version or a whole one (its PDF
#     read back, its SHA-256 right), and either no backup file or a whole one (restored).
#
# Runs as root (its own PostgreSQL, a tmpfs). Exits 1 when anything is lost or half-written.
#
#   cargo build --release && bench/faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || apt-get install -y --no-install-recommends wrk >/dev/null
. bench/lib.sh
pgdir=$SCRATCH/pg
disk=$SCRATCH/disk
mkdir -p "$disk"
cleanup() {
  local status=$?
  stop_servers
  .ci/stop-postgres "$pgdir"
  umount -l "$disk" 2>/dev/null
  rm -rf "$SCRATCH"
  exit "$status"
}
trap cleanup EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { runuser -u postgres -- "$@"; }

# Signs in as EMAIL at BASE (or, with WRITER_COOKIE set, uses that session: signing in is itself a
# write), then makes API keys named PREFIX-N for SECONDS; prints one line per attempt:
# "N status began ended" (unix seconds).
writer() {
  python3 - "$@" <<'PY'
import http.cookiejar, os, re, sys, time, urllib.error, urllib.parse, urllib.request
base, email, prefix, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
jar = http.cookiejar.CookieJar()
op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
token = lambda h: re.search(r'name="csrf" value="([^"]+)"', h).group(1)
if os.environ.get("WRITER_COOKIE"):
    op.addheaders = [("Cookie", os.environ["WRITER_COOKIE"])]
else:
    html = op.open(base + "/logga-in").read().decode()
    op.open(urllib.request.Request(base + "/logga-in", headers={"Origin": base}, data=urllib.parse.urlencode(
        {"csrf": token(html), "email": email, "password": "bench-losenord-123"}).encode()))
csrf = token(op.open(base + "/konto").read().decode())
end = time.time() + seconds
n = 0
while time.time() < end:
    n += 1
    began = time.time()
    data = urllib.parse.urlencode({"csrf": csrf, "name": f"{prefix}-{n}"}).encode()
    try:
        res = op.open(urllib.request.Request(base + "/konto/api-nyckel", data=data, headers={"Origin": base}), timeout=30)
        status, body = res.status, res.read().decode()
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read().decode()
    except Exception as e:
        status, body = 0, str(e)
    if status == 503 and "Tjänsten är tillfälligt otillgänglig" not in body and "Det gick inte att spara" not in body:
        status = -503  # a 503 without the Swedish page
    print(n, status, f"{began:.3f}", f"{time.time():.3f}", flush=True)
    time.sleep(0.05)
PY
}

wrk_statuses() {
  cat > "$SCRATCH/statuses.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {} end
function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts")) do total[k] = (total[k] or 0) + v end
  end
  for k, v in pairs(total) do io.write(string.format("status %d %d\n", k, v)) end
  io.write(string.format("max_ms %.1f\n", latency.max / 1000))
end
LUA
  wrk -t2 -c"$1" -d"$2s" --timeout 30s -s "$SCRATCH/statuses.lua" -H "Cookie: $3" "$4"
}

echo "== 1. PostgreSQL stopped for 10 s under load"
eval "$(JURYN_TEST_PG_PORT=$(free_port) .ci/start-postgres "$pgdir")"
server=$JURYN_TEST_POSTGRES_URL
pg_port=${server##*:}; pg_port=${pg_port%%/*}
psql -q "$server" -c "create database faults"
db=${server%/postgres}/faults
start_juryn load demo --database "$db"
kill "$PID"; wait "$PID" 2>/dev/null || true
add_person "$db" writer.bench@example.invalid admin
start_juryn one serve --database "$db"; one=$BASE
start_juryn two serve --database "$db"; two=$BASE
BASE=$one; cookie=$(signin writer.bench@example.invalid)
wrk_statuses 8 30 "$cookie" "$one/konto" > "$SCRATCH/wrk-signed.txt" &
load1=$!
wrk_statuses 8 30 "" "$two/digitaliseringskommun/2019" > "$SCRATCH/wrk-public.txt" &
load2=$!
writer "$two" writer.bench@example.invalid key 30 > "$SCRATCH/writes.txt" &
writes=$!
sleep 5
stopped=$(date +%s.%N)
as_pg "$pg_bin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null
sleep 10
as_pg "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
  -o "-p $pg_port -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
back=$(date +%s.%N)
wait "$writes" "$load1" "$load2"   # not a bare wait: the servers run on
for f in wrk-signed wrk-public; do echo "$f: $(grep -E '^(status|max_ms)' "$SCRATCH/$f.txt" | tr '\n' ' ')"; done
kept=$(psql -tA "$db" -c "select name from api_keys" | sort)
python3 - "$SCRATCH/writes.txt" "$stopped" "$back" "$kept" <<'PY' || failed=1
import sys
rows = [l.split() for l in open(sys.argv[1])]
stopped, back, kept = float(sys.argv[2]), float(sys.argv[3]), set(sys.argv[4].split())
by = {}
for n, status, began, ended in rows:
    by.setdefault(status, []).append(int(n))
print("writes by status:", {k: len(v) for k, v in sorted(by.items())})
ok = [f"key-{n}" for n in by.get("200", [])]
lost = [k for k in ok if k not in kept]
print(f"answered 200: {len(ok)}, of them in the database: {len(ok) - len(lost)}; lost: {lost or 'none'}")
after = [float(e) for n, s, b, e in rows if s == "200" and float(b) >= stopped]
print(f"first write answered 200 after PostgreSQL returned: {min(after) - back:+.2f} s" if after else "no write after the return")
slow = [(n, float(e) - float(b)) for n, s, b, e in rows if float(e) - float(b) > 8]
bad = lost or "500" in by or "-503" in by or "0" in by or slow or not after
if slow: print("slower than 8 s:", slow)
print("writes:", "FAIL" if bad else "PASS")
sys.exit(1 if bad else 0)
PY
for f in wrk-signed wrk-public; do
  grep -q '^status 500' "$SCRATCH/$f.txt" && fail "$f: a 500 during the outage"
  max=$(awk '/^max_ms/ {print $2}' "$SCRATCH/$f.txt")
  python3 -c "import sys; sys.exit(0 if float('${max:-0}') < 8000 else 1)" || fail "$f: an answer took $max ms"
done

echo "== 2. SQLite's disk full"
mount -t tmpfs -o size=64m tmpfs "$disk"
sdb="sqlite://$disk/juryn.db"
start_juryn full demo --database "$sdb"
kill "$PID"; wait "$PID" 2>/dev/null || true
add_person "$sdb" full.bench@example.invalid admin
start_juryn full serve --database "$sdb"; full=$BASE
WRITER_COOKIE=$(signin full.bench@example.invalid); export WRITER_COOKIE
writer "$full" full.bench@example.invalid room 1 >/dev/null
sqlite3_checkpoint() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('pragma wal_checkpoint(truncate)'); c.close()" "$disk/juryn.db"; }
sqlite3_checkpoint
dd if=/dev/zero of="$disk/filler" bs=64k 2>/dev/null || true
dd if=/dev/zero of="$disk/filler2" bs=1 2>/dev/null || true
before=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from api_keys').fetchone()[0])" "$disk/juryn.db")
writer "$full" full.bench@example.invalid full 2 > "$SCRATCH/full.txt"
echo "writes on a full disk: $(awk '{print $2}' "$SCRATCH/full.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
awk '$2 != 503 {bad=1} END {exit bad}' "$SCRATCH/full.txt" || fail "a write on a full disk was not the Swedish 503"
after=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from api_keys').fetchone()[0])" "$disk/juryn.db")
[ "$before" = "$after" ] || fail "a write on a full disk left $((after - before)) keys"
for path in /digitaliseringskommun/2019 /digitaliseringskommun/2019/jury /api/v1/awards/digitaliseringskommun/editions/2019/questionnaire; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$full$path")
  echo "read $path on a full disk: $code"; [ "$code" = 200 ] || fail "read $path: $code"
done
rm -f "$disk/filler" "$disk/filler2"
writer "$full" full.bench@example.invalid roomagain 1 > "$SCRATCH/again.txt"
unset WRITER_COOKIE
awk '$2 != 200 {bad=1} END {exit bad}' "$SCRATCH/again.txt" || fail "with room again a write failed"
echo "with room again: $(awk '{print $2}' "$SCRATCH/again.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"

echo "== 3. SIGKILL during a booklet publication and a backup"
kdb="sqlite://$SCRATCH/kill.db"
start_juryn kill demo --phase nominated --database "$kdb"
kill "$PID"; wait "$PID" 2>/dev/null || true
add_person "$kdb" kill.bench@example.invalid admin
versions() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from booklet_versions').fetchone()[0])" "$SCRATCH/kill.db"; }
# Each delay counts from the moment the POST is sent (the poster touches a file just before).
for delay in 0 0.02 0.05 0.1 0.2 0.4; do
  start_juryn kill serve --database "$kdb"
  before=$(versions)
  rm -f "$SCRATCH/posting"
  cookie=$(signin kill.bench@example.invalid)
  python3 - "$BASE" "$cookie" "$SCRATCH/posting" <<'PY' &
import re, sys, urllib.parse, urllib.request
base, cookie, posting = sys.argv[1:4]
page = urllib.request.urlopen(urllib.request.Request(base + "/admin/digitaliseringskommun/2019/skrift", headers={"Cookie": cookie})).read().decode()
csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
data = urllib.parse.urlencode({"csrf": csrf, "at": "2019-06-14T10:00"}).encode()
open(posting, "w").close()
try:
    urllib.request.urlopen(urllib.request.Request(base + "/admin/digitaliseringskommun/2019/skrift/publicera", data=data, headers={"Cookie": cookie, "Origin": base}), timeout=60)
except Exception:
    pass
PY
  poster=$!
  while [ ! -e "$SCRATCH/posting" ] && kill -0 "$poster" 2>/dev/null; do sleep 0.005; done
  sleep "$delay"
  kill -9 "$PID"; wait "$PID" 2>/dev/null || true
  wait "$poster" 2>/dev/null || true
  now=$(versions)
  python3 - "$SCRATCH/kill.db" <<'PY' || fail "a half booklet version after SIGKILL at ${delay} s"
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for version, pdf, sha in db.execute("select version, pdf, sha256 from booklet_versions"):
    if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:] or hashlib.sha256(pdf).hexdigest() != sha:
        print(f"version {version} is not whole"); sys.exit(1)
PY
  echo "SIGKILL ${delay} s into a publication: versions $before → $now, each whole"
done
for delay in 0.02 0.1 0.3; do
  rm -f "$SCRATCH/backup.jsonl"
  "$BIN" backup --database "$kdb" --output "$SCRATCH/backup.jsonl" >/dev/null 2>&1 &
  b=$!; sleep "$delay"; kill -9 "$b" 2>/dev/null || true; wait "$b" 2>/dev/null || true
  if [ -e "$SCRATCH/backup.jsonl" ]; then
    rm -f "$SCRATCH/restored.db"
    "$BIN" restore "$SCRATCH/backup.jsonl" --database "sqlite://$SCRATCH/restored.db" >/dev/null ||
      fail "the backup left by SIGKILL at ${delay} s does not restore"
    echo "SIGKILL ${delay} s into a backup: the file is whole (restored)"
  else
    echo "SIGKILL ${delay} s into a backup: no backup file (only $(ls "$SCRATCH" | grep -c partial || true) .partial)"
  fi
done
[ "$failed" = 0 ] && echo "faults: PASS" || { echo "faults: FAIL"; exit 1; }
