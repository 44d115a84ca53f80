// /api/v1/meetings and /api/v1/action-items: joint meetings (联席会议) with the agenda the server
// builds from the data at creation, minutes and attendance, decisions tracked as action items.
import { http } from './http';
import type { PageQuery } from './types';

export type MeetingKind = 'regular' | 'ad_hoc';

export interface Meeting {
  id: number;
  meeting_no: string;
  kind: MeetingKind;
  title: string;
  scheduled_at: string;
  location: string;
  status: string;
  convener_body: string;
  created_at: string;
}

export interface AgendaItem {
  id: number;
  position: number;
  /** generated sources (major_risk, overdue_clock …) or "manual" for what the convener added. */
  source: string;
  ref_type: string;
  ref_id: number | null;
  title: string;
  detail: string;
  added_by: string;
}

export interface Attendance {
  body_code: string;
  name: string;
  present: boolean;
}

export interface ActionItem {
  id: number;
  meeting_id: number;
  decision: string;
  owner_body: string;
  due_date: string;
  status: string;
  evidence: string | null;
  completed_at: string | null;
  completed_by_body: string | null;
  overdue_notified_at: string | null;
  risk_id: number | null;
  /** The linked risk's number ("" without one). */
  risk_no: string;
  case_id: number | null;
  created_at: string;
}

export interface MeetingDetail extends Meeting {
  minutes: string;
  agenda: AgendaItem[];
  attendance: Attendance[];
  action_items: ActionItem[];
}

export interface MeetingInput {
  kind: MeetingKind;
  title: string;
  scheduled_at: string;
  location?: string;
}

export interface DecisionInput {
  decision: string;
  owner_body: string;
  due_date: string;
  risk_id?: number;
  case_id?: number;
}

/** A page without a total (the server answers "more or not" by the page being full). */
export interface OpenPage<T> {
  items: T[];
  page: number;
  page_size: number;
}

const path = (id: number | string, tail = '') => `/meetings/${encodeURIComponent(String(id))}${tail}`;

export const meetingsApi = {
  list: (query: PageQuery) => http.get<OpenPage<Meeting>>('/meetings', query),
  get: (id: number | string) => http.get<MeetingDetail>(path(id)),
  create: (body: MeetingInput) => http.post<MeetingDetail>('/meetings', body),
  addAgenda: (id: number | string, title: string, detail?: string) =>
    http.post<MeetingDetail>(path(id, '/agenda'), { title, detail }),
  removeAgenda: (id: number | string, itemId: number) => http.delete<MeetingDetail>(path(id, `/agenda/${itemId}`)),
  recordMinutes: (id: number | string, minutes: string, attendance: Attendance[]) =>
    http.put<MeetingDetail>(path(id, '/minutes'), { minutes, attendance }),
  addDecision: (id: number | string, body: DecisionInput) => http.post<MeetingDetail>(path(id, '/decisions'), body),
  actionItems: (query: PageQuery & { status?: string; owner_body?: string }) =>
    http.get<OpenPage<ActionItem>>('/action-items', query),
  completeActionItem: (id: number, evidence: string) =>
    http.post<ActionItem>(`/action-items/${encodeURIComponent(String(id))}/complete`, { evidence }),
};
