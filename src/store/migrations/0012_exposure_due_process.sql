-- Due process before exposure (人社部令第45号, LEGAL.md §3.4): the §5 criterion a listing relies on and
-- whether eligibility was unknown when it was proposed (then a stated reason is required), the 陈述申辩
-- period applied at service (a district setting, UNCONFIRMED), the last statement's date, and the
-- decision's date and reasons. A publication (人社部令第29号) may name a listing once it is decided.

ALTER TABLE blacklist_listings ADD COLUMN criterion TEXT;                           -- amount | mass_incident
ALTER TABLE blacklist_listings ADD COLUMN eligibility_flagged INTEGER NOT NULL DEFAULT 0;  -- assessment said "unknown"
ALTER TABLE blacklist_listings ADD COLUMN eligibility_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE blacklist_listings ADD COLUMN defence_period_days INTEGER;
ALTER TABLE blacklist_listings ADD COLUMN defence_received_on TEXT;
ALTER TABLE blacklist_listings ADD COLUMN decided_on TEXT;                          -- 列入 or 不予列入
ALTER TABLE blacklist_listings ADD COLUMN decision_reason TEXT NOT NULL DEFAULT '';

UPDATE blacklist_listings SET decided_on = listed_on WHERE listed_on IS NOT NULL;
UPDATE blacklist_listings SET decided_on = closed_on WHERE status = 'not_listed';

ALTER TABLE publications ADD COLUMN listing_id BIGINT REFERENCES blacklist_listings (id);
