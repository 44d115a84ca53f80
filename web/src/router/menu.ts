import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { hasAnyPermission } from '@/utils/permission';

export interface MenuItem {
  /** Full path; also the el-menu index. */
  path: string;
  titleKey: string;
  icon?: Component;
  children?: MenuItem[];
}

function joinPath(parent: string, path: string): string {
  if (path.startsWith('/')) return path;
  if (path === '') return parent;
  const base = parent.endsWith('/') ? parent : `${parent}/`;
  return base + path;
}

/** True when the route is for every body, or the user's body is among meta.bodies. */
export function bodyAllowed(meta: RouteRecordRaw['meta'], body: string | null | undefined): boolean {
  const bodies = meta?.bodies;
  if (!bodies || bodies.length === 0) return true;
  return !!body && bodies.includes(body);
}

/**
 * Sidebar entries the user may see: a leaf appears when the user holds its permission (and belongs
 * to one of its bodies, when the route names some), a group when at least one of its children
 * appears. Ordered by meta.order.
 */
export function buildMenu(
  records: readonly RouteRecordRaw[],
  granted: ReadonlySet<string>,
  parentPath = '/',
  body?: string | null,
): MenuItem[] {
  const sorted = [...records].sort((a, b) => (a.meta?.order ?? 1000) - (b.meta?.order ?? 1000));
  const items: MenuItem[] = [];
  for (const record of sorted) {
    const meta = record.meta ?? {};
    if (meta.hideInMenu || meta.public || !meta.titleKey) continue;
    if (!hasAnyPermission(granted, meta.permission)) continue;
    if (body !== undefined && !bodyAllowed(meta, body)) continue;
    const path = joinPath(parentPath, record.path);
    if (record.children && record.children.length > 0) {
      const children = buildMenu(record.children, granted, path, body);
      if (children.length === 0) continue;
      items.push({ path, titleKey: meta.titleKey, icon: meta.icon, children });
    } else {
      items.push({ path, titleKey: meta.titleKey, icon: meta.icon });
    }
  }
  return items;
}

/** True when every matched record of a route allows the user in (permission, and body when given). */
export function routeAllowed(
  matched: readonly { meta: RouteRecordRaw['meta'] }[],
  granted: ReadonlySet<string>,
  body?: string | null,
): boolean {
  return matched.every(
    (record) => hasAnyPermission(granted, record.meta?.permission) && (body === undefined || bodyAllowed(record.meta, body)),
  );
}

/** First menu leaf the user may open (where to land when the wanted page is not allowed). */
export function firstLeaf(items: readonly MenuItem[]): string | null {
  for (const item of items) {
    if (!item.children) return item.path;
    const leaf = firstLeaf(item.children);
    if (leaf) return leaf;
  }
  return null;
}
