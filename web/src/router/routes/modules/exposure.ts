import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Warning } from '@element-plus/icons-vue';

// Exposure and warning (issue 8): labour inspection runs the blacklist lifecycle, the publication
// officers review the privacy check and publish. The public page itself is the login-free /public.
const routes: RouteRecordRaw[] = [
  {
    path: 'exposure',
    name: 'Exposure',
    component: () => import('@/views/exposure/ExposureView.vue'),
    meta: {
      titleKey: 'menu.exposure',
      icon: markRaw(Warning),
      order: 45,
      permission: ['blacklist.propose', 'blacklist.decide', 'publication.manage'],
    },
  },
];

export default routes;
