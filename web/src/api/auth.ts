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
  two_factor_enrolled: boolean;
  two_factor_required: boolean;
  /** While the sign-in owes its second stage: 'totp' (enter a code) or 'enrol' (set one up first). */
  second_factor: 'totp' | 'enrol' | null;
}

export interface TotpStatus {
  enrolled: boolean;
  required: boolean;
  recovery_codes_left: number;
}

export interface TotpEnrolment {
  otpauth_uri: string;
  secret: string;
}

export interface EnrolmentConfirmed {
  recovery_codes: string[];
  /** Present when the enrolment completed a sign-in: the new session. */
  csrf_token?: string;
  user?: User;
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
  /** The second stage of a sign-in: a code from the authenticator app or a recovery code. */
  secondFactor: (code: string) => http.post<SessionInfo>('/auth/second-factor', { code }, { skipAuthRedirect: true }),
  totpStatus: () => http.get<TotpStatus>('/auth/totp'),
  beginEnrolment: () => http.post<TotpEnrolment>('/auth/totp/enrolment', undefined, { skipAuthRedirect: true }),
  confirmEnrolment: (code: string) =>
    http.post<EnrolmentConfirmed>('/auth/totp/enrolment/confirm', { code }, { skipAuthRedirect: true }),
  /** Public: true while demo accounts still use the password published in the README. */
  demoNotice: () =>
    http.get<{ published_demo_password: boolean }>('/auth/demo-notice', undefined, { skipAuthRedirect: true }),
};
