import type { RouteRecordRaw } from 'vue-router';

// Every file in ./modules default-exports the pages of one feature (children of the main layout).
// Adding a feature = adding one file there; the sidebar follows from each route's meta.
const modules = import.meta.glob<{ default: RouteRecordRaw[] }>('./modules/*.ts', { eager: true });

export const featureRoutes: RouteRecordRaw[] = Object.keys(modules)
  .sort()
  .flatMap((key) => modules[key].default);

const errorView = () => import('@/views/error/ErrorView.vue');

export const layoutChildren: RouteRecordRaw[] = [
  ...featureRoutes,
  {
    path: 'forbidden',
    name: 'Forbidden',
    component: errorView,
    props: { kind: 'forbidden' },
    meta: { titleKey: 'menu.forbidden', hideInMenu: true },
  },
  {
    path: ':pathMatch(.*)*',
    name: 'NotFound',
    component: errorView,
    props: { kind: 'notFound' },
    meta: { titleKey: 'menu.notFound', hideInMenu: true },
  },
];

export const rootRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'Login',
    component: () => import('@/views/auth/LoginView.vue'),
    meta: { titleKey: 'login.title', public: true },
  },
  {
    path: '/public',
    name: 'PublicExposure',
    component: () => import('@/views/public/PublicExposureView.vue'),
    meta: { titleKey: 'publicPage.title', public: true },
  },
  {
    path: '/change-password',
    name: 'ChangePassword',
    component: () => import('@/views/auth/ChangePasswordView.vue'),
    meta: { titleKey: 'menu.changePassword', allowDuringPasswordChange: true },
  },
  {
    path: '/two-factor',
    name: 'TwoFactor',
    component: () => import('@/views/auth/TwoFactorView.vue'),
    meta: { titleKey: 'twoFactor.title', allowDuringPasswordChange: true, allowDuringSecondFactor: true },
  },
  {
    path: '/',
    name: 'Root',
    component: () => import('@/layouts/BasicLayout.vue'),
    redirect: '/workbench',
    children: layoutChildren,
  },
];
