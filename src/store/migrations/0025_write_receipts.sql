-- Issue 16 (defect 5 of the fault suite): a signed-in user's write may carry an Idempotency-Key. The
-- key is stored by the write's own transaction (store/write_receipt.h), so when the answer to COMMIT
-- is lost and the client sends the request again, the retry finds the key and is answered "already
-- saved" instead of storing the write twice. Kept for a day (services/write_receipts.h).
CREATE TABLE write_receipts (
  user_id BIGINT NOT NULL,
  idempotency_key TEXT NOT NULL,
  digest TEXT NOT NULL,            -- SHA-256 of method, target and body: the key reused for another request is refused
  committed_at TEXT NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX write_receipts_age ON write_receipts (committed_at);
