import { createI18n } from 'vue-i18n';
import zhCN, { type MessageSchema } from './zh-CN';

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

// Chinese is bundled (nearly everyone reads it); English is fetched the first time it is chosen.
// The app starts in Chinese and main.ts switches to a saved English before mounting.
export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN } as Record<AppLocale, MessageSchema>,
  missingWarn: false,
  fallbackWarn: false,
});

export function currentLocale(): AppLocale {
  return i18n.global.locale.value as AppLocale;
}

/** Locales that are not bundled, and how to fetch each. */
const loaders: Partial<Record<AppLocale, () => Promise<{ default: MessageSchema }>>> = {
  en: () => import('./en'),
};

/** Make sure a locale's messages are there; English is a chunk of its own, loaded once. */
export async function loadLocaleMessages(locale: AppLocale): Promise<void> {
  const load = loaders[locale];
  if (!load || i18n.global.availableLocales.includes(locale)) return;
  const messages = (await load()).default;
  i18n.global.setLocaleMessage(locale, messages);
}

/**
 * Switch the UI language, loading its messages first so no key is ever shown raw; the choice is
 * remembered in this browser.
 */
let latestSwitch = 0;
export async function setLocale(locale: AppLocale): Promise<void> {
  const mine = ++latestSwitch;
  await loadLocaleMessages(locale);
  // Chosen again while English was loading: the later choice stands.
  if (mine !== latestSwitch) return;
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
