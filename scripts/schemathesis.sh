#!/usr/bin/env bash
# schemathesis against muavu serve, as make test runs it: a throwaway store of the bundled data
# (import-bundled.sh) with a write token, the server on a free loopback port with
# models/dong-thap.json and a small publication, then every operation of its /openapi.json under schemathesis with every
# check that applies (scripts/schemathesis/schemathesis.toml: examples per operation, seed). The
# run is cut after SECONDS_LIMIT (default 270) and the server is always stopped.
# Usage: schemathesis.sh BIN VENV [SECONDS_LIMIT]
set -euo pipefail
bin=$1; venv=$2; limit=${3:-270}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d)
server=""
stop() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap stop EXIT
trap 'exit 130' INT TERM

bash "$here/scripts/import-bundled.sh" "$bin" "$tmp/store.sqlite" 2>/dev/null
token=$("$bin" token add schemathesis --store "$tmp/store.sqlite" 2>/dev/null)
# A publication to serve read-only: the paddy outlook's phone page, and a bulletin.
mkdir -p "$tmp/published/phone"
"$bin" outlook --commodity lúa --market "Đồng Tháp" --store "$tmp/store.sqlite" --config "$here/models/dong-thap.json" \
  --format html --out "$tmp/published/phone/index.html" 2>/dev/null
printf '<!doctype html>\n<html lang="vi"><meta charset="utf-8"><title>Bản tin</title></html>\n' >"$tmp/published/bulletin.html"
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --store "$tmp/store.sqlite" --config "$here/models/dong-thap.json" --host 127.0.0.1 --port "$port" \
  --published "$tmp/published" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/v1/health" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "muavu serve stopped:" >&2; cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.2
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/v1/health" || { echo "muavu serve did not answer /v1/health" >&2; exit 1; }

status=0
cd "$tmp"  # schemathesis and hypothesis keep their caches in the working directory
SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$here/scripts/schemathesis" timeout --kill-after=10 "$limit" \
  "$venv/bin/schemathesis" --config-file "$here/scripts/schemathesis/schemathesis.toml" --no-color \
  run "http://127.0.0.1:$port/openapi.json" \
  --checks all --exclude-checks object_level_authorization --max-response-time 45 \
  --header "Authorization: Bearer $token" || status=$?
if [ "$status" = 124 ] || [ "$status" = 137 ]; then
  echo "schemathesis did not finish within $limit s" >&2
fi
if [ "$status" != 0 ]; then
  echo "== the server's last log lines:" >&2; tail -n 20 "$tmp/serve.log" >&2
fi
exit "$status"
