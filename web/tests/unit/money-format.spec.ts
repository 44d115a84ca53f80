import { describe, expect, it } from 'vitest';
import { fenToPlainYuan, formatMoney, normaliseYuanInput, percentOf, sumFen } from '@/utils/money';
import { beijingToday, beijingWallToIso, formatDuration, toBeijingWall } from '@/utils/datetime';
import { clockDueText } from '@/utils/clockText';

describe('money as the API sends it', () => {
  it('shows {fen, yuan} from the fen, grouped, with 元', () => {
    expect(formatMoney({ fen: 18640000, yuan: '186400.00' })).toBe('186,400.00 元');
    expect(formatMoney({ fen: 6640000, yuan: '66400.00' }, 'en')).toBe('CNY 66,400.00');
    expect(formatMoney(null)).toBe('—');
  });

  it('turns typed 元 into the plain decimal the API accepts', () => {
    expect(normaliseYuanInput('120,000')).toBe('120000.00');
    expect(normaliseYuanInput('21300.5')).toBe('21300.50');
    expect(normaliseYuanInput('0.07')).toBe('0.07');
    expect(normaliseYuanInput('12.345')).toBeNull();
    expect(normaliseYuanInput('-1')).toBeNull();
    expect(fenToPlainYuan(1371245)).toBe('13712.45');
    expect(fenToPlainYuan(5n)).toBe('0.05');
  });

  it('adds and compares amounts exactly, never in floats', () => {
    // S1 after the 120,000 元 payment: the per-worker payments the server split add up exactly.
    const paid = [1371245, 978541, 952790, 907725, 894850, 869099, 849785, 824034, 811159, 798283, 740343, 708155, 656652, 637339];
    expect(sumFen(paid)).toBe(12000000n);
    expect(sumFen(['900719925474099312', 1])).toBe(900719925474099313n);
    expect(percentOf(12000000, 18640000)).toBe(64);
    expect(percentOf(1, 0)).toBe(0);
    expect(percentOf(300, 200)).toBe(100);
  });
});

describe('Beijing time for forms and clocks', () => {
  it('converts between instants and Beijing wall time whatever the browser zone', () => {
    expect(toBeijingWall('2025-12-12T07:00:00Z')).toBe('2025-12-12 15:00:00');
    expect(beijingWallToIso('2025-12-12 15:00:00')).toBe('2025-12-12T07:00:00Z');
    expect(beijingWallToIso('2025-12-01 09:30')).toBe('2025-12-01T01:30:00Z');
    expect(beijingWallToIso('not a time')).toBeNull();
    expect(beijingToday(new Date('2025-12-11T17:00:00Z'))).toBe('2025-12-12');
    expect(beijingToday(new Date('2025-12-11T01:00:00Z'), 7)).toBe('2025-12-18');
  });

  it('writes a deadline at midnight as the last day at 24 o\'clock, like the law counts it, in Chinese', () => {
    expect(clockDueText({ due_at: '2025-12-08T16:00:00Z', due_date: '2025-12-08' })).toBe('2025年12月8日24时');
    expect(clockDueText({ due_at: '2025-12-13T02:00:00Z', due_date: '2025-12-13' })).toBe('2025年12月13日10时00分');
    expect(clockDueText({ due_at: '2025-12-08T16:00:00Z', due_date: '2025-12-08' }, 'en')).toBe('2025-12-08 24:00');
    expect(clockDueText({ due_at: '2025-12-13T02:00:00Z', due_date: '2025-12-13' }, 'en')).toBe('2025-12-13 10:00');
  });

  it('says how long is left in words', () => {
    expect(formatDuration(2 * 86400 + 3 * 3600 + 59)).toBe('2 天 3 小时');
    expect(formatDuration(-(3 * 3600 + 12 * 60))).toBe('3 小时 12 分');
    expect(formatDuration(65)).toBe('1 分 5 秒');
    expect(formatDuration(86400, 'en')).toBe('1 day 0 hours');
  });
});
