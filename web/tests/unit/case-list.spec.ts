import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/locales';
import { casesApi, type CaseSummary } from '@/api/cases';
import type { Page } from '@/api/types';
import type { User } from '@/api/auth';
import { useAuthStore } from '@/store/auth';
import CaseListView from '@/views/cases/CaseListView.vue';

function signedInAsPolice(): void {
  useAuthStore().applySession({
    csrf_token: 'token',
    user: { id: 2, username: 'police', display_name: '王民警', body: { code: 'police', name: '区公安分局' }, roles: [], permissions: ['case.read'] } as unknown as User,
  } as never);
}

async function mountIncoming() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cases/incoming', name: 'CaseIncoming', component: CaseListView, meta: { titleKey: 'menu.caseIncoming', casePreset: 'incoming' } },
      { path: '/cases/:id(\\d+)', name: 'CaseDetail', component: { render: () => null } },
    ],
  });
  await router.push('/cases/incoming');
  await router.isReady();
  const wrapper = mount(CaseListView, { global: { plugins: [i18n, router] } });
  await flushPromises();
  return wrapper;
}

const badge = (wrapper: Awaited<ReturnType<typeof mountIncoming>>, key: string) =>
  wrapper.find(`[data-test="case-tab-${key}"] .tabs__count`).text();

describe('the case list tabs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('counts every tab in one request and prints a capped search count as "10,000+"', async () => {
    setActivePinia(createPinia());
    signedInAsPolice();
    vi.spyOn(casesApi, 'list').mockResolvedValue({ items: [] as CaseSummary[], total: 0 } as Page<CaseSummary>);
    const tabCounts = vi.spyOn(casesApi, 'tabCounts').mockResolvedValue({
      counts: [
        { state: null, total: 1234567, total_is_lower_bound: false },
        { state: 'transferred', total: 10000, total_is_lower_bound: true },
        { state: 'materials_supplement', total: 3, total_is_lower_bound: false },
      ],
    });
    const wrapper = await mountIncoming();

    expect(tabCounts).toHaveBeenCalledTimes(1);
    expect(tabCounts).toHaveBeenCalledWith({ state: 'transferred,materials_supplement', party: 'police', q: undefined, all: true });
    expect(badge(wrapper, 'all')).toBe('1,234,567');
    expect(badge(wrapper, 'transferred')).toBe('10,000+');
    expect(badge(wrapper, 'materials_supplement')).toBe('3');

    // The server takes a term of at most 100 characters; the box stops there.
    expect(wrapper.find('input[data-test="case-search"]').attributes('maxlength')).toBe('100');
    // A search counts the tabs again, with the term, still in one request.
    await wrapper.find('input[data-test="case-search"]').setValue('滨海花园');
    await wrapper.find('form[role="search"]').trigger('submit');
    await flushPromises();
    expect(tabCounts).toHaveBeenCalledTimes(2);
    expect(tabCounts).toHaveBeenLastCalledWith({ state: 'transferred,materials_supplement', party: 'police', q: '滨海花园', all: true });
  });

  it('leaves a badge blank, not stale, when the counts cannot be had', async () => {
    setActivePinia(createPinia());
    signedInAsPolice();
    vi.spyOn(casesApi, 'list').mockResolvedValue({ items: [] as CaseSummary[], total: 0 } as Page<CaseSummary>);
    const tabCounts = vi
      .spyOn(casesApi, 'tabCounts')
      .mockResolvedValueOnce({ counts: [{ state: 'transferred', total: 10000, total_is_lower_bound: true }] })
      .mockRejectedValueOnce(new Error('offline'));
    const wrapper = await mountIncoming();
    expect(badge(wrapper, 'transferred')).toBe('10,000+');
    expect(badge(wrapper, 'all')).toBe('·');

    await wrapper.find('form[role="search"]').trigger('submit');
    await flushPromises();
    expect(tabCounts).toHaveBeenCalledTimes(2);
    expect(badge(wrapper, 'transferred')).toBe('·');
  });
});
