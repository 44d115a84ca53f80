import { reactive, shallowRef } from 'vue';
import type { Query } from '@/api/http';
import type { Page, PageQuery } from '@/api/types';
import { usePagedList } from '@/composables/usePagedList';

/**
 * A log page's search: the form as typed, and the search applied. The table pages through the
 * applied search and the export link carries the same one, so what is exported is what is shown.
 */
export function useLogSearch<F extends object, T>(
  empty: () => F,
  toQuery: (form: F) => Query,
  fetchPage: (query: PageQuery) => Promise<Page<T>>,
) {
  const form = reactive(empty()) as F;
  const applied = shallowRef<Query>({});
  const list = usePagedList<T>((query) => fetchPage({ ...query, ...applied.value }));

  function search(): Promise<void> {
    applied.value = toQuery(form);
    return list.search();
  }

  function reset(): Promise<void> {
    Object.assign(form, empty());
    return search();
  }

  return { form, applied, list, search, reset };
}
