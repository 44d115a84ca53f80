// The steps of the mechanism as forms. The server owns every rule — which fields a step's payload
// takes, what each needs, when a reason is required, the tone — and sends them in its catalogue
// (GET /reference/case-steps, src/domain/case_step_forms.h; loaded by store/stepForms.ts). This file
// only turns a catalogue entry into a form: the i18n keys that name fields and options, what to
// prefill from the case, the checks the catalogue states, and the request body.
// Pure functions, no Vue: the dialog renders a StepSpec and unit tests check the payloads.
import type { CaseDetail, StepRequest } from '@/api/cases';
import type { FieldCondition, StepCatalogue, StepFieldDef, StepFormDef } from '@/api/reference';
import { beijingToday, beijingWallToIso, toBeijingWall } from './datetime';

export type StepFieldKind = 'radio' | 'select' | 'date' | 'datetime' | 'switch' | 'tags' | 'checkboxes' | 'text';

export interface StepOption {
  value: string;
  /** i18n key of the option label. */
  labelKey: string;
}

export interface StepField {
  /** Payload key. */
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
  shownWhen?: FieldCondition;
  /** For text and each tag: the most UTF-8 bytes the server accepts. */
  maxBytes?: number;
  /** For text: the most characters the input takes, so that even Chinese text stays within maxBytes. */
  maxLength?: number;
  /** What the server assumes when the field is absent; the form opens with it. */
  defaultValue?: string;
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

/** How a field is named in the locales: its label, hint and the prefix of its option labels. */
interface FieldText {
  label: string;
  hint?: string;
  options?: string;
}

// Display only: the i18n keys of each step's fields, by "event.key" (then by key alone). A field the
// server adds later is still rendered, labelled by its key and its options by their codes.
const FIELD_TEXT: Record<string, FieldText> = {
  'issue_order.document': { label: 'steps.field.document', options: 'steps.document' },
  'issue_order.served_at': { label: 'steps.field.servedAt' },
  'issue_order.addressee': { label: 'steps.field.addressee', hint: 'steps.hint.addressee', options: 'steps.addressee' },
  'issue_order.service': { label: 'steps.field.service', options: 'steps.service' },
  'issue_order.deadline': { label: 'steps.field.deadline', hint: 'steps.hint.deadline' },
  'issue_order.service_evidence_recorded': { label: 'steps.field.serviceEvidence', hint: 'steps.hint.serviceEvidence' },
  'record_order_outcome.outcome': { label: 'steps.field.outcome', options: 'steps.outcome' },
  'complete_screening.recommendation': {
    label: 'steps.field.recommendation',
    hint: 'steps.hint.recommendation',
    options: 'assessment.recommendation',
  },
  'send_consultation.to_procuratorate': { label: 'steps.field.toProcuratorate' },
  'send_consultation.to_police': { label: 'steps.field.toPolice' },
  'send_consultation.reply_due': { label: 'steps.field.replyDue' },
  'form_case_group.officers': { label: 'steps.field.officers', hint: 'steps.hint.officers' },
  'send_transfer.copy_to_procuratorate': { label: 'steps.field.copyToProcuratorate', hint: 'steps.hint.copyToProcuratorate' },
  'notify_incomplete_materials.items': { label: 'steps.field.missingItems', hint: 'steps.hint.missingItems' },
  'decide_reconsideration.result': { label: 'steps.field.reconsiderationResult', options: 'steps.reconsideration' },
  'conclude_investigation.result': { label: 'steps.field.investigationResult', options: 'steps.investigation' },
  'decide_prosecution.decision': { label: 'steps.field.prosecutionDecision', options: 'steps.prosecution' },
  'deliver_judgment.verdict': { label: 'steps.field.verdict', options: 'steps.verdict' },
  'decide_legal_aid.decision': { label: 'steps.field.legalAidDecision', options: 'steps.legalAid' },
  'record_civil_step.kind': { label: 'steps.field.civilKind', options: 'steps.civil' },
  'record_civil_step.green_channel': { label: 'steps.field.greenChannel', options: 'steps.green' },
  'close_case.reason': { label: 'steps.field.closeReason', options: 'steps.close' },
  'join_early_intervention.ground': {
    label: 'steps.field.interventionGround',
    hint: 'steps.hint.interventionGround',
    options: 'steps.ground',
  },
  'give_intervention_opinion.aspect': { label: 'steps.field.opinionAspect', options: 'steps.aspect' },
  'refer_malicious_claim.findings': {
    label: 'steps.field.maliciousFindings',
    hint: 'steps.hint.maliciousFindings',
    options: 'steps.findings',
  },
  'decide_malicious_claim.handling': { label: 'steps.field.maliciousHandling', options: 'steps.handling' },
  'decide_malicious_claim.penalty': { label: 'steps.field.penalty', hint: 'steps.hint.penalty' },
  'decide_malicious_claim.charge': { label: 'steps.field.charge', hint: 'steps.hint.charge' },
};

/** The i18n keys of a field: the label, the hint and the label of each option. */
export function fieldText(event: string, key: string): FieldText {
  return FIELD_TEXT[`${event}.${key}`] ?? { label: `steps.field.${key}`, options: `steps.${key}` };
}

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

const FIELD_KINDS: readonly string[] = ['radio', 'select', 'date', 'datetime', 'switch', 'tags', 'checkboxes', 'text'];

// A UTF-8 character takes at most 3 bytes per UTF-16 unit (4 bytes for a surrogate pair of 2 units).
const MAX_UTF8_BYTES_PER_UNIT = 3;

function toField(event: string, def: StepFieldDef): StepField {
  const text = fieldText(event, def.key);
  // An input kind this client does not know (a newer server) is entered as text; the server judges it.
  const kind = (FIELD_KINDS.includes(def.kind) ? def.kind : 'text') as StepFieldKind;
  const field: StepField = { key: def.key, kind, labelKey: text.label, required: def.required };
  if (text.hint) field.hintKey = text.hint;
  if (def.options) field.options = def.options.map((value) => ({ value, labelKey: `${text.options}.${value}` }));
  if (def.min_items) field.min = def.min_items;
  if (def.after) field.after = def.after;
  if (def.shown_when) field.shownWhen = def.shown_when;
  if (def.max_bytes) {
    field.maxBytes = def.max_bytes;
    if (kind === 'text') field.maxLength = Math.floor(def.max_bytes / MAX_UTF8_BYTES_PER_UNIT);
  }
  if (def.default !== undefined) field.defaultValue = def.default;
  return field;
}

function toReason(def: StepFormDef): StepSpec['reason'] {
  if (def.reason.rule === 'always') return 'required';
  const when = def.reason.when;
  if (def.reason.rule === 'when' && when) return (values) => values[when.key] === when.equals;
  return 'optional';
}

const TONES: Record<string, StepTone> = { refusal: 'danger', forward: 'primary' };

/** Whether the form asks for this field now (fields with `shownWhen` follow another field's value). */
export function fieldShown(field: StepField, values: StepValues): boolean {
  return !field.shownWhen || values[field.shownWhen.key] === field.shownWhen.equals;
}

/**
 * The form of one step from the server's catalogue. A step the catalogue does not list (not loaded
 * yet, or a newer server) still gets "at" and an optional reason; the server judges the rest.
 */
export function stepSpec(event: string, catalogue: StepCatalogue | null | undefined): StepSpec {
  const def = catalogue?.steps.find((step) => step.event === event);
  return {
    event,
    fields: def ? def.fields.map((field) => toField(event, field)) : [],
    reason: def ? toReason(def) : 'optional',
    reasonLabelKey: REASON_LABELS[event],
    tone: (def && TONES[def.tone]) ?? 'default',
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
    else values[field.key] = field.defaultValue ?? null;
  }
  switch (spec.event) {
    case 'issue_order':
      values.document = 'rectification_order';
      values.served_at = toBeijingWall(ctx.now);
      values.deadline = beijingToday(ctx.now, 7);
      break;
    case 'complete_screening': {
      const a = detail.assessment;
      const offered = spec.fields.find((field) => field.key === 'recommendation')?.options ?? [];
      if (a && offered.some((option) => option.value === a.recommendation)) values.recommendation = a.recommendation;
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

const utf8 = new TextEncoder();

/** Text, or any tag, longer than the server takes (it counts UTF-8 bytes, after trimming). */
function tooLong(value: StepValue | undefined, maxBytes: number): boolean {
  const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return texts.some((text) => utf8.encode(text.trim()).length > maxBytes);
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
    if (field.maxBytes && tooLong(value, field.maxBytes)) {
      problems.push({ field: name, messageKey: 'steps.error.tooLong', params: { n: field.maxBytes } });
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
