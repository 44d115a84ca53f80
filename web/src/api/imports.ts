// /api/v1/imports: spreadsheets in two steps (docs/imports.md) — upload (the server reads the file
// and proposes a column mapping), confirm the mapping (every row validated, errors per row and
// column), commit (every record in one transaction, or nothing).
import { API_PREFIX, http } from './http';
import { uploadForm, type UploadOptions } from './upload';

export type ImportKind = 'complaints' | 'roster' | 'employers';
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
}

export interface ImportView {
  id: number;
  kind: ImportKind;
  status: ImportStatus;
  case_id: number | null;
  channel: string;
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
}

/** Sends the file as multipart/form-data with the CSRF token, reporting its progress. */
function upload(file: File, options: ImportUploadOptions, onProgress?: UploadOptions['onProgress']): Promise<ImportView> {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = { kind: options.kind, case_id: options.caseId, channel: options.channel, file_name: file.name };
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
