#!/usr/bin/env bash
# Builds Agora (scripts/build.sh) and makes its Debian package with CPack from build/
# (packaging/CMakeLists.txt), then prints the path of the .deb on standard output; the
# build's and CPack's own messages go to standard error, so that
#   deb=$(scripts/build-package.sh [OUTPUT_DIR])
# gets the path alone. OUTPUT_DIR defaults to build/.
# Library dependencies are read off the programs by dpkg-shlibdeps (dpkg-dev,
# scripts/install-deps.sh).
set -euo pipefail

# The output directory is relative to where the script was called from, not to the
# repository root it moves to.
output="${1:-}"
if [[ -n "$output" ]]; then
  mkdir -p "$output"
  output="$(cd "$output" && pwd)"
fi
cd "$(dirname "$0")/.."
output="${output:-$PWD/build}"

scripts/build.sh >&2

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
cpack --config build/CPackConfig.cmake -G DEB -B "$output" 2>&1 | tee "$log" >&2
# CPack names the file it made ("CPack: - package: FILE generated.").
deb="$(sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' "$log" | tail -n 1)"
if [[ -z "$deb" || ! -f "$deb" ]]; then
  echo "build-package.sh: CPack did not report the .deb it made" >&2
  exit 1
fi
# The staging tree CPack installs into is several times the package's size and of no use
# once the package is made.
rm -rf "$output/_CPack_Packages"
echo "$deb"
