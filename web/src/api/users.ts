import { buildUrl, http } from './http';
import { uploadForm } from './upload';
import type { Page, PageQuery, RoleCode } from './types';

export interface UserRow {
  id: string | number;
  username: string;
  display_name: string;
  body_code: string;
  roles: RoleCode[];
  active: boolean;
  locked_until: string | null;
  must_change_password: boolean;
  last_login_at: string | null;
}

/** Created by the system administrator without roles; the security administrator grants them (PATCH roles). */
export interface CreateUserRequest {
  username: string;
  display_name: string;
  body_code: string;
  password: string;
}

/** display_name/active need user.manage; roles need role.manage (三员分立). */
export interface UpdateUserRequest {
  display_name?: string;
  roles?: RoleCode[];
  active?: boolean;
}

/** 三员分立: a change to an administrator's account waits for a second administrator. */
export interface ChangeRequest {
  id: number;
  target_user_id: number;
  target_display_name: string;
  requested_by_display_name: string;
  change: UpdateUserRequest;
  status: 'pending' | 'approved' | 'rejected';
  created_at: string;
  decided_by_display_name: string | null;
  decided_at: string | null;
}

/** 200: the account as changed; 202: the change awaits another administrator. */
export type UpdateUserAnswer = UserRow | { pending_request: ChangeRequest };

export function isPendingChange(answer: UpdateUserAnswer): answer is { pending_request: ChangeRequest } {
  return 'pending_request' in answer;
}

/** One row of a refused user import. */
export interface UserImportError {
  row: number;
  field: string;
  message_zh: string;
  message_en: string;
}

export const usersApi = {
  list: (query: PageQuery) => http.get<Page<UserRow>>('/users', query),
  create: (body: CreateUserRequest) => http.post<UserRow>('/users', body),
  update: (id: UserRow['id'], body: UpdateUserRequest) =>
    http.patch<UpdateUserAnswer>(`/users/${encodeURIComponent(String(id))}`, body),
  unlock: (id: UserRow['id']) => http.post<UserRow>(`/users/${encodeURIComponent(String(id))}/unlock`),
  /** 重置密码: a temporary password the user must change at the next sign-in; their sessions end. */
  resetPassword: (id: UserRow['id'], password: string) =>
    http.post<UserRow>(`/users/${encodeURIComponent(String(id))}/reset-password`, { password }),
  /** 用户导入: a CSV/XLSX file of accounts, all or nothing (a refusal lists every row's reason). */
  importFile: (file: File) => uploadForm<{ created: UserRow[] }>('/users/import', file),
  /** Every account as CSV in words (a plain download link). */
  exportUrl: () => buildUrl('/users/export.csv'),
  resetTwoFactor: (id: UserRow['id']) => http.post<void>(`/users/${encodeURIComponent(String(id))}/two-factor/reset`),
  changeRequests: (status = 'pending') => http.get<{ items: ChangeRequest[] }>('/admin-change-requests', { status }),
  decide: (requestId: number, decision: 'approve' | 'reject') =>
    http.post<ChangeRequest>(`/admin-change-requests/${encodeURIComponent(String(requestId))}/${decision}`),
};
