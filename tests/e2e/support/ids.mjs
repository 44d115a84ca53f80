// Valid Chinese identifiers for test data, with the check characters the server verifies.

/** GB 11643 resident ID number: the 17 given digits and their check character. */
export function idNumber(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** GB 32100 统一社会信用代码: the 17 given characters (no I, O, S, V, Z) and their check character. */
export function creditCode(first17) {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((total, char, i) => total + charset.indexOf(char) * weights[i], 0);
  return first17 + charset[(31 - (sum % 31)) % 31];
}
