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
  const base = parent.endsWith('/') ? parent : `${parent}/`;
  return base + path;
}

/**
 * Sidebar entries the user may see: a leaf appears when the user holds its permission,
 * a group when at least one of its children appears. Ordered by meta.order.
 */
export function buildMenu(records: readonly RouteRecordRaw[], granted: ReadonlySet<string>, parentPath = '/'): MenuItem[] {
  const sorted = [...records].sort((a, b) => (a.meta?.order ?? 1000) - (b.meta?.order ?? 1000));
  const items: MenuItem[] = [];
  for (const record of sorted) {
    const meta = record.meta ?? {};
    if (meta.hideInMenu || meta.public || !meta.titleKey) continue;
    if (!hasAnyPermission(granted, meta.permission)) continue;
    const path = joinPath(parentPath, record.path);
    if (record.children && record.children.length > 0) {
      const children = buildMenu(record.children, granted, path);
      if (children.length === 0) continue;
      items.push({ path, titleKey: meta.titleKey, icon: meta.icon, children });
    } else {
      items.push({ path, titleKey: meta.titleKey, icon: meta.icon });
    }
  }
  return items;
}

/** True when every matched record of a route allows the user in. */
export function routeAllowed(matched: readonly { meta: RouteRecordRaw['meta'] }[], granted: ReadonlySet<string>): boolean {
  return matched.every((record) => hasAnyPermission(granted, record.meta?.permission));
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
