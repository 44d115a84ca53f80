import { computed, reactive, watch } from 'vue';
import type { Query } from '@/api/http';
import type { Page, PageQuery } from '@/api/types';
import { usePagedList } from '@/composables/usePagedList';
import type { SearchParams } from './logSearch';

/** Only the conditions that are set: what the server and the export link get. */
function setParts(params: Record<string, string>): Query {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== ''));
}

/**
 * A log page's search: the form as typed, and the search applied. The table pages through the
 * applied search and the export link carries the same one, so what is exported is what is shown.
 * The applied search, page and size are kept in the address, so a reload or a shared link shows
 * the same entries; the form is filled back from it.
 */
export function useLogSearch<F extends object, K extends string, T>(
  empty: () => F,
  toParams: (form: F) => SearchParams<K>,
  fromParams: (params: SearchParams<K>) => F,
  fetchPage: (query: PageQuery) => Promise<Page<T>>,
) {
  const list = usePagedList<T, SearchParams<K>>((query, params) => fetchPage({ ...query, ...setParts(params) }), {
    filters: () => toParams(empty()),
    syncUrl: true,
  });
  const form = reactive(fromParams(list.appliedFilters.value)) as F;
  const applied = computed<Query>(() => setParts(list.appliedFilters.value));
  // A link followed to this page with another search shows that search in the form too.
  watch(list.appliedFilters, (params) => Object.assign(form, fromParams(params)));

  function search(): Promise<void> {
    Object.assign(list.filters, toParams(form));
    return list.search();
  }

  function reset(): Promise<void> {
    Object.assign(form, empty());
    return search();
  }

  return { form, applied, list, search, reset };
}
