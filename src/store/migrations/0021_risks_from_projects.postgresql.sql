-- Issue 17: a risk item may come from a project's warnings (source project_monitoring) and names
-- the project.
ALTER TABLE risks DROP CONSTRAINT risks_source_check;
ALTER TABLE risks ADD CONSTRAINT risks_source_check CHECK (source IN ('complaint_trend', 'inspection',
  'bank_special_account_alert', 'utilities_or_tax_signal', 'court_enforcement', 'public_opinion', 'referral',
  'project_monitoring'));
ALTER TABLE risks ADD COLUMN project_id BIGINT REFERENCES projects (id);
