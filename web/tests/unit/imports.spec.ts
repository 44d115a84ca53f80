import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/locales';
import { importsApi, type ImportView } from '@/api/imports';
import { projectsApi, type Project } from '@/api/projects';
import type { Page } from '@/api/types';
import { useAuthStore } from '@/store/auth';
import type { User } from '@/api/auth';
import { buildMenu, routeAllowed } from '@/router/menu';
import { featureRoutes } from '@/router/routes';
import { feedResultText, importKindsFor, initialImportKind, isFutureMonth, queryProjectId, type ImportScope } from '@/utils/imports';
import ImportPage from '@/views/imports/ImportView.vue';

const can = (...granted: string[]) => (permission: string) => granted.includes(permission);

describe('which imports a user is offered', () => {
  it('gives labour inspection case data and feeds, another body with risk.write the feeds only', () => {
    expect(importKindsFor(can('case.write', 'risk.write'), 'hrss')).toEqual({
      cases: ['complaints', 'roster', 'employers'],
      feeds: ['attendance', 'payroll', 'account'],
    });
    expect(importKindsFor(can('risk.write'), 'wage_office')).toEqual({ cases: [], feeds: ['attendance', 'payroll', 'account'] });
    // case.write outside labour inspection imports no case data; reading risks imports nothing.
    expect(importKindsFor(can('case.write'), 'court')).toEqual({ cases: [], feeds: [] });
    expect(importKindsFor(can('risk.read'), 'procuratorate')).toEqual({ cases: [], feeds: [] });
  });

  it('starts with the kind the link asks for when it is allowed, else the first allowed', () => {
    const office = importKindsFor(can('risk.write'), 'wage_office');
    expect(initialImportKind(office, 'payroll')).toBe('payroll');
    expect(initialImportKind(office, 'complaints')).toBe('attendance');
    expect(initialImportKind(office, undefined)).toBe('attendance');
    expect(initialImportKind(importKindsFor(can('case.write', 'risk.write'), 'hrss'), undefined)).toBe('complaints');
    expect(initialImportKind({ cases: [], feeds: [] }, 'attendance')).toBeNull();
  });

  it('reads a project id from the query string only when it is a positive whole number', () => {
    expect(queryProjectId('12')).toBe(12);
    expect(queryProjectId(['7', '8'])).toBe(7);
    for (const bad of ['0', '-3', '1e3', 'abc', '', undefined, null, 5]) expect(queryProjectId(bad)).toBeUndefined();
  });

  it('refuses months that have not begun', () => {
    expect(isFutureMonth(new Date(2026, 11, 1), '2026-12')).toBe(false);
    expect(isFutureMonth(new Date(2026, 10, 30), '2026-12')).toBe(false);
    expect(isFutureMonth(new Date(2027, 0, 1), '2026-12')).toBe(true);
  });

  it('gives labour inspection 批量导入 under 案件办理 and every body that reports risks 项目数据导入 under 风险防范', async () => {
    const children = (group: string) => featureRoutes.find((route) => route.name === group)?.children ?? [];
    const imports = children('Casework').find((route) => route.path === '/imports');
    const feeds = children('Prevention').find((route) => route.path === '/projects/import');
    // One page behind both entries, the feeds-only one told so by its route.
    const page = async (route: typeof imports) => ((await (route!.component as () => Promise<{ default: unknown }>)()).default);
    expect(await page(feeds)).toBe(await page(imports));
    expect(feeds?.props).toEqual({ scope: 'feeds' });
    const allowed = (route: typeof imports, granted: string[], body: string | null) => routeAllowed([{ meta: route!.meta }], new Set(granted), body);
    expect(allowed(imports, ['case.write', 'risk.write'], 'hrss')).toBe(true);
    for (const body of ['wage_office', 'police', 'justice']) {
      expect(allowed(imports, ['risk.write'], body)).toBe(false);
      expect(allowed(feeds, ['risk.write'], body)).toBe(true);
    }
    expect(allowed(imports, ['case.write'], 'court')).toBe(false);
    expect(allowed(imports, ['case.write'], null)).toBe(false);
    expect(allowed(feeds, ['risk.read'], 'procuratorate')).toBe(false);

    const menu = (granted: string[], body: string) => {
      const items = buildMenu(featureRoutes, new Set(granted), '/', body);
      return Object.fromEntries(items.map((item) => [item.path, (item.children ?? []).map((c) => c.path)]));
    };
    // The wage-arrears office's coordinator: risk.write without case.write.
    const office = menu(['case.read', 'risk.read', 'risk.write', 'meeting.manage'], 'wage_office');
    expect(office['/casework']).not.toContain('/imports');
    expect(office['/prevention']).toContain('/projects/import');
    const police = menu(['case.read', 'case.police.act', 'risk.read', 'risk.write'], 'police');
    expect(police['/casework']).not.toContain('/imports');
    expect(police['/prevention']).toContain('/projects/import');
    const handler = menu(['case.read', 'case.write', 'risk.read', 'risk.write'], 'hrss');
    expect(handler['/casework']).toContain('/imports');
    const judge = menu(['case.read', 'risk.read'], 'court');
    expect(Object.values(judge).flat()).not.toContain('/imports');
    expect(Object.values(judge).flat()).not.toContain('/projects/import');
  });

  it('limits the feeds-only page to the feeds, whoever opens it', () => {
    expect(importKindsFor(can('case.write', 'risk.write'), 'hrss', 'feeds')).toEqual({ cases: [], feeds: ['attendance', 'payroll', 'account'] });
    expect(importKindsFor(can('case.write'), 'hrss', 'feeds')).toEqual({ cases: [], feeds: [] });
  });
});

function committed(result: ImportView['result'], over: Partial<ImportView> = {}): ImportView {
  return {
    id: 4,
    kind: 'attendance',
    status: 'committed',
    case_id: null,
    channel: '',
    project_id: 9,
    project_no: 'XM-2026-0009',
    project_name: '城东安置房三期工程',
    month: '2026-11',
    file_name: 'kq.csv',
    format: 'csv',
    encoding: 'utf-8',
    byte_size: 120,
    row_count: 3,
    columns: [],
    fields: [],
    mapping: {},
    error_count: 0,
    errors: [],
    errors_truncated: false,
    errors_csv_url: '',
    result,
    created_at: '2026-12-05T08:00:00Z',
    committed_at: '2026-12-05T08:01:00Z',
    ...over,
  };
}

describe('a committed feed in words', () => {
  const base = { records: 3, project_id: 9, project_no: 'XM-2026-0009', month: '2026-11', batch_id: 31, repeated: false, replaced_batch_id: null };

  it('names the month as people write it, the kind, the rows and the open warnings', () => {
    const text = feedResultText(committed({ ...base, open_warnings: 2 }));
    expect(text).toBe('已导入 2026年11月 考勤 3 行；该项目现有 2 条未消除预警');
    expect(text).not.toMatch(/2026-11/);
  });

  it('says when it replaced the month’s earlier report, and when no warning is open', () => {
    expect(feedResultText(committed({ ...base, records: 2, replaced_batch_id: 30, open_warnings: 0 }, { kind: 'account' }))).toBe(
      '已导入 2026年11月 专用账户流水 2 行（替换了本月此前报送的数据）；该项目目前没有未消除的预警',
    );
  });

  it('says a repeat changed nothing, and says nothing for case data or an import not committed', () => {
    expect(feedResultText(committed({ ...base, repeated: true, open_warnings: 1 }))).toBe('与本月已报送数据相同，未作变更');
    expect(feedResultText(committed({ records: 2, cases_created: 2 }, { kind: 'complaints', project_id: null, month: '' }))).toBe('');
    expect(feedResultText(committed({ ...base, open_warnings: 1 }, { status: 'validated' }))).toBe('');
  });
});

const PROJECT = { id: 7, project_no: 'XM-2026-0007', name: '城东安置房三期工程' } as Project;
const OTHER = { id: 8, project_no: 'XM-2026-0008', name: '南湖学校' } as Project;

function signedIn(permissions: string[], body: string): void {
  useAuthStore().applySession({
    csrf_token: 'token',
    user: { id: 1, username: 'coordinator', display_name: '刘协调', body: { code: body, name: '区治欠办' }, roles: [], permissions } as unknown as User,
  } as never);
}

async function mountAt(path: string, props: { scope?: ImportScope } = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/imports', name: 'Imports', component: ImportPage, meta: { titleKey: 'menu.imports' } },
      { path: '/projects/import', name: 'ProjectImport', component: ImportPage, meta: { titleKey: 'project.menu.import' } },
      { path: '/projects/:id(\\d+)', component: { render: () => null } },
    ],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(ImportPage, { props, global: { plugins: [i18n, router] } });
  await flushPromises();
  return wrapper;
}

describe('the import page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('offers the wage office the feeds only, grouped, with the project and month the link preselects', async () => {
    setActivePinia(createPinia());
    signedIn(['risk.read', 'risk.write'], 'wage_office');
    const list = vi.spyOn(projectsApi, 'list').mockResolvedValue({ items: [OTHER], total: 1 } as Page<Project>);
    const get = vi.spyOn(projectsApi, 'get').mockResolvedValue(PROJECT as never);
    const wrapper = await mountAt('/imports?kind=payroll&project_id=7');

    expect(wrapper.find('[data-test="import-case-kinds"]').exists()).toBe(false);
    // The description names what the office may import, not complaints it may not.
    expect(wrapper.text()).toContain('导入工程项目每月的实名制考勤表');
    expect(wrapper.text()).not.toContain('投诉线索');
    const feeds = wrapper.find('[data-test="import-feed-kinds"]');
    expect(feeds.text()).toContain('项目监测数据');
    expect(feeds.text()).toContain('实名制考勤表');
    expect(feeds.text()).toContain('工资支付表');
    expect(feeds.text()).toContain('专用账户流水');
    expect(wrapper.find('[data-test="import-kind-payroll"] input').element).toHaveProperty('checked', true);
    expect(list).toHaveBeenCalledWith({ page: 1, page_size: 20, q: undefined });
    expect(get).toHaveBeenCalledWith(7);
    expect(wrapper.find('[data-test="import-project"]').text()).toContain('城东安置房三期工程（XM-2026-0007）');
    // Last month by default, as people write it; nothing goes before a file is chosen.
    expect((wrapper.find('[data-test="import-month"] input').element as HTMLInputElement).value).toMatch(/^\d{4}年\d{1,2}月$/);
    expect(wrapper.find('[data-test="import-upload"]').attributes('disabled')).toBeDefined();
  });

  it('offers labour inspection the case data first, with no project to choose', async () => {
    setActivePinia(createPinia());
    signedIn(['case.write', 'risk.read', 'risk.write'], 'hrss');
    vi.spyOn(projectsApi, 'list').mockResolvedValue({ items: [OTHER], total: 1 } as Page<Project>);
    const upload = vi.spyOn(importsApi, 'upload');
    const wrapper = await mountAt('/imports');
    expect(wrapper.find('[data-test="import-case-kinds"]').text()).toContain('案件数据');
    expect(wrapper.find('[data-test="import-kind-complaints"] input').element).toHaveProperty('checked', true);
    expect(wrapper.find('[data-test="import-project"]').exists()).toBe(false);
    await wrapper.find('[data-test="import-kind-attendance"] input').setValue(true);
    expect(wrapper.find('[data-test="import-project"]').exists()).toBe(true);
    expect(upload).not.toHaveBeenCalled();
  });

  it('offers labour inspection the feeds alone on 项目数据导入, with the project the link preselects', async () => {
    setActivePinia(createPinia());
    signedIn(['case.write', 'risk.read', 'risk.write'], 'hrss');
    vi.spyOn(projectsApi, 'list').mockResolvedValue({ items: [PROJECT], total: 1 } as Page<Project>);
    const wrapper = await mountAt('/projects/import?kind=attendance&project_id=7', { scope: 'feeds' });
    expect(wrapper.text()).toContain('项目数据导入');
    expect(wrapper.text()).not.toContain('批量导入');
    expect(wrapper.find('[data-test="import-case-kinds"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="import-kind-attendance"] input').element).toHaveProperty('checked', true);
    expect(wrapper.find('[data-test="import-project"]').text()).toContain('城东安置房三期工程（XM-2026-0007）');
  });
});
