#!/usr/bin/env bash
# Builds AzSIM (release) and serves it at http://127.0.0.1:${PORT:-8080}/, and the demo
# host page that embeds it (examples/embed.html) at http://localhost:${EXAMPLE_PORT:-8081}/,
# another site than 127.0.0.1, as a real embedding site is.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO"

PORT="${PORT:-8080}"
EXAMPLE_PORT="${EXAMPLE_PORT:-8081}"

bash scripts/setup.sh
echo "serve: trunk build --release"
trunk build --release

node scripts/static-server.mjs dist "$PORT" &
server=$!
node scripts/serve-example.mjs "http://127.0.0.1:$PORT" "$EXAMPLE_PORT" >/dev/null &
example=$!
trap 'kill "$server" "$example" 2>/dev/null || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for _ in $(seq 1 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "AzSIM is served at http://127.0.0.1:$PORT/ (Ctrl-C stops it)"
    echo "A demo site embedding it: http://localhost:$EXAMPLE_PORT/embed.html"
    wait "$server"
    exit $?
  fi
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
echo "serve: the server did not start on port $PORT" >&2
exit 1
