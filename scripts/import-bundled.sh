#!/usr/bin/env bash
# Imports the bundled data into a store: the publishers' own files in datasets/original/ with their
# formats, then the converted files of datasets/ as tidy CSV, then the replayed forecasts of record.
# Usage: import-bundled.sh BIN STORE
# Each observation comes from the file nearest its publisher: the originals with their formats;
# the converted files of datasets/ only where they add to them. The Pink Sheet workbook (the
# November 2025 release, to 2025-10) goes in before wb-pinksheet-monthly.csv (the December
# release, to 2025-11): the store keeps both vintages and the December one is the latest. The
# converted WFP, ENSO and GSO files hold the same numbers as their originals and are not imported
# again (a tidy file carries no status, so WFP's 'actual' and GSO's 'preliminary' would be written
# as new vintages of unchanged values); FAOSTAT and the paddy prices have no original here.
# What each import did goes to stderr. make forecast (scripts/forecast.sh) and the muavu tests
# (BundledStoreTests) run this one list.
set -euo pipefail
bin=$1; store=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
d=$here/datasets; o=$d/original
imports=(
  "pinksheet $o/wb-pinksheet/CMO-Historical-Data-Monthly.xlsx"
  "tidy $d/wb-pinksheet-monthly.csv"
  "wfp-hdx $o/wfp-vnm-prices/wfp_food_prices_vnm.csv"
  "noaa-oni $o/enso-indices/oni.ascii.txt"
  "noaa-soi $o/enso-indices/soi"
  "noaa-sst $o/enso-indices/sstoi.indices"
  "tidy $d/faostat-vnm-crops.csv"
  "tidy $d/faostat-producer-prices.csv"
  "tidy $d/paddy-price-monthly.csv"
)
# GSO's wide tables by province (one indicator and season each).
for table in "$o"/gso-mekong-rice-province-season/*" by province.csv"; do imports+=("gso-table $table"); done
for line in "${imports[@]}"; do
  format=${line%% *}; file=${line#* }
  "$bin" import --format "$format" --file "$file" --store "$store"
done
# The replayed track record (make replay; datasets/track-record/PROVENANCE.txt): forecasts of record
# marked "replayed", so that the bulletin and the outlook have a record from the first run.
# MUAVU_NO_RECORDS=1 leaves them out (make replay builds them anew).
records=$d/track-record/replayed-records.csv
if [ -z "${MUAVU_NO_RECORDS:-}" ] && [ -f "$records" ]; then
  "$bin" record import --file "$records" --store "$store"
fi
