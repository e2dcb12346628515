#!/usr/bin/env bash
# Every signed-in page at the size of a real year: `juryn demo --synthetic 290x15` (290 entries ×
# 15 jurors × 3 reviews, answers of 1,500 words), release build, SQLite. For each page: requests/s,
# p50 and p99 at 16 connections (warm), then the first view after a write (a cache miss), five
# times. Goal on 2 cores: ≥ 2,000 req/s and p99 < 10 ms warm, a miss under 30 ms. Prints figures;
# fails on nothing.
#
#   cargo build --release && bench/pages.sh          (DURATION=5 for a quicker run)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SCALE=${SCALE:-290x15}
db="sqlite://$SCRATCH/pages.db"
start=$(date +%s.%N)
start_synthetic bench "$db"
echo "loaded demo + synthetic $SCALE in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
jury=$JURY admin=$ADMIN chair=$CHAIR organiser=$ORGANISER
entry=$(curl -s -H "Cookie: $chair" "$BASE$jury" | grep -o -m1 "$jury/bidrag/[0-9]\{4\}" | head -1 || true)
[ -n "$entry" ] || { echo "the chair's list links no entry"; exit 1; }

pages=("chair $jury" "chair $entry" "chair $jury/rangordning" "chair $jury/slutnominering" "chair $jury/mote"
  "chair $jury/besok" "organiser $admin" "organiser $admin/bidrag" "organiser $admin/tilldelning"
  "organiser $admin/jav" "organiser $admin/skrift")
echo "juryn $( "$BIN" --version | cut -d' ' -f2 ), $TOOL, $CONNECTIONS connections, ${DURATION}s per page, $(nproc) cores"
printf '%-10s %-42s %6s %9s %8s %8s %s\n' reader page status 'req/s' 'p50 ms' 'p99 ms' 'miss ms (5 writes)'
for p in "${pages[@]}"; do
  read -r who path <<<"$p"
  cookie=$chair; [ "$who" = organiser ] && cookie=$organiser
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")
  read -r rps p50 p99 rest < <(measure "$BASE$path" "$cookie")
  # A write through the server (a discussion post by the chair), then the page's first view.
  misses=$(python3 - "$BASE" "$entry" "$path" "$chair" "$cookie" <<'PY'
import re, sys, time, urllib.parse, urllib.request
base, entry, path, chair, cookie = sys.argv[1:6]
def get(p, c):
    req = urllib.request.Request(base + p, headers={"Cookie": c})
    t = time.perf_counter(); body = urllib.request.urlopen(req).read(); return body, (time.perf_counter() - t) * 1000
out = []
for i in range(5):
    page, _ = get(entry, chair)
    token = re.search(rb'name="csrf" value="([^"]+)"', page).group(1).decode()
    form = urllib.parse.urlencode({"csrf": token, "body": f"Mätning {i} (bench/pages.sh)"}).encode()
    urllib.request.urlopen(urllib.request.Request(base + entry + "/diskussion", data=form,
        headers={"Cookie": chair, "Origin": base}))
    out.append(get(path, cookie)[1])
print(" ".join(f"{m:.1f}" for m in out))
PY
)
  printf '%-10s %-42s %6s %9s %8s %8s %s %s\n' "$who" "$path" "$status" "$rps" "$p50" "$p99" "$misses" "$rest"
done
# The ranking after a review's score changes (written by another process, as a second server
# would: the score and the data generation), viewed after the next poll: the bootstrap has run
# again by then, in the background. Then the same viewed at once, before the poll, for the
# stale-but-honest answer (the previous ranking, until the poll).
python3 - "$BASE" "$jury" "$chair" "${db#sqlite://}" <<'PY'
import sqlite3, sys, time, urllib.request
base, jury, chair, path = sys.argv[1:5]
db = sqlite3.connect(path, isolation_level=None)
rid = db.execute("select r.id from reviews r join editions e on e.id = r.edition_id join awards a on a.id = e.award_id "
                 "where a.slug = 'syntetiskt' and r.submitted_at is not null limit 1").fetchone()[0]
def view():
    t = time.perf_counter()
    urllib.request.urlopen(urllib.request.Request(base + jury + "/rangordning", headers={"Cookie": chair})).read()
    return (time.perf_counter() - t) * 1000
view()
out = []
for i in range(5):
    db.execute("update review_scores set score = ? where review_id = ? and criterion_id = "
               "(select min(criterion_id) from review_scores where review_id = ?)", (2 + i % 3, rid, rid))
    db.execute("update data_generation set generation = generation + 1")
    time.sleep(1.5)
    out.append(view())
print("ranking after a score changed elsewhere, first view after the poll (ms):", " ".join(f"{m:.1f}" for m in out))
PY
echo "server peak RSS: $(peak_rss "$PID") MB"
