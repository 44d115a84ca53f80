import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Notification } from '@element-plus/icons-vue';

// 通知公告: every signed-in person reads them; the joint meeting office and the system administrator
// publish (the page offers it when the server says so).
const routes: RouteRecordRaw[] = [
  {
    path: 'announcements',
    name: 'Announcements',
    component: () => import('@/views/announcements/AnnouncementsView.vue'),
    meta: { titleKey: 'announcements.menu', icon: markRaw(Notification), order: 7 },
  },
];

export default routes;
