// /api/v1/risks: the risk ledger (风险台账). Levels, rules and their colours come from the server
// (data/risk_rules.json via GET /risks/rules); amounts travel as plain 元 text ("1200000.00").
import { API_PREFIX, http } from './http';
import type { Page, PageQuery } from './types';

export type RiskStatus = 'open' | 'closed';

export interface RiskSummary {
  id: number;
  risk_no: string;
  employer_name: string;
  employer_credit_code: string;
  project_name: string;
  workers_affected: number;
  amount_yuan: string;
  /** Not yet counted (an item raised by project monitoring starts at 0): shown as 尚未核定, not 0. */
  workers_pending: boolean;
  amount_pending: boolean;
  source: string;
  owner_body: string;
  reported_by_body: string;
  status: RiskStatus;
  level: string;
  score: number;
  next_review_at: string;
  case_id: number | null;
  /** The linked case's number (案件编号), what people know it by; absent from older servers. */
  case_no?: string | null;
  /** The project whose monitoring raised it (source project_monitoring). */
  project_id?: number | null;
  created_at: string;
  updated_at: string;
}

export interface FiredRule {
  id: string;
  indicator: string;
  observed: number;
  at_least: number;
  points: number;
  floor_level: string | null;
  leadership: boolean;
  zh: string;
  en: string;
  basis: string;
}

export interface RiskAssessment {
  level: string;
  level_zh: string;
  level_en: string;
  colour: string;
  score: number;
  as_of: string;
  in_seasonal_window: boolean;
  review_days: number;
  next_review_date: string;
  notify_wage_office: boolean;
  notify_leadership: boolean;
  thresholds: string;
  fired: FiredRule[];
}

export interface RiskFollowup {
  id: number;
  at: string;
  username: string;
  person_name: string;
  body_code: string;
  note: string;
  level_after: string;
}

export interface RiskHistory {
  id: number;
  at: string;
  action: string;
  actor_username: string;
  actor_name: string;
  actor_body: string;
  from_status: string;
  to_status: string;
  from_level: string;
  to_level: string;
  detail: string;
  detail_zh: string;
  detail_en: string;
}

export interface RiskDetail extends RiskSummary {
  general_contractor_name: string;
  general_contractor_credit_code: string | null;
  special_account: string;
  pay_due_dates: string[];
  indicators: Record<string, number>;
  description: string;
  measures: string;
  assessment: RiskAssessment;
  assessed_at: string;
  wage_office_notified_at: string | null;
  leadership_notified_at: string | null;
  has_report: boolean;
  closed_at: string | null;
  closed_by_body: string | null;
  closing_evidence: string | null;
  version: number;
  followups: RiskFollowup[];
  history: RiskHistory[];
}

export interface RiskLevelInfo {
  code: string;
  zh: string;
  en: string;
  colour: string;
  min_score: number;
  review_days: number;
  seasonal_review_days: number;
}

export interface RiskRuleInfo {
  id: string;
  indicator: string;
  at_least: number;
  points: number;
  floor_level: string | null;
  leadership: boolean;
  zh: string;
  en: string;
  basis: string;
}

export interface RiskRules {
  status_zh: string;
  levels: RiskLevelInfo[];
  rules: RiskRuleInfo[];
  /** Sources whose reports may leave the employer's credit code empty (a 舆情 tip). */
  credit_code_optional_sources: string[];
}

export interface RiskInput {
  employer_name: string;
  employer_credit_code: string;
  project_name?: string;
  general_contractor_name?: string;
  general_contractor_credit_code?: string;
  special_account?: string;
  workers_affected: number;
  amount_yuan: string;
  pay_due_dates?: string[];
  source: string;
  indicators?: Record<string, number | boolean>;
  description?: string;
  measures?: string;
  owner_body: string;
  case_id?: number;
}

export interface RiskFollowupInput {
  note: string;
  measures?: string;
  workers_affected?: number;
  amount_yuan?: string;
  indicators?: Record<string, number | boolean>;
}

export interface RiskReport {
  title: string;
  addressee: string;
  date: string;
  sections: { heading: string; text: string }[];
  figures: { label: string; value: string }[];
}

/** Where a risk came from (services/risk_service.cpp kSources). */
export const RISK_SOURCES = [
  'complaint_trend',
  'inspection',
  'bank_special_account_alert',
  'utilities_or_tax_signal',
  'court_enforcement',
  'public_opinion',
  'referral',
] as const;

/** Indicators a reporter states (domain ReportedRiskIndicators); flags are yes/no, the rest counts. */
export const RISK_FLAG_INDICATORS = [
  'mass_incident_signal',
  'extreme_incident_signal',
  'utilities_or_tax_arrears',
  'court_enforcement_pending',
  'employer_unreachable',
] as const;
export const RISK_COUNT_INDICATORS = ['special_account_months_unpaid', 'complaints_last_30_days'] as const;

const path = (id: number | string, tail = '') => `/risks/${encodeURIComponent(String(id))}${tail}`;

export const risksApi = {
  rules: () => http.get<RiskRules>('/risks/rules'),
  list: (query: PageQuery & { level?: string; status?: string }) => http.get<Page<RiskSummary>>('/risks', query),
  get: (id: number | string) => http.get<RiskDetail>(path(id)),
  /** The written report as a PDF with the viewer's watermark (the download is audited). */
  reportPdfUrl: (id: number | string) => `${API_PREFIX}${path(id, '/report.pdf')}`,
  create: (body: RiskInput) => http.post<RiskDetail>('/risks', body),
  followup: (id: number | string, body: RiskFollowupInput) => http.post<RiskDetail>(path(id, '/followups'), body),
  close: (id: number | string, evidence: string) => http.post<RiskDetail>(path(id, '/close'), { evidence }),
  reopen: (id: number | string, reason: string) => http.post<RiskDetail>(path(id, '/reopen'), { reason }),
  report: (id: number | string) => http.get<RiskReport>(path(id, '/report')),
};
