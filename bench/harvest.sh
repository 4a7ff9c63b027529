#!/usr/bin/env bash
# OAI-PMH both ways on the handbook: agora-searchd's /oai serves the index, agora-index
# harvest reads it into a new one. The baseline, in the same run, is `agora-index add` of
# the very same ListRecords pages saved as files: the difference is what HTTP, paging and
# the per-page commits cost. Prints records/s and CPU for each, and their ratios.
# usage: bench/harvest.sh [BUILD_DIR]   (debian-handbook installed; takes about a minute)
set -euo pipefail
build=${1:-build}
handbook=/usr/share/doc/debian-handbook/html
[ -d "$handbook" ] || { echo "the debian-handbook package is not installed" >&2; exit 1; }
index_cmd="$build/indexer/agora-index"
searchd_cmd="$build/searchd/agora-searchd"
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

# CPU seconds (user + system) a process has used so far, from /proc.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
# Runs a command; sets `wall` and `cpu` (its own user + system seconds), from GNU time.
measure() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/run.err" ||
    { cat "$work/run.err" >&2; exit 1; }
  read -r wall user system <"$work/time"
  cpu=$(echo "$user + $system" | bc)
}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }

"$index_cmd" add --db "$work/source" --quiet --collection debian-handbook \
  --lang-from-path '^([a-z]{2}(-[A-Z]{2})?)/' --base-url https://debian-handbook.info/browse/ "$handbook"
"$searchd_cmd" --db "$work/source" --port 18555 --state "$work/state.db" --no-access-log 2>"$work/searchd.log" &
server=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:18555/healthz >/dev/null && break; sleep 0.1; done
records=$("$index_cmd" stats --db "$work/source" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')

# The pages a harvester gets, saved by curl: also what serving them costs searchd.
served_before=$(cpu_of "$server")
started=$(date +%s.%N)
mkdir "$work/pages"
url='http://127.0.0.1:18555/oai?verb=ListRecords&metadataPrefix=oai_dc'
page=0
while [ -n "$url" ]; do
  page=$((page + 1))
  curl -sf "$url" -o "$work/pages/page-$page.xml"
  token=$(sed -n 's|.*<resumptionToken[^>]*>\([^<]*\)</resumptionToken>.*|\1|p' "$work/pages/page-$page.xml")
  url=${token:+http://127.0.0.1:18555/oai?verb=ListRecords&resumptionToken=$token}
done
fetch_wall=$(echo "$(date +%s.%N) - $started" | bc)
served_cpu=$(echo "$(cpu_of "$server") - $served_before" | bc)

measure "$index_cmd" add --db "$work/from-files" --quiet --collection 127.0.0.1 "$work/pages"
add_wall=$wall add_cpu=$cpu
measure "$index_cmd" harvest --db "$work/harvested" --quiet http://127.0.0.1:18555/oai
harvest_wall=$wall harvest_cpu=$cpu
harvested=$("$index_cmd" stats --db "$work/harvested" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')

rate() { echo "scale=0; $records / $1" | bc; }
ratio() { echo "scale=2; $1 / $2" | bc; }
printf 'records in the index: %s, harvested: %s, in %s pages\n' "$records" "$harvested" "$page"
printf '%-40s %8s %8s %10s\n' "" "wall s" "CPU s" "records/s"
printf '%-40s %8.2f %8.2f %10s\n' "/oai serving every page (searchd CPU)" "$fetch_wall" "$served_cpu" "$(rate "$fetch_wall")"
printf '%-40s %8.2f %8.2f %10s\n' "agora-index add of the saved pages" "$add_wall" "$add_cpu" "$(rate "$add_wall")"
printf '%-40s %8.2f %8.2f %10s\n' "agora-index harvest over HTTP" "$harvest_wall" "$harvest_cpu" "$(rate "$harvest_wall")"
printf 'harvest / add of the same pages: wall %s×, CPU %s×\n' "$(ratio "$harvest_wall" "$add_wall")" "$(ratio "$harvest_cpu" "$add_cpu")"
[ "$harvested" = "$records" ] || { echo "the harvest lost records" >&2; exit 1; }
