import { describe, expect, it } from 'vitest';
import { isMasked, maskBankCard, maskIdNumber, maskPersonName, maskPhone } from '@/utils/mask';

// Same expectations as the server's masking rules (src/security/masking.cpp).
describe('masking personal data for display', () => {
  it('masks a resident ID number keeping the first and last four', () => {
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234');
    expect(maskIdNumber('11010119900307123X')).toBe('1101**********123X');
  });

  it('masks mobiles 3+4 and other numbers revealing at most half', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('4185557')).toBe('4****57');
    expect(maskPhone('010-88886666')).toBe('010******666');
  });

  it('masks bank cards keeping the first and last four', () => {
    expect(maskBankCard('6222021234567890123')).toBe('6222***********0123');
  });

  it('masks names after the family name, keeping two-character surnames of long names', () => {
    expect(maskPersonName('张三丰')).toBe('张**');
    expect(maskPersonName('李四')).toBe('李*');
    expect(maskPersonName('欧阳娜娜')).toBe('欧阳**');
    expect(maskPersonName('王')).toBe('*');
  });

  it('never reveals more than half of a short value', () => {
    expect(maskIdNumber('1234')).toBe('1**4');
    expect(maskIdNumber('12')).toBe('*2');
    expect(maskIdNumber('')).toBe('');
    expect(maskPhone(null)).toBe('');
  });

  it('recognises masked values', () => {
    expect(isMasked('138****5678')).toBe(true);
    expect(isMasked('13812345678')).toBe(false);
    expect(isMasked(undefined)).toBe(false);
  });
});
