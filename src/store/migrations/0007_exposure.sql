-- Exposure and warning (强化曝光警示): the 失信联合惩戒名单 lifecycle of 人社部令第45号, the publication
-- of major labour violations of 人社部令第29号, and legal-publicity articles for the public page.

CREATE TABLE blacklist_listings (
  id {{ID}},
  listing_no TEXT NOT NULL UNIQUE,
  case_id BIGINT NOT NULL REFERENCES cases (id),
  employer_id BIGINT NOT NULL REFERENCES employers (id),
  employer_name TEXT NOT NULL,
  credit_code TEXT,                          -- 统一社会信用代码 (NULL for an individual boss)
  address TEXT NOT NULL DEFAULT '',
  persons TEXT NOT NULL,                     -- JSON [{role, name}]: 45号令 §5 responsible persons
  grounds TEXT NOT NULL,                     -- facts and reasons stated in the notice and decision
  eligibility TEXT NOT NULL,                 -- JSON: the case assessment's blacklist finding at proposal
  status TEXT NOT NULL CHECK (status IN ('proposed', 'noticed', 'not_listed', 'listed', 'removed_early',
    'revoked', 'withdrawn')),               -- 'expired' is computed from ends_on, never stored
  proposed_on TEXT NOT NULL,
  notice_served_on TEXT,
  defence_due_on TEXT,
  defence_uncertain INTEGER NOT NULL DEFAULT 0,
  defence_received INTEGER NOT NULL DEFAULT 0,
  listed_on TEXT,
  ends_on TEXT,                              -- last day on the list
  paid_in_full_on TEXT,
  closed_on TEXT,
  proposed_by_body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX blacklist_listings_status ON blacklist_listings (status, ends_on);
CREATE INDEX blacklist_listings_credit_code ON blacklist_listings (credit_code);
CREATE INDEX blacklist_listings_employer ON blacklist_listings (employer_id);

CREATE TABLE blacklist_history (
  id {{ID}},
  listing_id BIGINT NOT NULL REFERENCES blacklist_listings (id),
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  actor_username TEXT NOT NULL,
  actor_body TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX blacklist_history_listing ON blacklist_history (listing_id, id);

-- The six fields of 29号令 are the only columns published; `screen` holds the last privacy check.
CREATE TABLE publications (
  id {{ID}},
  publication_no TEXT NOT NULL UNIQUE,
  case_id BIGINT NOT NULL REFERENCES cases (id),
  employer_id BIGINT NOT NULL REFERENCES employers (id),
  category TEXT NOT NULL,
  batch_kind TEXT NOT NULL CHECK (batch_kind IN ('quarterly', 'ad_hoc')),
  batch_label TEXT NOT NULL,                 -- "2026Q1" or the ad hoc date
  violator_name TEXT NOT NULL,
  credit_code TEXT NOT NULL,
  address TEXT NOT NULL,
  legal_representative TEXT NOT NULL,
  main_facts TEXT NOT NULL,
  handling TEXT NOT NULL,
  confidential_fields TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
  screen TEXT NOT NULL DEFAULT '{}',
  published_on TEXT,
  withdrawn_reason TEXT,
  created_by_body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX publications_status ON publications (status, published_on);
CREATE INDEX publications_employer ON publications (employer_id);

CREATE TABLE publicity_articles (
  id {{ID}},
  title TEXT NOT NULL,
  body TEXT NOT NULL,                        -- plain text / Markdown, tags stripped on write
  author_body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('published', 'withdrawn')),
  published_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX publicity_articles_status ON publicity_articles (status, published_at);
