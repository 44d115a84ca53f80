// Risk levels are configured on the server (data/risk_rules.json: code, zh, en, colour). The colour
// names there are the four of the national warning scale; these are their on-screen shades,
// dark enough for text on white (WCAG AA) and distinct for colour-blind readers by label too.

export interface LevelShade {
  /** Text and border colour. */
  fg: string;
  /** Soft background. */
  bg: string;
}

const SHADES: Record<string, LevelShade> = {
  blue: { fg: '#1b4f9c', bg: '#e8eef8' },
  yellow: { fg: '#8a6100', bg: '#fdf4d9' },
  orange: { fg: '#b34a00', bg: '#fdebdc' },
  red: { fg: '#b3141a', bg: '#fbe3e3' },
};

const NEUTRAL: LevelShade = { fg: '#46526a', bg: '#eef1f6' };

/** Shade for a server colour name; a neutral grey for a colour WageLink does not know. */
export function levelShade(colour: string | null | undefined): LevelShade {
  return (colour && SHADES[colour]) || NEUTRAL;
}

export interface LevelLike {
  code: string;
  zh: string;
  en: string;
  colour: string;
}

/** The level's name in the user's language, or its code when the rules are not loaded yet. */
export function levelName(levels: readonly LevelLike[], code: string, locale: string): string {
  const level = levels.find((l) => l.code === code);
  if (!level) return code;
  return locale.startsWith('en') ? level.en : level.zh;
}

/** Instant of the next review is past: the item is overdue for review. */
export function reviewOverdue(nextReviewAt: string | null | undefined, now: Date = new Date()): boolean {
  if (!nextReviewAt) return false;
  const at = new Date(nextReviewAt).getTime();
  return !Number.isNaN(at) && at < now.getTime();
}

/** Indicator values a form holds (booleans for flags, numbers for counts) → the API's integers, zeros dropped. */
export function indicatorPayload(values: Record<string, number | boolean | null | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) {
    const n = typeof value === 'boolean' ? (value ? 1 : 0) : Number(value ?? 0);
    if (Number.isFinite(n) && n > 0) out[key] = Math.trunc(n);
  }
  return out;
}
