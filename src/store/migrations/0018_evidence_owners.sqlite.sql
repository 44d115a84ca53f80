-- Issue 15: evidence files on a risk item (风险台账) and a joint meeting (联席会议) as well as on a
-- case: one table, each file naming its owner (owner_kind, owner_id) instead of a case. Every case
-- file keeps its id and becomes owner ('case', case_id). SQLite cannot drop a column that holds a
-- foreign key, so the table is rebuilt (DROP TABLE drops its triggers before removing the rows, so
-- the no-delete guard does not fire); the owner's existence, which the case foreign key used to
-- check, is checked by a trigger for all three owners.
CREATE TABLE evidence_files_by_owner (
  id {{ID}},
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('case', 'risk', 'meeting')),
  owner_id BIGINT NOT NULL,
  kind TEXT NOT NULL,                 -- domain/evidence_kinds.h, per owner kind
  supports TEXT,                      -- the package item, step or owner's part the file was attached for
  note TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL,            -- as uploaded, for people; never used as a path
  content_type TEXT NOT NULL,         -- decided from the bytes (domain/evidence_content.h)
  byte_size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  crc32 BIGINT NOT NULL,              -- for the package archive, which needs it before the bytes
  storage_key TEXT NOT NULL,
  added_by BIGINT REFERENCES users (id),
  added_by_name TEXT NOT NULL,
  added_body TEXT NOT NULL,
  added_at TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_by_name TEXT,
  withdrawn_reason TEXT
);
INSERT INTO evidence_files_by_owner (id, owner_kind, owner_id, kind, supports, note, file_name, content_type, byte_size,
                                     sha256, crc32, storage_key, added_by, added_by_name, added_body, added_at,
                                     withdrawn_at, withdrawn_by_name, withdrawn_reason)
SELECT id, 'case', case_id, kind, supports, note, file_name, content_type, byte_size, sha256, crc32, storage_key, added_by,
       added_by_name, added_body, added_at, withdrawn_at, withdrawn_by_name, withdrawn_reason
FROM evidence_files ORDER BY id;
DROP TABLE evidence_files;
ALTER TABLE evidence_files_by_owner RENAME TO evidence_files;
CREATE INDEX evidence_files_owner ON evidence_files (owner_kind, owner_id, id);

CREATE TRIGGER evidence_files_owner_exists BEFORE INSERT ON evidence_files
WHEN (NEW.owner_kind = 'case' AND NOT EXISTS (SELECT 1 FROM cases WHERE id = NEW.owner_id))
  OR (NEW.owner_kind = 'risk' AND NOT EXISTS (SELECT 1 FROM risks WHERE id = NEW.owner_id))
  OR (NEW.owner_kind = 'meeting' AND NOT EXISTS (SELECT 1 FROM meetings WHERE id = NEW.owner_id))
BEGIN SELECT RAISE(ABORT, 'an evidence file must belong to an existing case, risk or meeting'); END;
CREATE TRIGGER evidence_files_no_delete BEFORE DELETE ON evidence_files
BEGIN SELECT RAISE(ABORT, 'evidence_files are never deleted'); END;
CREATE TRIGGER evidence_files_withdraw_only BEFORE UPDATE ON evidence_files
WHEN OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL OR NEW.owner_kind IS NOT OLD.owner_kind
  OR NEW.owner_id IS NOT OLD.owner_id
  OR NEW.kind IS NOT OLD.kind OR NEW.supports IS NOT OLD.supports OR NEW.file_name IS NOT OLD.file_name
  OR NEW.sha256 IS NOT OLD.sha256 OR NEW.storage_key IS NOT OLD.storage_key OR NEW.byte_size IS NOT OLD.byte_size
  OR NEW.added_at IS NOT OLD.added_at OR NEW.added_by IS NOT OLD.added_by
BEGIN SELECT RAISE(ABORT, 'an evidence file can only be withdrawn, once'); END;
