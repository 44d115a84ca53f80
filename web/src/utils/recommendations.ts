// Small readings of what the recommendations API sends (api/recommendations.ts), for the pages
// under views/recommendations. The server decides status, overdue, who may reply or evaluate and
// the reply period; these only put its answer into words, colours and links.
import type { RouteLocationRaw } from 'vue-router';
import type { Addressee, BasisKind, Recommendation, RecommendationBasis, ReplyInput, EvaluationInput } from '@/api/recommendations';
import type { ProjectWarning } from '@/api/projects';
import { withoutStatusTags } from '@/utils/projects';

/** What the 检察建议 rests on, as the page that opens the dialog knows it. */
export interface IssueBasis {
  kind: BasisKind;
  id: number;
  /** How a person names it ("城东物流园：人工费用未按月拨付"). */
  label: string;
  /** The body proposed as addressee (a warning's project owner, a risk's owner). */
  addressee?: string | null;
  /** The opening of 问题及原因 (a warning's facts). */
  problem?: string;
}

export type TagType = 'danger' | 'warning' | 'success' | 'info' | 'primary';

/** How a recommendation's state is tagged: an overdue reply in red with its days, then by status. */
export function recommendationTag(
  rec: Pick<Recommendation, 'status' | 'status_zh' | 'status_en' | 'overdue' | 'days_overdue' | 'evaluation'>,
  locale: string,
): { type: TagType; text: string; overdueDays: number | null } {
  const en = locale.startsWith('en');
  const text = en ? rec.status_en || rec.status_zh : rec.status_zh;
  const overdueDays = rec.overdue && rec.status === 'awaiting_reply' ? Math.max(0, rec.days_overdue) : null;
  if (overdueDays !== null) return { type: 'danger', text, overdueDays };
  if (rec.status === 'awaiting_reply') return { type: 'warning', text, overdueDays };
  if (rec.status === 'replied') return { type: 'primary', text, overdueDays };
  if (rec.evaluation?.outcome === 'rectified') return { type: 'success', text, overdueDays };
  if (rec.evaluation?.outcome === 'not_rectified') return { type: 'danger', text, overdueDays };
  return { type: 'info', text, overdueDays };
}

/** The colour of an evaluation's outcome. */
export function outcomeTagType(outcome: string | undefined | null): TagType {
  if (outcome === 'rectified') return 'success';
  if (outcome === 'partly_rectified') return 'warning';
  if (outcome === 'not_rectified') return 'danger';
  return 'info';
}

/** The page a recommendation's basis links to: the project (for a warning), the risk item or the case. */
export function basisRoute(basis: RecommendationBasis): RouteLocationRaw | null {
  if (basis.kind === 'project_warning' && basis.project_id) return { name: 'ProjectDetail', params: { id: String(basis.project_id) } };
  if (basis.kind === 'risk' && basis.risk_id) return { name: 'RiskDetail', params: { id: String(basis.risk_id ?? basis.id) } };
  if (basis.kind === 'case' && basis.case_id) return { name: 'CaseDetail', params: { id: String(basis.case_id) } };
  // A warning's risk or a case's project, when the server names no page of the kind itself.
  if (basis.project_id) return { name: 'ProjectDetail', params: { id: String(basis.project_id) } };
  if (basis.risk_id) return { name: 'RiskDetail', params: { id: String(basis.risk_id) } };
  return null;
}

/** The addressee the dialog proposes: the preferred body when a 检察建议 may go to it, otherwise none. */
export function defaultAddressee(preferred: string | null | undefined, addressees: readonly Addressee[]): string {
  if (preferred && addressees.some((a) => a.code === preferred)) return preferred;
  return '';
}

/** A warning's facts as the opening of a recommendation's 问题及原因, in Chinese (the document's language). */
export function warningProblemText(warning: Pick<ProjectWarning, 'project_name' | 'rule_zh' | 'level_zh' | 'evidence' | 'basis'>): string {
  const facts = warning.evidence.map((e) => e.zh.trim()).filter((line) => line.length > 0);
  const lines = [`${warning.project_name}：${warning.rule_zh}（${warning.level_zh}）。`];
  if (facts.length > 0) lines.push(facts.map((f) => (/[。；]$/.test(f) ? f : `${f}。`)).join(''));
  if (warning.basis.trim()) lines.push(`依据：${warning.basis.trim()}。`.replace(/。。$/, '。'));
  return lines.join('\n');
}

export const TEXT_MAX = 4000;

/** The problems of a form, keyed by field, as i18n keys with their parameters. */
export type FormProblems = Record<string, { key: string; params?: Record<string, unknown> }>;

function textProblem(value: string, required: boolean): { key: string; params?: Record<string, unknown> } | null {
  const text = value.trim();
  if (required && text.length === 0) return { key: 'recommendation.form.required' };
  if (Array.from(text).length > TEXT_MAX) return { key: 'recommendation.form.tooLong', params: { max: TEXT_MAX } };
  return null;
}

/** The reply form: a kind and the reply; a body that says it rectified lists its evidence. */
export function replyProblems(form: { kind: ReplyInput['kind'] | ''; text: string; rectification_evidence: string }): FormProblems {
  const problems: FormProblems = {};
  if (!form.kind) problems.kind = { key: 'recommendation.form.choose' };
  const text = textProblem(form.text, true);
  if (text) problems.text = text;
  const evidence = textProblem(form.rectification_evidence, false);
  if (evidence) problems.rectification_evidence = evidence;
  else if (form.kind === 'rectified' && !form.rectification_evidence.trim()) {
    problems.rectification_evidence = { key: 'recommendation.form.evidenceRequired' };
  }
  return problems;
}

/** The evaluation form: an outcome and the opinion. */
export function evaluationProblems(form: { outcome: EvaluationInput['outcome'] | ''; text: string }): FormProblems {
  const problems: FormProblems = {};
  if (!form.outcome) problems.outcome = { key: 'recommendation.form.choose' };
  const text = textProblem(form.text, true);
  if (text) problems.text = text;
  return problems;
}

/** The issue dialog: an addressee, the problem and the measures. */
export function issueProblems(form: { addressee_body: string; problem: string; measures: string }): FormProblems {
  const problems: FormProblems = {};
  if (!form.addressee_body) problems.addressee_body = { key: 'recommendation.form.choose' };
  const problem = textProblem(form.problem, true);
  if (problem) problems.problem = problem;
  const measures = textProblem(form.measures, true);
  if (measures) problems.measures = measures;
  return problems;
}

const MAINTAINER_REF =
  /(?:[，,、；;]\s*)?LEGAL\.md(?:\s*(?:[、,，]\s*)?(?:§\s*\d+(?:\.\d+)*|第\d+[条项](?:\.\d+)*|item\s+\d+))*/g;

/**
 * Server text about the reply period written for the maintainers as well: references to LEGAL.md
 * and the legal status tags are dropped (the page shows the status in words beside it), the words
 * stay. "未证实（LEGAL.md §5.6、§8第10项）：…" reads "未证实：…".
 */
export function plainLegalText(text: string | null | undefined): string {
  if (!text) return '';
  const cleaned = text
    .replace(MAINTAINER_REF, '')
    .replace(/（\s*[，,、；;]?\s*）|\(\s*[,;]?\s*\)/g, '')
    .replace(/（\s*[，,、；;]\s*/g, '（')
    .replace(/\(\s*[,;]\s*/g, '(');
  return withoutStatusTags(cleaned)
    .replace(/^[\s:：,，;；]+/, '')
    .replace(/\s+([:：,，;；])/g, '$1')
    .trim();
}

/** The reply period in words: "2个月", "15日", "10个工作日" (as i18n key and count). */
export function periodWords(period: { months: number | null; limit?: number; unit?: string }): { key: string; n: number } | null {
  if (period.months !== null && period.months !== undefined) return { key: 'recommendation.detail.period', n: period.months };
  if (period.limit === undefined || period.limit === null) return null;
  if (period.unit === 'months') return { key: 'recommendation.detail.period', n: period.limit };
  if (period.unit === 'working_days') return { key: 'recommendation.detail.periodWorkingDays', n: period.limit };
  if (period.unit === 'days') return { key: 'recommendation.detail.periodDays', n: period.limit };
  return null;
}

/** Share of the projects, 0–100, for a progress figure (0 when there are no projects). */
export function coveragePercent(n: number, total: number): number {
  if (!total || total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((n / total) * 100)));
}
