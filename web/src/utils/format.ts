// Small text helpers for server-sent phrases and lists.

import { currentLocale } from '@/locales';

/** "accept the complaint" → "Accept the complaint" (English phrases from the server start lower-case). */
export function sentenceCase(text: string | null | undefined): string {
  if (!text) return '';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Names in a row as the reader's language lists them: "姓名、身份证号" or "Name, ID number". */
export function listText(items: readonly string[], locale: string = currentLocale()): string {
  return items.join(locale.startsWith('en') ? ', ' : '、');
}

/** A count as a reader reads it: "1,000,008", or "10,000+" when the server stopped counting at its cap. */
export function countText(count: number, atLeast = false, locale: string = currentLocale()): string {
  return new Intl.NumberFormat(locale).format(count) + (atLeast ? '+' : '');
}
