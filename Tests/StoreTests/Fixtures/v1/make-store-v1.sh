#!/bin/sh
# Records store-v1.sql: the store that muavu with schema v1 (commit of issue 14) makes from
# release-1.csv, then release-2.csv a second later, dumped by sqlite3. `.dump` leaves out the
# application_id, so the script writes it first. Run from this folder with the muavu to record.
set -eu
MUAVU=${MUAVU:-../../../../.build/debug/muavu}
tmp=$(mktemp -d)
"$MUAVU" import --format tidy --file release-1.csv --store "$tmp/store.sqlite"
sleep 1
"$MUAVU" import --format tidy --file release-2.csv --store "$tmp/store.sqlite"
{
    echo "PRAGMA application_id = $(sqlite3 "$tmp/store.sqlite" 'PRAGMA application_id');"
    sqlite3 "$tmp/store.sqlite" .dump
} >store-v1.sql
rm -r "$tmp"
