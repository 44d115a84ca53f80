// Personal data is masked by the server in every response (issue 3). These helpers apply the very
// same rules (src/security/masking.cpp) to values the browser itself holds, e.g. what a user just
// typed, so a value looks the same wherever it appears.

const STAR = '*';

function compose(chars: readonly string[], front: number, back: number): string {
  return chars.slice(0, front).join('') + STAR.repeat(chars.length - front - back) + chars.slice(chars.length - back).join('');
}

/** Keeps up to `front` leading and `back` trailing characters, never more than half of them in total. */
function maskKeepingAtMostHalf(value: string, front: number, back: number): string {
  const chars = Array.from(value);
  const budget = Math.floor(chars.length / 2);
  if (front + back > budget) {
    back = Math.min(back, Math.floor((budget + 1) / 2)); // the tail ("尾号") tells users more than the head
    front = Math.min(front, budget - back);
  }
  return compose(chars, front, back);
}

/** 居民身份证号: "110101199003071234" → "1101**********1234". */
export function maskIdNumber(value: string | null | undefined): string {
  if (!value) return '';
  return maskKeepingAtMostHalf(value, 4, 4);
}

/** Mobile "13812345678" → "138****5678" (national 3+4 convention); other numbers keep at most half. */
export function maskPhone(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{11}$/.test(value)) return compose(Array.from(value), 3, 4);
  return maskKeepingAtMostHalf(value, 3, 4);
}

/** Bank card "6222021234567890123" → "6222***********0123". */
export function maskBankCard(value: string | null | undefined): string {
  if (!value) return '';
  return maskKeepingAtMostHalf(value, 4, 4);
}

/** Person name "张三丰" → "张**"; four characters keep a two-character surname: "欧阳娜娜" → "欧阳**". */
export function maskPersonName(value: string | null | undefined): string {
  if (!value) return '';
  const chars = Array.from(value);
  if (chars.length <= 1) return STAR.repeat(chars.length);
  return compose(chars, chars.length >= 4 ? 2 : 1, 0);
}

/** True when a value already carries a mask (so it must never be sent back as if it were real). */
export function isMasked(value: string | null | undefined): boolean {
  return !!value && value.includes(STAR);
}
