#!/usr/bin/env bash
# Rebuilds the index-compatibility fixture: a small index of sample records made by the
# agora-index of this tree, which tests/indexer/compatibility_test.cpp opens and searches.
# Run it only when a change of the index schema has been decided (docs/index-schema.md,
# "Compatibility"): the test's failure is what makes such a change a decision.
#
# usage: scripts/make-compat-fixture.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
version=$(sed -n 's/^inline constexpr std::string_view kVersion = "\([0-9]*\)";$/\1/p' \
  indexer/include/agora/index/index_schema.hpp)
[ -n "$version" ] || { echo "make-compat-fixture: no kVersion in index_schema.hpp" >&2; exit 1; }
fixture="tests/fixtures/index-schema-$version"
rm -rf "$fixture"
# Seven records in seven languages and three scripts; two works with translations.
"$build/indexer/agora-index" add --db "$fixture" --collection coop-academy --no-compact \
  corpus/resources/en/start-a-coop-en.md corpus/resources/fr/start-a-coop-fr.md \
  corpus/resources/es/start-a-coop-es.md corpus/resources/ar/sse-intro-ar.md \
  corpus/resources/zh/coop-governance-zh.md corpus/resources/el/coop-governance-el.md \
  corpus/resources/de/volunteer-management-de.md
"$build/indexer/agora-index" compact --db "$fixture"
rm -f "$fixture/flintlock"  # the write lock: no reader needs it
echo "make-compat-fixture: $fixture ($(du -sk "$fixture" | cut -f1) KB)"
