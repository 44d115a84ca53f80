import { ADMIN_ROLES, ROLE_CODES, type RoleCode } from '@/api/types';

/** Business roles, in the order the mechanism uses them. */
export const BUSINESS_ROLES: readonly RoleCode[] = ROLE_CODES.filter((role) => !ADMIN_ROLES.includes(role));

/**
 * 三员分立: a user holds at most one of the three administrator roles, and never together
 * with a business role. The server enforces the same rule; this check gives the answer early.
 */
export function respectsSeparationOfDuties(roles: readonly string[]): boolean {
  const admins = roles.filter((role) => (ADMIN_ROLES as readonly string[]).includes(role));
  if (admins.length === 0) return true;
  return admins.length === 1 && roles.length === 1;
}
