#!/usr/bin/env bash
# Configures and builds Agora in build/ (optimised, with debug info).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset default >/dev/null
cmake --build --preset default -j "$(nproc)"
# The dictionaries searchd maps for query translation, compiled again only when the
# installed ones change (about 20 s).
build/indexer/agora-index dictionaries --if-stale
