// /api/v1/recommendations: the procuratorate's 检察建议 (issued on a project's warning, a risk item or
// a case), the addressee body's reply and the procuratorate's evaluation of it; and
// /api/v1/supervision/dashboard, the district's monitoring overview (docs/supervision.md).
// Who may issue, reply or evaluate, the reply period and whether a reply is overdue are the server's
// decision (can_issue, can_reply, can_evaluate, overdue); the client only shows them.
import { API_PREFIX, http } from './http';
import type { Page, PageQuery } from './types';

export type RecommendationStatus = 'awaiting_reply' | 'replied' | 'evaluated';
export const RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = ['awaiting_reply', 'replied', 'evaluated'];

export type BasisKind = 'project_warning' | 'risk' | 'case';

export type ReplyKind = 'rectified' | 'rectifying' | 'objection';
export const REPLY_KINDS: readonly ReplyKind[] = ['rectified', 'rectifying', 'objection'];

export type EvaluationOutcome = 'rectified' | 'partly_rectified' | 'not_rectified';
export const EVALUATION_OUTCOMES: readonly EvaluationOutcome[] = ['rectified', 'partly_rectified', 'not_rectified'];

/** What a 检察建议 rests on, with the ids of the pages to link to. */
export interface RecommendationBasis {
  kind: BasisKind;
  id: number;
  label_zh: string;
  label_en: string;
  project_id: number | null;
  risk_id: number | null;
  case_id: number | null;
  case_number: string | null;
}

/** The reply period and where it comes from (its legal status in words, e.g. 未证实，本区可设置). */
export interface ReplyPeriod {
  /** The period in months (null when the district counts it in another unit: see limit and unit). */
  months: number | null;
  limit?: number;
  /** months | days | working_days */
  unit?: string;
  basis_zh: string;
  basis_en: string;
  status_tag: string;
  status_zh: string;
  status_en: string;
  note_zh: string;
  note_en: string;
}

export interface RecommendationReply {
  kind: ReplyKind;
  kind_zh: string;
  kind_en: string;
  text: string;
  rectification_evidence: string;
  replied_by_name: string;
  replied_on: string;
}

export interface RecommendationEvaluation {
  outcome: EvaluationOutcome;
  outcome_zh: string;
  outcome_en: string;
  text: string;
  evaluated_by_name: string;
  evaluated_on: string;
}

export interface Recommendation {
  id: number;
  /** 示检建〔2026〕3号 */
  number: string;
  basis: RecommendationBasis;
  addressee_body: string;
  addressee_name_zh: string;
  addressee_name_en: string;
  problem: string;
  measures: string;
  issued_by_name: string;
  issued_on: string;
  reply_due_on: string;
  reply_due_explain_zh?: string;
  reply_due_explain_en?: string;
  reply_period: ReplyPeriod;
  status: RecommendationStatus;
  status_zh: string;
  status_en: string;
  overdue: boolean;
  days_overdue: number;
  reply: RecommendationReply | null;
  evaluation: RecommendationEvaluation | null;
  can_reply: boolean;
  can_evaluate: boolean;
}

export interface RecommendationCounts {
  awaiting_reply: number;
  overdue: number;
  replied: number;
  evaluated: number;
  rectified: number;
}

export interface RecommendationList {
  items: Recommendation[];
  total: number;
  counts: RecommendationCounts;
  can_issue: boolean;
}

export interface RecommendationFilters {
  status?: RecommendationStatus | '';
  overdue?: boolean;
  basis_kind?: BasisKind | '';
  project_id?: number;
  risk_id?: number;
  case_id?: number;
  page?: number;
  page_size?: number;
}

export interface Addressee {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface IssueInput {
  basis_kind: BasisKind;
  basis_id: number;
  addressee_body: string;
  problem: string;
  measures: string;
}

export interface ReplyInput {
  kind: ReplyKind;
  text: string;
  rectification_evidence: string;
}

export interface EvaluationInput {
  outcome: EvaluationOutcome;
  text: string;
}

export interface SupervisionDashboard {
  coverage: {
    projects: number;
    with_special_account: number;
    with_deposit: number;
    with_real_name_records: number;
    with_payroll_through_account: number;
  };
  warnings_by_level: { level: string; name_zh: string; name_en: string; open: number }[];
  warnings_by_body: { body: string; name_zh: string; name_en: string; yellow: number; orange: number; red: number }[];
  /** The last twelve months, "YYYY-MM". */
  warnings_by_month: { month: string; opened: number; cleared: number }[];
  recommendations: { issued: number; answered: number; rectified: number; overdue: number };
}

/** The list pages by page number and size (the server refuses any query parameter it does not take). */
export function pageParams(query: Pick<PageQuery, 'page' | 'page_size'>): { page: number; page_size: number } {
  return { page: Math.max(1, query.page), page_size: Math.max(1, query.page_size) };
}

/** Only the conditions that are set go to the server (an empty select means "any"). */
export function listQuery(filters: RecommendationFilters): Record<string, string | number | boolean> {
  const query: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    query[key] = value as string | number | boolean;
  }
  return query;
}

const path = (id: number | string, tail = '') => `/recommendations/${encodeURIComponent(String(id))}${tail}`;

export const recommendationsApi = {
  list: (filters: RecommendationFilters = {}) => http.get<RecommendationList>('/recommendations', listQuery(filters)),
  /** One page for a PagedTable, with the counts and can_issue of the same answer. */
  page: async (query: PageQuery, filters: RecommendationFilters = {}): Promise<Page<Recommendation> & RecommendationList> => {
    const answer = await recommendationsApi.list({ ...filters, ...pageParams(query) });
    return { ...answer, page: query.page, page_size: query.page_size };
  },
  get: (id: number | string) => http.get<Recommendation>(path(id)),
  addressees: () => http.get<Addressee[]>('/recommendations/addressees'),
  issue: (body: IssueInput) => http.post<Recommendation>('/recommendations', body),
  reply: (id: number | string, body: ReplyInput) => http.post<Recommendation>(path(id, '/reply'), body),
  evaluate: (id: number | string, body: EvaluationInput) => http.post<Recommendation>(path(id, '/evaluation'), body),
  /** The 检察建议书 as issued (PDF with the viewer's watermark). */
  documentUrl: (id: number | string) => `${API_PREFIX}${path(id, '/document.pdf')}`,
};

export const supervisionApi = {
  dashboard: () => http.get<SupervisionDashboard>('/supervision/dashboard'),
};
