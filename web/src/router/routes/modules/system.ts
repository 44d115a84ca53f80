import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Monitor, Setting, Timer, Tools, User } from '@element-plus/icons-vue';

// System administrator (三员分立: user accounts, bodies, settings; roles are granted under 安全管理).
const routes: RouteRecordRaw[] = [
  {
    path: 'system',
    name: 'System',
    redirect: '/system/users',
    meta: { titleKey: 'menu.system', icon: markRaw(Setting), order: 80 },
    children: [
      {
        path: 'users',
        name: 'Users',
        component: () => import('@/views/system/UsersView.vue'),
        meta: { titleKey: 'menu.users', icon: markRaw(User), permission: 'user.manage' },
      },
      {
        path: 'settings',
        name: 'SystemSettings',
        component: () => import('@/views/system/SettingsView.vue'),
        meta: { titleKey: 'settings.menu', icon: markRaw(Tools), permission: 'settings.manage', order: 1010 },
      },
      {
        path: 'jobs',
        name: 'ScheduledJobs',
        component: () => import('@/views/system/ScheduledJobsView.vue'),
        meta: { titleKey: 'console.jobsMenu', icon: markRaw(Timer), permission: 'settings.manage', order: 1020 },
      },
      {
        path: 'monitor',
        name: 'ServiceMonitor',
        component: () => import('@/views/system/ServiceMonitorView.vue'),
        meta: { titleKey: 'console.monitorMenu', icon: markRaw(Monitor), permission: 'settings.manage', order: 1030 },
      },
    ],
  },
];

export default routes;
