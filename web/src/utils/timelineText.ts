// Facts from a timeline event's payload as "label: value" pairs (the deadline of an order, the case
// group's members …). Only keys known here are shown; codes are translated, instants in Beijing time.
import type { TimelineEvent } from '@/api/cases';
import { formatDate, formatDateTime } from './datetime';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Has = (key: string) => boolean;

interface FactRule {
  labelKey: string;
  /** i18n prefix of the value's code (steps.service.posted_at_premises …). */
  codes?: string;
  kind?: 'instant' | 'date' | 'bool' | 'list' | 'text' | 'flags';
}

const RULES: Record<string, FactRule> = {
  channel: { labelKey: 'timeline.fact.channel', codes: 'channel' },
  workers: { labelKey: 'timeline.fact.workers', kind: 'text' },
  document: { labelKey: 'steps.field.document', codes: 'steps.document' },
  deadline: { labelKey: 'steps.field.deadline', kind: 'date' },
  service: { labelKey: 'steps.field.service', codes: 'steps.service' },
  served_at: { labelKey: 'steps.field.servedAt', kind: 'instant' },
  service_evidence_recorded: { labelKey: 'steps.field.serviceEvidence', kind: 'bool' },
  outcome: { labelKey: 'steps.field.outcome', codes: 'steps.outcome' },
  recommendation: { labelKey: 'steps.field.recommendation', codes: 'assessment.recommendation' },
  amount_threshold_met: { labelKey: 'steps.field.amountThresholdMet', kind: 'bool' },
  // Recorded by login name; the server adds officer_names, which is what people read.
  officer_names: { labelKey: 'timeline.fact.officers', kind: 'list' },
  copy_to_procuratorate: { labelKey: 'steps.field.copyToProcuratorate', kind: 'bool' },
  items: { labelKey: 'steps.field.missingItems', kind: 'list' },
  reply_due: { labelKey: 'steps.field.replyDue', kind: 'date' },
  to_procuratorate: { labelKey: 'steps.field.toProcuratorate', kind: 'bool' },
  to_police: { labelKey: 'steps.field.toPolice', kind: 'bool' },
  ground: { labelKey: 'steps.field.interventionGround', codes: 'steps.ground' },
  aspect: { labelKey: 'steps.field.opinionAspect', codes: 'steps.aspect' },
  findings: { labelKey: 'steps.field.maliciousFindings', codes: 'steps.findings', kind: 'flags' },
  handling: { labelKey: 'steps.field.maliciousHandling', codes: 'steps.handling' },
  penalty: { labelKey: 'steps.field.penalty', kind: 'text' },
  charge: { labelKey: 'steps.field.charge', kind: 'text' },
};

export interface Fact {
  label: string;
  value: string;
}

export function timelinePayloadFacts(event: Pick<TimelineEvent, 'payload'>, t: Translate, has: Has): Fact[] {
  const payload = event.payload ?? {};
  const facts: Fact[] = [];
  for (const [key, raw] of Object.entries(payload)) {
    const rule = RULES[key];
    if (!rule || raw === null || raw === undefined || raw === '') continue;
    let value: string;
    if (rule.kind === 'flags' && typeof raw === 'object' && !Array.isArray(raw)) {
      // {"forged_records": true, ...}: the ticked items, named.
      const ticked = Object.entries(raw as Record<string, unknown>).filter(([, on]) => on === true);
      if (ticked.length === 0) continue;
      value = ticked.map(([code]) => (has(`${rule.codes}.${code}`) ? t(`${rule.codes}.${code}`) : code)).join('、');
    } else if (rule.codes && typeof raw === 'string') value = has(`${rule.codes}.${raw}`) ? t(`${rule.codes}.${raw}`) : raw;
    else if (rule.kind === 'instant' && typeof raw === 'string') value = formatDateTime(raw, false);
    // Civil dates are written for the reader; anything else the server wrote there is shown as is.
    else if (rule.kind === 'date' && typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) value = formatDate(raw);
    else if (rule.kind === 'bool') value = raw === true ? t('common.yes') : t('common.no');
    else if (rule.kind === 'list' && Array.isArray(raw)) value = raw.map(String).join('、');
    else value = String(raw);
    facts.push({ label: t(rule.labelKey), value });
  }
  return facts;
}
