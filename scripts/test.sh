#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, golden, conformance, property),
# then the non-conformance suites again in a sanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --preset default -j "$(nproc)"

# The same suites under AddressSanitizer and UBSan; conformance is left out because it
# exercises the same code on millions of words and would take many minutes instrumented.
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan -j "$(nproc)" -LE conformance
