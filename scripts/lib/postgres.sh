# Starts the local PostgreSQL cluster and creates the project's roles (ccflows owns the database and
# runs migrations; ccflows_app, which the app runs as, only gets row access) and database.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres bash -c "$1"; fi; }

ensure_postgres() {
  # Only the local default URL is managed here; a configured remote database is used as it is.
  case "$MIGRATION_DATABASE_URL" in postgresql://ccflows:ccflows@127.0.0.1:5432/*) ;; *) return 0 ;; esac
  local cluster; cluster="$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')"
  if [ -z "$cluster" ]; then
    log "creating PostgreSQL cluster"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo pg_createcluster 15 main --start >/dev/null
    cluster="15 main"
  fi
  pg_lsclusters -h | grep -q online || { log "starting PostgreSQL"; as_postgres "pg_ctlcluster $cluster start"; }
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
  as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='ccflows'\"" | grep -q 1 ||
    as_postgres "psql -qc \"CREATE ROLE ccflows LOGIN CREATEDB PASSWORD 'ccflows'\""
  as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='ccflows_app'\"" | grep -q 1 ||
    as_postgres "psql -qc \"CREATE ROLE ccflows_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD 'ccflows_app'\""
  # The owner drops databases WITH (FORCE) (tests, scratch databases): that ends the app login's
  # sessions, which PostgreSQL allows only to members of the role.
  as_postgres "psql -qc \"GRANT ccflows_app TO ccflows\""
  as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='ccflows'\"" | grep -q 1 ||
    as_postgres "createdb -O ccflows ccflows"
}

# Prisma silently skips an applied migration whose file has changed since; refuse such a database
# instead of running on a schema that differs from the code's.
check_applied_migrations() {
  local url="$1" name checksum file
  psql "$url" -tAc "SELECT to_regclass('_prisma_migrations') IS NOT NULL" | grep -q t || return 0
  while IFS='|' read -r name checksum; do
    [ -n "$name" ] || continue
    file="$ROOT/prisma/migrations/$name/migration.sql"
    if [ ! -f "$file" ] || [ "$(sha256sum "$file" | cut -c1-64)" != "$checksum" ]; then
      echo "The database at ${url%%\?*} has migration $name applied, but prisma/migrations/$name differs or is missing." >&2
      echo "It was created from an earlier, unreleased schema: recreate it (dropdb, then run this command again)." >&2
      return 1
    fi
  done < <(psql "$url" -tAF'|' -c "SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL")
}

# migrate_database [URL]: as the owner (default MIGRATION_DATABASE_URL), never as the app's login.
migrate_database() {
  local url="${1:-$MIGRATION_DATABASE_URL}"
  check_applied_migrations "$url" || return 1
  (cd "$ROOT" && DATABASE_URL="$url" npx --no-install prisma migrate deploy >/dev/null)
  # What a Prisma schema cannot say (triggers, grants); each file is idempotent and applied after every migrate.
  local sql
  for sql in "$ROOT"/prisma/sql/*.sql; do
    psql -q -v ON_ERROR_STOP=1 -v app_role="$CC_APP_DB_ROLE" "$url" -f "$sql" >/dev/null
  done
}
