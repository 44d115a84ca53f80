import { describe, expect, it } from 'vitest';
import { inboxTarget, inboxTone, INBOX_KINDS } from '@/utils/inboxTarget';
import zhCN from '@/locales/zh-CN';

describe('inbox notifications', () => {
  it('lead to the case they name, or to the ledger or meetings they are about', () => {
    expect(inboxTarget({ kind: 'case_step', case_id: 7 })).toEqual({ name: 'CaseDetail', params: { id: '7' } });
    expect(inboxTarget({ kind: 'risk_review_due', case_id: 7 })).toEqual({ name: 'RiskList' });
    expect(inboxTarget({ kind: 'action_item_overdue', case_id: null })).toEqual({ name: 'MeetingList' });
    expect(inboxTarget({ kind: 'case_step', case_id: null })).toBeNull();
    expect(inboxTarget({ kind: 'bulletin_announcement', case_id: null })).toEqual({ name: 'Announcements' });
  });

  it('colour what is overdue or major red, what is assigned or due amber', () => {
    expect(inboxTone('clock_overdue')).toBe('danger');
    expect(inboxTone('risk_major')).toBe('danger');
    expect(inboxTone('risk_review_due')).toBe('warning');
    expect(inboxTone('action_item_assigned')).toBe('warning');
    expect(inboxTone('case_step')).toBe('primary');
  });

  it('names every kind the server sends', () => {
    for (const kind of INBOX_KINDS) expect(zhCN.inbox.kind[kind]).toBeTruthy();
  });
});
