import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Bell, Calendar, OfficeBuilding, Upload, Warning, WarningFilled } from '@element-plus/icons-vue';

// Risk ledger (风险台账), the construction projects whose monitoring feeds it (工程项目, 监测预警)
// and joint meetings (联席会议): every member body reads them; reporting, registering, feeding,
// following up and convening are decided per button (risk.write, meeting.manage). Importing a
// project's feeds from a file has an entry of its own (risk.write).
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
        path: '/projects',
        name: 'ProjectList',
        component: () => import('@/views/projects/ProjectListView.vue'),
        meta: { titleKey: 'project.menu.list', icon: markRaw(OfficeBuilding), permission: 'risk.read', order: 2 },
      },
      {
        // A project's monthly feeds from a file, for every body that reports risks: the import
        // page limited to the feeds (labour inspection also has it all under 案件办理 › 批量导入).
        path: '/projects/import',
        name: 'ProjectImport',
        component: () => import('@/views/imports/ImportView.vue'),
        props: { scope: 'feeds' },
        meta: { titleKey: 'project.menu.import', icon: markRaw(Upload), permission: 'risk.write', order: 2.5 },
      },
      {
        path: '/projects/:id(\\d+)',
        name: 'ProjectDetail',
        component: () => import('@/views/projects/ProjectDetailView.vue'),
        meta: { titleKey: 'project.menu.detail', permission: 'risk.read', hideInMenu: true, activeMenu: '/projects' },
      },
      {
        path: '/project-warnings',
        name: 'ProjectWarnings',
        component: () => import('@/views/projects/ProjectWarningsView.vue'),
        meta: { titleKey: 'project.menu.warnings', icon: markRaw(Bell), permission: 'risk.read', order: 3 },
      },
      {
        path: '/meetings',
        name: 'MeetingList',
        component: () => import('@/views/meetings/MeetingListView.vue'),
        meta: { titleKey: 'meeting.menu.list', icon: markRaw(Calendar), permission: 'meeting.read', order: 4 },
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
