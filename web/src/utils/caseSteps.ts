// The steps of the mechanism as forms: which fields each step's payload needs (the server's
// src/api/case_step_parser.cpp), when a reason is required (src/domain/case_steps.cpp and the
// RequireReason calls of the transitions), what to prefill from the case, and the request body.
// Pure functions, no Vue: the dialog renders a StepSpec and unit tests check the payloads.
import type { CaseDetail, StepRequest } from '@/api/cases';
import { beijingToday, beijingWallToIso, toBeijingWall } from './datetime';

export type StepFieldKind = 'radio' | 'select' | 'date' | 'datetime' | 'switch' | 'tags' | 'checkboxes' | 'text';

export interface StepOption {
  value: string;
  /** i18n key of the option label. */
  labelKey: string;
}

export interface StepField {
  /** Payload key; "a.b" nests (green_channel.priority_trial). */
  key: string;
  kind: StepFieldKind;
  labelKey: string;
  hintKey?: string;
  options?: readonly StepOption[];
  required?: boolean;
  /** For tags: the least number of entries. */
  min?: number;
  /** For a date: must be after this other date/datetime field's day. */
  after?: string;
  /** Asked (and sent) only when another field has this value (the charge of a criminal case …). */
  shownWhen?: { key: string; equals: string };
  /** For text: the most characters (the server counts bytes; a CJK character is three). */
  maxLength?: number;
}

export type StepTone = 'primary' | 'success' | 'warning' | 'danger' | 'default';

export interface StepSpec {
  event: string;
  fields: readonly StepField[];
  /** Reason always required, never asked, or required when the values say so. */
  reason: 'required' | 'optional' | ((values: StepValues) => boolean);
  /** i18n key naming the reason field when it is more than "理由" (答复意见, 不立案理由 …). */
  reasonLabelKey?: string;
  tone: StepTone;
}

export type StepValue = string | boolean | string[] | null;
export type StepValues = Record<string, StepValue>;

const opt = (prefix: string, values: readonly string[]): StepOption[] =>
  values.map((value) => ({ value, labelKey: `${prefix}.${value}` }));

export const ORDER_DOCUMENTS = ['rectification_order', 'handling_decision'] as const;
export const SERVICE_METHODS = ['served', 'adult_family_member', 'unit_recipient', 'posted_at_premises', 'confirmable_notice'] as const;
export const ORDER_ADDRESSEES = ['employer', 'actual_controller', 'general_contractor', 'developer'] as const;
export const ORDER_OUTCOMES = ['unpaid_after_deadline', 'paid_in_full_by_deadline'] as const;
export const RECOMMENDATIONS = ['transfer', 'consult', 'administrative', 'civil'] as const;
export const RECONSIDERATION_RESULTS = ['reversed', 'upheld'] as const;
export const INVESTIGATION_RESULTS = ['transfer_for_prosecution', 'case_withdrawn'] as const;
export const PROSECUTION_DECISIONS = ['prosecute', 'not_prosecute'] as const;
export const VERDICTS = ['convicted', 'acquitted'] as const;
export const LEGAL_AID_DECISIONS = ['granted', 'refused'] as const;
export const CIVIL_STEP_KINDS = ['mediation', 'arbitration', 'litigation', 'execution'] as const;
export const GREEN_CHANNEL_FLAGS = [
  'priority_mediation',
  'priority_acceptance',
  'priority_filing',
  'priority_trial',
  'priority_execution',
] as const;
export const CLOSE_REASONS = ['workers_paid', 'administrative_concluded', 'other'] as const;
export const INTERVENTION_GROUNDS = ['own_initiative', 'agency_request', 'police_request'] as const;
export const OPINION_ASPECTS = ['characterisation', 'evidence', 'law_application'] as const;
export const MALICIOUS_FINDINGS = ['no_arrears', 'forged_records', 'blocking_offices', 'other_disorder'] as const;
export const MALICIOUS_HANDLINGS = ['public_order_penalty', 'criminal_case', 'no_action'] as const;

/** Steps whose reason the server always requires (the "reason always required" column). */
const ALWAYS_REASON = new Set([
  'refuse_complaint',
  'extend_investigation',
  'send_consultation',
  'answer_consultation',
  'refuse_transfer',
  'extend_filing_review',
  'hand_over_jurisdiction',
  'decline_filing',
  'request_reconsideration',
  'accept_filing_refusal',
  'request_supervision',
  'give_reasons',
  'find_reasons_valid',
  'order_filing',
  'extend_prosecution_review',
  'issue_procuratorial_opinion',
  'reply_procuratorial_opinion',
  'extend_trial',
  'hand_over_case',
  'request_early_intervention',
  'join_early_intervention',
  'give_intervention_opinion',
  'reply_intervention_opinion',
  'refer_malicious_claim',
]);

const REFUSALS = new Set([
  'refuse_complaint',
  'refuse_transfer',
  'decline_filing',
  'accept_filing_refusal',
  'find_reasons_valid',
  'refer_malicious_claim',
]);
const FORWARD = new Set([
  'accept_complaint',
  'issue_order',
  'record_order_outcome',
  'complete_screening',
  'form_case_group',
  'submit_transfer_report',
  'approve_transfer',
  'send_transfer',
  'sign_receipt',
  'file_case',
  'supplement_materials',
  'order_filing',
  'conclude_investigation',
  'decide_prosecution',
  'accept_trial',
  'deliver_judgment',
  'decide_legal_aid',
  'assign_lawyer',
  'join_early_intervention',
  'accept_malicious_claim',
  'decide_malicious_claim',
]);

const REASON_LABELS: Record<string, string> = {
  answer_consultation: 'steps.reasonLabel.answer',
  give_reasons: 'steps.reasonLabel.reasons',
  reply_procuratorial_opinion: 'steps.reasonLabel.reply',
  issue_procuratorial_opinion: 'steps.reasonLabel.opinion',
  send_consultation: 'steps.reasonLabel.question',
  request_reconsideration: 'steps.reasonLabel.grounds',
  request_supervision: 'steps.reasonLabel.grounds',
  order_filing: 'steps.reasonLabel.grounds',
  request_early_intervention: 'steps.reasonLabel.interventionRequest',
  join_early_intervention: 'steps.reasonLabel.interventionGrounds',
  give_intervention_opinion: 'steps.reasonLabel.interventionOpinion',
  reply_intervention_opinion: 'steps.reasonLabel.reply',
  refer_malicious_claim: 'steps.reasonLabel.maliciousFinding',
  decide_malicious_claim: 'steps.reasonLabel.maliciousHandling',
};

const FIELDS: Record<string, readonly StepField[]> = {
  issue_order: [
    { key: 'document', kind: 'radio', labelKey: 'steps.field.document', options: opt('steps.document', ORDER_DOCUMENTS), required: true },
    { key: 'served_at', kind: 'datetime', labelKey: 'steps.field.servedAt', required: true },
    { key: 'addressee', kind: 'select', labelKey: 'steps.field.addressee', hintKey: 'steps.hint.addressee', options: opt('steps.addressee', ORDER_ADDRESSEES), required: true },
    { key: 'service', kind: 'select', labelKey: 'steps.field.service', options: opt('steps.service', SERVICE_METHODS), required: true },
    {
      key: 'deadline',
      kind: 'date',
      labelKey: 'steps.field.deadline',
      hintKey: 'steps.hint.deadline',
      required: true,
      after: 'served_at',
    },
    { key: 'service_evidence_recorded', kind: 'switch', labelKey: 'steps.field.serviceEvidence', hintKey: 'steps.hint.serviceEvidence' },
  ],
  record_order_outcome: [
    { key: 'outcome', kind: 'radio', labelKey: 'steps.field.outcome', options: opt('steps.outcome', ORDER_OUTCOMES), required: true },
  ],
  complete_screening: [
    {
      key: 'recommendation',
      kind: 'radio',
      labelKey: 'steps.field.recommendation',
      hintKey: 'steps.hint.recommendation',
      options: opt('assessment.recommendation', RECOMMENDATIONS),
      required: true,
    },
  ],
  send_consultation: [
    { key: 'to_procuratorate', kind: 'switch', labelKey: 'steps.field.toProcuratorate' },
    { key: 'to_police', kind: 'switch', labelKey: 'steps.field.toPolice' },
    { key: 'reply_due', kind: 'date', labelKey: 'steps.field.replyDue' },
  ],
  form_case_group: [
    { key: 'officers', kind: 'tags', labelKey: 'steps.field.officers', hintKey: 'steps.hint.officers', required: true, min: 2 },
  ],
  send_transfer: [
    { key: 'copy_to_procuratorate', kind: 'switch', labelKey: 'steps.field.copyToProcuratorate', hintKey: 'steps.hint.copyToProcuratorate' },
  ],
  notify_incomplete_materials: [
    { key: 'items', kind: 'tags', labelKey: 'steps.field.missingItems', hintKey: 'steps.hint.missingItems', required: true, min: 1 },
  ],
  decide_reconsideration: [
    { key: 'result', kind: 'radio', labelKey: 'steps.field.reconsiderationResult', options: opt('steps.reconsideration', RECONSIDERATION_RESULTS), required: true },
  ],
  conclude_investigation: [
    { key: 'result', kind: 'radio', labelKey: 'steps.field.investigationResult', options: opt('steps.investigation', INVESTIGATION_RESULTS), required: true },
  ],
  decide_prosecution: [
    { key: 'decision', kind: 'radio', labelKey: 'steps.field.prosecutionDecision', options: opt('steps.prosecution', PROSECUTION_DECISIONS), required: true },
  ],
  deliver_judgment: [
    { key: 'verdict', kind: 'radio', labelKey: 'steps.field.verdict', options: opt('steps.verdict', VERDICTS), required: true },
  ],
  decide_legal_aid: [
    { key: 'decision', kind: 'radio', labelKey: 'steps.field.legalAidDecision', options: opt('steps.legalAid', LEGAL_AID_DECISIONS), required: true },
  ],
  record_civil_step: [
    { key: 'kind', kind: 'select', labelKey: 'steps.field.civilKind', options: opt('steps.civil', CIVIL_STEP_KINDS), required: true },
    { key: 'green_channel', kind: 'checkboxes', labelKey: 'steps.field.greenChannel', options: opt('steps.green', GREEN_CHANNEL_FLAGS) },
  ],
  close_case: [
    { key: 'reason', kind: 'radio', labelKey: 'steps.field.closeReason', options: opt('steps.close', CLOSE_REASONS), required: true },
  ],
  join_early_intervention: [
    {
      key: 'ground',
      kind: 'radio',
      labelKey: 'steps.field.interventionGround',
      hintKey: 'steps.hint.interventionGround',
      options: opt('steps.ground', INTERVENTION_GROUNDS),
      required: true,
    },
  ],
  give_intervention_opinion: [
    { key: 'aspect', kind: 'radio', labelKey: 'steps.field.opinionAspect', options: opt('steps.aspect', OPINION_ASPECTS), required: true },
  ],
  refer_malicious_claim: [
    {
      key: 'findings',
      kind: 'checkboxes',
      labelKey: 'steps.field.maliciousFindings',
      hintKey: 'steps.hint.maliciousFindings',
      options: opt('steps.findings', MALICIOUS_FINDINGS),
      required: true,
    },
  ],
  decide_malicious_claim: [
    { key: 'handling', kind: 'radio', labelKey: 'steps.field.maliciousHandling', options: opt('steps.handling', MALICIOUS_HANDLINGS), required: true },
    {
      key: 'penalty',
      kind: 'text',
      labelKey: 'steps.field.penalty',
      hintKey: 'steps.hint.penalty',
      required: true,
      maxLength: 300,
      shownWhen: { key: 'handling', equals: 'public_order_penalty' },
    },
    {
      key: 'charge',
      kind: 'text',
      labelKey: 'steps.field.charge',
      hintKey: 'steps.hint.charge',
      required: true,
      maxLength: 60,
      shownWhen: { key: 'handling', equals: 'criminal_case' },
    },
  ],
};

/** Whether the form asks for this field now (fields with `shownWhen` follow another field's value). */
export function fieldShown(field: StepField, values: StepValues): boolean {
  return !field.shownWhen || values[field.shownWhen.key] === field.shownWhen.equals;
}

/** Reason required only for some answers (the transitions' RequireReason calls). */
const CONDITIONAL_REASON: Record<string, (values: StepValues) => boolean> = {
  decide_reconsideration: (v) => v.result === 'upheld',
  conclude_investigation: (v) => v.result === 'case_withdrawn',
  decide_prosecution: (v) => v.decision === 'not_prosecute',
  decide_legal_aid: (v) => v.decision === 'refused',
  close_case: (v) => v.reason === 'other',
  decide_malicious_claim: (v) => v.handling === 'no_action',
};

/** The form of one step; unknown codes (a newer server) still get "at" and an optional reason. */
export function stepSpec(event: string): StepSpec {
  const tone: StepTone = REFUSALS.has(event) ? 'danger' : FORWARD.has(event) ? 'primary' : 'default';
  return {
    event,
    fields: FIELDS[event] ?? [],
    reason: ALWAYS_REASON.has(event) ? 'required' : (CONDITIONAL_REASON[event] ?? 'optional'),
    reasonLabelKey: REASON_LABELS[event],
    tone,
  };
}

export function reasonRequired(spec: StepSpec, values: StepValues): boolean {
  if (spec.reason === 'required') return true;
  if (spec.reason === 'optional') return false;
  return spec.reason(values);
}

export interface StepContext {
  now: Date;
  username: string;
}

/** Values a dialog opens with: sensible defaults, and what the case already says (the assessment …). */
export function stepDefaults(
  spec: StepSpec,
  detail: Pick<CaseDetail, 'assessment' | 'outstanding' | 'transfer_package'> & Partial<Pick<CaseDetail, 'progress'>>,
  ctx: StepContext,
): StepValues {
  const values: StepValues = {};
  for (const field of spec.fields) {
    if (field.kind === 'switch') values[field.key] = false;
    else if (field.kind === 'text') values[field.key] = '';
    else if (field.kind === 'tags' || field.kind === 'checkboxes') values[field.key] = [];
    else values[field.key] = null;
  }
  switch (spec.event) {
    case 'issue_order':
      values.document = 'rectification_order';
      values.addressee = 'employer';
      values.served_at = toBeijingWall(ctx.now);
      values.deadline = beijingToday(ctx.now, 7);
      break;
    case 'complete_screening': {
      const a = detail.assessment;
      if (a && (RECOMMENDATIONS as readonly string[]).includes(a.recommendation)) values.recommendation = a.recommendation;
      break;
    }
    case 'send_consultation':
      values.to_procuratorate = true;
      values.to_police = true;
      break;
    case 'form_case_group':
      values.officers = ctx.username ? [ctx.username] : [];
      break;
    case 'send_transfer':
      values.copy_to_procuratorate = true;
      break;
    case 'close_case':
      values.reason = detail.outstanding && detail.outstanding.fen === 0 ? 'workers_paid' : null;
      break;
    case 'join_early_intervention':
      // Labour inspection's pending request suggests the ground; otherwise the procuratorate's own view.
      values.ground = detail.progress?.early_intervention === 'requested' ? 'agency_request' : 'own_initiative';
      break;
    default:
      break;
  }
  return values;
}

export type StepProblem = { field: string; messageKey: string; params?: Record<string, unknown> };

function isEmpty(value: StepValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function dayOf(value: StepValue | undefined): string | null {
  if (typeof value !== 'string' || value.length < 10) return null;
  return value.slice(0, 10);
}

/**
 * What the form must fix before sending, as the server would say it (field names as in its problems:
 * "payload.deadline", "reason", "at"). `now` refuses steps dated in the future.
 */
export function validateStep(spec: StepSpec, values: StepValues, at: string | null, reason: string, now: Date): StepProblem[] {
  const problems: StepProblem[] = [];
  const atIso = beijingWallToIso(at);
  if (!atIso) problems.push({ field: 'at', messageKey: 'steps.error.atRequired' });
  else if (Date.parse(atIso) > now.getTime() + 60_000) problems.push({ field: 'at', messageKey: 'steps.error.atFuture' });
  for (const field of spec.fields) {
    if (!fieldShown(field, values)) continue;
    const value = values[field.key];
    const name = `payload.${field.key}`;
    if (field.required && (isEmpty(value) || (field.kind === 'text' && typeof value === 'string' && value.trim() === ''))) {
      problems.push({ field: name, messageKey: 'steps.error.required' });
      continue;
    }
    if (field.kind === 'tags' && field.min && Array.isArray(value) && value.length < field.min) {
      problems.push({ field: name, messageKey: 'steps.error.atLeast', params: { n: field.min } });
    }
    if (field.after) {
      const day = dayOf(value);
      const start = dayOf(values[field.after]);
      if (day && start && day <= start) problems.push({ field: name, messageKey: 'steps.error.after' });
    }
    if (field.kind === 'datetime' && typeof value === 'string' && value) {
      const iso = beijingWallToIso(value);
      if (iso && Date.parse(iso) > now.getTime() + 60_000) problems.push({ field: name, messageKey: 'steps.error.atFuture' });
    }
  }
  if (reasonRequired(spec, values) && reason.replace(/[\s\u3000]/g, '') === '') {
    problems.push({ field: 'reason', messageKey: 'steps.error.reasonRequired' });
  }
  return problems;
}

/** The JSON body of POST /cases/{id}/steps for a filled-in form. */
export function buildStepRequest(
  spec: StepSpec,
  values: StepValues,
  options: { at: string | null; reason: string; expectedVersion?: number },
): StepRequest {
  const payload: Record<string, unknown> = {};
  for (const field of spec.fields) {
    if (!fieldShown(field, values)) continue;
    const value = values[field.key];
    switch (field.kind) {
      case 'switch':
        payload[field.key] = value === true;
        break;
      case 'datetime': {
        const iso = typeof value === 'string' ? beijingWallToIso(value) : null;
        if (iso) payload[field.key] = iso;
        break;
      }
      case 'date':
        if (typeof value === 'string' && value) payload[field.key] = value.slice(0, 10);
        break;
      case 'tags':
        payload[field.key] = (Array.isArray(value) ? value : []).map((item) => item.trim()).filter((item) => item !== '');
        break;
      case 'checkboxes': {
        const chosen = new Set(Array.isArray(value) ? value : []);
        const flags: Record<string, boolean> = {};
        for (const option of field.options ?? []) flags[option.value] = chosen.has(option.value);
        payload[field.key] = flags;
        break;
      }
      case 'text':
        if (typeof value === 'string' && value.trim()) payload[field.key] = value.trim();
        break;
      default:
        if (typeof value === 'string' && value) payload[field.key] = value;
    }
  }
  const request: StepRequest = { event: spec.event };
  const at = beijingWallToIso(options.at);
  if (at) request.at = at;
  const reason = options.reason.trim();
  if (reason) request.reason = reason;
  if (options.expectedVersion !== undefined) request.expected_version = options.expectedVersion;
  if (spec.fields.length > 0) request.payload = payload;
  return request;
}
