#!/usr/bin/env bash
# Builds AzSIM (release) and serves it at http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO"

PORT="${PORT:-8080}"

bash scripts/setup.sh
echo "serve: trunk build --release"
trunk build --release

node scripts/static-server.mjs dist "$PORT" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for _ in $(seq 1 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "AzSIM is served at http://127.0.0.1:$PORT/ (Ctrl-C stops it)"
    wait "$server"
    exit $?
  fi
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
echo "serve: the server did not start on port $PORT" >&2
exit 1
