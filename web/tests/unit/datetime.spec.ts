import { describe, expect, it } from 'vitest';
import { afterEach, beforeEach } from 'vitest';
import { beijingToday, daysUntil, formatCountdown, formatDate, formatDateLong, formatDateTime, formatInterval, formatMonth, formatShortDateTime, formatClockTime, isoDate, localiseInstants, monthPickerFormat, shanghaiHour } from '@/utils/datetime';
import { i18n } from '@/locales';

describe('datetime: UTC instants shown in Beijing time', () => {
  it('converts an ISO UTC instant to Asia/Shanghai (UTC+8), seconds only on request', () => {
    expect(formatDateTime('2026-03-01T06:05:09Z', false, 'en')).toBe('2026-03-01 14:05');
    expect(formatDateTime('2026-03-01T06:05:09Z', true, 'en')).toBe('2026-03-01 14:05:09');
    expect(formatDateTime('2026-12-04T16:15:00Z', false, 'zh-CN')).toBe('2026年12月5日 00:15');
    expect(formatDateTime('2026-12-04T16:15:07Z', true, 'zh-CN')).toBe('2026年12月5日 00:15:07');
  });

  it('rolls over the date at Beijing midnight, not UTC midnight', () => {
    expect(formatDateTime('2025-12-31T16:30:00Z', true, 'en')).toBe('2026-01-01 00:30:00');
    expect(formatDate('2025-12-31T16:30:00Z', 'en')).toBe('2026-01-01');
    expect(isoDate('2025-12-31T16:30:00Z')).toBe('2026-01-01');
  });

  it('accepts offsets other than Z and keeps civil dates as they are', () => {
    expect(formatDateTime('2026-03-01T09:00:00+01:00', true, 'en')).toBe('2026-03-01 16:00:00');
    expect(formatDate('2026-10-08', 'en')).toBe('2026-10-08');
    expect(formatDate('2026-10-08', 'zh-CN')).toBe('2026年10月8日');
  });

  it('shows a dash for empty or invalid values, and isoDate an empty string', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(isoDate(null)).toBe('');
    expect(isoDate('not a date')).toBe('');
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

describe('datetime follows the UI locale when the caller names none', () => {
  const saved = i18n.global.locale.value;
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });
  afterEach(() => {
    i18n.global.locale.value = saved;
  });

  it('writes Chinese dates in zh-CN and ISO-like ones in English', () => {
    expect(formatDateTime('2026-12-04T16:15:00Z')).toBe('2026年12月5日 00:15');
    expect(formatDate('2026-12-05')).toBe('2026年12月5日');
    i18n.global.locale.value = 'en';
    expect(formatDateTime('2026-12-04T16:15:00Z')).toBe('2026-12-05 00:15');
    expect(formatDate('2026-12-05')).toBe('2026-12-05');
    expect(formatDateLong('2026-12-05')).toBe('2026-12-05');
  });

  it('writes short feed times without the year, and bare times of day', () => {
    expect(formatShortDateTime('2026-03-04T16:15:00Z')).toBe('3月5日 00:15');
    expect(formatShortDateTime('2026-03-04T16:15:00Z', 'en')).toBe('03-05 00:15');
    expect(formatClockTime('2026-03-04T16:15:00Z')).toBe('00:15');
    expect(formatShortDateTime(null)).toBe('—');
  });

  it('keeps machine values ISO whatever the locale', () => {
    expect(isoDate('2026-12-04T16:15:00Z')).toBe('2026-12-05');
    expect(beijingToday(new Date('2026-12-04T16:15:00Z'), 1)).toBe('2026-12-06');
  });
});

describe('localiseInstants', () => {
  it('shows every UTC instant in a sentence as Beijing time and leaves the rest alone', () => {
    i18n.global.locale.value = 'zh-CN';
    expect(localiseInstants('下次复核 2026-11-29T01:00:00Z')).toBe('下次复核 2026年11月29日 09:00');
    i18n.global.locale.value = 'en';
    expect(localiseInstants('下次复核 2026-11-29T01:00:00Z，期限 2025-12-18T16:00:00Z')).toBe('下次复核 2026-11-29 09:00，期限 2025-12-19 00:00');
    expect(localiseInstants('无时间 2026-11-29')).toBe('无时间 2026-11-29');
    i18n.global.locale.value = 'zh-CN';
  });
});


describe('formatInterval', () => {
  it('says how often in the largest whole unit', () => {
    expect(formatInterval(60, 'zh-CN')).toBe('每 1 分钟');
    expect(formatInterval(300, 'zh-CN')).toBe('每 5 分钟');
    expect(formatInterval(3600, 'zh-CN')).toBe('每 1 小时');
    expect(formatInterval(86_400, 'zh-CN')).toBe('每 1 天');
    expect(formatInterval(90, 'zh-CN')).toBe('每 90 秒');
    expect(formatInterval(7200, 'en')).toBe('every 2 hours');
    expect(formatInterval(60, 'en')).toBe('every 1 minute');
  });
});

describe('formatMonth', () => {
  it('words a month the Chinese way and the English way', () => {
    expect(formatMonth('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(formatMonth('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
    expect(formatMonth('2027-01', 'en')).toBe('January 2027');
    expect(formatMonth('2025-12', 'en')).toBe('December 2025');
  });

  it('follows the UI language when the caller names none', () => {
    const saved = i18n.global.locale.value;
    try {
      i18n.global.locale.value = 'en';
      expect(formatMonth('2026-05')).toBe('May 2026');
      expect(monthPickerFormat()).toBe('MMMM YYYY');
      i18n.global.locale.value = 'zh-CN';
      expect(formatMonth('2026-05')).toBe('2026年5月');
      expect(monthPickerFormat()).toBe('YYYY年M月');
    } finally {
      i18n.global.locale.value = saved;
    }
  });

  it('shows a dash when empty and leaves what is not a month as it came', () => {
    expect(formatMonth(null, 'en')).toBe('—');
    expect(formatMonth('', 'zh-CN')).toBe('—');
    expect(formatMonth('2026-13', 'en')).toBe('2026-13');
    expect(formatMonth('2026-11-05', 'zh-CN')).toBe('2026-11-05');
  });
});
