-- Case facts (issue 11): a worker's claims that are not 劳动报酬 (经济补偿, 赔偿金, 工程款; 法释〔2013〕3号 §1)
-- are recorded apart and never tested; a payment may be made by the employer's 实际控制人 (法释 §8), whose
-- payments count as the actor's. Findings, orders and milestones are case_events; no table is needed.
ALTER TABLE workers ADD COLUMN other_claims_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payments DROP CONSTRAINT payments_payer_check;
ALTER TABLE payments ADD CONSTRAINT payments_payer_check
  CHECK (payer IN ('employer', 'actual_controller', 'general_contractor', 'developer', 'emergency_fund',
                   'court_execution'));
