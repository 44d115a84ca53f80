// /api/v1/projects: the registry of construction projects (工程建设项目), their monthly feeds
// (实名制考勤, 工资支付表, 专用账户流水) and the warnings the server raises from them
// (docs/supervision.md). The rules, levels and their wording come from the server
// (data/project_warning_rules.json via GET /project-warning-rules); amounts travel as plain 元 text.
import { http } from './http';
import type { Page, PageQuery } from './types';

export type WageDeposit = 'none' | 'cash' | 'bank_guarantee' | 'insurance' | 'exempt';
export const WAGE_DEPOSITS: readonly WageDeposit[] = ['none', 'cash', 'bank_guarantee', 'insurance', 'exempt'];

export type FeedKind = 'attendance' | 'payroll' | 'account';
export const FEED_KINDS: readonly FeedKind[] = ['attendance', 'payroll', 'account'];

export type AccountPurpose = 'labour_cost' | 'wage_payment' | 'other';
export const ACCOUNT_PURPOSES: readonly AccountPurpose[] = ['labour_cost', 'wage_payment', 'other'];

export interface Company {
  name: string;
  credit_code: string;
}

/** What a person enters for a project (POST, and PUT with its version). */
export interface ProjectInput {
  name: string;
  location: string;
  builder: Company;
  contractor: Company;
  contractor_site_office?: string;
  subcontractors?: Company[];
  sector_authority: string;
  labour_officer_name?: string;
  contract_sum_yuan: string;
  contract_signed_on: string;
  started_on?: string;
  planned_completion_on?: string;
  /** Day of the following month on which wages are paid (1–31). */
  pay_day?: number;
  special_account_bank?: string;
  special_account_opened_on?: string;
  wage_deposit?: WageDeposit;
  wage_deposit_amount_yuan?: string;
  wage_deposit_rate_permille?: number;
  wage_deposit_bank?: string;
  payment_guarantee?: boolean;
  notice_board_up?: boolean;
  owner_body?: string;
}

export interface Project {
  id: number;
  /** Its open warnings and the highest level among them (null when none is open). */
  open_warnings: number;
  open_warning_level: { code: string; zh: string; en: string } | null;
  project_no: string;
  name: string;
  location: string;
  builder: Company;
  contractor: Company;
  contractor_site_office: string;
  subcontractors: Company[];
  sector_authority: string;
  labour_officer_name: string;
  contract_sum_yuan: string;
  contract_signed_on: string;
  started_on: string | null;
  planned_completion_on: string | null;
  pay_day: number | null;
  special_account_bank: string;
  special_account_opened_on: string | null;
  wage_deposit: WageDeposit;
  wage_deposit_amount_yuan: string;
  wage_deposit_rate_permille: number | null;
  wage_deposit_bank: string;
  payment_guarantee: boolean;
  notice_board_up: boolean;
  owner_body: string;
  risk_id: number | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One line of what a warning rests on: a month's data, in words, with the workers by masked name. */
export interface WarningEvidence {
  /** "YYYY-MM", or "" for a finding about the record itself (no special account, no notice board). */
  month: string;
  zh: string;
  en: string;
  /** Masked names ("张*"), at most the first 50. */
  workers: string[];
  workers_total: number;
}

export type WarningLevel = 'yellow' | 'orange' | 'red';

export interface ProjectWarning {
  id: number;
  project_id: number;
  project_no: string;
  project_name: string;
  rule_id: string;
  rule_zh: string;
  rule_en: string;
  basis: string;
  basis_en: string;
  threshold_basis: string;
  threshold_basis_en: string;
  /** How sure the thresholds are: LOCAL, UNCONFIRMED or PLATFORM_SETTING are the district's to check or set. */
  threshold_status: string;
  /** The rule's legal status tag: CONFIRMED, SECONDARY or LOCAL. */
  source_status: string;
  level: WarningLevel | string;
  level_zh: string;
  level_en: string;
  measured: number;
  at_least: number;
  /** Empty for a yes-no finding (then measured and at_least say nothing to a person). */
  unit_zh: string;
  unit_en: string;
  status: 'open' | 'cleared';
  evidence: WarningEvidence[];
  raised_at: string;
  updated_at: string;
  cleared_at: string | null;
  cleared_evidence: WarningEvidence[] | null;
}

export interface ProjectFeed {
  id: number;
  kind: FeedKind;
  month: string;
  rows: number;
  channel: string;
  received_from: string;
  received_at: string;
}

export interface ProjectRiskRef {
  id: number;
  risk_no: string;
  status: 'open' | 'closed';
  /** The risk ledger's level code (general | elevated | major | severe), for its colour. */
  level: string;
  level_zh: string;
  level_en: string;
}

export interface ProjectDetail extends Project {
  feeds: ProjectFeed[];
  /** Open first (highest level first), then the cleared ones. */
  warnings: ProjectWarning[];
  risk: ProjectRiskRef | null;
}

export interface AttendanceRow {
  id_number: string;
  name: string;
  days: number;
}

export interface PayrollRow {
  id_number: string;
  name: string;
  amount_yuan: string;
  paid_on: string;
  through_special_account: boolean;
}

export interface AccountRow {
  date: string;
  purpose: AccountPurpose;
  amount_yuan: string;
}

export type FeedRow = AttendanceRow | PayrollRow | AccountRow;

export interface FeedInput {
  kind: FeedKind;
  /** "YYYY-MM", a month that has begun. */
  month: string;
  rows: FeedRow[];
}

export interface FeedReceipt {
  batch_id: number;
  /** The very same rows were received before: nothing changed. */
  repeated: boolean;
  rows: number;
  /** The month's earlier batch of this kind that this one replaced. */
  replaced_batch_id: number | null;
  open_warnings: ProjectWarning[];
}

export interface WarningGrade {
  level: string;
  level_zh: string;
  level_en: string;
  at_least: number;
}

export interface WarningRule {
  id: string;
  zh: string;
  en: string;
  basis: string;
  basis_en: string;
  source_status: string;
  threshold_basis: string;
  threshold_basis_en: string;
  threshold_status: string;
  grades: WarningGrade[];
}

export interface WarningRules {
  /** Lowest first. */
  levels: { code: string; zh: string; en: string }[];
  rules: WarningRule[];
}

const path = (id: number | string, tail = '') => `/projects/${encodeURIComponent(String(id))}${tail}`;

export const projectsApi = {
  list: (query: PageQuery) => http.get<Page<Project>>('/projects', query),
  get: (id: number | string) => http.get<ProjectDetail>(path(id)),
  create: (body: ProjectInput) => http.post<ProjectDetail>('/projects', body),
  update: (id: number | string, body: ProjectInput & { version: number }) => http.put<ProjectDetail>(path(id), body),
  feed: (id: number | string, body: FeedInput) => http.post<FeedReceipt>(path(id, '/feeds'), body),
  /** Open warnings across the projects, highest level first. */
  warnings: (query: PageQuery & { level?: string }) => http.get<Page<ProjectWarning>>('/project-warnings', query),
  rules: () => http.get<WarningRules>('/project-warning-rules'),
};
