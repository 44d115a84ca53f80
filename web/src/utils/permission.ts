// Permission checks shared by menus, route guards and buttons.

/** One permission code, or a list of which any one suffices; undefined means "anyone logged in". */
export type PermissionRequirement = string | readonly string[] | undefined;

export function hasAnyPermission(granted: ReadonlySet<string> | readonly string[], required: PermissionRequirement): boolean {
  if (required === undefined) return true;
  const set = granted instanceof Set ? granted : new Set(granted as readonly string[]);
  const list = typeof required === 'string' ? [required] : required;
  if (list.length === 0) return true;
  return list.some((code) => set.has(code));
}
