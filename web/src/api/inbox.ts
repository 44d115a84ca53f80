// /api/v1/inbox: the in-system inbox (站内信) of the caller's body, newest first.
import { API_PREFIX, http } from './http';
import type { PageQuery } from './types';

export interface InboxItem {
  id: number;
  kind: string;
  title_zh: string;
  title_en: string;
  case_id: number | null;
  created_at: string;
  read: boolean;
}

export interface InboxPage {
  items: InboxItem[];
  unread: number;
  page: number;
  page_size: number;
}

/** Server-Sent Events of new notifications (when the server offers it; see utils/liveFeed.ts). */
export const INBOX_STREAM_URL = `${API_PREFIX}/inbox/stream`;

export const inboxApi = {
  list: (query: PageQuery) => http.get<InboxPage>('/inbox', query),
  markRead: (id: number) => http.post<void>(`/inbox/${encodeURIComponent(String(id))}/read`),
};

/** Per-user choice, per notification category, of the inbox and the body's webhook. */
export interface CategoryPreference {
  category: string;
  name_zh?: string;
  name_en?: string;
  inbox: boolean;
  webhook: boolean;
}

export const inboxPreferencesApi = {
  get: () => http.get<{ categories: CategoryPreference[] }>('/inbox/preferences'),
  update: (categories: CategoryPreference[]) =>
    http.put<{ categories: CategoryPreference[] }>('/inbox/preferences', {
      categories: categories.map(({ category, inbox, webhook }) => ({ category, inbox, webhook })),
    }),
};
