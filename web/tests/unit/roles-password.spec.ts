import { describe, expect, it } from 'vitest';
import { BUSINESS_ROLES, respectsSeparationOfDuties } from '@/utils/roles';
import { characterClasses, meetsPolicy, passwordStrength } from '@/utils/password';

describe('三员分立 (separation of the three administrators)', () => {
  it('allows any mix of business roles and one administrator role alone', () => {
    expect(respectsSeparationOfDuties(['case_handler', 'liaison_officer'])).toBe(true);
    expect(respectsSeparationOfDuties(['system_admin'])).toBe(true);
    expect(respectsSeparationOfDuties(['auditor'])).toBe(true);
    expect(respectsSeparationOfDuties([])).toBe(true);
  });

  it('refuses two administrator roles or an administrator with a business role', () => {
    expect(respectsSeparationOfDuties(['system_admin', 'auditor'])).toBe(false);
    expect(respectsSeparationOfDuties(['security_admin', 'case_handler'])).toBe(false);
  });

  it('lists nine business roles', () => {
    expect(BUSINESS_ROLES).toHaveLength(9);
    expect(BUSINESS_ROLES).not.toContain('auditor');
  });
});

describe('password rules mirrored in the browser', () => {
  it('counts character classes', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('WageLink#2026')).toBe(4);
    expect(characterClasses('工资Abc1')).toBe(4);
  });

  it('checks length and classes against the policy', () => {
    const policy = { min_length: 12, require_classes: 3 };
    expect(meetsPolicy('WageLink#2026', policy)).toBe(true);
    expect(meetsPolicy('Short#1', policy)).toBe(false);
    expect(meetsPolicy('alllowercaseletters', policy)).toBe(false);
  });

  it('grades strength roughly', () => {
    expect(passwordStrength('abc')).toBe(0);
    expect(passwordStrength('WageLink#26')).toBe(1);
    expect(passwordStrength('WageLink#2026-ok')).toBe(2);
  });
});
