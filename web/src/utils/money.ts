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
