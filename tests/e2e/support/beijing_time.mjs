// Beijing wall time (UTC+8, no DST) as the specs type it into the pickers and the API takes it.

export const DAY = 86_400_000;

export const pad = (n) => String(n).padStart(2, '0');

/** "YYYY-MM-DD HH:mm" in Beijing, as the date-time pickers take it. */
export function beijing(ms) {
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The Beijing civil date "YYYY-MM-DD" of an instant. */
export const beijingDay = (ms) => beijing(ms).slice(0, 10);

/**
 * The Beijing month `n` months before today's: its "YYYY-MM", its year and month, and the way the
 * pages write it ("2026年11月"). The server runs on the real clock, so a spec's months move with it.
 */
export function beijingMonthBefore(n, now = Date.now()) {
  const [year, month] = beijingDay(now).split('-').map(Number);
  const index = year * 12 + (month - 1) - n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { value: `${y}-${pad(m)}`, year: y, month: m, zh: `${y}年${m}月` };
}
