import { describe, expect, it } from 'vitest';
import { countText, listText, sentenceCase } from '@/utils/format';

describe('text helpers', () => {
  it('lists names with the Chinese enumeration comma, or with commas in English', () => {
    expect(listText(['姓名', '身份证号', '出勤天数'], 'zh-CN')).toBe('姓名、身份证号、出勤天数');
    expect(listText(['Name', 'ID number', 'Days worked'], 'en')).toBe('Name, ID number, Days worked');
    expect(listText([], 'en')).toBe('');
  });

  it("groups a count's digits and marks a capped one with a plus", () => {
    expect(countText(1000008, false, 'zh-CN')).toBe('1,000,008');
    expect(countText(10000, true, 'en')).toBe('10,000+');
    expect(countText(0, false, 'en')).toBe('0');
  });

  it('starts a server phrase with a capital', () => {
    expect(sentenceCase('accept the complaint')).toBe('Accept the complaint');
    expect(sentenceCase(null)).toBe('');
  });
});
