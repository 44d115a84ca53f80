-- Case facts (issue 11): a worker's claims that are not 劳动报酬 (经济补偿, 赔偿金, 工程款; 法释〔2013〕3号 §1)
-- are recorded apart and never tested; a payment may be made by the employer's 实际控制人 (法释 §8), whose
-- payments count as the actor's. Findings, orders and milestones are case_events; no table is needed.
-- SQLite cannot change a CHECK constraint, so payments is rebuilt with the same rows and ids.
ALTER TABLE workers ADD COLUMN other_claims_fen BIGINT NOT NULL DEFAULT 0;

CREATE TABLE payments_rebuilt (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  worker_id BIGINT REFERENCES workers (id),
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  paid_on TEXT NOT NULL,
  payer TEXT NOT NULL CHECK (payer IN ('employer', 'actual_controller', 'general_contractor', 'developer',
                                       'emergency_fund', 'court_execution')),
  note TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL
);
INSERT INTO payments_rebuilt (id, case_id, worker_id, amount_fen, paid_on, payer, note, recorded_by, created_at)
  SELECT id, case_id, worker_id, amount_fen, paid_on, payer, note, recorded_by, created_at FROM payments;
DROP TABLE payments;
ALTER TABLE payments_rebuilt RENAME TO payments;
CREATE INDEX payments_case ON payments (case_id);
