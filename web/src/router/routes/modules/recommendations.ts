import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Histogram, Stamp, Tickets } from '@element-plus/icons-vue';

// Legal supervision (法律监督): the procuratorate's 检察建议 — read by every body that reads risks or
// cases (the server narrows the list to those addressed to the caller's body); issuing, replying and
// evaluating are decided per button (can_issue, can_reply, can_evaluate) — and the 监测总览 of the
// projects' monitoring (dashboard.read).
const routes: RouteRecordRaw[] = [
  {
    path: 'supervision',
    name: 'Supervision',
    redirect: '/recommendations',
    meta: { titleKey: 'recommendation.menu.group', icon: markRaw(Stamp), order: 21 },
    children: [
      {
        path: '/recommendations',
        name: 'RecommendationList',
        component: () => import('@/views/recommendations/RecommendationListView.vue'),
        meta: { titleKey: 'recommendation.menu.list', icon: markRaw(Tickets), permission: ['risk.read', 'case.read'], order: 1 },
      },
      {
        path: '/recommendations/:id(\\d+)',
        name: 'RecommendationDetail',
        component: () => import('@/views/recommendations/RecommendationDetailView.vue'),
        meta: {
          titleKey: 'recommendation.menu.detail',
          permission: ['risk.read', 'case.read'],
          hideInMenu: true,
          activeMenu: '/recommendations',
        },
      },
      {
        path: '/supervision/overview',
        name: 'SupervisionDashboard',
        component: () => import('@/views/supervision/SupervisionDashboardView.vue'),
        meta: { titleKey: 'recommendation.menu.dashboard', icon: markRaw(Histogram), permission: 'dashboard.read', order: 2 },
      },
    ],
  },
];

export default routes;
