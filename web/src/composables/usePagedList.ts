import { reactive, ref, shallowRef, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import type { Page, PageQuery } from '@/api/types';
import { showError } from '@/utils/notify';

/** The page sizes every list offers (PagedTable shows them); a URL asking for another size gets the default. */
export const PAGE_SIZES: readonly number[] = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;

/** A list's filters: named strings, so they read back from a URL exactly as they were written. */
export type ListFilters = Record<string, string>;

export interface PagedListOptions<F extends ListFilters> {
  /** Rows per page before the user picks another size. */
  pageSize?: number;
  /** The filters as they are when cleared (reset() returns to these; the URL leaves them out). */
  filters?: () => F;
  /**
   * Mirror page, page_size, q and the filters into the route query (router.replace), and read them
   * back on load, so a reload or a shared link shows the same page. Leave it off for tables
   * embedded in another page: two lists on one URL would fight over "page".
   */
  syncUrl?: boolean;
}

/** What the fetcher gets: the page, size and keyword as one query, and the filters as searched. */
export type PageFetcher<T, F extends ListFilters> = (query: PageQuery, filters: Readonly<F>) => Promise<Page<T>>;

function queryText(query: LocationQuery, key: string): string | undefined {
  const value = query[key];
  return typeof value === 'string' ? value : undefined;
}

function positiveInteger(text: string | undefined): number | null {
  const value = Number(text);
  return text && Number.isInteger(value) && value >= 1 ? value : null;
}

/**
 * A server-paged list: the page, size, keyword and filters go to the server, only one page is held
 * here. Later answers win over earlier ones (a slow old request never overwrites a newer page).
 *
 * `filters` is the form as typed; the server gets the filters as they were at the last search
 * (search/reset), so turning a page never sends a half-typed condition.
 */
export function usePagedList<T, F extends ListFilters = Record<never, string>>(
  fetchPage: PageFetcher<T, F>,
  options: PagedListOptions<F> | number = {},
) {
  const settings = typeof options === 'number' ? { pageSize: options } : options;
  const defaultSize = settings.pageSize ?? DEFAULT_PAGE_SIZE;
  const emptyFilters = settings.filters ?? (() => ({}) as F);
  // Routing is only touched when asked for: embedded tables may live outside any router view.
  const route = settings.syncUrl ? useRoute() : null;
  const router = settings.syncUrl ? useRouter() : null;

  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const totalIsLowerBound = ref(false);
  const page = ref(1);
  const size = ref(defaultSize);
  const keyword = ref('');
  // Plain strings only, so the reactive proxy has the very shape of F.
  const filters = reactive(emptyFilters()) as F;
  const loading = ref(false);
  const failed = ref(false);
  let searched = { keyword: '', filters: emptyFilters() };
  /** The filters the shown page was asked with (an export link should carry the same). */
  const appliedFilters = shallowRef<Readonly<F>>(searched.filters);
  let generation = 0;

  function snapshot(): void {
    // A cleared select gives undefined: it searches, and is written, as the empty string.
    const current = {} as Record<string, string>;
    for (const [key, value] of Object.entries(filters)) current[key] = value ?? '';
    searched = { keyword: keyword.value.trim(), filters: current as F };
    appliedFilters.value = searched.filters;
  }

  /** Our part of the URL for the current state: only what differs from a fresh list. */
  function urlQuery(): Record<string, string> {
    const query: Record<string, string> = {};
    if (page.value > 1) query.page = String(page.value);
    if (size.value !== defaultSize) query.page_size = String(size.value);
    if (searched.keyword) query.q = searched.keyword;
    const empty = emptyFilters();
    for (const [key, value] of Object.entries(searched.filters)) {
      if (value !== empty[key]) query[key] = value;
    }
    return query;
  }

  function ownKeys(): string[] {
    return ['page', 'page_size', 'q', ...Object.keys(emptyFilters())];
  }

  /** Take page, size, keyword and filters from the URL; missing or unreadable parts get defaults. */
  function readUrl(query: LocationQuery): void {
    page.value = positiveInteger(queryText(query, 'page')) ?? 1;
    const wanted = positiveInteger(queryText(query, 'page_size'));
    size.value = wanted !== null && (PAGE_SIZES.includes(wanted) || wanted === defaultSize) ? wanted : defaultSize;
    keyword.value = queryText(query, 'q') ?? '';
    const empty = emptyFilters();
    for (const key of Object.keys(empty)) {
      (filters as Record<string, string>)[key] = queryText(query, key) ?? empty[key];
    }
    snapshot();
  }

  let lastWritten = '';
  function writeUrl(): void {
    if (!route || !router) return;
    // Query keys that belong to the page itself (a tab, a preset) are kept as they are.
    const kept: LocationQueryRaw = {};
    for (const [key, value] of Object.entries(route.query)) {
      if (!ownKeys().includes(key)) kept[key] = value;
    }
    const ours = urlQuery();
    lastWritten = JSON.stringify(ours);
    void router.replace({ query: { ...kept, ...ours } });
  }

  if (route) {
    readUrl(route.query);
    lastWritten = JSON.stringify(urlQuery());
    const listPath = route.path;
    // A link to the same page with other conditions (a menu entry, the back button) is followed;
    // leaving for another page (whose query is none of our business) is not.
    watch(
      () => route.query,
      (query) => {
        if (route.path !== listPath) return;
        const own: Record<string, string> = {};
        for (const key of ownKeys()) {
          const value = queryText(query, key);
          if (value !== undefined) own[key] = value;
        }
        if (JSON.stringify(own) === lastWritten) return;
        readUrl(query);
        lastWritten = JSON.stringify(urlQuery());
        void load();
      },
    );
  }

  async function load(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    failed.value = false;
    try {
      const query: PageQuery = { page: page.value, page_size: size.value };
      if (searched.keyword) query.q = searched.keyword;
      const answer = await fetchPage(query, searched.filters);
      if (mine !== generation) return;
      items.value = answer.items;
      total.value = answer.total;
      totalIsLowerBound.value = answer.total_is_lower_bound === true;
    } catch (error) {
      if (mine !== generation) return;
      failed.value = true;
      showError(error);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** Apply the keyword and filters as typed, from the first page. */
  function search(): Promise<void> {
    page.value = 1;
    snapshot();
    writeUrl();
    return load();
  }

  function reset(): Promise<void> {
    keyword.value = '';
    Object.assign(filters, emptyFilters());
    return search();
  }

  function onPageChange(next: number): void {
    page.value = next;
    writeUrl();
    void load();
  }

  function onSizeChange(next: number): void {
    size.value = next;
    page.value = 1;
    writeUrl();
    void load();
  }

  /**
   * What <PagedTable> needs, as one object: `<PagedTable v-bind="list.table">`. The handlers carry
   * Vue's listener names, so v-bind wires them to page-change and size-change. A page that shows
   * other rows than the page fetched (a client-side filter) puts its own `:data` after the v-bind.
   */
  const table = reactive({ data: items, total, totalIsLowerBound, page, size, loading, onPageChange, onSizeChange });

  return { items, total, totalIsLowerBound, page, size, keyword, filters, appliedFilters, loading, failed, table, load, search, reset, onPageChange, onSizeChange };
}

/**
 * A page from an endpoint that sends no total (meetings, action items, inbox): the pager learns
 * there is a next page from this page being full, and shows one more entry than it has seen.
 */
export function withOpenTotal<T, A extends { items: T[] }>(query: PageQuery, answer: A): A & Page<T> {
  const more = answer.items.length === query.page_size ? 1 : 0;
  return { ...answer, page: query.page, page_size: query.page_size, total: (query.page - 1) * query.page_size + answer.items.length + more };
}
