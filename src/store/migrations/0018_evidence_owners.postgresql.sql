-- Issue 15: evidence files on a risk item (风险台账) and a joint meeting (联席会议) as well as on a
-- case: one table, each file naming its owner (owner_kind, owner_id) instead of a case. Every case
-- file keeps its id and becomes owner ('case', case_id): the column is renamed, no row is updated
-- (the guard would refuse it). The owner's existence, which the case foreign key used to check, is
-- checked by a trigger for all three owners.
ALTER TABLE evidence_files DROP CONSTRAINT evidence_files_case_id_fkey;
ALTER TABLE evidence_files RENAME COLUMN case_id TO owner_id;
ALTER TABLE evidence_files ADD COLUMN owner_kind TEXT NOT NULL DEFAULT 'case'
  CHECK (owner_kind IN ('case', 'risk', 'meeting'));
ALTER TABLE evidence_files ALTER COLUMN owner_kind DROP DEFAULT;
DROP INDEX evidence_files_case;
CREATE INDEX evidence_files_owner ON evidence_files (owner_kind, owner_id, id);

CREATE OR REPLACE FUNCTION evidence_files_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'evidence_files are never deleted';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF (NEW.owner_kind = 'case' AND NOT EXISTS (SELECT 1 FROM cases WHERE id = NEW.owner_id))
       OR (NEW.owner_kind = 'risk' AND NOT EXISTS (SELECT 1 FROM risks WHERE id = NEW.owner_id))
       OR (NEW.owner_kind = 'meeting' AND NOT EXISTS (SELECT 1 FROM meetings WHERE id = NEW.owner_id)) THEN
      RAISE EXCEPTION 'an evidence file must belong to an existing case, risk or meeting';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL OR NEW.owner_kind IS DISTINCT FROM OLD.owner_kind
     OR NEW.owner_id IS DISTINCT FROM OLD.owner_id
     OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.supports IS DISTINCT FROM OLD.supports
     OR NEW.file_name IS DISTINCT FROM OLD.file_name OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW.storage_key IS DISTINCT FROM OLD.storage_key OR NEW.byte_size IS DISTINCT FROM OLD.byte_size
     OR NEW.added_at IS DISTINCT FROM OLD.added_at OR NEW.added_by IS DISTINCT FROM OLD.added_by THEN
    RAISE EXCEPTION 'an evidence file can only be withdrawn, once';
  END IF;
  RETURN NEW;
END;
$$;
DROP TRIGGER evidence_files_guard ON evidence_files;
CREATE TRIGGER evidence_files_guard BEFORE INSERT OR UPDATE OR DELETE ON evidence_files FOR EACH ROW
  EXECUTE FUNCTION evidence_files_guard();
