#!/usr/bin/env bash
# bench/serve: requests/s and p50/p99 latency of agora-searchd on the debian-handbook index
# at 1, 16 and 64 connections, next to nginx serving a static JSON file of the same size
# (the ceiling of the HTTP stack on this machine); the same with the result cache off; and
# at 16 connections while 1,000 slow clients from one other address hold partial requests.
# Uses wrk; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

for package in wrk nginx-light; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package"
  }
done
[ -x build/searchd/agora-searchd ] || scripts/build.sh

work=build/bench-serve
db=$work/handbook
mkdir -p "$work"
if [ ! -d "$db" ]; then
  echo "indexing the debian-handbook into $db ..."
  build/indexer/agora-index add --db "$db" --quiet --collection debian-handbook \
    --lang-from-path '^([a-z]{2}(-[A-Z]{2})?)/' --base-url https://debian-handbook.info/browse/ \
    /usr/share/doc/debian-handbook/html
fi

searchd_port=18080
uncached_port=18082
nginx_port=18081
build/searchd/agora-searchd --db "$db" --port "$searchd_port" --no-access-log ${SEARCHD_FLAGS:-} 2>"$work/searchd.log" &
searchd_pid=$!
build/searchd/agora-searchd --db "$db" --port "$uncached_port" --no-access-log --cache-entries 0 \
  --state "$work/uncached.state.sqlite" \
  ${SEARCHD_FLAGS:-} 2>"$work/searchd-uncached.log" &
uncached_pid=$!
nginx_conf="$(pwd)/$work/nginx.conf"
cleanup() {
  kill "$searchd_pid" "$uncached_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT
for port in "$searchd_port" "$uncached_port"; do
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
done

# The static file: a real response of the benchmark, so both serve the same bytes.
curl -s "http://127.0.0.1:$searchd_port/api/search?lang=fr&q=gestion%20des%20paquets" >"$work/static.json"
cat >"$nginx_conf" <<CONF
worker_processes 2;
pid $(pwd)/$work/nginx.pid;
error_log $(pwd)/$work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$nginx_port;
    location / { root $(pwd)/$work; default_type application/json; }
  }
}
CONF
nginx -c "$nginx_conf"
sleep 0.5

printf '%-16s %6s %10s %9s %9s\n' server conns "req/s" "p50 ms" "p99 ms"
run() {
  local name=$1 connections=$2; shift 2
  local output
  output=$(wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d10s --latency "$@")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$output")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$output")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
  to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v } else { sub(/s/,"",v); print v*1000 } }'; }
  printf '%-16s %6s %10s %9.2f %9.2f\n' "$name" "$connections" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")"
}
queries=(-s bench/wrk-queries.lua)
for connections in 1 16 64; do
  run searchd "$connections" "${queries[@]}" "http://127.0.0.1:$searchd_port" -- "$(pwd)/bench/queries.txt"
  run searchd-uncached "$connections" "${queries[@]}" "http://127.0.0.1:$uncached_port" -- "$(pwd)/bench/queries.txt"
  run nginx "$connections" "http://127.0.0.1:$nginx_port/static.json"
done
# Slow clients: 1,000 connections from 127.0.0.2 that never finish a request, while wrk
# searches from 127.0.0.1 (the per-address cap refuses most of them at once; the rest wait
# in the poller, not in a worker).
node bench/slow-clients.mjs "$uncached_port" 1000 14 127.0.0.2 &
slow_pid=$!
sleep 2
run uncached+slow 16 "${queries[@]}" "http://127.0.0.1:$uncached_port" -- "$(pwd)/bench/queries.txt"
wait "$slow_pid"
curl -s "http://127.0.0.1:$uncached_port/metrics" | grep '^agora_connections_refused_total' || true
echo "response size: $(wc -c <"$work/static.json") bytes; index: $(du -sh "$db" | cut -f1)"
