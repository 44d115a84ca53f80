import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Postcard } from '@element-plus/icons-vue';

// Every member body reads the roster (roster.read); editing is decided per button by roster.write.
// The three administrators hold no business permission and do not see it.
const routes: RouteRecordRaw[] = [
  {
    path: 'roster',
    name: 'Roster',
    component: () => import('@/views/roster/RosterView.vue'),
    meta: { titleKey: 'menu.roster', icon: markRaw(Postcard), order: 50, permission: 'roster.read' },
  },
];

export default routes;
