import { describe, expect, it } from 'vitest';
import { auditSearchForm, auditSearchParams, auditSearchQuery, emptyAuditSearch, emptyLoginSearch, LOGIN_SEARCH_KEYS, loginSearchForm, loginSearchParams, loginSearchQuery, searchParams } from '@/views/audit/logSearch';

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

describe('log searches in the address bar', () => {
  it('reads an audit search back into the form it came from', () => {
    const form = { caseNo: 'WL-2026-00001', actor: '张', action: '', body: 'police', days: ['2026-11-01', '2026-11-30'] as [string, string] };
    const params = auditSearchParams(form);
    expect(params).toEqual({ case_no: 'WL-2026-00001', actor: '张', action: '', body: 'police', from: '2026-11-01', to: '2026-11-30' });
    expect(auditSearchForm(params)).toEqual(form);
  });

  it('reads a login search back, result included, and ignores half a day range', () => {
    expect(loginSearchForm(searchParams(LOGIN_SEARCH_KEYS, { success: 'false', from: '2026-11-01', username: 'li' }))).toEqual({
      user: 'li',
      result: 'failure',
      days: null,
      address: '',
    });
    expect(loginSearchParams(emptyLoginSearch())).toEqual({ username: '', success: '', from: '', to: '', client_address: '' });
  });
});
