import { createI18n } from 'vue-i18n';
import zhCN, { type MessageSchema } from './zh-CN';
import en from './en';

export type AppLocale = 'zh-CN' | 'en';
export const LOCALES: readonly AppLocale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: AppLocale = 'zh-CN';
const STORAGE_KEY = 'wagelink.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function loadSavedLocale(): AppLocale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isAppLocale(saved)) return saved;
  } catch {
    // storage can be disabled by policy; fall back to Chinese
  }
  return DEFAULT_LOCALE;
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: loadSavedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
});

export function currentLocale(): AppLocale {
  return i18n.global.locale.value as AppLocale;
}

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not persisted; the choice still applies to this tab
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Translate outside components (stores, router guards, helpers). */
export const t = (key: string, params?: Record<string, unknown>): string =>
  params ? i18n.global.t(key, params) : i18n.global.t(key);
