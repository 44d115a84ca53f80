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
  blocked: boolean;
  findings: PrivacyFinding[];
}

export interface Listing {
  id: number;
  listing_no: string;
  case_id: number;
  employer_name: string;
  credit_code: string | null;
  persons: ResponsiblePerson[];
  grounds: string;
  status: string;
  effective_status: string;
  effective_status_zh: string;
  proposed_on: string;
  notice_served_on: string | null;
  defence_due_on: string | null;
  defence_received: boolean;
  listed_on: string | null;
  ends_on: string | null;
  closed_on: string | null;
  earliest_early_removal: string | null;
}

export interface ListingAction {
  action: string;
  note?: string;
  paid_in_full_on?: string;
  undertaking?: boolean;
}

export interface ExposureRules {
  publication_categories: { code: string; zh: string }[];
  defence_period_working_days: { value: number; status: string; citation: string };
}

export interface ListingProposal {
  case_id: number;
  grounds: string;
  persons: ResponsiblePerson[];
}

export interface PublicationDraft {
  case_id: number;
  category: string;
  batch_kind: 'quarterly' | 'ad_hoc';
  main_facts: string;
  handling: string;
  credit_code?: string;
  confidential_fields?: string[];
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
};
