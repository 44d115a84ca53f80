import { describe, expect, it } from 'vitest';
import zhCN from '@/locales/zh-CN';
import en from '@/locales/en';
import { ROLE_CODES, BODY_CODES } from '@/api/types';

function flatten(value: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out[path] = child;
    else Object.assign(out, flatten(child, path));
  }
  return out;
}

describe('locales', () => {
  const zh = flatten(zhCN);
  const english = flatten(en);

  it('English has exactly the keys of Chinese, none empty', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries({ ...zh, ...english })) expect(text.trim(), key).not.toBe('');
  });

  it('names every role and body in both languages', () => {
    for (const role of ROLE_CODES) {
      expect(zh[`roles.${role}`]).toBeTruthy();
      expect(english[`roles.${role}`]).toBeTruthy();
    }
    for (const body of BODY_CODES) {
      expect(zh[`bodies.${body}`]).toBeTruthy();
      expect(english[`bodies.${body}`]).toBeTruthy();
    }
    expect(zh['roles.case_handler']).toBe('承办人');
  });

  it('uses the same placeholders in both languages and no vue-i18n special characters', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join(',');
    for (const key of Object.keys(zh)) {
      expect(placeholders(english[key]), key).toBe(placeholders(zh[key]));
      expect(zh[key], key).not.toMatch(/[@|]/);
      expect(english[key], key).not.toMatch(/[@|]/);
    }
  });
});
