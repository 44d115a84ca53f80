// Money is integer 分 (fen) everywhere in WageLink (ARCHITECTURE.md); this turns it into 元 for display.
// BigInt keeps amounts exact far beyond Number.MAX_SAFE_INTEGER fen (≈ 900 亿元).

export type Fen = number | bigint | string;

function toBigIntFen(fen: Fen): bigint {
  if (typeof fen === 'bigint') return fen;
  if (typeof fen === 'number') {
    if (!Number.isInteger(fen)) throw new RangeError(`amount in fen must be an integer: ${fen}`);
    return BigInt(fen);
  }
  const text = fen.trim();
  if (!/^-?\d+$/.test(text)) throw new RangeError(`amount in fen must be an integer: ${fen}`);
  return BigInt(text);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 18640000 → "186,400.00" (no unit). */
export function formatYuanNumber(fen: Fen): string {
  const value = toBigIntFen(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${groupThousands(yuan.toString())}.${cents}`;
}

/** 18640000 → "186,400.00 元" (zh-CN) or "CNY 186,400.00" (en). */
export function formatYuan(fen: Fen | null | undefined, locale: string = 'zh-CN'): string {
  if (fen === null || fen === undefined || fen === '') return '—';
  const number = formatYuanNumber(fen);
  return locale.startsWith('zh') ? `${number} 元` : `CNY ${number}`;
}

/** Parses what a user typed in 元 ("1,234.5") into integer fen; null when it is not a valid amount. */
export function parseYuanToFen(input: string): bigint | null {
  const text = input.replace(/[,，\s元¥]/g, '');
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, frac = ''] = match;
  const fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0') || '0');
  return sign === '-' ? -fen : fen;
}

/** Money as WageLink sends it: exact integer fen and the same amount as a plain 元 string. */
export interface Money {
  fen: number;
  yuan: string;
}

/** {fen, yuan} → "186,400.00 元"; the fen are the source of truth, never the decimal string. */
export function formatMoney(money: Money | null | undefined, locale: string = 'zh-CN'): string {
  if (!money) return '—';
  return formatYuan(money.fen, locale);
}

/** Integer fen → the plain decimal 元 string the API accepts ("1234.50"); exact for any size. */
export function fenToPlainYuan(fen: Fen): string {
  const value = toBigIntFen(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** What a user typed in 元 → the plain decimal string for the API, or null when it is no amount ≥ 0. */
export function normaliseYuanInput(input: string): string | null {
  const fen = parseYuanToFen(input);
  if (fen === null || fen < 0n) return null;
  return fenToPlainYuan(fen);
}

/** Sum of amounts in fen (numbers, bigints or digit strings), exact. */
export function sumFen(amounts: readonly Fen[]): bigint {
  return amounts.reduce<bigint>((total, fen) => total + toBigIntFen(fen), 0n);
}

/** Whole percent (0–100, floored) of part in whole, computed on integers; 0 when whole is 0. */
export function percentOf(part: Fen, whole: Fen): number {
  const p = toBigIntFen(part);
  const w = toBigIntFen(whole);
  if (w <= 0n || p <= 0n) return 0;
  const percent = (p * 100n) / w;
  return Number(percent > 100n ? 100n : percent);
}
