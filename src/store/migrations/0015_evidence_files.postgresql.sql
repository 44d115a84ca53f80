-- Issue 15: evidence files attached to a case (docs/evidence.md). The bytes live in the evidence
-- store (a content-addressed folder, or the chunk table below), encrypted; this row is the file's
-- record, written only after its bytes are stored. A record never changes except to be withdrawn
-- once, with a reason; it is never deleted.
CREATE TABLE evidence_files (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL,                 -- domain/evidence_kinds.h (posting_media, interview_record ...)
  supports TEXT,                      -- the package item or step the file was attached for
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
CREATE INDEX evidence_files_case ON evidence_files (case_id, id);

CREATE FUNCTION evidence_files_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'evidence_files are never deleted';
  END IF;
  IF OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL OR NEW.case_id IS DISTINCT FROM OLD.case_id
     OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.supports IS DISTINCT FROM OLD.supports
     OR NEW.file_name IS DISTINCT FROM OLD.file_name OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW.storage_key IS DISTINCT FROM OLD.storage_key OR NEW.byte_size IS DISTINCT FROM OLD.byte_size
     OR NEW.added_at IS DISTINCT FROM OLD.added_at OR NEW.added_by IS DISTINCT FROM OLD.added_by THEN
    RAISE EXCEPTION 'an evidence file can only be withdrawn, once';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER evidence_files_guard BEFORE UPDATE OR DELETE ON evidence_files FOR EACH ROW
  EXECUTE FUNCTION evidence_files_guard();

-- The database evidence store ([evidence] store = "database"): a stored file is its chunks, in
-- order; the blob row appears in the same transaction as the last chunk.
CREATE TABLE evidence_blobs (
  storage_key TEXT PRIMARY KEY,
  byte_size BIGINT NOT NULL,
  chunk_count BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE evidence_blob_chunks (
  storage_key TEXT NOT NULL,
  seq BIGINT NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (storage_key, seq)
);
