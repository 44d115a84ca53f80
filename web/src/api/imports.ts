// /api/v1/imports: spreadsheets in two steps (docs/imports.md) — upload (the server reads the file
// and proposes a column mapping), confirm the mapping (every row validated, errors per row and
// column), commit (every record in one transaction, or nothing). Besides complaints, rosters and
// employer lists (labour inspection), a project's monthly feed — 实名制考勤, 工资支付表, 专用账户流水 —
// comes in the same way (anyone who may report risks), for one registered project and month.
import { API_PREFIX, http } from './http';
import { uploadForm, type UploadOptions } from './upload';
import type { FeedKind } from './projects';

/** Case data, labour inspection's (case.write in 人社). */
export type CaseImportKind = 'complaints' | 'roster' | 'employers';
export const CASE_IMPORT_KINDS: readonly CaseImportKind[] = ['complaints', 'roster', 'employers'];
/** A project's monthly feed (项目监测数据), for whoever may report risks (risk.write). */
export const FEED_IMPORT_KINDS: readonly FeedKind[] = ['attendance', 'payroll', 'account'];
export type ImportKind = CaseImportKind | FeedKind;

export function isFeedKind(kind: string): kind is FeedKind {
  return (FEED_IMPORT_KINDS as readonly string[]).includes(kind);
}
export type ImportStatus = 'uploaded' | 'invalid' | 'validated' | 'committed' | 'expired';

export interface ImportColumn {
  index: number;
  letter: string;
  header: string;
}

export interface ImportField {
  field: string;
  label_zh: string;
  label_en: string;
  required: boolean;
}

export interface ImportRowError {
  row: number;
  column: string;
  header: string;
  field: string;
  message_zh: string;
  message_en: string;
}

export interface ImportResult {
  records?: number;
  cases_created?: number;
  case_ids?: number[];
  /** The same cases' numbers (案号), in the same order, for people. */
  case_nos?: string[];
  case_id?: number;
  case_no?: string;
  workers_added?: number;
  employers_created?: number;
  /** A project feed: the project and month it was stored for, and what it changed. */
  project_id?: number;
  project_no?: string;
  month?: string;
  batch_id?: number;
  /** The very same rows as the month's current batch: nothing changed. */
  repeated?: boolean;
  /** The month's earlier batch of this kind that this one replaced. */
  replaced_batch_id?: number | null;
  /** The project's open warnings after the feed was measured. */
  open_warnings?: number;
}

export interface ImportView {
  id: number;
  kind: ImportKind;
  status: ImportStatus;
  case_id: number | null;
  channel: string;
  /** The project a feed is for (null for case data); its number and name, "" when none. */
  project_id: number | null;
  project_no: string;
  project_name: string;
  /** The feed's month "YYYY-MM", "" for case data. */
  month: string;
  file_name: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  byte_size: number;
  row_count: number;
  columns: ImportColumn[];
  fields: ImportField[];
  /** field → column index (fields left out are not mapped). */
  mapping: Record<string, number>;
  error_count: number;
  errors: ImportRowError[];
  errors_truncated: boolean;
  errors_csv_url: string;
  result: ImportResult;
  created_at: string;
  committed_at: string | null;
  formula_cells?: number;
}

export interface ImportUploadOptions {
  kind: ImportKind;
  caseId?: number;
  channel?: string;
  /** A feed's project and month ("YYYY-MM"). */
  projectId?: number;
  month?: string;
}

/** Sends the file as multipart/form-data with the CSRF token, reporting its progress. */
function upload(file: File, options: ImportUploadOptions, onProgress?: UploadOptions['onProgress']): Promise<ImportView> {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = {
    kind: options.kind,
    case_id: options.caseId,
    channel: options.channel,
    project_id: options.projectId,
    month: options.month,
    file_name: file.name,
  };
  return uploadForm<ImportView>('/imports', form, { query, onProgress });
}

export const importsApi = {
  upload,
  get: (id: number) => http.get<ImportView>(`/imports/${id}`),
  setMapping: (id: number, mapping: Record<string, number | string | null>) => http.put<ImportView>(`/imports/${id}/mapping`, { mapping }),
  commit: (id: number) => http.post<ImportView>(`/imports/${id}/commit`),
  /** Same-origin link for the browser to download the report (the session cookie goes along). */
  errorsCsvUrl: (view: ImportView) => view.errors_csv_url || `${API_PREFIX}/imports/${view.id}/errors.csv`,
};
