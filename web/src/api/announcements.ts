import { http } from './http';
import type { Page, PageQuery } from './types';

/** 通知公告 as the caller sees it. */
export interface Announcement {
  id: number;
  title: string;
  body: string;
  published_by_name: string;
  /** Body code of the publisher; shown through useBodyName. */
  published_body: string;
  published_at: string;
  withdrawn_at: string | null;
  withdrawn_by_name: string | null;
  /** When the caller first opened it; null while unread. */
  read_at: string | null;
}

export interface AnnouncementPage extends Page<Announcement> {
  unread: number;
  can_publish: boolean;
}

export interface BodyReceipts {
  body_code: string;
  body_name_zh: string;
  body_name_en: string;
  people: number;
  read: number;
  readers: { display_name: string; read_at: string | null }[];
}

export const announcementsApi = {
  list: (query: PageQuery) => http.get<AnnouncementPage>('/announcements', query),
  open: (id: number) => http.get<Announcement>(`/announcements/${id}`),
  publish: (title: string, body: string) => http.post<Announcement>('/announcements', { title, body }),
  withdraw: (id: number) => http.post<Announcement>(`/announcements/${id}/withdraw`),
  receipts: (id: number) => http.get<{ bodies: BodyReceipts[] }>(`/announcements/${id}/receipts`),
};
