// /api/v1/reference/* (the legal reference data the server computes with: data/*.json) and
// /api/v1/assessments (the crime-elements screener, same contract as `wagelink assess`).
import { http } from './http';
import type { Assessment, ConductCode } from './cases';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface TimeLimitRule {
  id: string;
  trigger: { event: string; zh: string; en: string };
  actor: string;
  action: Bilingual;
  limit: number | null;
  unit: 'calendar_days' | 'working_days' | 'hours' | 'months' | 'years' | string;
  extensions: unknown[];
  roll_over: boolean;
  recurring: boolean;
  citation: string;
  status: string;
  configurable: boolean;
  note?: string;
}

export interface TimeLimits {
  schema?: string;
  source?: string;
  units: string[];
  rules: TimeLimitRule[];
  platform_settings: TimeLimitRule[];
}

export interface ThresholdProfile {
  id: string;
  name_zh: string;
  name_en: string;
  per_worker_yuan: number | null;
  aggregate_yuan: number | null;
  min_workers_aggregate: number;
  min_months_per_worker: number;
  effective?: string;
  document?: string;
  status?: string;
}

export interface Thresholds {
  schema?: string;
  rule: Bilingual & { citation: string };
  amount_unit: string;
  profiles: ThresholdProfile[];
}

export interface CalendarYear {
  year: number;
  jurisdiction: string;
  status: string;
  source: { title: string; document: string; issued: string };
  holidays: { name_zh: string; name_en: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

export interface AssessmentInput {
  province: string;
  workers?: { owed_yuan: string | number; months_unpaid: number }[];
  workers_count?: number;
  total_owed_yuan?: string | number;
  conduct: ConductCode;
  order: { issued: boolean; delivery: 'served' | 'posted_at_site' | 'none'; deadline_passed: boolean; paid_in_full: boolean };
  paid_stage: 'none' | 'before_filing' | 'before_prosecution' | 'before_first_instance_judgment' | 'before_judgment';
  serious_consequence: boolean;
}

/** "Field `key` has the code `equals`" (a reason's condition, when a field is asked). */
export interface FieldCondition {
  key: string;
  equals: string;
}

/** One payload field of a step as the server declares it (src/domain/case_step_forms.h). */
export interface StepFieldDef {
  key: string;
  kind: 'radio' | 'select' | 'date' | 'datetime' | 'switch' | 'tags' | 'checkboxes' | 'text' | string;
  required: boolean;
  /** radio/select: the accepted codes; checkboxes: the flag names. */
  options?: string[];
  min_items?: number;
  /** UTF-8 bytes, as the server counts them (a CJK character is three). */
  max_bytes?: number;
  /** A date that must fall after this other field's day. */
  after?: string;
  shown_when?: FieldCondition;
  /** What the server assumes when the field is absent. */
  default?: string;
}

export interface StepFormDef {
  event: string;
  name_zh: string;
  name_en: string;
  tone: 'forward' | 'refusal' | 'default' | string;
  reason: { rule: 'always' | 'optional' | 'when' | string; when?: FieldCondition };
  fields: StepFieldDef[];
}

/** GET /reference/case-steps: the form of every step; the server owns these rules. */
export interface StepCatalogue {
  steps: StepFormDef[];
}

/** Why someone reveals a worker's full personal data (data/reveal_reasons.json). */
export interface RevealReason {
  code: string;
  name_zh: string;
  name_en: string;
}

export const referenceApi = {
  revealReasons: () =>
    http.get<{ items: RevealReason[]; min_purpose_letters: number }>('/reference/reveal-reasons'),
  timeLimits: () => http.get<TimeLimits>('/reference/time-limits'),
  thresholds: () => http.get<Thresholds>('/reference/thresholds'),
  /** Revalidated by its strong ETag, so a reload costs a 304. */
  caseSteps: () => http.get<StepCatalogue>('/reference/case-steps'),
  calendar: (year?: number) => http.get<{ items: CalendarYear[] }>('/reference/calendar', { year }),
  assess: (input: AssessmentInput) => http.post<Assessment>('/assessments', input),
};
