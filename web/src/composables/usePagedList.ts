import { ref, shallowRef } from 'vue';
import type { Page, PageQuery } from '@/api/types';
import { showError } from '@/utils/notify';

/**
 * A server-paged list: the page, size and keyword go to the server, only one page is held here.
 * Later answers win over earlier ones (a slow old request never overwrites a newer page).
 */
export function usePagedList<T>(fetchPage: (query: PageQuery) => Promise<Page<T>>, pageSize = 20) {
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const size = ref(pageSize);
  const keyword = ref('');
  const loading = ref(false);
  const failed = ref(false);
  let generation = 0;

  async function load(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    failed.value = false;
    try {
      const query: PageQuery = { page: page.value, page_size: size.value };
      if (keyword.value.trim()) query.q = keyword.value.trim();
      const answer = await fetchPage(query);
      if (mine !== generation) return;
      items.value = answer.items;
      total.value = answer.total;
    } catch (error) {
      if (mine !== generation) return;
      failed.value = true;
      showError(error);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function reset(): Promise<void> {
    keyword.value = '';
    return search();
  }

  function onPageChange(next: number): void {
    page.value = next;
    void load();
  }

  function onSizeChange(next: number): void {
    size.value = next;
    page.value = 1;
    void load();
  }

  return { items, total, page, size, keyword, loading, failed, load, search, reset, onPageChange, onSizeChange };
}

/**
 * A page from an endpoint that sends no total (meetings, action items, inbox): the pager learns
 * there is a next page from this page being full, and shows one more entry than it has seen.
 */
export function withOpenTotal<T, A extends { items: T[] }>(query: PageQuery, answer: A): A & Page<T> {
  const more = answer.items.length === query.page_size ? 1 : 0;
  return { ...answer, page: query.page, page_size: query.page_size, total: (query.page - 1) * query.page_size + answer.items.length + more };
}
