-- The call log filters on a call's duration ("endedAt" - "startedAt", app/_server/calls/call-query.ts).
-- Prisma's schema cannot declare an index on an expression, so it lives here: applied after every
-- `prisma migrate deploy` by scripts/lib/postgres.sh. Without it a rare duration (no call over an
-- hour) reads every call. Idempotent: safe to run any number of times.
CREATE INDEX IF NOT EXISTS "CallExecution_duration_startedAt_id_idx" ON "CallExecution" (("endedAt" - "startedAt"), "startedAt", "id");
