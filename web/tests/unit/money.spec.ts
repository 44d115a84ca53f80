import { describe, expect, it } from 'vitest';
import { formatYuan, formatYuanNumber, parseYuanToFen } from '@/utils/money';

describe('money: fen → 元', () => {
  it('formats fen with thousands separators and two decimals', () => {
    expect(formatYuan(18640000)).toBe('186,400.00 元');
    expect(formatYuan(5)).toBe('0.05 元');
    expect(formatYuan(0)).toBe('0.00 元');
    expect(formatYuanNumber(123456789)).toBe('1,234,567.89');
  });

  it('keeps negative amounts and huge amounts exact', () => {
    expect(formatYuan(-120050)).toBe('-1,200.50 元');
    expect(formatYuan('900719925474099312')).toBe('9,007,199,254,740,993.12 元');
    expect(formatYuan(10n ** 20n)).toBe('1,000,000,000,000,000,000.00 元');
  });

  it('uses the English form when the UI is English', () => {
    expect(formatYuan(18640000, 'en')).toBe('CNY 186,400.00');
  });

  it('shows a dash for a missing amount and refuses fractional fen', () => {
    expect(formatYuan(null)).toBe('—');
    expect(formatYuan(undefined)).toBe('—');
    expect(() => formatYuan(1.5)).toThrow(RangeError);
    expect(() => formatYuan('12.3')).toThrow(RangeError);
  });

  it('parses what a user types in 元 into fen', () => {
    expect(parseYuanToFen('186,400')).toBe(18640000n);
    expect(parseYuanToFen('1234.5')).toBe(123450n);
    expect(parseYuanToFen('0.07 元')).toBe(7n);
    expect(parseYuanToFen('-3.10')).toBe(-310n);
    expect(parseYuanToFen('1.234')).toBeNull();
    expect(parseYuanToFen('abc')).toBeNull();
  });
});
