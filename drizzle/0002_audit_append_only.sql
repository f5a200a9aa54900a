-- Trust issue, item 1: audit rows are append-only. The triggers refuse UPDATE, DELETE and
-- TRUNCATE whoever asks; only the table owner or a superuser can disable them, and a rewrite done
-- that way is what `tdkt verify-audit` and the signed daily checkpoints detect.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- Rows written before chain_seq existed keep it null; the head counts them so new rows continue.
UPDATE audit_chain_heads h SET seq = (SELECT count(*) FROM audit_log a WHERE a.chain = h.chain);
