// What the import page offers whom, and a committed feed in words (views/imports/ImportView.vue).
// The server decides; these only keep the page from offering what it would refuse (docs/imports.md:
// case data is labour inspection's, a project's feed anyone's who may report risks).
import { CASE_IMPORT_KINDS, FEED_IMPORT_KINDS, type CaseImportKind, type ImportKind, type ImportView } from '@/api/imports';
import type { FeedKind } from '@/api/projects';
import { formatMonth } from '@/utils/datetime';
import { t } from '@/locales';

export interface ImportKindGroups {
  /** 案件数据: complaints, rosters, employer lists. */
  cases: readonly CaseImportKind[];
  /** 项目监测数据: attendance, pay sheets, special-account statements. */
  feeds: readonly FeedKind[];
}

/**
 * Which kinds a page offers: everything the user may import (批量导入 under 案件办理), or the project
 * feeds alone (项目数据导入 under 风险防范, where the bodies that only report risks work).
 */
export type ImportScope = 'all' | 'feeds';

/** The kinds `can` allows: case data needs case.write in labour inspection (人社), feeds risk.write. */
export function importKindsFor(
  can: (permission: string) => boolean,
  body: string | null | undefined,
  scope: ImportScope = 'all',
): ImportKindGroups {
  return {
    cases: scope === 'all' && can('case.write') && body === 'hrss' ? CASE_IMPORT_KINDS : [],
    feeds: can('risk.write') ? FEED_IMPORT_KINDS : [],
  };
}

/** The kind to start with: the one asked for (query string) when allowed, else the first allowed. */
export function initialImportKind(groups: ImportKindGroups, wanted: unknown): ImportKind | null {
  const all: ImportKind[] = [...groups.cases, ...groups.feeds];
  if (typeof wanted === 'string' && (all as string[]).includes(wanted)) return wanted as ImportKind;
  return all[0] ?? null;
}

/** A project id from the query string (a positive integer), or undefined. */
export function queryProjectId(value: unknown): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text)) return undefined;
  const id = Number(text);
  return id > 0 ? id : undefined;
}

/**
 * A committed feed in words, in the reader's language: "已导入2026年11月考勤 3 行；该项目现有 2 条未消除预警",
 * or "与本月已报送数据相同，未作变更". Empty for an import that is not a committed feed.
 */
export function feedResultText(view: Pick<ImportView, 'kind' | 'status' | 'month' | 'row_count' | 'result'>): string {
  const result = view.result;
  if (view.status !== 'committed' || !result || result.batch_id === undefined) return '';
  if (result.repeated) return t('imports.feedRepeated');
  const imported = t('imports.feedImported', {
    month: formatMonth(result.month || view.month),
    kind: t(`imports.feedNoun.${view.kind}`),
    rows: result.records ?? view.row_count,
  });
  const replaced = result.replaced_batch_id != null ? t('imports.feedReplaced') : '';
  const open = result.open_warnings ?? 0;
  const warnings = open > 0 ? t('imports.feedOpenWarnings', { n: open }) : t('imports.feedNoWarnings');
  return `${imported}${replaced}${t('imports.feedJoin')}${warnings}`;
}

/** A month picker's day that lies in a month after the current one (a feed of a month not begun is refused). */
export function isFutureMonth(date: Date, current: string): boolean {
  const value = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
  return value > current;
}
