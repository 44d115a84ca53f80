import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '@/api/cases';
import type { StepCatalogue } from '@/api/reference';
import zhCN from '@/locales/zh-CN';
import en from '@/locales/en';
import {
  buildStepRequest,
  reasonRequired,
  stepDefaults,
  stepSpec as specOf,
  validateStep,
  type StepValues,
} from '@/utils/caseSteps';
// What GET /api/v1/reference/case-steps serves. Written by the server, never by hand:
// tests/api/step_forms_test.cpp fails when it differs from the server's catalogue and says how to
// rewrite it, so these tests always run against the server's real rules.
import served from '../fixtures/case-steps.json';

const catalogue = served as StepCatalogue;
const stepSpec = (event: string) => specOf(event, catalogue);

// The payloads are those the server's API test walks S1 with (tests/api/case_test.cpp), entered as
// Beijing wall times in the dialog.
const now = new Date('2025-12-22T02:00:00Z');
const detail = {
  assessment: {
    recommendation: 'transfer',
    amount_threshold: { met: true },
  },
  outstanding: { fen: 18640000, yuan: '186400.00' },
  transfer_package: [],
} as unknown as Pick<CaseDetail, 'assessment' | 'outstanding' | 'transfer_package'>;

describe('step forms → POST /cases/{id}/steps bodies', () => {
  it('issue_order: document, deadline, service, served_at and evidence, with at in UTC', () => {
    const spec = stepSpec('issue_order');
    const values = {
      ...stepDefaults(spec, detail, { now, username: 'handler' }),
      document: 'rectification_order',
      deadline: '2025-12-10',
      service: 'posted_at_premises',
      served_at: '2025-12-05 16:00:00',
      service_evidence_recorded: true,
    };
    expect(validateStep(spec, values, '2025-12-05 16:00:00', '', now)).toEqual([]);
    expect(buildStepRequest(spec, values, { at: '2025-12-05 16:00:00', reason: '', expectedVersion: 2 })).toEqual({
      event: 'issue_order',
      at: '2025-12-05T08:00:00Z',
      expected_version: 2,
      payload: {
        document: 'rectification_order',
        addressee: 'employer',
        deadline: '2025-12-10',
        service: 'posted_at_premises',
        served_at: '2025-12-05T08:00:00Z',
        service_evidence_recorded: true,
      },
    });
  });

  it('issue_order: the deadline must fall after the day of service', () => {
    const spec = stepSpec('issue_order');
    const values = {
      document: 'rectification_order',
      addressee: 'employer',
      deadline: '2025-12-05',
      service: 'served',
      served_at: '2025-12-05 10:00:00',
      service_evidence_recorded: false,
    };
    expect(validateStep(spec, values, '2025-12-05 10:00:00', '', now)).toEqual([{ field: 'payload.deadline', messageKey: 'steps.error.after' }]);
  });

  it('record_order_outcome and complete_screening prefilled from the assessment', () => {
    expect(
      buildStepRequest(stepSpec('record_order_outcome'), { outcome: 'unpaid_after_deadline' }, { at: '2025-12-11 09:00:00', reason: '' }),
    ).toEqual({ event: 'record_order_outcome', at: '2025-12-11T01:00:00Z', payload: { outcome: 'unpaid_after_deadline' } });

    const screening = stepSpec('complete_screening');
    const values = stepDefaults(screening, detail, { now, username: 'handler' });
    // The platform's own assessment decides the 有案不移 watch; the form only carries the conclusion.
    expect(values).toEqual({ recommendation: 'transfer' });
    expect(buildStepRequest(screening, values, { at: '2025-12-11 10:00:00', reason: '' }).payload).toEqual({
      recommendation: 'transfer',
    });
  });

  it('form_case_group: at least two officers, starting with me', () => {
    const spec = stepSpec('form_case_group');
    const values = stepDefaults(spec, detail, { now, username: 'handler' });
    expect(values.officers).toEqual(['handler']);
    expect(validateStep(spec, values, '2025-12-11 10:30:00', '', now)).toEqual([
      { field: 'payload.officers', messageKey: 'steps.error.atLeast', params: { n: 2 } },
    ]);
    values.officers = ['handler', ' handler2 '];
    expect(buildStepRequest(spec, values, { at: '2025-12-11 10:30:00', reason: '' }).payload).toEqual({ officers: ['handler', 'handler2'] });
  });

  it('send_transfer copies the procuratorate by default; steps without payload send none', () => {
    const spec = stepSpec('send_transfer');
    const values = stepDefaults(spec, detail, { now, username: 'handler' });
    expect(buildStepRequest(spec, values, { at: '2025-12-12 15:00:00', reason: '' })).toEqual({
      event: 'send_transfer',
      at: '2025-12-12T07:00:00Z',
      payload: { copy_to_procuratorate: true },
    });
    expect(buildStepRequest(stepSpec('sign_receipt'), {}, { at: '2025-12-12 16:00:00', reason: ' ' })).toEqual({
      event: 'sign_receipt',
      at: '2025-12-12T08:00:00Z',
    });
  });

  it('record_civil_step sends every green-channel flag', () => {
    const spec = stepSpec('record_civil_step');
    const body = buildStepRequest(spec, { kind: 'litigation', green_channel: ['priority_trial', 'priority_execution'] }, { at: '2026-01-05 09:00:00', reason: '' });
    expect(body.payload).toEqual({
      kind: 'litigation',
      green_channel: {
        priority_mediation: false,
        priority_acceptance: false,
        priority_filing: false,
        priority_trial: true,
        priority_execution: true,
      },
    });
  });

  it('asks for a reason where the server requires one', () => {
    expect(stepSpec('decline_filing').reason).toBe('required');
    expect(stepSpec('decline_filing').tone).toBe('danger');
    expect(stepSpec('accept_complaint').reason).toBe('optional');
    const reconsideration = stepSpec('decide_reconsideration');
    expect(reasonRequired(reconsideration, { result: 'reversed' })).toBe(false);
    expect(reasonRequired(reconsideration, { result: 'upheld' })).toBe(true);
    expect(reasonRequired(stepSpec('close_case'), { reason: 'other' })).toBe(true);
    expect(reasonRequired(stepSpec('decide_prosecution'), { decision: 'not_prosecute' })).toBe(true);
    expect(validateStep(stepSpec('refuse_complaint'), {}, '2025-12-02 09:00:00', '\u3000 ', now)).toEqual([
      { field: 'reason', messageKey: 'steps.error.reasonRequired' },
    ]);
    const body = buildStepRequest(stepSpec('decline_filing'), {}, { at: '2025-12-13 09:00:00', reason: '  民事纠纷 ' });
    expect(body).toEqual({ event: 'decline_filing', at: '2025-12-13T01:00:00Z', reason: '民事纠纷' });
  });

  it('decide_prosecution needs a reason only for not prosecuting; legal aid only when refused', () => {
    const prosecution = stepSpec('decide_prosecution');
    expect(reasonRequired(prosecution, { decision: 'prosecute' })).toBe(false);
    expect(reasonRequired(prosecution, { decision: 'not_prosecute' })).toBe(true);
    expect(reasonRequired(stepSpec('decide_legal_aid'), { decision: 'refused' })).toBe(true);
    expect(reasonRequired(stepSpec('decide_legal_aid'), { decision: 'granted' })).toBe(false);
    expect(reasonRequired(stepSpec('conclude_investigation'), { result: 'case_withdrawn' })).toBe(true);
  });

  it('issue_order takes its rules from the server: required fields, the deadline after service, the default addressee', () => {
    const spec = stepSpec('issue_order');
    const byKey = Object.fromEntries(spec.fields.map((f) => [f.key, f]));
    expect(Object.keys(byKey).sort()).toEqual(['addressee', 'deadline', 'document', 'served_at', 'service', 'service_evidence_recorded']);
    expect(byKey.deadline).toMatchObject({ kind: 'date', required: true, after: 'served_at', labelKey: 'steps.field.deadline' });
    expect(byKey.addressee.defaultValue).toBe('employer');
    expect(byKey.addressee.options?.map((o) => o.value)).toContain('general_contractor');
    expect(byKey.service.options?.find((o) => o.value === 'posted_at_premises')?.labelKey).toBe('steps.service.posted_at_premises');
    const values = stepDefaults(spec, detail, { now, username: 'handler' });
    expect(validateStep(spec, { ...values, deadline: null }, '2025-12-05 10:00:00', '', now)).toContainEqual({
      field: 'payload.deadline',
      messageKey: 'steps.error.required',
    });
  });

  it('free text is held to the bytes the server counts', () => {
    const spec = stepSpec('decide_malicious_claim');
    const penalty = spec.fields.find((f) => f.key === 'penalty');
    expect(penalty?.maxBytes).toBe(1000);
    // The input stops at a length that Chinese text (3 bytes a character) cannot push past the limit.
    expect(penalty?.maxLength).toBe(333);
    const values: StepValues = { handling: 'public_order_penalty', penalty: '拘'.repeat(334) };
    expect(validateStep(spec, values, '2025-12-20 10:00:00', '', now)).toEqual([
      { field: 'payload.penalty', messageKey: 'steps.error.tooLong', params: { n: 1000 } },
    ]);
    values.penalty = '拘'.repeat(333);
    expect(validateStep(spec, values, '2025-12-20 10:00:00', '', now)).toEqual([]);
  });

  it('names every field and option the server sends in both languages', () => {
    const has = (messages: unknown, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    const missing: string[] = [];
    for (const step of catalogue.steps) {
      const spec = stepSpec(step.event);
      expect(spec.fields.map((f) => f.key)).toEqual(step.fields.map((f) => f.key));
      for (const field of spec.fields) {
        const keys = [field.labelKey, ...(field.hintKey ? [field.hintKey] : []), ...(field.options ?? []).map((o) => o.labelKey)];
        for (const key of keys) {
          if (typeof has(zhCN, key) !== 'string' || typeof has(en, key) !== 'string') missing.push(`${step.event}.${field.key}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('refuses a step dated in the future and unknown steps still get a form', () => {
    expect(validateStep(stepSpec('accept_complaint'), {}, '2030-01-01 08:00:00', '', now)).toEqual([
      { field: 'at', messageKey: 'steps.error.atFuture' },
    ]);
    expect(validateStep(stepSpec('accept_complaint'), {}, '', '', now)[0].field).toBe('at');
    const unknown = stepSpec('teleport');
    expect(unknown.fields).toEqual([]);
    expect(unknown.reason).toBe('optional');
    expect(unknown.tone).toBe('default');
    // Before the catalogue has loaded, a known step also falls back to time and an optional reason.
    expect(specOf('decline_filing', null)).toMatchObject({ fields: [], reason: 'optional' });
  });

  it('close_case proposes workers_paid only when nothing is outstanding', () => {
    const spec = stepSpec('close_case');
    expect(stepDefaults(spec, detail, { now, username: 'x' }).reason).toBeNull();
    const paid = { ...detail, outstanding: { fen: 0, yuan: '0.00' } };
    expect(stepDefaults(spec, paid, { now, username: 'x' }).reason).toBe('workers_paid');
  });

  it('join_early_intervention: the ground is the request of labour inspection when there is one, else the own view', () => {
    const spec = stepSpec('join_early_intervention');
    expect(reasonRequired(spec, {})).toBe(true);
    const ground = (early_intervention: string) =>
      stepDefaults(spec, { ...detail, progress: { early_intervention } } as unknown as CaseDetail, { now, username: 'prosecutor' }).ground;
    expect(ground('requested')).toBe('agency_request');
    expect(ground('none')).toBe('own_initiative');
    expect(ground('ended')).toBe('own_initiative');
    const body = buildStepRequest(spec, { ground: 'own_initiative' }, { at: '2025-12-11 10:00:00', reason: '涉案人数众多，性质疑难' });
    expect(body).toEqual({
      event: 'join_early_intervention',
      at: '2025-12-11T02:00:00Z',
      reason: '涉案人数众多，性质疑难',
      payload: { ground: 'own_initiative' },
    });
  });

  it('give_intervention_opinion: the kind is chosen and the opinion text is required', () => {
    const spec = stepSpec('give_intervention_opinion');
    const values = stepDefaults(spec, detail, { now, username: 'prosecutor' });
    expect(validateStep(spec, values, '2025-12-11 10:00:00', '', now)).toEqual([
      { field: 'payload.aspect', messageKey: 'steps.error.required' },
      { field: 'reason', messageKey: 'steps.error.reasonRequired' },
    ]);
    expect(buildStepRequest(spec, { aspect: 'evidence' }, { at: '2025-12-11 10:00:00', reason: '调取银行流水' }).payload).toEqual({
      aspect: 'evidence',
    });
  });

  it('refer_malicious_claim sends every finding as a flag', () => {
    const spec = stepSpec('refer_malicious_claim');
    expect(spec.tone).toBe('danger');
    const body = buildStepRequest(spec, { findings: ['no_arrears', 'forged_records'] }, { at: '2025-12-20 09:00:00', reason: '考勤表系伪造' });
    expect(body.payload).toEqual({
      findings: { no_arrears: true, forged_records: true, blocking_offices: false, other_disorder: false },
    });
  });

  it('decide_malicious_claim asks only for the fact of the chosen outcome, and reasons for no action', () => {
    const spec = stepSpec('decide_malicious_claim');
    const values: StepValues = { ...stepDefaults(spec, detail, { now, username: 'police' }), handling: 'public_order_penalty' };
    expect(validateStep(spec, values, '2025-12-20 10:00:00', '', now)).toEqual([{ field: 'payload.penalty', messageKey: 'steps.error.required' }]);
    values.penalty = '  行政拘留十日 ';
    values.charge = '不应发送';
    expect(buildStepRequest(spec, values, { at: '2025-12-20 10:00:00', reason: '' }).payload).toEqual({
      handling: 'public_order_penalty',
      penalty: '行政拘留十日',
    });
    const criminal = { ...values, handling: 'criminal_case', charge: '' };
    expect(validateStep(spec, criminal, '2025-12-20 10:00:00', '', now)).toEqual([{ field: 'payload.charge', messageKey: 'steps.error.required' }]);
    const none = { ...values, handling: 'no_action' };
    expect(reasonRequired(spec, none)).toBe(true);
    expect(buildStepRequest(spec, none, { at: '2025-12-20 10:00:00', reason: '情节轻微' }).payload).toEqual({ handling: 'no_action' });
  });
});
