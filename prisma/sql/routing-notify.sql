-- Publishing, rolling back, deleting or restoring a flow and changing an entry point notify channel
-- "cc_flows_routing": the ARI bridge and the workers refresh their caches of entry points, live
-- versions and plans at once, so a call that arrives while the database is unreachable is still routed
-- to the version that is live. Statement-level (NOTIFY is delivered once per transaction at commit);
-- UPDATE OF limits it to the columns routing depends on, so draft saves do not notify. Idempotent.
CREATE OR REPLACE FUNCTION cc_flows_notify_routing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cc_flows_routing', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS flow_routing_changed ON "Flow";
CREATE TRIGGER flow_routing_changed AFTER INSERT OR DELETE OR UPDATE OF "liveVersionId", "deletedAt" ON "Flow"
  FOR EACH STATEMENT EXECUTE FUNCTION cc_flows_notify_routing();

DROP TRIGGER IF EXISTS entry_point_routing_changed ON "EntryPoint";
CREATE TRIGGER entry_point_routing_changed AFTER INSERT OR UPDATE OR DELETE ON "EntryPoint"
  FOR EACH STATEMENT EXECUTE FUNCTION cc_flows_notify_routing();
