import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { DataAnalysis } from '@element-plus/icons-vue';

// The dashboard (驾驶舱) for every business body (dashboard.read); figures follow the body's scope.
const routes: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'Dashboard',
    component: () => import('@/views/dashboard/DashboardView.vue'),
    meta: { titleKey: 'dashboard.menu', icon: markRaw(DataAnalysis), permission: 'dashboard.read', order: 5 },
  },
];

export default routes;
