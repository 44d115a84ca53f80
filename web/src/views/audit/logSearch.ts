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
