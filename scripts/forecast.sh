#!/usr/bin/env bash
# The main job on the bundled data (make forecast). Usage: forecast.sh BIN OUTDIR
# Imports the bundled data (scripts/import-bundled.sh) into a fresh store, then publishes
# models/dong-thap.json from it, recording the forecasts told (--record): forecasts, fan charts, the
# bilingual bulletin (with the change since the previous issue and the track record of the replayed
# record) and index.json.
# The store is made in a new temporary folder and removed when the script ends (set
# MUAVU_FORECAST_STORE=FILE to keep it at a path of your choice: it must not exist yet).
set -euo pipefail
bin=$1; out=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -n "${MUAVU_FORECAST_STORE:-}" ]; then
  store=$MUAVU_FORECAST_STORE
  if [ -e "$store" ]; then echo "forecast.sh: $store exists; name a new file in MUAVU_FORECAST_STORE" >&2; exit 64; fi
else
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/muavu-forecast.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  store=$tmp/store.sqlite
fi
echo "muavu $("$bin" --version): importing datasets/ into $store" >&2
bash "$here/scripts/import-bundled.sh" "$bin" "$store"
echo "publishing models/dong-thap.json from the store → $out/" >&2
"$bin" publish --config "$here/models/dong-thap.json" --store "$store" --out "$out" --record
echo "bulletin: $out/bulletin.html (and $out/bulletin.md); index: $out/index.json" >&2
