import type { RouteLocationNormalized, Router } from 'vue-router';
import { useAuthStore } from '@/store/auth';
import { routeAllowed } from './menu';
import { landingPath } from './landing';
import { t } from '@/locales';

/** Only same-app paths may be used as a post-login target (no open redirect). */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/login')) return null;
  return value;
}

export function pageTitle(route: RouteLocationNormalized): string {
  const key = [...route.matched].reverse().find((record) => record.meta.titleKey)?.meta.titleKey;
  const app = t('app.name');
  return key ? `${t(key)} - ${app}` : app;
}

export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    try {
      await auth.ensureLoaded();
    } catch {
      // server unreachable: the login page shows the problem when the user tries
    }
    if (to.meta.public) {
      if (auth.isAuthenticated && to.name === 'Login') {
        return safeRedirect(to.query.redirect) ?? landingPath(auth.roles);
      }
      return true;
    }
    if (!auth.isAuthenticated) {
      return { name: 'Login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
    if (auth.secondFactorPending && !to.meta.allowDuringSecondFactor) {
      return { name: 'TwoFactor' };
    }
    if (auth.mustChangePassword && !to.meta.allowDuringPasswordChange) {
      return { name: 'ChangePassword' };
    }
    // "/" redirects to the workbench before the user is known; the leadership lands on the dashboard.
    if (to.redirectedFrom?.path === '/' && to.path === '/workbench' && landingPath(auth.roles) !== to.path) {
      return landingPath(auth.roles);
    }
    const body = auth.user?.body?.code ?? null;
    if (!routeAllowed(to.matched, auth.permissions, body)) {
      const elsewhere = to.meta.elsewhere;
      if (elsewhere && routeAllowed(router.resolve(elsewhere).matched, auth.permissions, body)) {
        return { path: elsewhere, query: to.query };
      }
      return { name: 'Forbidden', query: { from: to.fullPath } };
    }
    return true;
  });

  router.afterEach((to) => {
    document.title = pageTitle(to);
  });
}
