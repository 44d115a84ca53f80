import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import { buildMenu, firstLeaf, routeAllowed } from '@/router/menu';
import { featureRoutes } from '@/router/routes';
import { hasAnyPermission } from '@/utils/permission';

const Empty = { render: () => null };

const routes: RouteRecordRaw[] = [
  { path: 'roster', component: Empty, meta: { titleKey: 'menu.roster', order: 50 } },
  { path: 'workbench', component: Empty, meta: { titleKey: 'menu.workbench', order: 0 } },
  {
    path: 'system',
    redirect: '/system/users',
    meta: { titleKey: 'menu.system', order: 80 },
    children: [{ path: 'users', component: Empty, meta: { titleKey: 'menu.users', permission: 'user.manage' } }],
  },
  {
    path: 'audit',
    redirect: '/audit/log',
    meta: { titleKey: 'menu.audit', order: 90 },
    children: [
      { path: 'log', component: Empty, meta: { titleKey: 'menu.auditLog', permission: 'audit.read' } },
      { path: 'login-log', component: Empty, meta: { titleKey: 'menu.loginLog', permission: ['loginlog.read', 'audit.read'] } },
    ],
  },
  { path: 'hidden', component: Empty, meta: { titleKey: 'menu.notFound', hideInMenu: true } },
];

const paths = (items: ReturnType<typeof buildMenu>): string[] =>
  items.flatMap((item) => [item.path, ...(item.children ? paths(item.children) : [])]);

describe('menu by permission', () => {
  it('shows a case handler the common entries only, in menu order', () => {
    const menu = buildMenu(routes, new Set(['case.read', 'case.write']));
    expect(paths(menu)).toEqual(['/workbench', '/roster']);
  });

  it('shows the auditor the audit group with both logs and no user management', () => {
    const menu = buildMenu(routes, new Set(['audit.read', 'loginlog.read']));
    expect(paths(menu)).toEqual(['/workbench', '/roster', '/audit', '/audit/log', '/audit/login-log']);
    expect(paths(menu)).not.toContain('/system/users');
  });

  it('shows a group only when one of its children is allowed (any-of permissions)', () => {
    const menu = buildMenu(routes, new Set(['loginlog.read']));
    const audit = menu.find((item) => item.path === '/audit');
    expect(audit?.children?.map((child) => child.path)).toEqual(['/audit/login-log']);
    expect(menu.find((item) => item.path === '/system')).toBeUndefined();
  });

  it('shows the system administrator user management', () => {
    expect(paths(buildMenu(routes, new Set(['user.manage'])))).toContain('/system/users');
  });

  it('checks every matched record of a route and finds the first allowed page', () => {
    const granted = new Set(['audit.read']);
    expect(routeAllowed([{ meta: {} }, { meta: { permission: 'audit.read' } }], granted)).toBe(true);
    expect(routeAllowed([{ meta: {} }, { meta: { permission: 'user.manage' } }], granted)).toBe(false);
    expect(firstLeaf(buildMenu(routes, new Set()))).toBe('/workbench');
  });

  it('hasAnyPermission: undefined or empty means anyone, a list means any one of them', () => {
    expect(hasAnyPermission(new Set(), undefined)).toBe(true);
    expect(hasAnyPermission(new Set(), [])).toBe(true);
    expect(hasAnyPermission(['a'], ['b', 'a'])).toBe(true);
    expect(hasAnyPermission(['a'], 'b')).toBe(false);
  });

  it('shows each body its own case views (police, procuratorate, court) and hrss the complaint form', () => {
    const forBody = (permissions: string[], body: string) => paths(buildMenu(featureRoutes, new Set(permissions), '/', body));
    expect(forBody(['case.read', 'case.write', 'pii.reveal'], 'hrss')).toEqual([
      '/workbench',
      '/announcements',
      '/casework',
      '/cases',
      '/cases/new',
      '/imports',
      // 检察建议 is read by every body that reads cases or risks (the server narrows the list).
      '/supervision',
      '/recommendations',
    ]);
    expect(forBody(['case.read', 'case.police.act'], 'police')).toEqual([
      '/workbench',
      '/announcements',
      '/casework',
      '/cases',
      '/cases/incoming',
      '/cases/filing-review',
      '/supervision',
      '/recommendations',
    ]);
    expect(forBody(['case.read'], 'procuratorate')).toEqual([
      '/workbench',
      '/announcements',
      '/casework',
      '/cases',
      '/cases/supervision',
      '/supervision',
      '/recommendations',
    ]);
    expect(forBody(['case.read'], 'court')).toEqual([
      '/workbench',
      '/announcements',
      '/casework',
      '/cases',
      '/cases/green-channel',
      '/supervision',
      '/recommendations',
    ]);
    expect(forBody(['case.read', 'case.write', 'access_receipt.read'], 'hrss')).toContain('/pii/access-receipts');
    // case.write outside labour inspection does not make a complaint form appear.
    expect(forBody(['case.read', 'case.write'], 'court')).not.toContain('/cases/new');
    expect(forBody(['case.read', 'case.write'], 'court')).not.toContain('/imports');
    expect(routeAllowed([{ meta: { bodies: ['police'] } }], new Set(), 'court')).toBe(false);
    expect(routeAllowed([{ meta: { bodies: ['police'] } }], new Set(), 'police')).toBe(true);
  });

  it('puts the import where each body works: 案件办理 for labour inspection, 风险防范 for those who only report risks', () => {
    const groups = (permissions: string[], body: string) =>
      Object.fromEntries(buildMenu(featureRoutes, new Set(permissions), '/', body).map((item) => [item.path, paths(item.children ?? [])]));
    const reporter = ['case.read', 'risk.read', 'risk.write', 'meeting.read'];
    for (const [body, extra] of [['wage_office', 'meeting.manage'], ['police', 'case.police.act'], ['justice', 'legal_aid.act']]) {
      const menu = groups([...reporter, extra], body);
      expect(menu['/casework'], body).not.toContain('/imports');
      expect(menu['/prevention'], body).toEqual(['/risks', '/projects', '/projects/import', '/project-warnings', '/meetings']);
    }
    const inspection = groups(['case.read', 'case.write', ...reporter], 'hrss');
    expect(inspection['/casework']).toEqual(['/cases', '/cases/new', '/imports']);
    // 项目数据导入 is for those who report risks: a reader of the ledger has no import at all.
    expect(groups(['case.read', 'risk.read', 'meeting.read'], 'court')['/prevention']).toEqual(['/risks', '/projects', '/project-warnings', '/meetings']);
  });

  it('the real route modules give each demo role its menu', () => {
    const forRole = (permissions: string[]) => paths(buildMenu(featureRoutes, new Set(permissions), '/', 'wage_office'));
    expect(forRole(['case.read', 'roster.read'])).toEqual([
      '/workbench',
      '/announcements',
      '/casework',
      '/cases',
      '/supervision',
      '/recommendations',
      '/roster',
    ]);
    // 监测总览 is for dashboard.read, beside the 驾驶舱.
    expect(forRole(['risk.read', 'dashboard.read'])).toContain('/supervision/overview');
    expect(forRole(['case.read'])).not.toContain('/supervision/overview');
    // 三员分立: the administrators hold no business permission, so no roster either; 通知公告 is everyone's.
    expect(forRole(['user.manage', 'body.manage', 'settings.manage'])).toEqual([
      '/workbench',
      '/announcements',
      '/system',
      '/system/users',
      '/system/settings',
      '/system/jobs',
      '/system/monitor',
    ]);
    expect(forRole(['password_policy.manage', 'session.manage', 'role.manage'])).toEqual([
      '/workbench',
      '/announcements',
      '/security',
      '/security/roles',
      '/security/password-policy',
      '/security/sessions',
    ]);
    const auditor = forRole(['audit.read', 'loginlog.read']);
    expect(auditor).toContain('/audit/log');
    expect(auditor).toContain('/audit/login-log');
    expect(auditor).not.toContain('/system/users');
    expect(auditor).not.toContain('/roster');
  });
});
