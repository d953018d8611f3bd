-- Any change to queued calls or agents' states notifies channel "cc_queues_changed": the web app
-- recomputes the wallboard and the agents' pages (debounced) and pushes them over server-sent events.
-- Statement-level (one notification per statement, delivered at commit, and PostgreSQL folds identical
-- ones of one transaction); the payload is only the table's name. Idempotent.
CREATE OR REPLACE FUNCTION cc_queues_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cc_queues_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS queued_call_changed ON "QueuedCall";
CREATE TRIGGER queued_call_changed AFTER INSERT OR UPDATE OR DELETE ON "QueuedCall"
  FOR EACH STATEMENT EXECUTE FUNCTION cc_queues_notify_changed();

DROP TRIGGER IF EXISTS agent_profile_changed ON "AgentProfile";
CREATE TRIGGER agent_profile_changed AFTER INSERT OR UPDATE OR DELETE ON "AgentProfile"
  FOR EACH STATEMENT EXECUTE FUNCTION cc_queues_notify_changed();
