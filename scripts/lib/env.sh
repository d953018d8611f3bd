# Shared settings for the project's shell scripts. Every value can be overridden from the environment.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export CC_DATA_DIR="${CC_DATA_DIR:-$ROOT/.data}"
export CC_TOOLS_DIR="${CC_TOOLS_DIR:-$HOME/.cache/cc-flows}"
export TEMPORAL_CLI_VERSION="1.5.1"
export TEMPORAL_CLI_PATH="${TEMPORAL_CLI_PATH:-$CC_TOOLS_DIR/temporal-$TEMPORAL_CLI_VERSION/temporal}"
# Two logins: the app (web, worker, bridge) runs as ccflows_app, which may only read and write rows;
# migrations run as ccflows, which owns the tables (and so could disable the audit log's trigger).
# A DATABASE_URL of your own (and no MIGRATION_DATABASE_URL) is used for both, as before.
if [ -z "${DATABASE_URL:-}" ]; then
  export DATABASE_URL="postgresql://ccflows_app:ccflows_app@127.0.0.1:5432/ccflows"
  export MIGRATION_DATABASE_URL="${MIGRATION_DATABASE_URL:-postgresql://ccflows:ccflows@127.0.0.1:5432/ccflows}"
else
  export DATABASE_URL
  export MIGRATION_DATABASE_URL="${MIGRATION_DATABASE_URL:-$DATABASE_URL}"
fi
# The role that prisma/sql/app-role-grants.sql grants row access to (none: the grants are skipped).
export CC_APP_DB_ROLE="${CC_APP_DB_ROLE:-ccflows_app}"
mkdir -p "$CC_DATA_DIR/logs"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
