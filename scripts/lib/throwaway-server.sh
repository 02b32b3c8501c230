# Sourced by scripts/schemathesis.sh and scripts/bench/serve.sh: muavu serve on a throwaway store of
# the bundled data, on a free loopback port, always stopped and removed when the script exits.
#   throwaway_store BIN        makes $tmp (removed at exit) and imports the bundled data into $tmp/store.sqlite
#   throwaway_serve BIN ARGS   starts BIN serve on it with models/dong-thap.json and ARGS on 127.0.0.1:$port
#                              ($server is its process), its log in $tmp/serve.log, and waits for /v1/health
here=${here:?set here to the repository before sourcing throwaway-server.sh}
tmp=""
server=""
throwaway_stop() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$tmp" ]; then rm -rf "$tmp"; fi
}
trap throwaway_stop EXIT
trap 'exit 130' INT TERM

throwaway_store() {
  tmp=$(mktemp -d)
  bash "$here/scripts/import-bundled.sh" "$1" "$tmp/store.sqlite" 2>/dev/null
}

throwaway_serve() {
  local bin=$1; shift
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$bin" serve --store "$tmp/store.sqlite" --config "$here/models/dong-thap.json" --host 127.0.0.1 --port "$port" \
    "$@" >"$tmp/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/v1/health" 2>/dev/null && return 0
    kill -0 "$server" 2>/dev/null || { echo "muavu serve stopped:" >&2; cat "$tmp/serve.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "muavu serve did not answer /v1/health in 20 s" >&2
  exit 1
}
