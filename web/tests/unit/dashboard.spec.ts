import { describe, expect, it } from 'vitest';
import { funnelShares, lastTwelveMonths, riskSeries } from '@/utils/dashboard';

describe('dashboard shaping', () => {
  it('lists twelve months across a year boundary', () => {
    const months = lastTwelveMonths('2026-03-10T02:00:00Z');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-04');
    expect(months[11]).toBe('2026-03');
  });

  it('fills months without reports with zeros, one series per level', () => {
    const series = riskSeries(
      [
        { month: '2026-03', level: 'major', risks: 2 },
        { month: '2026-01', level: 'general', risks: 1 },
      ],
      ['2026-01', '2026-02', '2026-03'],
      ['general', 'major'],
    );
    expect(series).toEqual([
      { level: 'general', data: [1, 0, 0] },
      { level: 'major', data: [0, 0, 2] },
    ]);
  });

  it('gives each funnel stage its share of the complaints received', () => {
    expect(funnelShares([{ stage: 'received', cases: 4 }, { stage: 'paid', cases: 1 }] as never)).toEqual([
      { stage: 'received', cases: 4, percent: 100 },
      { stage: 'paid', cases: 1, percent: 25 },
    ]);
    expect(funnelShares([{ stage: 'received', cases: 0 }] as never)[0].percent).toBe(0);
  });
});
