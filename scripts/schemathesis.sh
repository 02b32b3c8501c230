#!/usr/bin/env bash
# schemathesis against muavu serve, as make test runs it: a throwaway store of the bundled data
# (import-bundled.sh) with a write token, the server on a free loopback port with
# models/dong-thap.json and a small publication, then every operation of its /openapi.json under schemathesis with every
# check that applies (scripts/schemathesis/schemathesis.toml: examples per operation, seed). The
# run is cut after SECONDS_LIMIT (default 600) and the server is always stopped. A response may take
# up to 120 s: the debug build fits a long monthly series (ENSO since 1950) in 16 s on an idle
# machine and took 56 s on a loaded one; the phase checks answers, not the debug build's speed
# (make bench-serve measures the release build).
# Usage: schemathesis.sh BIN VENV [SECONDS_LIMIT]
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); venv=$(cd "$2" && pwd); limit=${3:-600}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/lib/throwaway-server.sh"

throwaway_store "$bin"
token=$("$bin" token add schemathesis --store "$tmp/store.sqlite" 2>/dev/null)
# A publication to serve read-only: the paddy outlook's phone page, and a bulletin.
mkdir -p "$tmp/published/phone"
"$bin" outlook --commodity lúa --market "Đồng Tháp" --store "$tmp/store.sqlite" --config "$here/models/dong-thap.json" \
  --format html --out "$tmp/published/phone/index.html" 2>/dev/null
printf '<!doctype html>\n<html lang="vi"><meta charset="utf-8"><title>Bản tin</title></html>\n' >"$tmp/published/bulletin.html"
throwaway_serve "$bin" --published "$tmp/published"

status=0
cd "$tmp"  # schemathesis and hypothesis keep their caches in the working directory
SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$here/scripts/schemathesis" timeout --kill-after=10 "$limit" \
  "$venv/bin/schemathesis" --config-file "$here/scripts/schemathesis/schemathesis.toml" --no-color \
  run "http://127.0.0.1:$port/openapi.json" \
  --checks all --exclude-checks object_level_authorization --max-response-time 120 \
  --header "Authorization: Bearer $token" || status=$?
if [ "$status" = 124 ] || [ "$status" = 137 ]; then
  echo "schemathesis did not finish within $limit s" >&2
fi
if [ "$status" != 0 ]; then
  echo "== the server's last log lines:" >&2; tail -n 20 "$tmp/serve.log" >&2
fi
exit "$status"
