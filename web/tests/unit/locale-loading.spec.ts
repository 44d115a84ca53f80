import { describe, expect, it } from 'vitest';
import { i18n, setLocale } from '@/locales';

// English is not bundled: it arrives through setLocale's dynamic import. The tests run in order
// on one fresh module: the first one sees English not loaded yet.
describe('loading English on demand', () => {
  it('starts with Chinese only, and the later choice stands when Chinese is picked while English loads', async () => {
    expect(i18n.global.availableLocales).toEqual(['zh-CN']);
    const english = setLocale('en');
    const chinese = setLocale('zh-CN');
    await Promise.all([english, chinese]);
    expect(i18n.global.locale.value).toBe('zh-CN');
    expect(i18n.global.t('login.submit')).toBe('登 录');
  });

  it('loads English when someone switches to it, and remembers the choice', async () => {
    await setLocale('en');
    expect(i18n.global.availableLocales).toContain('en');
    expect(i18n.global.locale.value).toBe('en');
    expect(i18n.global.t('login.submit')).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('wagelink.locale')).toBe('en');

    await setLocale('zh-CN');
    expect(i18n.global.t('login.submit')).toBe('登 录');
  });
});
