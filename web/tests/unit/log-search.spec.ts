import { describe, expect, it } from 'vitest';
import { auditSearchQuery, emptyAuditSearch, emptyLoginSearch, loginSearchQuery } from '@/views/audit/logSearch';

describe('log search forms → the query the server reads', () => {
  it('an empty audit form asks for everything', () => {
    expect(auditSearchQuery(emptyAuditSearch())).toEqual({});
  });

  it('sends only what was filled in, trimmed, with the day range as from/to', () => {
    const query = auditSearchQuery({
      caseNo: ' wl-2025-00001 ',
      actor: ' 李承办',
      action: 'case.create',
      body: '',
      days: ['2025-12-22', '2025-12-23'],
    });
    expect(query).toEqual({ case_no: 'WL-2025-00001', actor: '李承办', action: 'case.create', from: '2025-12-22', to: '2025-12-23' });
  });

  it('a blank-only part is no condition', () => {
    expect(auditSearchQuery({ ...emptyAuditSearch(), actor: '   ', body: 'police' })).toEqual({ body: 'police' });
  });

  it('the login form names the result as the server expects it', () => {
    expect(loginSearchQuery(emptyLoginSearch())).toEqual({});
    expect(loginSearchQuery({ ...emptyLoginSearch(), result: 'failure' })).toEqual({ success: 'false' });
    expect(loginSearchQuery({ user: 'handler', result: 'success', days: ['2026-01-01', '2026-01-31'], address: ' 10.1.' })).toEqual({
      username: 'handler',
      success: 'true',
      from: '2026-01-01',
      to: '2026-01-31',
      client_address: '10.1.',
    });
  });
});
