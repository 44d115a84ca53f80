import { http } from './http';
import type { BodyRef, RoleCode } from './types';

export interface User {
  id: string | number;
  username: string;
  display_name: string;
  body: BodyRef;
  roles: RoleCode[];
  permissions: string[];
  must_change_password: boolean;
  password_expires_at: string | null;
  idle_timeout_seconds: number;
}

export interface SessionInfo {
  csrf_token: string;
  user: User;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface ChangePasswordRequest {
  old_password: string;
  new_password: string;
}

export const authApi = {
  login: (body: LoginRequest) => http.post<SessionInfo>('/auth/login', body, { skipAuthRedirect: true }),
  /** Probes the session; 401 means "not logged in", which the caller handles. */
  me: () => http.get<SessionInfo>('/auth/me', undefined, { skipAuthRedirect: true }),
  logout: () => http.post<void>('/auth/logout', undefined, { skipAuthRedirect: true }),
  changePassword: (body: ChangePasswordRequest) =>
    http.post<void>('/auth/password', body, { skipAuthRedirect: true }),
};
