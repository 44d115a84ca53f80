-- Issue 17: project feeds (考勤表, 工资支付表, 专用账户流水) arrive as spreadsheet files through the import
-- flow too: such an import names the project and the month the file reports.
ALTER TABLE imports ADD COLUMN project_id BIGINT REFERENCES projects (id);
ALTER TABLE imports ADD COLUMN feed_month TEXT NOT NULL DEFAULT '';  -- YYYY-MM; '' for other kinds
