// /api/v1/cases: complaints and cases across the six bodies (docs/api/openapi.json). Shapes follow
// what the server sends (src/api/case_views.cpp). Money is {fen, yuan}: show it with formatMoney,
// never compute with the yuan string as a float.
import { http } from './http';
import type { Page } from './types';
import type { Money } from '@/utils/money';

export type { Money } from '@/utils/money';

export type CaseStateCode =
  | 'complaint_received'
  | 'refused'
  | 'investigating'
  | 'order_pending'
  | 'screening'
  | 'consultation'
  | 'administrative_handling'
  | 'transfer_preparation'
  | 'transfer_pending_approval'
  | 'transfer_approved'
  | 'transferred'
  | 'police_reviewing'
  | 'materials_supplement'
  | 'filing_refused'
  | 'reconsideration'
  | 'supervision'
  | 'police_investigating'
  | 'prosecution_review'
  | 'trial'
  | 'execution'
  | 'civil_route'
  | 'handed_over'
  | 'closed_paid'
  | 'closed_administrative'
  | 'closed_other';

export type ChannelCode = '12333' | 'national_clue_platform' | 'walk_in' | 'petition' | 'inspection' | 'referral';
export type EmployerKind = 'unit' | 'individual' | 'unqualified_contractor';
export type ConductCode = 'abscond' | 'transfer_assets' | 'able_but_refused' | 'unable' | 'unknown';
export type PayerCode = 'employer' | 'actual_controller' | 'general_contractor' | 'developer' | 'emergency_fund' | 'court_execution';
export type PiiField = 'id_number' | 'phone' | 'bank_card';
export type ClockStatus = 'running' | 'met' | 'met_late' | 'overdue' | 'uncertain' | 'not_met' | 'withdrawn' | 'expired';

export interface CaseSummary {
  id: number;
  case_no: string;
  title: string;
  state: CaseStateCode | string;
  state_zh: string;
  state_en: string;
  channel: ChannelCode | string;
  received_at: string;
  employer_name: string;
  project_name: string;
  workers_count: number;
  owed: Money;
  paid: Money;
  outstanding: Money;
  updated_at: string;
  version: number;
  /** Labour inspection found nothing owed (a malicious claim): the amounts are as claimed, none outstanding. */
  no_arrears_found: boolean;
}

export interface Employer {
  id: number;
  name: string;
  credit_code: string | null;
  kind: EmployerKind | string;
  address: string;
  legal_representative: string;
}

export interface CaseWorker {
  id: number;
  name: string;
  /** Masked by the server ("1101**********1005"); the full value only through reveal(). */
  id_number: string;
  phone: string;
  bank_card: string;
  owed: Money;
  paid: Money;
  outstanding: Money;
  /** 经济补偿, 赔偿金, 工程款: recorded apart, never tested as 劳动报酬. */
  other_claims?: Money;
  months_unpaid: number;
  period_from: string;
  period_to: string;
}

export interface CasePayment {
  id: number;
  worker_id: number | null;
  amount: Money;
  paid_on: string;
  payer: PayerCode | string;
  note: string;
}

export interface TimelineEvent {
  id: number;
  event: string;
  event_zh: string;
  event_en: string;
  at: string;
  /** Login name: for the record, never shown. */
  actor: string;
  /** The person who acted, by name; "" when the system did (a clock running out). */
  actor_name: string;
  actor_body: string;
  from_state: string;
  to_state: string;
  payload: Record<string, unknown>;
  reason: string;
  explanation_zh: string;
  explanation_en: string;
}

export interface CaseClock {
  id: number;
  rule_id: string;
  started_at: string;
  due_at: string;
  due_date: string;
  uncertain: boolean;
  responsible_body: string;
  supervisor_body: string;
  /** duty: someone must act by the due time; window: a period that may lapse unused. */
  kind: 'duty' | 'window' | string;
  stopped_at: string | null;
  outcome: string | null;
  status: ClockStatus | string;
  remaining_seconds: number;
  explanation_zh: string;
  explanation_en: string;
  citation?: string;
  /** The citation as people read it: 国务院令第310号第8条. */
  citation_words?: string;
  /** CONFIRMED, SECONDARY, LOCAL, DERIVED, PLATFORM_SETTING … (LEGAL.md status tags). */
  status_tag?: string;
  action_zh?: string;
  action_en?: string;
}

export interface AvailableStep {
  event: string;
  name_zh: string;
  name_en: string;
}

export interface PackageItem {
  id: string;
  zh: string;
  en: string;
  basis: string;
  required: boolean;
  /** Satisfied by attached files or an issued document (GET /cases/{id}/evidence has the details). */
  present: boolean;
  generated_document?: boolean;
  file_ids?: number[];
}

export interface AssessmentElement {
  id: string;
  /** The element as people read it (the server names it). */
  name_zh?: string;
  name_en?: string;
  met: boolean | null;
  required?: boolean;
  basis: string;
  explain_zh: string;
  explain_en: string;
}

export interface AmountThreshold {
  profile: string;
  profile_name_zh?: string;
  profile_name_en?: string;
  configured?: boolean;
  status?: string;
  document?: string;
  per_worker_yuan: number;
  aggregate_yuan: number;
  min_months_per_worker?: number;
  min_workers_aggregate?: number;
  met: boolean | null;
  prong: number | null;
  prong_1_met?: boolean | null;
  prong_2_met?: boolean | null;
  workers_owed?: number;
  total_owed_yuan?: string;
}

export interface EvidenceItem {
  id: string;
  zh: string;
  en: string;
  basis: string;
}

export interface Assessment {
  province: string;
  elements: AssessmentElement[];
  amount_threshold: AmountThreshold;
  crime_elements_met: boolean | null;
  recommendation: 'transfer' | 'consult' | 'administrative' | 'civil' | string;
  recommendation_explain_zh?: string;
  recommendation_explain_en?: string;
  sentence_band: 'up_to_3_years' | '3_to_7_years' | null | string;
  mitigation: { stage: string; effect_zh: string; effect_en: string; basis: string } | null;
  missing_evidence: EvidenceItem[];
  blacklist_eligible: boolean;
  blacklist?: { eligible: boolean; basis: string; explain_zh: string; explain_en: string };
}

export interface CaseDetail extends CaseSummary {
  summary: string;
  conduct: ConductCode | string;
  migrant_workers: boolean;
  order_deadline: string | null;
  order_delivery: string | null;
  progress: Record<string, unknown>;
  employer: Employer;
  general_contractor: Employer | null;
  /** The registered project the complaint is about, linked when the case was registered. */
  project: { id: number; project_no: string; name: string } | null;
  /** Body codes that are parties to the case (need-to-know scope). */
  parties: string[];
  workers: CaseWorker[];
  payments: CasePayment[];
  timeline: TimelineEvent[];
  clocks: CaseClock[];
  /** Exactly the steps the signed-in user may take now. */
  available_steps: AvailableStep[];
  transfer_package: PackageItem[];
  assessment: Assessment | null;
  /** The case's complete facts in the contract of POST /api/v1/assessments (what the assessment was made from). */
  assessment_input: Record<string, unknown> | null;
  /** The legal facts in force, as the investigation established them. */
  facts: CaseFacts;
}

export type FindingKind =
  | 'conduct'
  | 'serious_consequences'
  | 'mass_incident'
  | 'employer_kind'
  | 'justified_reason'
  | 'compensation_borne'
  | 'worker_claim';

export interface CaseFacts {
  conduct: string;
  conduct_zh: string;
  serious_consequences: { code: string; zh: string }[];
  mass_incident: boolean;
  /** Of those incidents, an extreme one (threats of suicide, self-harm, violence). */
  extreme_incident: boolean;
  employer_kind: string | null;
  actual_controller: string | null;
  responsible_persons: string[];
  justified_reason: boolean;
  compensation_borne: boolean | null;
}

export interface FindingInput {
  kind: FindingKind;
  value: Record<string, unknown>;
  reason: string;
  evidence?: string[];
  found_on?: string;
}

export interface CaseListQuery {
  page: number;
  page_size: number;
  state?: string;
  q?: string;
  party?: string;
  [key: string]: string | number | boolean | null | undefined;
}

/** GET /cases/counts: a list's tabs counted in one request (the search term is looked up once). */
export interface CaseTabCountsQuery {
  /** Comma-separated states, each counted on its own. */
  state: string;
  party?: string;
  q?: string;
  /** Also count every state together, first in the answer. */
  all?: boolean;
}

export interface CaseTabCount {
  /** null: every state together. */
  state: string | null;
  total: number;
  total_is_lower_bound: boolean;
}

export interface EmployerInput {
  name: string;
  kind: EmployerKind;
  credit_code?: string;
  address?: string;
  legal_representative?: string;
}

export interface WorkerInput {
  name: string;
  id_number?: string;
  phone?: string;
  bank_card?: string;
  /** Decimal 元 as a string ("21300.00"), at most two decimals. */
  owed_yuan: string;
  months_unpaid: number;
  period_from?: string;
  period_to?: string;
}

export interface ComplaintInput {
  channel: ChannelCode;
  received_at: string;
  employer: EmployerInput;
  general_contractor?: EmployerInput;
  project_name?: string;
  summary?: string;
  conduct?: ConductCode;
  migrant_workers?: boolean;
  workers: WorkerInput[];
}

export interface StepRequest {
  event: string;
  at?: string;
  reason?: string;
  expected_version?: number;
  payload?: Record<string, unknown>;
}

export interface PaymentInput {
  worker_id?: number;
  proportional?: boolean;
  amount_yuan: string;
  paid_on: string;
  payer: PayerCode;
  note?: string;
}

export interface RevealAnswer {
  field: PiiField;
  value: string;
}

export interface AccessReceipt {
  at: string;
  /** Login name, for the record; people read display_name. */
  username: string;
  display_name: string;
  body_code: string;
  case_id: number;
  case_no: string;
  worker_id: number;
  worker_name: string;
  field: PiiField | string;
  purpose: string;
}

const casePath = (id: number | string, tail = '') => `/cases/${encodeURIComponent(String(id))}${tail}`;

export const casesApi = {
  list: (query: CaseListQuery) => http.get<Page<CaseSummary>>('/cases', query),
  tabCounts: (query: CaseTabCountsQuery) => http.get<{ counts: CaseTabCount[] }>('/cases/counts', { ...query }),
  get: (id: number | string, signal?: AbortSignal) => http.get<CaseDetail>(casePath(id), undefined, { signal }),
  create: (body: ComplaintInput) => http.post<CaseDetail>('/cases', body),
  step: (id: number | string, body: StepRequest) => http.post<CaseDetail>(casePath(id, '/steps'), body),
  recordPayment: (id: number | string, body: PaymentInput) => http.post<CaseDetail>(casePath(id, '/payments'), body),
  recordFinding: (id: number | string, body: FindingInput) => http.post<CaseDetail>(casePath(id, '/findings'), body),
  /** `reason` is a code of GET /reference/reveal-reasons; `purpose` the free text that completes it. */
  reveal: (id: number | string, workerId: number, field: PiiField, reason: string, purpose: string) =>
    http.post<RevealAnswer>(casePath(id, `/workers/${encodeURIComponent(String(workerId))}/reveal`), { field, reason, purpose }),
  accessReceipts: (query: { page: number; page_size: number }) =>
    http.get<{ items: AccessReceipt[]; total?: number; total_is_lower_bound?: boolean }>('/pii/access-receipts', query),
};
