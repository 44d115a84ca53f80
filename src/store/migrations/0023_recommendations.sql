-- Issue 17, the procuratorate's supervision loop: 检察建议 issued on the grounds of a project warning,
-- a risk item or a case, the addressed body's reply with its rectification evidence, and the
-- procuratorate's evaluation ("建议—反馈—评估"). The reply due date is fixed when issued (time limit
-- L38 in force that day), so a later change of the district's period does not move it.
CREATE TABLE recommendations (
  id {{ID}},
  number TEXT NOT NULL UNIQUE,                 -- 示检建〔2026〕3号, the series the 检察建议书 shares
  basis_kind TEXT NOT NULL,                    -- project_warning | risk | case
  project_warning_id BIGINT REFERENCES project_warnings (id),
  project_id BIGINT REFERENCES projects (id),
  risk_id BIGINT REFERENCES risks (id),
  case_id BIGINT REFERENCES cases (id),
  basis_label_zh TEXT NOT NULL,                -- what it was issued on, as people name it, when issued
  basis_label_en TEXT NOT NULL,
  addressee_body TEXT NOT NULL,
  problem TEXT NOT NULL,                       -- 问题及原因
  measures TEXT NOT NULL,                      -- 建议措施
  issued_by BIGINT NOT NULL REFERENCES users (id),
  issued_by_name TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_on TEXT NOT NULL,                     -- Shanghai date
  reply_due_on TEXT NOT NULL,
  reply_due_explain_zh TEXT NOT NULL,          -- how the due date was counted, with its citation
  reply_due_explain_en TEXT NOT NULL,
  status TEXT NOT NULL,                        -- awaiting_reply | replied | evaluated
  reply_kind TEXT,                             -- rectified | rectifying | objection
  reply_text TEXT,
  rectification_evidence TEXT,
  replied_by_name TEXT,
  replied_at TEXT,
  replied_on TEXT,
  outcome TEXT,                                -- rectified | partly_rectified | not_rectified
  evaluation_text TEXT,
  evaluated_by_name TEXT,
  evaluated_at TEXT,
  evaluated_on TEXT,
  overdue_notified_at TEXT,                    -- when the overdue reply was announced (once)
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX recommendations_addressee ON recommendations (addressee_body, status, reply_due_on);
CREATE INDEX recommendations_status ON recommendations (status, reply_due_on);
CREATE INDEX recommendations_project ON recommendations (project_id);
CREATE INDEX recommendations_risk ON recommendations (risk_id);
CREATE INDEX recommendations_case ON recommendations (case_id);
