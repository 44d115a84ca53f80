import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ApiError, getCsrfToken, setCsrfToken } from '@/api/http';
import type { SessionInfo, User } from '@/api/auth';

vi.mock('@/api/auth', () => ({
  authApi: { login: vi.fn(), me: vi.fn(), logout: vi.fn(), changePassword: vi.fn(), secondFactor: vi.fn() },
}));

const { authApi } = await import('@/api/auth');
const { useAuthStore } = await import('@/store/auth');

const api = vi.mocked(authApi);

function user(overrides: Partial<User> = {}): User {
  return {
    id: 1,
    username: 'handler',
    display_name: '承办人',
    body: { code: 'hrss', name_zh: '区人社局', name_en: 'HRSS' },
    roles: ['case_handler'],
    permissions: ['case.read', 'case.write'],
    must_change_password: false,
    password_expires_at: null,
    idle_timeout_seconds: 1800,
    two_factor_enrolled: false,
    two_factor_required: false,
    second_factor: null,
    ...overrides,
  };
}

function session(u: User = user(), csrf = 'csrf-1'): SessionInfo {
  return { csrf_token: csrf, user: u };
}

const unauthenticated = () => new ApiError({ type: 'urn:wagelink:problem:unauthenticated', code: 'unauthenticated', status: 401, title: '未登录' });

describe('auth store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    setCsrfToken(null);
    vi.clearAllMocks();
  });

  it('logs in: keeps the user and hands the CSRF token to the HTTP layer', async () => {
    api.login.mockResolvedValue(session(user(), 'csrf-login'));
    const auth = useAuthStore();
    const u = await auth.login('handler', 'WageLink#2026');
    expect(api.login).toHaveBeenCalledWith({ username: 'handler', password: 'WageLink#2026' });
    expect(u.display_name).toBe('承办人');
    expect(auth.isAuthenticated).toBe(true);
    expect(getCsrfToken()).toBe('csrf-login');
    expect(auth.can('case.read')).toBe(true);
    expect(auth.can('user.manage')).toBe(false);
    expect(auth.can(['user.manage', 'case.write'])).toBe(true);
  });

  it('leaves the state anonymous when login fails', async () => {
    api.login.mockRejectedValue(new ApiError({ type: 'x', code: 'unauthenticated', status: 401, title: '用户名或密码错误' }));
    const auth = useAuthStore();
    await expect(auth.login('handler', 'bad')).rejects.toBeInstanceOf(ApiError);
    expect(auth.isAuthenticated).toBe(false);
    expect(getCsrfToken()).toBeNull();
  });

  it('asks the server once who is logged in, and treats 401 as anonymous', async () => {
    api.me.mockRejectedValue(unauthenticated());
    const auth = useAuthStore();
    await Promise.all([auth.ensureLoaded(), auth.ensureLoaded()]);
    await auth.ensureLoaded();
    expect(api.me).toHaveBeenCalledTimes(1);
    expect(auth.status).toBe('anonymous');
  });

  it('restores a session from /auth/me', async () => {
    api.me.mockResolvedValue(session(user({ roles: ['auditor'], permissions: ['audit.read', 'loginlog.read'] }), 'csrf-me'));
    const auth = useAuthStore();
    await auth.ensureLoaded();
    expect(auth.isAuthenticated).toBe(true);
    expect(auth.isAdministrator).toBe(true);
    expect(getCsrfToken()).toBe('csrf-me');
  });

  it('logs out locally even when the server call fails', async () => {
    api.login.mockResolvedValue(session());
    api.logout.mockRejectedValue(new Error('network'));
    const auth = useAuthStore();
    await auth.login('handler', 'x');
    await auth.logout();
    expect(api.logout).toHaveBeenCalledTimes(1);
    expect(auth.user).toBeNull();
    expect(auth.status).toBe('anonymous');
    expect(getCsrfToken()).toBeNull();
  });

  it('exposes the forced password change and clears it after a successful change', async () => {
    api.login.mockResolvedValue(session(user({ must_change_password: true })));
    api.changePassword.mockResolvedValue(undefined);
    api.me.mockResolvedValue(session(user({ must_change_password: false }), 'csrf-2'));
    const auth = useAuthStore();
    await auth.login('handler', 'old');
    expect(auth.mustChangePassword).toBe(true);
    await expect(auth.changePassword('old', 'New#Password2026')).resolves.toBe('ok');
    expect(api.changePassword).toHaveBeenCalledWith({ old_password: 'old', new_password: 'New#Password2026' });
    expect(auth.mustChangePassword).toBe(false);
    expect(getCsrfToken()).toBe('csrf-2');
  });

  it('asks for a new login when the server ended the session after a password change', async () => {
    api.login.mockResolvedValue(session(user({ must_change_password: true })));
    api.changePassword.mockResolvedValue(undefined);
    api.me.mockRejectedValue(unauthenticated());
    const auth = useAuthStore();
    await auth.login('handler', 'old');
    await expect(auth.changePassword('old', 'New#Password2026')).resolves.toBe('relogin');
    expect(auth.isAuthenticated).toBe(false);
  });

  it('defaults the idle timeout to 30 minutes when the server sends none', async () => {
    api.login.mockResolvedValue(session(user({ idle_timeout_seconds: 0 })));
    const auth = useAuthStore();
    await auth.login('handler', 'x');
    expect(auth.idleTimeoutSeconds).toBe(1800);
  });

  it('holds a password-only sign-in as pending until the second factor replaces the session', async () => {
    api.login.mockResolvedValue(session(user({ second_factor: 'totp', two_factor_enrolled: true }), 'csrf-pending'));
    api.secondFactor.mockResolvedValue(session(user({ second_factor: null, two_factor_enrolled: true }), 'csrf-full'));
    const auth = useAuthStore();
    await auth.login('secadmin', 'x');
    expect(auth.secondFactorPending).toBe(true);
    await auth.submitSecondFactor('123456');
    expect(api.secondFactor).toHaveBeenCalledWith('123456');
    expect(auth.secondFactorPending).toBe(false);
    expect(getCsrfToken()).toBe('csrf-full');
  });
});
