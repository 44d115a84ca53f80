import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Bell } from '@element-plus/icons-vue';

// The body's inbox (站内信) for the business roles (the three administrators see no case traffic);
// reached from the header bell and the workbench.
const routes: RouteRecordRaw[] = [
  {
    path: 'inbox',
    name: 'Inbox',
    component: () => import('@/views/inbox/InboxView.vue'),
    meta: { titleKey: 'inbox.title', icon: markRaw(Bell), permission: 'case.read', hideInMenu: true },
  },
];

export default routes;
