# Shared by the load scripts under bench/: start juryn, sign in, measure a URL with wrk or oha.
# Source it; it sets BIN, DURATION, CONNECTIONS, SCRATCH and cleans up on exit.
BIN=${JURYN_BIN:-target/release/juryn}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
[ -x "$BIN" ] || { echo "no release binary at $BIN: run cargo build --release first"; exit 1; }
if command -v oha >/dev/null; then TOOL=oha; elif command -v wrk >/dev/null; then TOOL=wrk; else
  echo "no load tool: apt-get install wrk (or cargo install oha)"; exit 1; fi
SCRATCH=$(mktemp -d)
# Others read in here: nginx's workers (compare.sh), PostgreSQL's user (gala.sh, faults.sh).
chmod 755 "$SCRATCH"
PIDS=()
# stop_servers: ends every process start_juryn started. Exit traps call it; `set +e` first,
# since under `set -e` the first `wait` on a killed process would end the trap (and skip the rest).
stop_servers() {
  set +e
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
}
trap 'stop_servers; rm -rf "$SCRATCH"' EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_juryn NAME ARGS...: runs `juryn ARGS --listen 127.0.0.1:PORT`, waits for /health; sets
# BASE and PID (the log is $SCRATCH/NAME.log).
start_juryn() {
  local name=$1; shift
  local port; port=$(free_port)
  JURYN_LOG=${JURYN_LOG:-warn} "$BIN" "$@" --listen "127.0.0.1:$port" >"$SCRATCH/$name.log" 2>&1 &
  PID=$!; PIDS+=("$PID")
  BASE=http://127.0.0.1:$port
  for _ in $(seq 1 1500); do
    curl -sf -o /dev/null "$BASE/health" && return 0
    kill -0 "$PID" 2>/dev/null || { tail -5 "$SCRATCH/$name.log"; echo "juryn $name exited"; exit 1; }
    sleep 0.2
  done
  echo "juryn $name did not answer in 300 s"; exit 1
}

# add_person DB EMAIL ROLE ARGS...: an account with the password bench-losenord-123.
add_person() {
  local db=$1 email=$2 role=$3; shift 3
  printf 'bench-losenord-123\nbench-losenord-123\n' |
    "$BIN" user add --database "$db" --email "$email" --name "Bench Person" --role "$role" "$@" >/dev/null
}

# signin EMAIL: signs in at $BASE as a browser would; prints the Cookie header to send.
signin() {
  python3 - "$BASE" "$1" <<'PY'
import http.cookiejar, re, sys, urllib.parse, urllib.request
base, email = sys.argv[1:3]
jar = http.cookiejar.CookieJar()
op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
html = op.open(base + "/logga-in").read().decode()
form = re.search(r'<form[^>]*method="post"[^>]*>(.*?)</form>', html, re.S).group(1)
fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form))
fields.update({"email": email, "password": "bench-losenord-123"})
op.open(urllib.request.Request(base + "/logga-in", data=urllib.parse.urlencode(fields).encode(), headers={"Origin": base}))
print("; ".join(f"{c.name}={c.value}" for c in jar))
PY
}

# start_synthetic NAME DB: serves the demo with `--synthetic $SCALE` on DB, with the chair (the
# first synthetic juror) and an organiser signed in. Sets BASE, PID, YEAR, JURY, ADMIN, CHAIR and
# ORGANISER (the Cookie headers to send).
start_synthetic() {
  local name=$1 db=$2
  start_juryn "$name" demo --synthetic "${SCALE:-290x15}" --database "$db"
  YEAR=$(TZ=Europe/Stockholm date +%Y)
  JURY=/jury/syntetiskt/$YEAR
  ADMIN=/admin/syntetiskt/$YEAR
  add_person "$db" juror01.syntetiskt@example.invalid jury-chair --award syntetiskt --year "$YEAR"
  add_person "$db" "organiser.$name@example.invalid" admin
  CHAIR=$(signin juror01.syntetiskt@example.invalid)
  ORGANISER=$(signin "organiser.$name@example.invalid")
}

# measure URL [COOKIE] [HEADER]: prints "req/s p50_ms p99_ms" for $DURATION s at $CONNECTIONS.
measure() {
  local url=$1 cookie=${2:-} header=${3:-}
  local args=()
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  [ -n "$header" ] && args+=(-H "$header")
  curl -s -o /dev/null "${args[@]}" "$url"   # warm whatever is kept
  if [ "$TOOL" = oha ]; then
    oha -z "${DURATION}s" -c "$CONNECTIONS" --no-tui --json "${args[@]}" "$url" 2>/dev/null | python3 -c '
import json, sys
j = json.load(sys.stdin); s = j["summary"]; p = j["latencyPercentiles"]
print(f"{s[\"requestsPerSec\"]:.0f} {p[\"p50\"]*1000:.2f} {p[\"p99\"]*1000:.2f}")'
  else
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${args[@]}" "$url" 2>/dev/null | python3 -c '
import re, sys
t = sys.stdin.read()
def ms(v):
    n, u = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[u]
rps = re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)
p50 = re.search(r"\n\s+50%\s+(\S+)", t).group(1)
p99 = re.search(r"\n\s+99%\s+(\S+)", t).group(1)
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print(f"{float(rps):.0f} {ms(p50):.2f} {ms(p99):.2f}" + (f" non-2xx={errors.group(1)}" if errors else ""))'
  fi
}

# peak_rss PID: the process's peak resident memory in MB.
peak_rss() { echo $(( $(awk '/VmHWM/ {print $2}' "/proc/$1/status") / 1024 )); }
