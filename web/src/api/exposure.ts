import { http } from './http';
import type { ItemList } from './types';

// Exposure and warning: the login-free public feed (人社部令第29号 publications, 第45号令 listings,
// legal-publicity articles) and the internal blacklist lifecycle and publication endpoints.

export interface PublishedViolation {
  publication_no: string;
  category: string;
  category_zh: string;
  batch_kind: 'quarterly' | 'ad_hoc';
  batch_label: string;
  published_on: string | null;
  violator_name: string;
  credit_code: string;
  address: string;
  legal_representative: string;
  main_facts: string;
  handling: string;
}

export interface ResponsiblePerson {
  role: string;
  role_zh?: string;
  name: string;
}

export interface PublicListing {
  listing_no: string;
  employer_name: string;
  credit_code: string | null;
  persons: ResponsiblePerson[];
  listed_on: string;
  ends_on: string;
}

export interface PublicityArticle {
  id: number;
  title: string;
  body: string;
  author_body: string;
  published_at: string;
}

export interface LegalBasis {
  title: string;
  summary: string;
  citation: string;
}

export interface PublicExposureFeed {
  as_of: string;
  query: string;
  publications: PublishedViolation[];
  listings: PublicListing[];
  articles: PublicityArticle[];
  legal_basis: LegalBasis[];
}

export interface PrivacyFinding {
  field: string;
  kind: string;
  excerpt: string;
  zh: string;
  en: string;
}

export interface Publication extends PublishedViolation {
  id: number;
  case_id: number;
  employer_id: number;
  status: 'draft' | 'published' | 'withdrawn';
  /** The status in words (the server names it). */
  status_zh: string;
  status_en: string;
  listing_id: number | null;
  blocked: boolean;
  findings: PrivacyFinding[];
}

/** A criterion of 人社部令第45号 §5 with its citation. */
export interface ListingCriterion {
  code: 'amount' | 'mass_incident';
  zh: string;
  status: string;
  citation: string;
}

export interface ListingHistoryEntry {
  at: string;
  action: string;
  actor: string;
  actor_body: string;
  from_status: string;
  to_status: string;
  note: string;
}

export interface Listing {
  id: number;
  listing_no: string;
  case_id: number;
  employer_id: number;
  employer_name: string;
  credit_code: string | null;
  persons: ResponsiblePerson[];
  grounds: string;
  criterion: ListingCriterion | null;
  eligibility: { eligible: boolean | null; basis: string; explain_zh: string; explain_en: string };
  eligibility_flagged: boolean;
  eligibility_reason: string;
  status: string;
  /** proposed | noticed | awaiting_decision | listed | not_listed | expired | removed_early | revoked | withdrawn */
  effective_status: string;
  effective_status_zh: string;
  /** True once the 陈述申辩 period has ended and no decision is taken yet. */
  decision_open: boolean;
  proposed_on: string;
  notice_served_on: string | null;
  defence_period_days: number | null;
  defence_period_status: string;
  defence_due_on: string | null;
  defence_uncertain: boolean;
  defence_received: boolean;
  defence_received_on: string | null;
  decided_on: string | null;
  decision_reason: string;
  listed_on: string | null;
  ends_on: string | null;
  closed_on: string | null;
  earliest_early_removal: string | null;
  history: ListingHistoryEntry[];
}

export interface ListingAction {
  action: string;
  note?: string;
  /** The day the step happened, when recorded later (YYYY-MM-DD). */
  on?: string;
  paid_in_full_on?: string;
  undertaking?: boolean;
}

export interface ExposureTerm {
  value: number;
  status: string;
  confirmed: boolean;
  citation: string;
}

export interface ExposureRules {
  publication_categories: { code: string; zh: string }[];
  criteria: ListingCriterion[];
  defence_period_working_days: ExposureTerm;
}

/** The district's exposure setting (GET/PUT /settings/exposure-rules). */
export interface ExposureSettings {
  defence_period_working_days: ExposureTerm & { default: number; set_by_district: boolean; updated_at: string | null };
  decision_deadline_working_days: ExposureTerm;
  listing_term_years: ExposureTerm;
}

export interface ListingProposal {
  case_id: number;
  grounds: string;
  persons: ResponsiblePerson[];
  criterion?: string;
  eligibility_reason?: string;
}

export interface PublicationDraft {
  case_id: number;
  category: string;
  batch_kind: 'quarterly' | 'ad_hoc';
  main_facts: string;
  handling: string;
  credit_code?: string;
  confidential_fields?: string[];
  /** A decided listing of the case's employer to name in 相关处理情况. */
  listing_id?: number;
}

export const exposureApi = {
  rules: () => http.get<ExposureRules>('/blacklist/rules'),
  propose: (body: ListingProposal) => http.post<Listing>('/blacklist', body),
  draft: (body: PublicationDraft) => http.post<Publication>('/publications', body),
  publicFeed: (q = '') => http.get<PublicExposureFeed>('/public/exposure', { q }, { skipAuthRedirect: true }),
  listings: (q = '') => http.get<ItemList<Listing>>('/blacklist', { q, page_size: 100 }),
  act: (id: number, body: ListingAction) => http.post<Listing>(`/blacklist/${id}/actions`, body),
  publications: () => http.get<{ items: Publication[] }>('/publications', { page_size: 100 }),
  publish: (id: number) => http.post<Publication>(`/publications/${id}/publish`, {}),
  settings: () => http.get<ExposureSettings>('/settings/exposure-rules'),
  saveSettings: (body: { defence_period_working_days: number }) => http.put<ExposureSettings>('/settings/exposure-rules', body),
};
