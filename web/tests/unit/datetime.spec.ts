import { describe, expect, it } from 'vitest';
import { daysUntil, formatCountdown, formatDate, formatDateLong, formatDateTime, localiseInstants, shanghaiHour } from '@/utils/datetime';

describe('datetime: UTC instants shown in Beijing time', () => {
  it('converts an ISO UTC instant to Asia/Shanghai (UTC+8)', () => {
    expect(formatDateTime('2026-03-01T06:05:09Z')).toBe('2026-03-01 14:05:09');
    expect(formatDateTime('2026-03-01T06:05:09Z', false)).toBe('2026-03-01 14:05');
  });

  it('rolls over the date at Beijing midnight, not UTC midnight', () => {
    expect(formatDateTime('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30:00');
    expect(formatDate('2025-12-31T16:30:00Z')).toBe('2026-01-01');
  });

  it('accepts offsets other than Z and keeps civil dates as they are', () => {
    expect(formatDateTime('2026-03-01T09:00:00+01:00')).toBe('2026-03-01 16:00:00');
    expect(formatDate('2026-10-08')).toBe('2026-10-08');
  });

  it('shows a dash for empty or invalid values', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
    expect(formatDate(undefined)).toBe('—');
  });

  it('writes civil dates the Chinese way for zh-CN and as ISO for English', () => {
    expect(formatDateLong('2026-03-19')).toBe('2026年3月19日');
    expect(formatDateLong('2026-12-01', 'zh-CN')).toBe('2026年12月1日');
    expect(formatDateLong('2026-03-19', 'en')).toBe('2026-03-19');
    expect(formatDateLong('2027-01-04')).toBe('2027年1月4日');
    expect(formatDateLong('2027-10-10')).toBe('2027年10月10日');
    expect(formatDateLong(null)).toBe('—');
    expect(formatDateLong('')).toBe('—');
  });

  it('tells the Beijing hour for greetings', () => {
    expect(shanghaiHour(new Date('2026-03-01T23:30:00Z'))).toBe(7);
  });

  it('formats countdowns as mm:ss and h:mm:ss', () => {
    expect(formatCountdown(119)).toBe('01:59');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5)).toBe('00:00');
    expect(formatCountdown(3725)).toBe('1:02:05');
  });

  it('counts whole days until an instant', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(daysUntil('2026-03-08T12:00:00Z', now)).toBe(7);
    expect(daysUntil('2026-02-28T00:00:00Z', now)).toBe(-1);
    expect(daysUntil(null, now)).toBeNull();
  });
});

describe('localiseInstants', () => {
  it('shows every UTC instant in a sentence as Beijing time and leaves the rest alone', () => {
    expect(localiseInstants('下次复核 2026-11-29T01:00:00Z，期限 2025-12-18T16:00:00Z')).toBe('下次复核 2026-11-29 09:00，期限 2025-12-19 00:00');
    expect(localiseInstants('无时间 2026-11-29')).toBe('无时间 2026-11-29');
  });
});

