import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Briefcase, DocumentAdd, Files, Finished, Guide, Tickets, Upload, View, Van } from '@element-plus/icons-vue';

// Complaints and cases (issue 4). Every body with case.read sees the list (the server narrows it to
// the body's need-to-know scope); the police, procuratorate and court get their own filtered views
// of the same list. Registering a complaint and 批量导入 are for labour inspection (hrss + case.write).
const list = () => import('@/views/cases/CaseListView.vue');

const routes: RouteRecordRaw[] = [
  {
    path: 'casework',
    name: 'Casework',
    redirect: '/cases',
    meta: { titleKey: 'menu.casework', icon: markRaw(Briefcase), order: 10 },
    children: [
      {
        path: '/cases',
        name: 'CaseList',
        component: list,
        meta: { titleKey: 'menu.caseList', icon: markRaw(Files), permission: 'case.read', order: 1 },
      },
      {
        path: '/cases/new',
        name: 'CaseCreate',
        component: () => import('@/views/cases/CaseCreateView.vue'),
        meta: { titleKey: 'menu.caseCreate', icon: markRaw(DocumentAdd), permission: 'case.write', bodies: ['hrss'], order: 2 },
      },
      {
        path: '/imports',
        name: 'Imports',
        component: () => import('@/views/imports/ImportView.vue'),
        // Labour inspection's: case data, and project feeds too. The bodies that only report risks
        // import the feeds from 风险防范 › 项目数据导入 (routes/modules/risks.ts), the same page.
        meta: {
          titleKey: 'menu.imports',
          icon: markRaw(Upload),
          permission: 'case.write',
          bodies: ['hrss'],
          order: 2.5,
          elsewhere: '/projects/import',
        },
      },
      {
        path: '/cases/incoming',
        name: 'CaseIncoming',
        component: list,
        meta: {
          titleKey: 'menu.caseIncoming',
          icon: markRaw(Van),
          permission: 'case.read',
          bodies: ['police'],
          casePreset: 'incoming',
          order: 3,
        },
      },
      {
        path: '/cases/filing-review',
        name: 'CaseFilingReview',
        component: list,
        meta: {
          titleKey: 'menu.caseFilingReview',
          icon: markRaw(Finished),
          permission: 'case.read',
          bodies: ['police'],
          casePreset: 'filingReview',
          order: 4,
        },
      },
      {
        path: '/cases/supervision',
        name: 'CaseSupervision',
        component: () => import('@/views/worklist/SupervisionView.vue'),
        meta: {
          titleKey: 'menu.caseSupervision',
          icon: markRaw(View),
          permission: 'case.read',
          bodies: ['procuratorate'],
          order: 5,
        },
      },
      {
        path: '/cases/green-channel',
        name: 'CaseGreenChannel',
        component: () => import('@/views/worklist/GreenChannelView.vue'),
        meta: {
          titleKey: 'menu.caseGreenChannel',
          icon: markRaw(Guide),
          permission: 'case.read',
          bodies: ['court'],
          order: 6,
        },
      },
      {
        path: '/cases/:id(\\d+)',
        name: 'CaseDetail',
        component: () => import('@/views/cases/CaseDetailView.vue'),
        meta: { titleKey: 'menu.caseDetail', permission: 'case.read', hideInMenu: true, activeMenu: '/cases' },
      },
      {
        path: '/pii/access-receipts',
        name: 'AccessReceipts',
        component: () => import('@/views/cases/AccessReceiptsView.vue'),
        meta: { titleKey: 'menu.accessReceipts', icon: markRaw(Tickets), permission: 'access_receipt.read', order: 9 },
      },
    ],
  },
];

export default routes;
