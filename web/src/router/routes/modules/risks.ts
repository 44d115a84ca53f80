import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Calendar, Warning, WarningFilled } from '@element-plus/icons-vue';

// Risk ledger (风险台账) and joint meetings (联席会议): every member body reads both; reporting,
// following up and convening are decided per button (risk.write, meeting.manage).
const routes: RouteRecordRaw[] = [
  {
    path: 'prevention',
    name: 'Prevention',
    redirect: '/risks',
    meta: { titleKey: 'risk.menu.group', icon: markRaw(Warning), order: 20 },
    children: [
      {
        path: '/risks',
        name: 'RiskList',
        component: () => import('@/views/risks/RiskListView.vue'),
        meta: { titleKey: 'risk.menu.ledger', icon: markRaw(WarningFilled), permission: 'risk.read', order: 1 },
      },
      {
        path: '/risks/:id(\\d+)',
        name: 'RiskDetail',
        component: () => import('@/views/risks/RiskDetailView.vue'),
        meta: { titleKey: 'risk.menu.detail', permission: 'risk.read', hideInMenu: true, activeMenu: '/risks' },
      },
      {
        path: '/meetings',
        name: 'MeetingList',
        component: () => import('@/views/meetings/MeetingListView.vue'),
        meta: { titleKey: 'meeting.menu.list', icon: markRaw(Calendar), permission: 'meeting.read', order: 2 },
      },
      {
        path: '/meetings/:id(\\d+)',
        name: 'MeetingDetail',
        component: () => import('@/views/meetings/MeetingDetailView.vue'),
        meta: { titleKey: 'meeting.menu.detail', permission: 'meeting.read', hideInMenu: true, activeMenu: '/meetings' },
      },
    ],
  },
];

export default routes;
