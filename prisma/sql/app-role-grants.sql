-- The app's login (psql variable app_role, default ccflows_app; see scripts/lib/env.sh) reads and
-- writes rows and nothing else: it owns no table, so it cannot ALTER TABLE … DISABLE TRIGGER, drop the
-- audit log's trigger or TRUNCATE anything; on "AuditEntry" it may only SELECT and INSERT. Migrations
-- run as the owner. Applied after every migrate (new tables get their grants); idempotent; skipped
-- when the role does not exist (a database managed elsewhere).
\if :{?app_role}
\else
  \set app_role ccflows_app
\endif
SELECT set_config('cc.app_role', :'app_role', false);

DO $$
DECLARE
  app_role text := current_setting('cc.app_role');
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
    RAISE NOTICE 'role % does not exist: no grants', app_role;
    RETURN;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app_role);
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEntry" FROM %I', app_role);
  EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON _prisma_migrations FROM %I', app_role);
END;
$$;
