import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Document } from '@element-plus/icons-vue';

// Bulletins (工作简报): read by every business body (dashboard.read); issued by meeting.manage.
const routes: RouteRecordRaw[] = [
  {
    path: 'bulletins',
    name: 'Bulletins',
    component: () => import('@/views/bulletins/BulletinListView.vue'),
    meta: { titleKey: 'bulletins.menu', icon: markRaw(Document), permission: 'dashboard.read', order: 6 },
  },
];

export default routes;
