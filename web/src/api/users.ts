import { http } from './http';
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

export const usersApi = {
  list: (query: PageQuery) => http.get<Page<UserRow>>('/users', query),
  create: (body: CreateUserRequest) => http.post<UserRow>('/users', body),
  update: (id: UserRow['id'], body: UpdateUserRequest) =>
    http.patch<UserRow>(`/users/${encodeURIComponent(String(id))}`, body),
};
