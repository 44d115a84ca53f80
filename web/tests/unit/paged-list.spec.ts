import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, mergeProps, nextTick, type Component } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router';
import type { Page, PageQuery } from '@/api/types';
import { i18n } from '@/locales';
import { usePagedList, type PagedListOptions } from '@/composables/usePagedList';
import PagedTable from '@/components/PagedTable.vue';

type Filters = { status: string; owner: string };
type Fetch = (query: PageQuery, filters: Readonly<Filters>) => Promise<Page<string>>;

const page = (items: string[], total = items.length): Page<string> => ({ items, total, page: 1, page_size: 20 });

/** Mounts a list page at `url` in a memory router; returns the composable's state and the router. */
async function mountList(url: string, fetchPage: Fetch, options: Partial<PagedListOptions<Filters>> = {}) {
  let list!: ReturnType<typeof usePagedList<string, Filters>>;
  const ListPage = defineComponent({
    setup() {
      list = usePagedList<string, Filters>(fetchPage, { filters: () => ({ status: 'open', owner: '' }), syncUrl: true, ...options });
      return () => h('div');
    },
  });
  const router: Router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/list', component: ListPage }] });
  await router.push(url);
  await router.isReady();
  mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [router] } });
  await flushPromises();
  return { list, router };
}

describe('usePagedList with URL sync', () => {
  it('reads page, size, keyword and filters back from the URL and sends them', async () => {
    const fetchPage = vi.fn<Fetch>().mockResolvedValue(page(['a']));
    const { list } = await mountList('/list?page=3&page_size=50&q=%E5%BC%A0&status=done&owner=police', fetchPage);
    await list.load();
    expect(fetchPage).toHaveBeenLastCalledWith({ page: 3, page_size: 50, q: '张' }, { status: 'done', owner: 'police' });
    expect(list.filters.status).toBe('done');
    expect(list.keyword.value).toBe('张');
  });

  it('ignores unreadable numbers and page sizes the pager does not offer', async () => {
    const fetchPage = vi.fn<Fetch>().mockResolvedValue(page([]));
    const { list } = await mountList('/list?page=-2&page_size=7', fetchPage);
    expect(list.page.value).toBe(1);
    expect(list.size.value).toBe(20);
  });

  it('mirrors a search and a page turn into the query, leaving defaults and foreign keys out', async () => {
    const fetchPage = vi.fn<Fetch>().mockResolvedValue(page(['a'], 200));
    const { list, router } = await mountList('/list?tab=mine', fetchPage);
    list.keyword.value = '  欠薪 ';
    list.filters.owner = 'court';
    await list.search();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ tab: 'mine', q: '欠薪', owner: 'court' });

    list.onPageChange(4);
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ tab: 'mine', q: '欠薪', owner: 'court', page: '4' });

    list.onSizeChange(100);
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ tab: 'mine', q: '欠薪', owner: 'court', page_size: '100' });

    await list.reset();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ tab: 'mine', page_size: '100' });
    expect(list.filters).toEqual({ status: 'open', owner: '' });
  });

  it('sends the filters as searched, not as half typed, when the page turns', async () => {
    const fetchPage = vi.fn<Fetch>().mockResolvedValue(page(['a'], 200));
    const { list } = await mountList('/list', fetchPage);
    list.filters.status = 'done';
    list.onPageChange(2);
    await flushPromises();
    expect(fetchPage).toHaveBeenLastCalledWith({ page: 2, page_size: 20 }, { status: 'open', owner: '' });
  });

  it('follows a link to the same page with other conditions', async () => {
    const fetchPage = vi.fn<Fetch>().mockResolvedValue(page(['a']));
    const { list, router } = await mountList('/list', fetchPage);
    await router.push('/list?status=done&page=2');
    await flushPromises();
    expect(list.filters.status).toBe('done');
    expect(fetchPage).toHaveBeenLastCalledWith({ page: 2, page_size: 20 }, { status: 'done', owner: '' });
  });

  it('does not reload when the user leaves for another page while the list is still shown', async () => {
    // The layout's leave transition keeps the old page mounted for a moment after the route changed.
    const fetchPage = vi.fn<Fetch>().mockResolvedValue(page(['a'], 100));
    let list!: ReturnType<typeof usePagedList<string, Filters>>;
    const ListPage = defineComponent({
      setup() {
        list = usePagedList<string, Filters>(fetchPage, { filters: () => ({ status: 'open', owner: '' }), syncUrl: true });
        return () => h('div');
      },
    });
    const blank = { render: () => h('p') };
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/list', component: blank }, { path: '/other', component: blank }] });
    await router.push('/list?page=2');
    await router.isReady();
    mount(ListPage, { global: { plugins: [router] } });
    await list.load();
    const calls = fetchPage.mock.calls.length;
    await router.push('/other?page=9');
    await flushPromises();
    expect(fetchPage.mock.calls.length).toBe(calls);
    expect(list.page.value).toBe(2);
  });

  it('leaves the URL alone when sync is off (tables embedded in another page)', async () => {
    const fetchPage = vi.fn<Fetch>().mockResolvedValue(page(['a'], 100));
    const { list, router } = await mountList('/list?page=5', fetchPage, { syncUrl: false });
    expect(list.page.value).toBe(1);
    list.onPageChange(2);
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ page: '5' });
  });
});

describe('usePagedList stale answers', () => {
  it('keeps the newest page when an older request answers last', async () => {
    const answers: Array<(value: Page<string>) => void> = [];
    const fetchPage = vi.fn<Fetch>(() => new Promise((resolve) => answers.push(resolve)));
    const { list } = await mountList('/list', fetchPage, { syncUrl: false });

    list.onPageChange(2);
    list.onPageChange(3);
    expect(list.loading.value).toBe(true);
    answers[1](page(['page 3']));
    await flushPromises();
    expect(list.items.value).toEqual(['page 3']);
    expect(list.loading.value).toBe(false);

    answers[0](page(['page 2']));
    await flushPromises();
    expect(list.items.value).toEqual(['page 3']);
  });

  it('does not report the failure of a request that was overtaken', async () => {
    let failOld!: (error: Error) => void;
    const fetchPage = vi
      .fn<Fetch>()
      .mockImplementationOnce(() => new Promise((_, reject) => (failOld = reject)))
      .mockResolvedValueOnce(page(['new']));
    let list!: ReturnType<typeof usePagedList<string, Filters>>;
    mount(
      defineComponent({
        setup() {
          list = usePagedList<string, Filters>(fetchPage);
          return () => h('div');
        },
      }),
    );
    const old = list.load();
    await list.load();
    failOld(new Error('late'));
    await old;
    await nextTick();
    expect(list.failed.value).toBe(false);
    expect(list.items.value).toEqual(['new']);
  });
});

describe('usePagedList bound to PagedTable', () => {
  /** A list page as the views write it: `<PagedTable v-bind="list.table" empty-text="…">`. */
  async function mountBound(fetchPage: Fetch) {
    let list!: ReturnType<typeof usePagedList<string, Filters>>;
    const wrapper = mount(
      defineComponent({
        setup() {
          list = usePagedList<string, Filters>(fetchPage);
          void list.load();
          // What the template compiler makes of v-bind="list.table" beside a plain attribute.
          return () => h(PagedTable as Component, mergeProps(list.table, { emptyText: '暂无记录', 'data-test': 'bound-table' }));
        },
      }),
      { global: { plugins: [i18n] } },
    );
    await flushPromises();
    return { list, wrapper };
  }

  it('gives the table the rows, count and page, and takes a page turn to the fetcher', async () => {
    const fetchPage = vi.fn<Fetch>().mockResolvedValue(page(['a', 'b'], 95));
    const { list, wrapper } = await mountBound(fetchPage);
    const table = wrapper.findComponent(PagedTable);
    expect(table.props()).toMatchObject({ data: ['a', 'b'], total: 95, page: 1, size: 20, loading: false });

    await wrapper.find('[data-test="paged-table-pager"] .btn-next').trigger('click');
    await flushPromises();
    expect(fetchPage).toHaveBeenLastCalledWith({ page: 2, page_size: 20 }, {});
    expect(list.page.value).toBe(2);
    expect(table.props('page')).toBe(2);
  });

  it('carries a capped count to the pager as "more than", and a later exact one as exact', async () => {
    const fetchPage = vi
      .fn<Fetch>()
      .mockResolvedValueOnce({ ...page(['a'], 10000), total_is_lower_bound: true })
      .mockResolvedValueOnce(page(['b'], 37));
    const { list, wrapper } = await mountBound(fetchPage);
    expect(list.totalIsLowerBound.value).toBe(true);
    expect(wrapper.find('[data-test="paged-table-total"]').text()).toContain('10,000+');
    await list.search();
    await flushPromises();
    expect(list.totalIsLowerBound.value).toBe(false);
    expect(wrapper.find('[data-test="paged-table-total"]').text()).toBe('共 37 条');
  });

  it('takes a size change to the fetcher from the first page', async () => {
    const fetchPage = vi.fn<Fetch>().mockResolvedValue(page(['a'], 95));
    const { wrapper } = await mountBound(fetchPage);
    await wrapper.find('[data-test="paged-table-pager"] .btn-next').trigger('click');
    wrapper.findComponent({ name: 'ElPagination' }).vm.$emit('size-change', 50);
    await flushPromises();
    expect(fetchPage).toHaveBeenLastCalledWith({ page: 1, page_size: 50 }, {});
    expect(wrapper.findComponent(PagedTable).props('size')).toBe(50);
  });

  it('keeps the handlers off the inner table and passes the other attributes on', async () => {
    const { wrapper } = await mountBound(vi.fn<Fetch>().mockResolvedValue(page([])));
    const inner = wrapper.findComponent({ name: 'ElTable' });
    expect(inner.attributes('data-test')).toBe('bound-table');
    expect(Object.keys(inner.vm.$attrs)).not.toContain('onPageChange');
  });
});
