// Instants travel as ISO-8601 UTC strings; users read them as Beijing time (Asia/Shanghai),
// whatever time zone the browser machine happens to be set to.

import { currentLocale } from '@/locales';

export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function shanghaiParts(date: Date): Parts {
  const parts = {} as Parts;
  for (const part of partsFormatter.formatToParts(date)) {
    if (part.type in { year: 1, month: 1, day: 1, hour: 1, minute: 1, second: 1 }) {
      parts[part.type as keyof Parts] = part.value;
    }
  }
  return parts;
}

/** The reader's language: dates follow the UI locale unless a caller names one. */
function readerLocale(): string {
  return currentLocale();
}

function isEnglish(locale: string): boolean {
  return locale.startsWith('en');
}

/** A civil date "YYYY-MM-DD" as the locale writes it: "2026年3月1日" or "2026-03-01". */
function civilDateText(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || isEnglish(locale)) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * Instant → Beijing civil date "YYYY-MM-DD", whatever the UI language: for picker values, query
 * strings and map keys. A bare civil date ("2026-03-01") is returned as is; "" when unreadable.
 */
export function isoDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = toDate(value);
  if (!date) return '';
  const p = shanghaiParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * Instant → Beijing wall time for reading: "2026年3月1日 14:05" in Chinese, "2026-03-01 14:05" in
 * English; seconds only when the caller asks (logs). "—" for empty or invalid input.
 */
export function formatDateTime(
  value: string | number | Date | null | undefined,
  withSeconds = false,
  locale: string = readerLocale(),
): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = toDate(value);
  if (!date) return '—';
  const p = shanghaiParts(date);
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${civilDateText(`${p.year}-${p.month}-${p.day}`, locale)} ${time}`;
}

/** Instant or civil date → the date for reading: "2026年3月1日" or "2026-03-01"; "—" when empty. */
export function formatDate(value: string | number | Date | null | undefined, locale: string = readerLocale()): string {
  const iso = isoDate(value);
  return iso ? civilDateText(iso, locale) : '—';
}

/** Instant → month, day and time without the year, for short feeds: "12月5日 00:15" or "12-05 00:15". */
export function formatShortDateTime(value: string | number | Date | null | undefined, locale: string = readerLocale()): string {
  const wall = value === null || value === undefined || value === '' ? '' : toBeijingWall(value);
  if (!wall) return '—';
  const [, month, day] = wall.slice(0, 10).split('-');
  const time = wall.slice(11, 16);
  return isEnglish(locale) ? `${month}-${day} ${time}` : `${Number(month)}月${Number(day)}日 ${time}`;
}

/** Instant → Beijing time of day "HH:mm", for calendar cells that already show the date. */
export function formatClockTime(value: string | number | Date | null | undefined): string {
  const wall = value === null || value === undefined || value === '' ? '' : toBeijingWall(value);
  return wall ? wall.slice(11, 16) : '—';
}

/** The same as formatDate; kept for callers that pass the locale they already hold. */
export function formatDateLong(value: string | null | undefined, locale: string = readerLocale()): string {
  return formatDate(value, locale);
}

/** Hour of day (0–23) in Beijing, for greetings. */
export function shanghaiHour(now: Date): number {
  return Number(shanghaiParts(now).hour);
}

/** Seconds → "mm:ss" (or "h:mm:ss" past an hour) for countdowns. */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** Whole days from `now` until `value` (negative when past); null when value is empty. */
export function daysUntil(value: string | null | undefined, now: Date = new Date()): number | null {
  if (!value) return null;
  const date = toDate(value);
  if (!date) return null;
  return Math.floor((date.getTime() - now.getTime()) / 86_400_000);
}

/** Beijing is UTC+8 all year (no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Instant → Beijing wall time "YYYY-MM-DD HH:mm:ss", the value format of the date-time pickers. */
export function toBeijingWall(value: string | number | Date): string {
  const date = toDate(value);
  if (!date) return '';
  const p = shanghaiParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Beijing wall time ("YYYY-MM-DD HH:mm[:ss]") → RFC 3339 UTC instant "…Z"; null when unreadable. */
export function beijingWallToIso(wall: string | null | undefined): string | null {
  if (!wall) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - BEIJING_OFFSET_MS;
  const date = new Date(utc);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Today's civil date in Beijing ("2026-03-01"), or the day `offsetDays` away. */
export function beijingToday(now: Date = new Date(), offsetDays = 0): string {
  return isoDate(new Date(now.getTime() + offsetDays * 86_400_000));
}

/** A date picker cell (a Date at local midnight) → "YYYY-MM-DD" as the picker shows it. */
export function pickerDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Remaining time of a clock as words: "2 天 3 小时" / "3 小时 12 分" / "12 分 5 秒".
 * Negative seconds describe how long ago it fell due; the caller decides the wording around it.
 */
export function formatDuration(totalSeconds: number, locale: string = 'zh-CN'): string {
  const s = Math.abs(Math.trunc(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const en = locale.startsWith('en');
  const unit = (n: number, zh: string, enUnit: string) => (en ? `${n} ${enUnit}${n === 1 ? '' : 's'}` : `${n} ${zh}`);
  if (days > 0) return `${unit(days, '天', 'day')} ${unit(hours, '小时', 'hour')}`;
  if (hours > 0) return `${unit(hours, '小时', 'hour')} ${unit(minutes, '分', 'minute')}`;
  return `${unit(minutes, '分', 'minute')} ${unit(seconds, '秒', 'second')}`;
}

/** How often something recurs, in its largest whole unit: "每 5 分钟" / "every 5 minutes", "每 1 天". */
export function formatInterval(totalSeconds: number, locale: string = currentLocale()): string {
  const s = Math.max(0, Math.trunc(totalSeconds));
  const en = locale.startsWith('en');
  const units: [number, string, string][] = [
    [86_400, '天', 'day'],
    [3600, '小时', 'hour'],
    [60, '分钟', 'minute'],
    [1, '秒', 'second'],
  ];
  const [size, zh, enUnit] = units.find(([unit]) => s > 0 && s % unit === 0) ?? units[3];
  const n = s / size;
  return en ? `every ${n} ${enUnit}${n === 1 ? '' : 's'}` : `每 ${n} ${zh}`;
}

/** Server-written sentences may carry UTC instants ("…2026-11-29T01:00:00Z…"): shown as Beijing time. */
export function localiseInstants(text: string): string {
  return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g, (instant) => formatDateTime(instant, false));
}

const ENGLISH_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * A month "YYYY-MM" for reading: "2025年12月" in Chinese, "December 2025" in English; "—" when
 * empty, and anything that is not such a month as it came.
 */
export function formatMonth(month: string | null | undefined, locale: string = readerLocale()): string {
  if (!month) return '—';
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return month;
  return isEnglish(locale) ? `${ENGLISH_MONTHS[Number(m[2]) - 1]} ${m[1]}` : `${m[1]}年${Number(m[2])}月`;
}

/** What a month picker shows (Element Plus / dayjs tokens), worded as formatMonth words a month. */
export function monthPickerFormat(locale: string = readerLocale()): string {
  return isEnglish(locale) ? 'MMMM YYYY' : 'YYYY年M月';
}

/** The Beijing month "YYYY-MM" of an instant, `offsetMonths` away (−1: the month before). */
export function beijingMonth(now: Date = new Date(), offsetMonths = 0): string {
  const [year, month] = isoDate(now).split('-').map(Number);
  const index = year * 12 + (month - 1) + offsetMonths;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
