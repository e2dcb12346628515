#!/usr/bin/env bash
# juryn beside nginx serving the same bytes, in one run on this machine: the edition page, the
# edition JSON and the booklet PDF fetched from juryn (release build, the demo on SQLite) are
# written to files that nginx serves; each URL is then loaded on both, one after the other, and the
# ratio printed with the raw figures. The gzip rows compare juryn's kept gzip form with nginx's
# gzip_static of the same bytes. Installs nginx and wrk with apt-get if missing.
# Goals: pages and JSON ≥ 0.8 of nginx, the PDF ≥ 0.5. Prints figures; fails on nothing.
#
#   cargo build --release && bench/compare.sh          (DURATION=5 for a quicker run)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nginx >/dev/null || ! { command -v wrk >/dev/null || command -v oha >/dev/null; }; then
  apt-get install -y --no-install-recommends nginx-light wrk >/dev/null 2>&1 ||
    apt-get install -y --no-install-recommends nginx wrk >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
. bench/lib.sh
start_juryn demo demo --database "sqlite://$SCRATCH/compare.db"
juryn=$BASE
root=$SCRATCH/www; mkdir -p "$root/api" "$SCRATCH/nginx"
paths=(/digitaliseringskommun/2019 /api/v1/awards/digitaliseringskommun/editions/2019 /digitaliseringskommun/2019/skrift.pdf)
files=(edition.html edition.json skrift.pdf)
for i in 0 1 2; do
  curl -sf -o "$root/${files[$i]}" "$juryn${paths[$i]}"
  gzip -9 -k "$root/${files[$i]}"
done
port=$(free_port)
cat > "$SCRATCH/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $SCRATCH/nginx/nginx.pid;
error_log $SCRATCH/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { text/html html; application/json json; application/pdf pdf; }
  gzip_static on;
  client_body_temp_path $SCRATCH/nginx; proxy_temp_path $SCRATCH/nginx; fastcgi_temp_path $SCRATCH/nginx;
  uwsgi_temp_path $SCRATCH/nginx; scgi_temp_path $SCRATCH/nginx;
  server { listen 127.0.0.1:$port; root $root; }
}
CONF
"$NGINX" -c "$SCRATCH/nginx/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/edition.html" && break; sleep 0.1; done
echo "juryn $( "$BIN" --version | cut -d' ' -f2 ) and $("$NGINX" -v 2>&1 | cut -d' ' -f3), $TOOL, $CONNECTIONS connections, ${DURATION}s each, $(nproc) cores"
printf '%-26s %9s %11s %11s %7s %9s %9s\n' what bytes 'juryn r/s' 'nginx r/s' ratio 'juryn p99' 'nginx p99'
row() {
  local name=$1 jurl=$2 nurl=$3 header=${4:-}
  local bytes; bytes=$(curl -s ${header:+-H "$header"} "$jurl" | wc -c)
  read -r jr _ jp99 jbad < <(measure "$jurl" "" "$header")
  read -r nr _ np99 nbad < <(measure "$nurl" "" "$header")
  # A server that answers with an error is fast and wrong: say so rather than print a ratio.
  [ -z "$jbad$nbad" ] || { echo "$name: juryn ${jbad:-ok}, nginx ${nbad:-ok}: not comparable"; return; }
  printf '%-26s %9s %11s %11s %7s %9s %9s\n' "$name" "$bytes" "$jr" "$nr" "$(python3 -c "print(f'{$jr/$nr:.2f}')")" "$jp99" "$np99"
}
row "edition page" "$juryn${paths[0]}" "http://127.0.0.1:$port/edition.html"
row "edition page, gzip" "$juryn${paths[0]}" "http://127.0.0.1:$port/edition.html" "Accept-Encoding: gzip"
row "edition JSON" "$juryn${paths[1]}" "http://127.0.0.1:$port/edition.json"
row "booklet PDF" "$juryn${paths[2]}" "http://127.0.0.1:$port/skrift.pdf"
row "booklet PDF, 64 KB range" "$juryn${paths[2]}" "http://127.0.0.1:$port/skrift.pdf" "Range: bytes=0-65535"
echo "juryn peak RSS: $(peak_rss "$PID") MB"
