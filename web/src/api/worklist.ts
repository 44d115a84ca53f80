// /api/v1/worklist: the caller's work in one call (src/api/worklist_handlers.cpp). The server decides
// which cases are the caller's work, why, which clocks concern it and which steps it may take; the
// client shows them with the Chinese (or English) names the server sends.
import { http } from './http';
import type { AvailableStep, CaseClock, CaseSummary, Money } from './cases';
import type { Recommendation } from './recommendations';

export interface NamedCode {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface WorkClock extends CaseClock {
  /** responsible: ours to meet; supervisor: we watch over it; oversight: overdue anywhere. */
  role: 'responsible' | 'supervisor' | 'oversight' | string;
  /** Why the clock is on this list, in words (the server names it). */
  role_zh: string;
  role_en: string;
}

export interface GreenPriority {
  priority: string;
  name_zh: string;
  name_en: string;
  /** not_flagged | waiting | running | overdue | met | met_late */
  status: string;
  target_days: number;
  after_zh?: string;
  after_en?: string;
  counted_from: string | null;
  target_date: string | null;
  done_on: string | null;
}

export interface GreenChannelTrack {
  flagged_on: string | null;
  priorities: GreenPriority[];
}

export interface WorkerExecution {
  worker_id: number;
  name: string;
  owed: Money;
  paid_by_execution: Money;
  outstanding: Money;
}

export interface WorkItem extends CaseSummary {
  reasons: NamedCode[];
  clocks: WorkClock[];
  next_steps: AvailableStep[];
  green_channel: GreenChannelTrack | null;
  execution: WorkerExecution[];
}

export interface GreenChannelTargets {
  district_zh: string;
  district_en: string;
  /** LOCAL: the district's own figures (no national time limit). */
  status_tag: string;
  note_zh: string;
  note_en: string;
  targets: { priority: string; name_zh: string; name_en: string; days: number; after_zh?: string; after_en?: string }[];
}

export interface Worklist {
  body: string;
  items: WorkItem[];
  sections: (NamedCode & { count: number })[];
  total: number;
  overdue: number;
  due_soon: number;
  outstanding: Money;
  truncated: boolean;
  green_channel_targets: GreenChannelTargets | null;
  /** 检察建议 awaiting the caller's body: its replies to write, or (the procuratorate) replies to evaluate and overdue ones. */
  recommendations?: Recommendation[];
}

export const worklistApi = {
  get: () => http.get<Worklist>('/worklist'),
};
