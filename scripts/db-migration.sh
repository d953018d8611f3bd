#!/usr/bin/env bash
# Regenerates prisma/migrations/0001_init from prisma/schema.prisma. Pre-release policy: until the
# first release there is one initial migration; after it, add a new folder per change instead.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"
mkdir -p prisma/migrations/0001_init
npx --no-install prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script \
  > prisma/migrations/0001_init/migration.sql
npx --no-install prisma generate >/dev/null
log "prisma/migrations/0001_init/migration.sql regenerated"
