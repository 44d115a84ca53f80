import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n, setLocale } from '@/locales';
import PagedTable from '@/components/PagedTable.vue';

function mountTable(props: Record<string, unknown> = {}) {
  return mount(PagedTable, {
    props: { data: [], total: 95, page: 1, size: 20, emptyText: '暂无记录', ...props },
    attrs: { 'data-test': 'demo-table' },
    global: { plugins: [i18n] },
  });
}

describe('PagedTable', () => {
  it('emits the page a pager button asks for', async () => {
    const wrapper = mountTable();
    const pager = wrapper.find('[data-test="paged-table-pager"]');
    await pager.find('.btn-next').trigger('click');
    expect(wrapper.emitted('page-change')).toEqual([[2]]);
    await pager.findAll('.el-pager li').find((li) => li.text() === '5')!.trigger('click');
    expect(wrapper.emitted('page-change')).toEqual([[2], [5]]);
  });

  it('emits the size a user picks, from the standard sizes', async () => {
    const wrapper = mountTable();
    const pagination = wrapper.findComponent({ name: 'ElPagination' });
    expect(pagination.props('pageSizes')).toEqual([10, 20, 50, 100]);
    expect(pagination.props('layout')).toBe('slot, sizes, prev, pager, next, jumper');
    // The sizes select is a popper; its change is what el-pagination turns into size-change.
    pagination.vm.$emit('size-change', 50);
    expect(wrapper.emitted('size-change')).toEqual([[50]]);
  });

  it('shows neither count nor jump box when the server sends no total', () => {
    const wrapper = mountTable({ openTotal: true });
    expect(wrapper.findComponent({ name: 'ElPagination' }).props('layout')).toBe('sizes, prev, pager, next');
    expect(wrapper.find('[data-test="paged-table-total"]').exists()).toBe(false);
  });

  it('prints an exact count with digit grouping', () => {
    const wrapper = mountTable({ total: 1000008 });
    expect(wrapper.find('[data-test="paged-table-total"]').text()).toBe('共 1,000,008 条');
  });

  it('says "more than" when the server stopped counting at its cap', async () => {
    const wrapper = mountTable({ total: 10000, totalIsLowerBound: true });
    const text = wrapper.find('[data-test="paged-table-total"]').text();
    expect(text).toContain('共 10,000+ 条');
    expect(text).not.toBe('共 10,000 条');
    await setLocale('en');
    try {
      await wrapper.vm.$nextTick();
      expect(wrapper.find('[data-test="paged-table-total"]').text()).toContain('More than 10,000');
    } finally {
      await setLocale('zh-CN');
    }
  });

  it('passes table attributes through and shows the empty text with no rows', () => {
    const wrapper = mountTable();
    expect(wrapper.find('.el-table').attributes('data-test')).toBe('demo-table');
    expect(wrapper.text()).toContain('暂无记录');
  });

  it('draws no pager for a table given all its rows', () => {
    const wrapper = mountTable({ pager: false });
    expect(wrapper.find('[data-test="paged-table-pager"]').exists()).toBe(false);
  });
});
