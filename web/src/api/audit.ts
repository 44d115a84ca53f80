import { buildUrl, http, type Query } from './http';
import type { ItemList, Page, PageQuery } from './types';

export interface AuditEntry {
  seq: number;
  at: string;
  /** Login name, kept for the record; people read actor_name. */
  actor_username: string;
  /** The actor's name ("" for the system or an account since removed). */
  actor_name: string;
  body_code: string;
  role: string;
  /** The action's code (auth.login); people read action_zh / action_en. */
  action: string;
  action_zh: string;
  action_en: string;
  target_type: string;
  target_type_zh: string;
  target_type_en: string;
  target_id: string;
  /** The target as people know it: a case's number, an account's person ("" when there is none). */
  target_name: string;
  request_id: string;
  client_address: string;
}

export interface AuditVerification {
  ok: boolean;
  first_bad_seq: number | null;
  reason_zh: string;
  reason_en: string;
  entries_checked?: number;
  checkpoints_checked?: number;
}

/** An action people can search for, with its names. */
export interface AuditActionChoice {
  code: string;
  name_zh: string;
  name_en: string;
}

export const auditApi = {
  list: (query: PageQuery) => http.get<Page<AuditEntry>>('/audit', query),
  actions: () => http.get<ItemList<AuditActionChoice>>('/audit/actions'),
  /** The matching entries as CSV (a plain download link: the session cookie goes with it). */
  exportUrl: (search: Query) => buildUrl('/audit/export.csv', search),
  verify: () => http.get<AuditVerification>('/audit/verify'),
};
