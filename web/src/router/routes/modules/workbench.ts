import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { HomeFilled } from '@element-plus/icons-vue';

const routes: RouteRecordRaw[] = [
  {
    path: 'workbench',
    name: 'Workbench',
    component: () => import('@/views/workbench/WorkbenchView.vue'),
    meta: { titleKey: 'menu.workbench', icon: markRaw(HomeFilled), order: 0 },
  },
];

export default routes;
