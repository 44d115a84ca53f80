// Client-side mirror of the password policy, so users see each rule tick as they type.
// The server remains the judge (history and dictionary checks happen only there).

export interface PasswordRulesInput {
  min_length: number;
  require_classes: number;
}

export function characterClasses(password: string): number {
  let classes = 0;
  if (/[A-Z]/.test(password)) classes++;
  if (/[a-z]/.test(password)) classes++;
  if (/\d/.test(password)) classes++;
  if (/[^A-Za-z0-9]/.test(password)) classes++;
  return classes;
}

export function meetsPolicy(password: string, policy: PasswordRulesInput): boolean {
  return Array.from(password).length >= policy.min_length && characterClasses(password) >= policy.require_classes;
}

/** 0 = weak, 1 = medium, 2 = strong: a rough guide for the meter, not a policy. */
export function passwordStrength(password: string): 0 | 1 | 2 {
  const length = Array.from(password).length;
  const classes = characterClasses(password);
  if (length >= 14 && classes >= 3) return 2;
  if (length >= 10 && classes >= 3) return 1;
  return 0;
}
