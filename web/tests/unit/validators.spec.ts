import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  checkIdNumber,
  checkMobile,
  creditCodeCheckCharacter,
  idNumberCheckCharacter,
  normaliseCode,
} from '@/utils/validators';

// Expected check characters were computed by the server (src/domain/validators.cpp) for its test
// data (tests/support/scenarios.cpp) and taken from the standards' own examples.
const today = new Date('2026-06-01T00:00:00Z');

describe('GB 11643 resident ID number', () => {
  it('computes the check character like the server', () => {
    expect(idNumberCheckCharacter('11010119800101100')).toBe('5');
    expect(idNumberCheckCharacter('11010119800202101')).toBe('0');
    expect(idNumberCheckCharacter('11010119800113112')).toBe('X');
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X'); // the standard's example
    expect(idNumberCheckCharacter('1101011980010110')).toBeNull();
    expect(idNumberCheckCharacter('1101011980010110A')).toBeNull();
  });

  it('accepts the fourteen S1 workers the server accepts', () => {
    const ids = [
      '110101198001011005',
      '110101198002021010',
      '110101198003031026',
      '110101198004041031',
      '110101198005051047',
      '110101198006061052',
      '110101198007071068',
      '110101198008081073',
      '110101198009091089',
      '110101198010101096',
      '110101198011111106',
      '110101198012121111',
      '11010119800113112X',
      '110101198002141135',
    ];
    for (const id of ids) expect(checkIdNumber(id, today), id).toBeNull();
  });

  it('names what is wrong', () => {
    expect(checkIdNumber('110101198001031000', today)).toBe('check'); // the server test's wrong one
    expect(checkIdNumber('11010119800101100', today)).toBe('length');
    expect(checkIdNumber('11010119800101100x', today)).toBe('format');
    expect(checkIdNumber('991011198001011005', today)).toBe('region');
    expect(checkIdNumber('110101198002301005', today)).toBe('birth'); // 30 February
    expect(checkIdNumber('110101203001011005', today)).toBe('birth'); // born in the future
  });
});

describe('GB 32100 unified social credit code', () => {
  it('computes the check character like the server', () => {
    expect(creditCodeCheckCharacter('91110000MA0012345')).toBe('C');
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3'); // the standard's example
    expect(creditCodeCheckCharacter('91310000MA1FL0XJ6')).toBe('G');
    expect(creditCodeCheckCharacter('91110000MA001234I')).toBeNull(); // I is not in the charset
  });

  it('validates the whole code', () => {
    expect(checkCreditCode('91110000MA0012345C')).toBeNull();
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
    expect(checkCreditCode('91110000MA00123450')).toBe('check'); // the server test's wrong one
    expect(checkCreditCode('91110000MA0012345')).toBe('length');
    expect(checkCreditCode('91110000MA0012345O')).toBe('charset');
    expect(checkCreditCode('9111A000MA0012345C')).toBe('region');
  });
});

describe('mobile numbers and pasted codes', () => {
  it('checks a mainland mobile number', () => {
    expect(checkMobile('13910000000')).toBeNull();
    expect(checkMobile('12910000000')).toBe('format');
    expect(checkMobile('1391000000')).toBe('format');
  });

  it('normalises full-width characters, lower-case x and spaces', () => {
    expect(normaliseCode('１１０１０１ 19800113112x')).toBe('11010119800113112X');
    expect(normaliseCode(' 91110000ma0012345c ')).toBe('91110000MA0012345C');
  });
});
