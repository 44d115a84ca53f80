// Instants travel as ISO-8601 UTC strings; users read them as Beijing time (Asia/Shanghai),
// whatever time zone the browser machine happens to be set to.

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

/** "2026-03-01T06:05:09Z" → "2026-03-01 14:05:09"; "—" for empty or invalid input. */
export function formatDateTime(value: string | number | Date | null | undefined, withSeconds = true): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = toDate(value);
  if (!date) return '—';
  const p = shanghaiParts(date);
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** Instant → civil date in Beijing: "2026-03-01". A bare civil date ("2026-03-01") is returned as is. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = toDate(value);
  if (!date) return '—';
  const p = shanghaiParts(date);
  return `${p.year}-${p.month}-${p.day}`;
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
