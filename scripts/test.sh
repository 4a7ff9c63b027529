#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, golden, conformance, property),
# then the non-conformance suites again in a sanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/check-format.sh
scripts/build.sh
ctest --preset default -j "$(nproc)"
# The scale curve's smallest point (10,000 records): it fails when indexing or searching
# fails, never on its figures; the larger points are run by hand (docs/scaling.md).
build/bench/bench_scale --sizes 10000 --http-seconds 3

# The C++ suites and the HTTP tests again under AddressSanitizer and UBSan. Conformance
# (millions of words through the same code) and the browser tests (the same server paths
# as the HTTP tests) are left out: instrumented, they would take many minutes more.
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$(nproc)"
# The instrumented tree compiles its own dictionaries: the dictd and CC-CEDICT readers run
# under the sanitizers too.
build-asan/indexer/agora-index dictionaries --if-stale
ctest --preset asan -j "$(nproc)" -LE "conformance|browser"
