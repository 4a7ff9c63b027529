#!/usr/bin/env bash
# Installs what is missing, builds, and shows the analysis pipeline at work.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

analyze=build/indexer/agora-index
demo() {
  local lang=$1 text=$2
  echo "== agora-index analyze --lang $lang <<< \"$text\""
  "$analyze" analyze --lang "$lang" <<<"$text"
  echo
}
demo fr "L’école d'été des coopératives apprend le C++."
demo tr "İstanbul'daki IŞIK kooperatifi"
demo th "สหกรณ์การเกษตรของชุมชน"
demo ar "التَّعاوُنِيّات الزراعـــية"
echo "== agora-index analyze --detect <<< \"Las cooperativas de trabajo asociado ...\""
"$analyze" analyze --detect <<<"Las cooperativas de trabajo asociado son empresas propiedad de sus trabajadores."
