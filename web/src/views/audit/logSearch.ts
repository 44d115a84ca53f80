import type { Query } from '@/api/http';

/** A Beijing day range from the date-range picker (value-format YYYY-MM-DD), or none. */
export type DayRange = [string, string] | null;

/** The audit page's search form as people fill it in. */
export interface AuditSearchForm {
  caseNo: string;
  actor: string;
  action: string;
  body: string;
  days: DayRange;
}

/** The login log page's search form. */
export interface LoginSearchForm {
  user: string;
  result: '' | 'success' | 'failure';
  days: DayRange;
  address: string;
}

export const emptyAuditSearch = (): AuditSearchForm => ({ caseNo: '', actor: '', action: '', body: '', days: null });
export const emptyLoginSearch = (): LoginSearchForm => ({ user: '', result: '', days: null, address: '' });

/** Only what was filled in, trimmed: an empty part is no condition at all. */
function filled(parts: Record<string, string | undefined>): Query {
  const query: Query = {};
  for (const [key, value] of Object.entries(parts)) {
    const text = value?.trim();
    if (text) query[key] = text;
  }
  return query;
}

/** The query of GET /audit and /audit/export.csv for this form. */
export function auditSearchQuery(form: AuditSearchForm): Query {
  return filled({
    case_no: form.caseNo.toUpperCase(),
    actor: form.actor,
    action: form.action,
    body: form.body,
    from: form.days?.[0],
    to: form.days?.[1],
  });
}

/** The query of GET /security/login-log and its export for this form. */
export function loginSearchQuery(form: LoginSearchForm): Query {
  const success = form.result === 'success' ? 'true' : form.result === 'failure' ? 'false' : '';
  return filled({
    username: form.user,
    success,
    from: form.days?.[0],
    to: form.days?.[1],
    client_address: form.address,
  });
}

/** A search as it stands in the address bar and as the list applies it: every key, '' when unset. */
export type SearchParams<K extends string> = Record<K, string>;

export const AUDIT_SEARCH_KEYS = ['case_no', 'actor', 'action', 'body', 'from', 'to'] as const;
export const LOGIN_SEARCH_KEYS = ['username', 'success', 'from', 'to', 'client_address'] as const;

/** Every key of `keys`, taken from a query, '' where absent. */
export function searchParams<K extends string>(keys: readonly K[], query: Query = {}): SearchParams<K> {
  return Object.fromEntries(
    keys.map((key) => {
      const value = query[key];
      return [key, typeof value === 'string' ? value : ''];
    }),
  ) as SearchParams<K>;
}

function dayRange(from: string, to: string): DayRange {
  return from && to ? [from, to] : null;
}

/** The audit form for a search read back from the address bar (the inverse of auditSearchQuery). */
export function auditSearchForm(params: SearchParams<(typeof AUDIT_SEARCH_KEYS)[number]>): AuditSearchForm {
  return { caseNo: params.case_no, actor: params.actor, action: params.action, body: params.body, days: dayRange(params.from, params.to) };
}

/** The login log form for a search read back from the address bar. */
export function loginSearchForm(params: SearchParams<(typeof LOGIN_SEARCH_KEYS)[number]>): LoginSearchForm {
  const result = params.success === 'true' ? 'success' : params.success === 'false' ? 'failure' : '';
  return { user: params.username, result, days: dayRange(params.from, params.to), address: params.client_address };
}

/** The audit form as the full set of search parameters ('' where not filled in). */
export function auditSearchParams(form: AuditSearchForm): SearchParams<(typeof AUDIT_SEARCH_KEYS)[number]> {
  return searchParams(AUDIT_SEARCH_KEYS, auditSearchQuery(form));
}

/** The login log form as the full set of search parameters. */
export function loginSearchParams(form: LoginSearchForm): SearchParams<(typeof LOGIN_SEARCH_KEYS)[number]> {
  return searchParams(LOGIN_SEARCH_KEYS, loginSearchQuery(form));
}
