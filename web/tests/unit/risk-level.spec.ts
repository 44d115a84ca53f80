import { describe, expect, it } from 'vitest';
import { indicatorPayload, levelName, levelShade, reviewOverdue } from '@/utils/riskLevel';

const LEVELS = [
  { code: 'general', zh: '一般', en: 'general', colour: 'blue' },
  { code: 'major', zh: '重大', en: 'major', colour: 'orange' },
];

describe('risk levels', () => {
  it('shades each warning colour and falls back to neutral grey for an unknown one', () => {
    expect(levelShade('red').fg).toBe('#b3141a');
    expect(levelShade('orange').fg).not.toBe(levelShade('yellow').fg);
    expect(levelShade('purple')).toEqual(levelShade(undefined));
  });

  it('names a level in the user language, or shows its code before the rules load', () => {
    expect(levelName(LEVELS, 'major', 'zh-CN')).toBe('重大');
    expect(levelName(LEVELS, 'major', 'en')).toBe('major');
    expect(levelName([], 'severe', 'zh-CN')).toBe('severe');
  });

  it('knows when a review is overdue', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(reviewOverdue('2026-02-28T01:00:00Z', now)).toBe(true);
    expect(reviewOverdue('2026-03-02T01:00:00Z', now)).toBe(false);
    expect(reviewOverdue(null, now)).toBe(false);
    expect(reviewOverdue('not a date', now)).toBe(false);
  });

  it('sends ticked flags as 1 and counts as whole numbers, dropping what is not observed', () => {
    expect(
      indicatorPayload({ mass_incident_signal: true, employer_unreachable: false, complaints_last_30_days: 3, special_account_months_unpaid: 0 }),
    ).toEqual({ mass_incident_signal: 1, complaints_last_30_days: 3 });
  });
});
