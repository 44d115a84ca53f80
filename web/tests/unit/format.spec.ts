import { describe, expect, it } from 'vitest';
import { listText, sentenceCase } from '@/utils/format';

describe('text helpers', () => {
  it('lists names with the Chinese enumeration comma, or with commas in English', () => {
    expect(listText(['姓名', '身份证号', '出勤天数'], 'zh-CN')).toBe('姓名、身份证号、出勤天数');
    expect(listText(['Name', 'ID number', 'Days worked'], 'en')).toBe('Name, ID number, Days worked');
    expect(listText([], 'en')).toBe('');
  });

  it('starts a server phrase with a capital', () => {
    expect(sentenceCase('accept the complaint')).toBe('Accept the complaint');
    expect(sentenceCase(null)).toBe('');
  });
});
