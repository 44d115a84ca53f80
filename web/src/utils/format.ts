// Small text helpers for server-sent phrases.

/** "accept the complaint" → "Accept the complaint" (English phrases from the server start lower-case). */
export function sentenceCase(text: string | null | undefined): string {
  if (!text) return '';
  return text.charAt(0).toUpperCase() + text.slice(1);
}
