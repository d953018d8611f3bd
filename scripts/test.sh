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
exec npx --no-install vitest run "$@"
