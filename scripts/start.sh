#!/usr/bin/env bash
# `npm start`: builds and packages the extension, installs the VSIX into the cached code-server
# (VS Code served to a browser, see scripts/setup-vscode.sh) and serves it on 127.0.0.1 with the
# seeds/ folder open. Prints the address to open; Ctrl+C stops it.
#
# Environment: PORT (default 8080), START_FOLDER (default <repo>/seeds), VSCODE_CACHE.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${VSCODE_CACHE:-$ROOT/.cache/vscode}"
PORT="${PORT:-8080}"
FOLDER="$(cd "${START_FOLDER:-$ROOT/seeds}" && pwd)"
CODE_SERVER="$CACHE/bin/code-server"
EXTENSIONS_DIR="$CACHE/extensions"
USER_DATA_DIR="$CACHE/user-data"

say() { printf 'start: %s\n' "$*"; }
cd "$ROOT"

bash scripts/setup-vscode.sh

say "building and packaging the extension"
npm run --silent package
VSIX="$ROOT/$(node -p "const p = require('./package.json'); p.name + '-' + p.version + '.vsix'")"
[ -f "$VSIX" ] || { say "ERROR: $VSIX was not produced"; exit 1; }

say "installing $(basename "$VSIX") into $EXTENSIONS_DIR"
mkdir -p "$EXTENSIONS_DIR" "$USER_DATA_DIR/User"
"$CODE_SERVER" --extensions-dir "$EXTENSIONS_DIR" --user-data-dir "$USER_DATA_DIR" \
  --install-extension "$VSIX" --force 2>&1 | grep -v '^\[' | sed 's/^/start: code-server: /' || true

# Quiet first start: no welcome page, no chat side bar, no update or telemetry traffic. Only
# written once, so settings changed in the browser are kept.
if [ ! -f "$USER_DATA_DIR/User/settings.json" ]; then
  cat >"$USER_DATA_DIR/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false
}
JSON
fi

URL="http://127.0.0.1:$PORT/?folder=$(node -p 'encodeURI(process.argv[1])' "$FOLDER")"
LOG="$CACHE/code-server.log"
say "starting code-server on 127.0.0.1:$PORT (log: $LOG)"
"$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$PORT" \
  --extensions-dir "$EXTENSIONS_DIR" --user-data-dir "$USER_DATA_DIR" \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  "$FOLDER" >"$LOG" 2>&1 &
CS_PID=$!
stop() { kill "$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true; }
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

# Wait until the workbench answers (code-server's /healthz), or until code-server gives up.
for _ in $(seq 1 120); do
  if ! kill -0 "$CS_PID" 2>/dev/null; then
    say "ERROR: code-server exited; last lines of $LOG:"
    tail -n 20 "$LOG" >&2
    exit 1
  fi
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
    say "ready — open $URL"
    say "(Ctrl+C stops code-server)"
    wait "$CS_PID"
    exit $?
  fi
  sleep 0.5
done
say "ERROR: code-server did not answer on port $PORT within 60 s; see $LOG"
exit 1
