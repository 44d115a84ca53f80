import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Document, Finished, Tickets } from '@element-plus/icons-vue';

// Security auditor (三员分立: reads login and audit logs, verifies the chain).
const routes: RouteRecordRaw[] = [
  {
    path: 'audit',
    name: 'Audit',
    redirect: '/audit/log',
    meta: { titleKey: 'menu.audit', icon: markRaw(Document), order: 90 },
    children: [
      {
        path: 'log',
        name: 'AuditLog',
        component: () => import('@/views/audit/AuditLogView.vue'),
        meta: { titleKey: 'menu.auditLog', icon: markRaw(Finished), permission: 'audit.read', order: 1 },
      },
      {
        path: 'login-log',
        name: 'LoginLog',
        component: () => import('@/views/audit/LoginLogView.vue'),
        meta: { titleKey: 'menu.loginLog', icon: markRaw(Tickets), permission: 'loginlog.read', order: 2 },
      },
    ],
  },
];

export default routes;
