#!/usr/bin/env bash
# Sets up and starts everything (`npm run setup`): PostgreSQL (migrated), users for each role, the
# Temporal dev server, the ARI simulator (unless ARI_URL points at a real Asterisk), the worker, the ARI
# bridge and the web app. Each runs in the background, logging to .data/logs/ with its pid in
# .data/run/; running this again restarts them cleanly, and scripts/stop.sh stops them.
#
#   bash scripts/setup-and-start.sh          production build (next build, then scripts/web-server.ts)
#   bash scripts/setup-and-start.sh --dev    Next's dev mode (hot reload) instead
#
# Settings (environment or .env.local): PORT (3000), WEB_HOST (127.0.0.1), TRUSTED_PROXIES,
# ARI_URL/ARI_USERNAME/ARI_PASSWORD (a real Asterisk), SEED_PASSWORD / SEED_PASSWORD_<ROLE> (fixed
# sign-in passwords), NEXTAUTH_URL.
set -euo pipefail
source "$(dirname "$0")/lib/prereqs.sh"
source "$(dirname "$0")/lib/postgres.sh"
source "$(dirname "$0")/lib/services.sh"

mode="production"
for arg in "$@"; do
  case "$arg" in
    --dev) mode="dev" ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done

export PORT="${PORT:-3000}"
# Loopback unless told otherwise: put a TLS-terminating proxy in front (README, "Exposure and TLS").
export WEB_HOST="${WEB_HOST:-127.0.0.1}"
env_file="$ROOT/.env.local"

# next-auth signs sessions with NEXTAUTH_SECRET: generated once per install, kept in .env.local (git-ignored).
ensure_env_local() {
  touch "$env_file"
  chmod 600 "$env_file"
  if ! grep -q '^NEXTAUTH_SECRET=' "$env_file"; then
    log "generating NEXTAUTH_SECRET into .env.local"
    echo "NEXTAUTH_SECRET=$(node -e 'process.stdout.write(require("node:crypto").randomBytes(48).toString("base64url"))')" >> "$env_file"
  fi
  grep -q '^NEXTAUTH_URL=' "$env_file" || echo "NEXTAUTH_URL=http://localhost:$PORT" >> "$env_file"
  set -a
  # shellcheck disable=SC1090
  source "$env_file"
  set +a
}

ensure_prereqs
ensure_postgres
log "migrating the database"
migrate_database
ensure_env_local

stop_all_services

log "seeding users"
sign_in_details="$(cd "$ROOT" && node --import tsx scripts/seed-users.ts)"
# Shown now as well: a generated password is printed only once, even if a later step fails.
echo "$sign_in_details"

# Temporal keeps its state in a file, so workflows (calls in progress) survive a restart.
start_service temporal "$TEMPORAL_CLI_PATH" server start-dev \
  --db-filename "$CC_DATA_DIR/temporal.db" --ip 127.0.0.1 --port 7233 --ui-port 8233 --log-level warn
wait_until temporal 60 "$TEMPORAL_CLI_PATH" operator cluster health --address 127.0.0.1:7233

# Node services run as `node --import tsx` (what `npx tsx` does) so the pid file names the real process.
if [ -z "${ARI_URL:-}" ]; then
  export ARI_URL="http://127.0.0.1:8088" ARI_SIMULATOR=1 ARI_USERNAME="${ARI_USERNAME:-asterisk}" ARI_PASSWORD="${ARI_PASSWORD:-asterisk}"
  ARI_SIM_HOST=127.0.0.1 ARI_SIM_PORT=8088 start_service ari-simulator node --import tsx workers/ari-simulator/main.ts
  wait_until ari-simulator 60 curl -fsS -u "$ARI_USERNAME:$ARI_PASSWORD" "$ARI_URL/ari/asterisk/info"
  ari_target="ARI simulator  $ARI_URL (place a test call: npx tsx workers/ari-simulator/main.ts call --to <DID>)"
else
  log "using the Asterisk at $ARI_URL (no simulator)"
  ari_target="Asterisk ARI   $ARI_URL"
fi

log "bundling the workflow code (when its sources changed)"
(cd "$ROOT" && node --import tsx scripts/build-workflow-bundle.ts --if-stale)
# Worker and bridge from their prebuilt entries (no TypeScript to transpile at start) when they match
# the sources, else through tsx.
entry() {
  if (cd "$ROOT" && node --import tsx -e "import('./workers/workflow-bundle/prebuilt-process-entry.ts').then(async (m) => process.exit((await m.prebuiltProcessEntry('$1')).ok ? 0 : 1))"); then
    echo ".build/$1.mjs"
  else
    echo "--import tsx $2"
  fi
}
# shellcheck disable=SC2046 # the entry is node arguments, split on purpose
start_service worker node $(entry worker workers/worker.ts)
wait_until worker 120 log_has worker "[worker] polling task queue"

# shellcheck disable=SC2046
start_service ari-bridge node $(entry ari-bridge workers/ari-bridge/main.ts)
wait_until ari-bridge 60 log_has ari-bridge "subscribed to Stasis app"

if [ "$mode" = "dev" ]; then
  start_service web node --import tsx scripts/web-server.ts --dev --port "$PORT" --host "$WEB_HOST"
  web_wait=180
else
  log "building the web app (next build)"
  (cd "$ROOT" && node_modules/.bin/next build >> "$CC_DATA_DIR/logs/web-build.log" 2>&1) ||
    { tail -n 40 "$CC_DATA_DIR/logs/web-build.log" >&2; exit 1; }
  start_service web node --import tsx scripts/web-server.ts --port "$PORT" --host "$WEB_HOST"
  web_wait=60
fi
wait_until web "$web_wait" curl -fsS -o /dev/null "http://127.0.0.1:$PORT/signin"

cat <<SUMMARY

Everything is running (${mode} mode). Logs: .data/logs/   Stop: bash scripts/stop.sh

  Flow designer  http://localhost:$PORT   (listening on $WEB_HOST)
  Temporal UI    http://localhost:8233   (no sign-in: loopback only)
  $ari_target

$sign_in_details
SUMMARY
