-- The audit log is append-only in the database itself, not only in the app: UPDATE, DELETE and
-- TRUNCATE of "AuditEntry" fail for every connection (only the table's owner could drop the trigger,
-- a deliberate DDL act; a production install should run the app as a role that does not own it). Applied after
-- every `prisma migrate deploy` by scripts/lib/postgres.sh (migrations are regenerated from the schema,
-- so this cannot live in the migration). Idempotent: safe to run any number of times.
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER IF EXISTS audit_entry_no_update_delete ON "AuditEntry";
CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

DROP TRIGGER IF EXISTS audit_entry_no_truncate ON "AuditEntry";
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
