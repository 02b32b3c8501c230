#!/usr/bin/env bash
# The main job on the bundled data (make forecast). Usage: forecast.sh BIN OUTDIR
set -euo pipefail
bin=$1; out=$2
echo "muavu $("$bin" --version): main job on datasets/ → $out/" >&2
"$bin" --help >/dev/null
echo "wrote nothing yet: the forecasting job lands with the models" >&2
