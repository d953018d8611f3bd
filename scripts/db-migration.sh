#!/usr/bin/env bash
# Adds a migration for what changed in prisma/schema.prisma since the last one:
#   npm run db:migration -- <name>
# Migrations are append-only: an applied migration is never edited (scripts/lib/postgres.sh refuses a
# database whose applied migrations differ from these files). With a driver adapter Prisma cannot diff
# against a database, so the schema as of the last migration is kept in migrations/schema.snapshot.prisma
# and diffed against the current schema.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"
name="${1:-}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "usage: npm run db:migration -- <name in lower_snake_case>" >&2; exit 2; }

snapshot="prisma/migrations/schema.snapshot.prisma"
sql="$(npx --no-install prisma migrate diff --from-schema-datamodel "$snapshot" --to-schema-datamodel prisma/schema.prisma --script)"
if ! grep -qv '^\s*\(--.*\)\?$' <<<"$sql"; then
  log "no schema changes since the last migration"
  exit 0
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
cp prisma/schema.prisma "$snapshot"
npx --no-install prisma generate >/dev/null
log "$dir/migration.sql written"
