-- Issue 13: a checkpoint is either periodic or the one legacy seal that vouches for the entries
-- written before the chain hash was keyed (src/security/audit_chain.h). Checkpoints are as
-- append-only as the log they vouch for.
ALTER TABLE audit_checkpoints ADD COLUMN kind TEXT NOT NULL DEFAULT 'periodic'
  CHECK (kind IN ('periodic', 'legacy_seal'));
CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_checkpoints is append-only';
END;
$$;
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints FOR EACH ROW
  EXECUTE FUNCTION audit_checkpoints_append_only();
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints FOR EACH ROW
  EXECUTE FUNCTION audit_checkpoints_append_only();
