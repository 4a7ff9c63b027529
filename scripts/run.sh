#!/usr/bin/env bash
# Installs what is missing, builds, indexes the sample corpus and serves the search UI
# on http://127.0.0.1:8080 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

index=build/indexer/agora-index
db=data/index
rm -rf "$db.new"
"$index" add --db "$db.new" corpus/resources corpus/feeds corpus/html corpus/oai
rm -rf "$db" && mv "$db.new" "$db"

echo "Agora: open http://127.0.0.1:8080/ (API: http://127.0.0.1:8080/api/search?q=coop&lang=en)"
exec build/searchd/agora-searchd --db "$db" --host 127.0.0.1 --port 8080 --web web \
  --cors-origin '*'
