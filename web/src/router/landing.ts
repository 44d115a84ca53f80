// Where a person lands after signing in: the leadership reads the 驾驶舱 (dashboard); everyone else
// starts from the workbench with their worklist.
export function landingPath(roles: readonly string[]): string {
  return roles.includes('leader') ? '/dashboard' : '/workbench';
}
