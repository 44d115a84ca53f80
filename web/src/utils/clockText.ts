import type { CaseClock } from '@/api/cases';
import { formatDateTime } from './datetime';

/**
 * When a clock falls due, in Beijing time. A period ending at midnight is written the way the law
 * counts it — the last day "24:00" (2025-12-08 24:00) — not as 00:00 of the following day.
 */
export function clockDueText(clock: Pick<CaseClock, 'due_at' | 'due_date'>): string {
  const wall = formatDateTime(clock.due_at, false);
  if (wall === '—') return clock.due_date || '—';
  if (wall.endsWith(' 00:00') && clock.due_date && wall.slice(0, 10) !== clock.due_date) return `${clock.due_date} 24:00`;
  return wall;
}
