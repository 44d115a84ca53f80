import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi, type SessionInfo, type User } from '@/api/auth';
import { isApiError, setCsrfToken } from '@/api/http';
import { ADMIN_ROLES, type RoleCode } from '@/api/types';
import { hasAnyPermission, type PermissionRequirement } from '@/utils/permission';

/** 'unknown' until the first /auth/me answer; the router waits for it before the first page. */
export type AuthStatus = 'unknown' | 'anonymous' | 'authenticated';

/** Why the user was sent back to the login page (shown there as a notice). */
export type LogoutReason = 'user' | 'idle' | 'expired' | 'password_changed';

export const useAuthStore = defineStore('auth', () => {
  const user = ref<User | null>(null);
  const status = ref<AuthStatus>('unknown');
  let probe: Promise<void> | null = null;

  const permissions = computed(() => new Set(user.value?.permissions ?? []));
  const roles = computed<RoleCode[]>(() => user.value?.roles ?? []);
  const isAuthenticated = computed(() => status.value === 'authenticated' && user.value !== null);
  const mustChangePassword = computed(() => !!user.value?.must_change_password);
  /** Signed in with the password only: the second factor is still owed. */
  const secondFactorPending = computed(() => !!user.value?.second_factor);
  const isAdministrator = computed(() => roles.value.some((role) => ADMIN_ROLES.includes(role)));
  const idleTimeoutSeconds = computed(() => {
    const seconds = user.value?.idle_timeout_seconds;
    return typeof seconds === 'number' && seconds > 0 ? seconds : 1800;
  });

  function can(requirement: PermissionRequirement): boolean {
    return hasAnyPermission(permissions.value, requirement);
  }

  function applySession(session: SessionInfo): User {
    setCsrfToken(session.csrf_token);
    user.value = session.user;
    status.value = 'authenticated';
    return session.user;
  }

  function clear(): void {
    setCsrfToken(null);
    user.value = null;
    status.value = 'anonymous';
    probe = null;
  }

  /** Reloads the session from the server; a 401 means nobody is logged in. */
  async function refresh(): Promise<void> {
    try {
      applySession(await authApi.me());
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        clear();
        return;
      }
      throw error;
    }
  }

  /** First call asks the server who we are; later calls reuse the answer. */
  function ensureLoaded(): Promise<void> {
    if (status.value !== 'unknown') return Promise.resolve();
    probe ??= refresh().catch((error) => {
      probe = null;
      // The server could not be reached: treat as logged out so the login page can say why.
      status.value = 'anonymous';
      throw error;
    });
    return probe;
  }

  async function login(username: string, password: string): Promise<User> {
    return applySession(await authApi.login({ username, password }));
  }

  /** Finishes a two-stage sign-in with a code; the server replaces the session. */
  async function submitSecondFactor(code: string): Promise<User> {
    return applySession(await authApi.secondFactor(code));
  }

  async function logout(): Promise<void> {
    try {
      if (status.value === 'authenticated') await authApi.logout();
    } catch {
      // the session may already be gone server-side; the local state is cleared either way
    } finally {
      clear();
    }
  }

  /** Changes the password, then reloads the session (the server clears must_change_password). */
  async function changePassword(oldPassword: string, newPassword: string): Promise<'ok' | 'relogin'> {
    await authApi.changePassword({ old_password: oldPassword, new_password: newPassword });
    await refresh();
    return isAuthenticated.value ? 'ok' : 'relogin';
  }

  return {
    user,
    status,
    permissions,
    roles,
    isAuthenticated,
    mustChangePassword,
    secondFactorPending,
    isAdministrator,
    idleTimeoutSeconds,
    can,
    clear,
    refresh,
    ensureLoaded,
    login,
    submitSecondFactor,
    applySession,
    logout,
    changePassword,
  };
});
