// The workbench's view of case work: merge the per-state pages of "my body's" cases into one to-do
// list, and gather the open clocks of those cases that concern the body, soonest first.
import type { CaseClock, CaseDetail, CaseSummary } from '@/api/cases';
import type { Page } from '@/api/types';
import { byDueTime } from './caseMeta';

/** Cases from several list pages, each once, most recently changed first, with the summed total. */
export function mergeCasePages(pages: readonly Page<CaseSummary>[]): { items: CaseSummary[]; total: number } {
  const seen = new Map<number, CaseSummary>();
  let total = 0;
  for (const page of pages) {
    total += page.total;
    for (const item of page.items) if (!seen.has(item.id)) seen.set(item.id, item);
  }
  const items = [...seen.values()].sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at) || b.id - a.id);
  return { items, total };
}

export interface WorkClock {
  clock: CaseClock;
  caseId: number;
  caseNo: string;
  title: string;
  /** The body must act (responsible) or watches over the one who must (supervisor). */
  role: 'responsible' | 'supervisor' | 'other';
}

/**
 * Open clocks (not stopped) of the given cases that concern `body`: those it must meet, or supervises.
 * With `all` every open clock counts (bodies that oversee the whole mechanism). Sorted by due time.
 */
export function collectOpenClocks(details: readonly CaseDetail[], body: string, all = false): WorkClock[] {
  const out: WorkClock[] = [];
  for (const d of details) {
    for (const clock of d.clocks) {
      if (clock.stopped_at) continue;
      const role = clock.responsible_body === body ? 'responsible' : clock.supervisor_body === body ? 'supervisor' : 'other';
      if (role === 'other' && !all) continue;
      out.push({ clock, caseId: d.id, caseNo: d.case_no, title: d.project_name || d.title, role });
    }
  }
  return out.sort((a, b) => byDueTime(a.clock, b.clock));
}
