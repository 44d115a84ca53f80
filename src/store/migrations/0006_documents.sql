-- Issued documents (文书): numbered per issuing body and year, stored once and never changed.
-- The PDF as issued (base64) with its SHA-256, and the view model it was rendered from, so a
-- download is re-rendered with the viewer's watermark while the original stays verifiable.
CREATE TABLE documents (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL,                   -- data/templates/<kind>.json
  body_code TEXT NOT NULL,              -- issuing body
  year INTEGER NOT NULL,                -- numbering year (Asia/Shanghai)
  seq BIGINT NOT NULL,                  -- number within body and year
  doc_no TEXT NOT NULL,                 -- e.g. 示劳监〔2025〕3号
  title TEXT NOT NULL,
  view_model TEXT NOT NULL,             -- docs::PdfDocument as JSON, without watermark
  overrides TEXT NOT NULL DEFAULT '{}', -- edited DERIVED wording, field -> text
  pdf_base64 TEXT NOT NULL,
  sha256 TEXT NOT NULL,                 -- of the PDF bytes as issued
  byte_size BIGINT NOT NULL,
  pages INTEGER NOT NULL,
  event_id BIGINT NOT NULL REFERENCES case_events (id),
  issued_by BIGINT NOT NULL REFERENCES users (id),
  issued_by_username TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  UNIQUE (body_code, year, seq)
);
CREATE INDEX documents_case ON documents (case_id, id);
