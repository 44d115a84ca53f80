import { buildUrl, http, type Query } from './http';
import type { ItemList, Page, PageQuery } from './types';

export interface PasswordPolicy {
  min_length: number;
  /** How many of the four character classes (upper, lower, digit, symbol) a password must contain. */
  require_classes: number;
  history_depth: number;
  max_age_days: number;
  lockout_threshold: number;
  lockout_minutes: number;
  idle_timeout_minutes: number;
  absolute_timeout_hours: number;
  /** Roles that must sign in with an authenticator code (the security administrator's policy). */
  two_factor_required_roles: string[];
}

export interface OnlineSession {
  id: string;
  username: string;
  body_code: string;
  created_at: string;
  last_seen_at: string;
  client_address: string;
  /** True for the session making this request. */
  current?: boolean;
}

export interface LoginLogEntry {
  at: string;
  /** The name typed at sign-in (it may belong to no account). */
  username: string;
  /** The account's person when the name is an account's, else "". */
  display_name: string;
  success: boolean;
  /** Outcome code (bad_password); people read reason_zh / reason_en. */
  reason: string;
  reason_zh: string;
  reason_en: string;
  client_address: string;
}

export const securityApi = {
  getPasswordPolicy: () => http.get<PasswordPolicy>('/security/password-policy'),
  putPasswordPolicy: (body: PasswordPolicy) => http.put<PasswordPolicy>('/security/password-policy', body),
  listSessions: () => http.get<ItemList<OnlineSession>>('/security/sessions'),
  endSession: (id: string) => http.delete(`/security/sessions/${encodeURIComponent(id)}`),
  loginLog: (query: PageQuery) => http.get<Page<LoginLogEntry>>('/security/login-log', query),
  /** The matching login attempts as CSV (a plain download link). */
  loginLogExportUrl: (search: Query) => buildUrl('/security/login-log/export.csv', search),
};
