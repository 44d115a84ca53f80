// Client-side checks of Chinese identifiers, mirroring the server's src/domain/validators.cpp so a
// form refuses what the server would refuse before anything is sent. The server stays the judge.
// Each check answers null (valid) or a reason code; the form turns the code into a sentence.

/** GB/T 2260 province-level codes (first two digits of an administrative-division code). */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64,
  65, 71, 81, 82, 83,
]);

/** GB 11643: weight of position i is 2^(17-i) mod 11; (sum mod 11) indexes this table. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_TABLE = '10X98765432';

/** GB 32100-2015: 31 symbols (no I, O, S, V, Z) and weights 3^i mod 31. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type IdNumberProblem = 'length' | 'format' | 'region' | 'birth' | 'check';
export type CreditCodeProblem = 'length' | 'charset' | 'region' | 'check';
export type MobileProblem = 'format';

const DIGITS = /^\d+$/;

/** The GB 11643 check character of the first 17 digits of a resident ID number; null if not 17 digits. */
export function idNumberCheckCharacter(first17: string): string | null {
  if (first17.length !== 17 || !DIGITS.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_TABLE[sum % 11];
}

function validBirthDate(text: string, today: Date): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  const birth = Date.UTC(year, month - 1, day);
  return birth <= Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + 86_400_000;
}

/** 18-digit 居民身份证号码: length, digits (last may be X), region, birth date, check character. */
export function checkIdNumber(value: string, today: Date = new Date()): IdNumberProblem | null {
  const id = value.trim();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return 'region';
  if (!validBirthDate(id.slice(6, 14), today)) return 'birth';
  if (idNumberCheckCharacter(id.slice(0, 17)) !== id[17]) return 'check';
  return null;
}

/** The GB 32100 check character of the first 17 characters of a credit code; null if a character is not allowed. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** 18-character 统一社会信用代码: length, charset, division code in positions 3–8, check character. */
export function checkCreditCode(value: string): CreditCodeProblem | null {
  const code = value.trim();
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!CREDIT_CODE_CHARSET.includes(ch)) return 'charset';
  if (!DIGITS.test(code.slice(2, 8))) return 'region';
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'check';
  return null;
}

/** Mainland mobile number: 11 digits, 1 then 3–9. */
export function checkMobile(value: string): MobileProblem | null {
  return /^1[3-9]\d{9}$/.test(value.trim()) ? null : 'format';
}

/** Normalises what people paste: full-width digits and letters to ASCII, lower-case x to X, no spaces. */
export function normaliseCode(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}
