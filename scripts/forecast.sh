#!/usr/bin/env bash
# The main job on the bundled data (make forecast). Usage: forecast.sh BIN OUTDIR
# Publishes models/dong-thap.json: forecasts, fan charts, the bilingual bulletin and index.json.
set -euo pipefail
bin=$1; out=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
echo "muavu $("$bin" --version): publishing models/dong-thap.json from datasets/ → $out/" >&2
"$bin" publish --config "$here/models/dong-thap.json" --out "$out"
echo "bulletin: $out/bulletin.html (and $out/bulletin.md); index: $out/index.json" >&2
