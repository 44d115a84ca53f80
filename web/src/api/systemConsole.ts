import { http } from './http';
import type { ItemList } from './types';

/** One scheduled job as this instance has run it (the 定时任务 page). */
export interface ScheduledJob {
  /** Stable code (used in the run-now address); people read label_zh / label_en. */
  name: string;
  label_zh: string;
  label_en: string;
  interval_seconds: number;
  runs: number;
  failures: number;
  /** Turns another instance held the job's lease. */
  lease_missed: number;
  last_started_at: string | null;
  last_duration_ms: number;
  last_failed: boolean;
  last_error: string;
  next_run_at: string | null;
}

export interface MonitoredFolder {
  label_zh: string;
  label_en: string;
  reachable: boolean;
  total_bytes?: number;
  free_bytes?: number;
}

/** The 服务监控 page: this instance, its database, folders and queues. */
export interface ServiceMonitor {
  checked_at: string;
  instance: {
    started_at: string;
    uptime_seconds: number;
    resident_bytes: number;
    peak_resident_bytes: number;
    connections: number;
    pending_requests: number;
    worker_threads: number;
    open_streams: number;
  };
  database: {
    reachable: boolean;
    ready: boolean;
    schema_version: number;
    expected_schema_version: number;
    pool_open: number;
    pool_idle: number;
    pool_max: number;
    pool_waiting: number;
  };
  folders: MonitoredFolder[];
  queues: { outbox_pending: number | null; failing_jobs: number };
}

export const systemConsoleApi = {
  jobs: () => http.get<ItemList<ScheduledJob>>('/system/jobs'),
  runJob: (name: string) => http.post<ScheduledJob>(`/system/jobs/${encodeURIComponent(name)}/run`),
  monitor: () => http.get<ServiceMonitor>('/system/monitor'),
};
