#!/usr/bin/env bash
# Installs what is missing, builds, indexes the sample corpus and shows what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

index=build/indexer/agora-index
db=data/index
rm -rf "$db.new"
"$index" add --db "$db.new" corpus/resources corpus/feeds corpus/html corpus/oai
rm -rf "$db" && mv "$db.new" "$db"
"$index" stats --db "$db"

echo
echo "== agora-index analyze --lang fr <<< \"L’école d'été des coopératives apprend le C++.\""
"$index" analyze --lang fr <<<"L’école d'été des coopératives apprend le C++."
