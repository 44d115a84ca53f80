import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Connection, Key, Lock, UserFilled } from '@element-plus/icons-vue';

// Security administrator (三员分立: roles, password policy, sessions).
const routes: RouteRecordRaw[] = [
  {
    path: 'security',
    name: 'Security',
    redirect: '/security/password-policy',
    meta: { titleKey: 'menu.security', icon: markRaw(Lock), order: 85 },
    children: [
      {
        path: 'roles',
        name: 'RoleAssignment',
        component: () => import('@/views/system/UsersView.vue'),
        meta: { titleKey: 'menu.roleAssignment', icon: markRaw(UserFilled), permission: 'role.manage', order: 0 },
      },
      {
        path: 'password-policy',
        name: 'PasswordPolicy',
        component: () => import('@/views/security/PasswordPolicyView.vue'),
        meta: { titleKey: 'menu.passwordPolicy', icon: markRaw(Key), permission: 'password_policy.manage', order: 1 },
      },
      {
        path: 'sessions',
        name: 'Sessions',
        component: () => import('@/views/security/SessionsView.vue'),
        meta: { titleKey: 'menu.sessions', icon: markRaw(Connection), permission: 'session.manage', order: 2 },
      },
    ],
  },
];

export default routes;
