import { isApiError } from '@/api/http';
import { formatDateTime } from '@/utils/datetime';

export interface LoginFailureView {
  kind: 'error' | 'warning';
  title: string;
  lines: string[];
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * What the login page says about a failed attempt: the server's own detail first, then the
 * lockout end (problem extension `locked_until`) or the attempts left (`remaining_attempts`)
 * when the server sends them.
 */
export function describeLoginFailure(error: unknown, locale: string, t: Translate): LoginFailureView {
  if (!isApiError(error)) return { kind: 'error', title: t('login.failed'), lines: [t('errors.unexpected')] };
  const problem = error.problem;
  const lines = [error.localizedMessage(locale)];
  if (error.code === 'account_locked') {
    if (typeof problem.locked_until === 'string') lines.push(t('login.lockedUntil', { until: formatDateTime(problem.locked_until, false) }));
    return { kind: 'warning', title: t('login.locked'), lines };
  }
  if (error.code === 'too_many_requests') {
    return { kind: 'warning', title: t('login.failed'), lines: problem.detail || problem.detail_en ? lines : [t('login.tooMany')] };
  }
  const remaining = problem.remaining_attempts;
  if (typeof remaining === 'number' && remaining >= 0) lines.push(t('login.remaining', { n: remaining }));
  return { kind: 'error', title: t('login.failed'), lines };
}
