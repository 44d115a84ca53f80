import { describe, expect, it } from 'vitest';
import type { CaseClock, CasePayment } from '@/api/cases';
import { CASE_STATES, casePhase, clockTagType, liveClockStatus, newestPaymentsFirst } from '@/utils/caseMeta';
import { landingPath } from '@/router/landing';
import { timelinePayloadFacts } from '@/utils/timelineText';
import zhCN from '@/locales/zh-CN';

const clock = (id: number, rule: string, due: string, responsible: string, supervisor: string, stopped: string | null = null) =>
  ({ id, rule_id: rule, due_at: due, responsible_body: responsible, supervisor_body: supervisor, stopped_at: stopped, status: stopped ? 'met' : 'running', uncertain: false }) as CaseClock;

describe('workbench case work', () => {
  it('lands the leader on the dashboard and everyone else on the workbench', () => {
    expect(landingPath(['leader'])).toBe('/dashboard');
    expect(landingPath(['case_handler'])).toBe('/workbench');
    expect(landingPath(['prosecutor'])).toBe('/workbench');
  });

  it('turns an open clock overdue the moment it falls due', () => {
    const c = clock(1, 'L11', '2025-12-15T16:00:00Z', 'police', 'procuratorate');
    expect(liveClockStatus(c, Date.parse('2025-12-15T15:59:59Z'))).toBe('running');
    expect(liveClockStatus(c, Date.parse('2025-12-15T16:00:01Z'))).toBe('overdue');
    expect(liveClockStatus({ ...c, stopped_at: '2025-12-15T02:00:00Z', status: 'met' }, Date.now())).toBe('met');
    expect(clockTagType('met')).toBe('success');
    expect(clockTagType('overdue')).toBe('danger');
    expect(clockTagType('met_late')).toBe('warning');
  });

  it('lists payments newest first, a later record first on the same day, without reordering the case', () => {
    const payment = (id: number, paid_on: string) => ({ id, paid_on, payer: 'employer' }) as CasePayment;
    const payments = [payment(1, '2026-03-01'), payment(3, '2026-02-01'), payment(2, '2026-03-01')];
    expect(newestPaymentsFirst(payments).map((p) => p.id)).toEqual([2, 1, 3]);
    expect(payments.map((p) => p.id)).toEqual([1, 3, 2]);
  });

  it('names every state in Chinese', () => {
    for (const state of CASE_STATES) expect(zhCN.caseState[state], state).toBeTruthy();
    expect(casePhase('police_reviewing')).toBe('police');
    expect(casePhase('closed_paid')).toBe('closed');
  });

  it('shows timeline payload facts in words, the case group by name (never its login names)', () => {
    const facts = timelinePayloadFacts(
      {
        payload: {
          deadline: '2025-12-10',
          served_at: '2025-12-05T08:00:00Z',
          officers: ['handler', 'handler2'],
          officer_names: ['李承办', '王协办'],
          copy_to_procuratorate: true,
          ignored: 1,
        },
      },
      (key) => key,
      () => false,
    );
    expect(facts).toEqual([
      { label: 'steps.field.deadline', value: '2025年12月10日' },
      { label: 'steps.field.servedAt', value: '2025年12月5日 16:00' },
      { label: 'timeline.fact.officers', value: '李承办、王协办' },
      { label: 'steps.field.copyToProcuratorate', value: 'common.yes' },
    ]);
  });
});
