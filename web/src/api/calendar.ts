// /api/v1/settings/calendar: the working-day calendar in force, year by year, with its source — a
// notice entered by the system administrator, a notice shipped in data/calendar, or the statutory
// fallback (the law's 13 holidays; make-up working days unknown, so due dates through it are
// uncertain) — and the entry of a year's holiday notice (settings.manage).
import { http } from './http';

export type CalendarSource = 'notice' | 'file' | 'statutory';

export interface HolidayRangeInput {
  name_zh: string;
  name_en: string;
  from: string;
  to: string;
}

export interface MakeUpDayInput {
  date: string;
  for_zh: string;
  for_en: string;
}

export interface HolidayNoticeInput {
  year: number;
  document: string;
  issued: string;
  title?: string;
  url?: string;
  holidays: HolidayRangeInput[];
  make_up_workdays: MakeUpDayInput[];
}

export interface CalendarYearView extends HolidayNoticeInput {
  source: CalendarSource;
  status: string;
  citation: string;
  provisional: boolean;
  dates_status?: string;
  note_zh?: string;
  note_en?: string;
  entered_at?: string;
  entered_by?: string;
  version?: number;
}

export interface CalendarInForce {
  years: CalendarYearView[];
  holiday_names: { name_zh: string; name_en: string }[];
  statutory_citation: string;
  dates_reference: string;
  dates_status: string;
}

export interface EnteredNotice extends CalendarYearView {
  clocks_moved: number;
  clocks_clarified: number;
  defence_periods_moved: number;
}

export const calendarApi = {
  get: () => http.get<CalendarInForce>('/settings/calendar'),
  enter: (notice: HolidayNoticeInput) => http.post<EnteredNotice>('/settings/calendar/notices', notice),
};
