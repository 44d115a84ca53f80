import type { CaseClock } from '@/api/cases';
import { formatDateLong, toBeijingWall } from './datetime';

/**
 * When a clock falls due, in Beijing time. A period ending at midnight is written the way the law
 * counts it — the last day at 24 o'clock ("2025年12月8日24时"; "2025-12-08 24:00" in English) — not
 * as 00:00 of the following day. Chinese reads as people write dates: "2025年12月13日10时00分".
 */
export function clockDueText(clock: Pick<CaseClock, 'due_at' | 'due_date'>, locale: string = 'zh-CN'): string {
  const en = locale.startsWith('en');
  // Work on the machine form "YYYY-MM-DD HH:mm" and write it for the reader at the end.
  const wall = clock.due_at ? toBeijingWall(clock.due_at).slice(0, 16) : '';
  if (!wall) return clock.due_date ? formatDateLong(clock.due_date, locale) : '—';
  const [date, time] = wall.split(' ');
  if (time === '00:00' && clock.due_date && date !== clock.due_date) {
    return en ? `${clock.due_date} 24:00` : `${formatDateLong(clock.due_date, locale)}24时`;
  }
  if (en) return wall;
  const [hour, minute] = time.split(':');
  return `${formatDateLong(date, locale)}${Number(hour)}时${minute}分`;
}
