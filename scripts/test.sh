#!/usr/bin/env bash
# Runs every test. On a fresh machine it first installs what the tests need (PostgreSQL, the Temporal
# CLI built from source, npm packages). The run ends with the line "N passed, N failed".
set -euo pipefail
source "$(dirname "$0")/lib/prereqs.sh"
source "$(dirname "$0")/lib/postgres.sh"

ensure_prereqs
ensure_postgres

# Integration tests copy this migrated template into a database of their own (CREATE DATABASE … TEMPLATE).
template="${CC_TEST_TEMPLATE_DB:-ccflows_test_template}"
admin_url="${MIGRATION_DATABASE_URL%/*}/postgres"
psql -q "$admin_url" -c "DROP DATABASE IF EXISTS $template WITH (FORCE)" -c "CREATE DATABASE $template" >/dev/null
migrate_database "${MIGRATION_DATABASE_URL%/*}/$template"
export CC_TEST_TEMPLATE_DB="$template"
export CC_TEST_ADMIN_DB_URL="$admin_url"
# The app's own login, for the test that it cannot tamper with the audit log.
export CC_TEST_APP_DB_URL="${CC_TEST_APP_DB_URL:-postgresql://ccflows_app:ccflows_app@127.0.0.1:5432/postgres}"

cd "$ROOT"
# Workers (child processes in tests too) load the workflow code prebuilt instead of bundling it at start.
node --import tsx scripts/build-workflow-bundle.ts --if-stale

# The browser tests' production build takes minutes on 2 cores: when the run includes them, it starts
# now at the lowest priority and soaks up the CPU the unit and e2e tests leave idle (they mostly wait on
# calls); the first browser test waits for it (tests/browser/support/build-app.ts).
if [[ $# -eq 0 || "$*" == *browser* ]]; then
  mkdir -p .build
  prebuild_status="$ROOT/.build/browser-prebuild.status"
  rm -f "$prebuild_status"
  # Its own process group (setsid), so that ending the run ends next build's workers too.
  setsid env -u CC_BROWSER_PREBUILD_STATUS bash -c 'nice -n 19 node --import tsx scripts/build-browser-app.ts >.build/browser-prebuild.log 2>&1; echo $? >"$0"' "$prebuild_status" &
  prebuild_pid=$!
  trap 'kill -- "-$prebuild_pid" 2>/dev/null || true' EXIT
  export CC_BROWSER_PREBUILD_STATUS="$prebuild_status"
fi

npx --no-install vitest run "$@"
