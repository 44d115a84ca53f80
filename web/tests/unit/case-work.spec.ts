import { describe, expect, it } from 'vitest';
import type { CaseClock, CaseDetail, CaseSummary } from '@/api/cases';
import { BODY_WORK_STATES, CASE_STATES, casePhase, clockTagType, liveClockStatus } from '@/utils/caseMeta';
import { collectOpenClocks, mergeCasePages } from '@/utils/caseWork';
import { timelinePayloadFacts } from '@/utils/timelineText';
import zhCN from '@/locales/zh-CN';

const summary = (id: number, updated: string) => ({ id, updated_at: updated }) as CaseSummary;
const clock = (id: number, rule: string, due: string, responsible: string, supervisor: string, stopped: string | null = null) =>
  ({ id, rule_id: rule, due_at: due, responsible_body: responsible, supervisor_body: supervisor, stopped_at: stopped, status: stopped ? 'met' : 'running', uncertain: false }) as CaseClock;

describe('workbench case work', () => {
  it('merges per-state pages once each, most recent first, with the summed total', () => {
    const merged = mergeCasePages([
      { items: [summary(1, '2025-12-01T00:00:00Z'), summary(2, '2025-12-05T00:00:00Z')], total: 2, page: 1, page_size: 20 },
      { items: [summary(3, '2025-12-03T00:00:00Z'), summary(2, '2025-12-05T00:00:00Z')], total: 7, page: 1, page_size: 20 },
    ]);
    expect(merged.items.map((c) => c.id)).toEqual([2, 3, 1]);
    expect(merged.total).toBe(9);
  });

  it('collects the open clocks the body must meet or supervises, soonest first', () => {
    const details = [
      { id: 1, case_no: 'WL-1', title: 't', project_name: 'p1', clocks: [clock(1, 'L11', '2025-12-15T16:00:00Z', 'police', 'procuratorate'), clock(2, 'L01', '2025-12-08T16:00:00Z', 'hrss', 'wage_office', '2025-12-01T03:00:00Z')] },
      { id: 2, case_no: 'WL-2', title: 't', project_name: '', clocks: [clock(3, 'L07', '2025-12-13T02:00:00Z', 'hrss', 'procuratorate')] },
    ] as unknown as CaseDetail[];
    expect(collectOpenClocks(details, 'procuratorate').map((w) => [w.clock.rule_id, w.role])).toEqual([
      ['L07', 'supervisor'],
      ['L11', 'supervisor'],
    ]);
    expect(collectOpenClocks(details, 'police').map((w) => w.clock.rule_id)).toEqual(['L11']);
    expect(collectOpenClocks(details, 'leadership', true)).toHaveLength(2);
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

  it('names every state in Chinese and gives each body states from the chain', () => {
    for (const state of CASE_STATES) expect(zhCN.caseState[state], state).toBeTruthy();
    for (const states of Object.values(BODY_WORK_STATES)) for (const s of states) expect(CASE_STATES).toContain(s);
    expect(casePhase('police_reviewing')).toBe('police');
    expect(casePhase('closed_paid')).toBe('closed');
  });

  it('shows timeline payload facts in words', () => {
    const facts = timelinePayloadFacts(
      { payload: { deadline: '2025-12-10', served_at: '2025-12-05T08:00:00Z', officers: ['handler', 'handler2'], copy_to_procuratorate: true, ignored: 1 } },
      (key) => key,
      () => false,
    );
    expect(facts).toEqual([
      { label: 'steps.field.deadline', value: '2025-12-10' },
      { label: 'steps.field.servedAt', value: '2025-12-05 16:00' },
      { label: 'timeline.fact.officers', value: 'handler、handler2' },
      { label: 'steps.field.copyToProcuratorate', value: 'common.yes' },
    ]);
  });
});
