import { http } from './http';
import type { Page, PageQuery } from './types';

export interface AuditEntry {
  seq: number;
  at: string;
  actor_username: string;
  body_code: string;
  role: string;
  action: string;
  target_type: string;
  target_id: string;
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

export const auditApi = {
  list: (query: PageQuery) => http.get<Page<AuditEntry>>('/audit', query),
  verify: () => http.get<AuditVerification>('/audit/verify'),
};
