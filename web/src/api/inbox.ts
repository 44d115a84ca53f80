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
