// Shapes the dashboard's aggregates for charts and tiles (pure, unit-tested).
import type { Dashboard } from '@/api/dashboard';

/** The twelve months ending with the month of `asOf` ("YYYY-MM"), oldest first. */
export function lastTwelveMonths(asOf: string): string[] {
  let year = Number(asOf.slice(0, 4));
  let month = Number(asOf.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    out.unshift(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}

/** One series per level (in the given order): risks reported per month, zero where none was. */
export function riskSeries(
  byMonth: NonNullable<Dashboard['risks']>['by_month'],
  months: readonly string[],
  levels: readonly string[],
): { level: string; data: number[] }[] {
  return levels.map((level) => ({
    level,
    data: months.map((month) => byMonth.filter((r) => r.month === month && r.level === level).reduce((n, r) => n + r.risks, 0)),
  }));
}

/** Each funnel stage with its share of the cases received (whole percent). */
export function funnelShares(funnel: Dashboard['funnel']): { stage: string; cases: number; percent: number }[] {
  const received = funnel.find((s) => s.stage === 'received')?.cases ?? 0;
  return funnel.map((s) => ({ ...s, percent: received > 0 ? Math.floor((s.cases * 100) / received) : 0 }));
}
