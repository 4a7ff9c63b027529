#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, golden, conformance, property),
# then the non-conformance suites again in a sanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --preset default -j "$(nproc)"

# The C++ suites and the HTTP tests again under AddressSanitizer and UBSan. Conformance
# (millions of words through the same code) and the browser tests (the same server paths
# as the HTTP tests) are left out: instrumented, they would take many minutes more.
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan -j "$(nproc)" -LE "conformance|browser"
