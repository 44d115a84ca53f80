// GET /api/v1/dashboard: aggregates for the dashboard (驾驶舱), scoped like the case list.
import { http } from './http';
import type { Money } from '@/utils/money';

export type FunnelStageCode = 'received' | 'accepted' | 'ordered' | 'transferred' | 'filed' | 'paid';

export interface ClockTally {
  body_code: string;
  met: number;
  met_late: number;
  not_met: number;
  overdue: number;
  running: number;
  /** Met in time out of every clock over or past due (the server's rule); null while none is due. */
  on_time_percent: number | null;
}

export interface Dashboard {
  as_of: string;
  scope: 'region' | 'body';
  body_code: string;
  funnel: { stage: FunnelStageCode; cases: number }[];
  money: { cases: number; workers: number; owed: Money; paid: Money; outstanding: Money; paid_in_full: number };
  timeliness: ClockTally[];
  risks: {
    since: string;
    by_month: { month: string; level: string; risks: number }[];
    open_by_level: { level: string; open: number }[];
  } | null;
}

export const dashboardApi = {
  get: () => http.get<Dashboard>('/dashboard'),
};
