// /api/v1/cases/{id}/evidence: evidence files of a case and the transfer package as files
// (docs/evidence.md). The server decides the type from the content, the limits and what each
// package item needs; the client only sends the file with its kind and what it supports.
import { ApiError, API_PREFIX, buildUrl, getCsrfToken, http, readProblem } from './http';

export type EvidenceKind = 'posting_media' | 'interview_record' | 'payroll' | 'attendance' | 'labour_contract' | 'bank_statement' | 'other';

export interface EvidenceFile {
  id: number;
  case_id: number;
  kind: EvidenceKind | string;
  kind_zh: string;
  kind_en: string;
  /** The package item or step the file was attached for. */
  supports: string | null;
  note: string;
  file_name: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  added_by_name: string;
  added_body: string;
  added_at: string;
  withdrawn: boolean;
  withdrawn_at: string | null;
  withdrawn_by_name: string | null;
  withdrawn_reason: string | null;
  download_url: string;
}

export interface EvidencePackageItem {
  id: string;
  zh: string;
  en: string;
  basis: string;
  required: boolean;
  present: boolean;
  /** The platform produces it (the 移送书); no file is attached for it. */
  generated_document: boolean;
  kinds: string[];
  file_ids: number[];
  document_id: number | null;
}

export interface EvidenceListing {
  files: EvidenceFile[];
  package: EvidencePackageItem[];
  missing: string[];
  kinds: { code: EvidenceKind | string; zh: string; en: string }[];
  limits: { image_bytes: number; video_bytes: number; document_bytes: number; audio_bytes: number };
}

export interface EvidenceUpload {
  kind: string;
  supports?: string | null;
  note?: string;
}

const casePath = (caseId: number | string, tail = '') => `/cases/${caseId}/evidence${tail}`;

/** multipart/form-data with the fields before the file (the server reads them first), with the CSRF token. */
async function upload(caseId: number | string, file: File, fields: EvidenceUpload): Promise<EvidenceFile> {
  const form = new FormData();
  form.append('kind', fields.kind);
  if (fields.supports) form.append('supports', fields.supports);
  if (fields.note) form.append('note', fields.note);
  form.append('file', file, file.name);
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = getCsrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    response = await fetch(buildUrl(casePath(caseId)), { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError({
      type: 'urn:wagelink:problem:network_error',
      code: 'network_error',
      status: 0,
      title: '无法连接服务器，请检查网络后重试',
      title_en: 'Cannot reach the server; check the network and try again',
    });
  }
  if (!response.ok) throw new ApiError(await readProblem(response));
  return (await response.json()) as EvidenceFile;
}

export const evidenceApi = {
  list: (caseId: number | string) => http.get<EvidenceListing>(casePath(caseId)),
  upload,
  withdraw: (caseId: number | string, fileId: number, reason: string) =>
    http.post<EvidenceFile>(casePath(caseId, `/${fileId}/withdraw`), { reason }),
  /** Same-origin links: the browser downloads them as attachments with the session cookie. */
  downloadUrl: (file: EvidenceFile) => file.download_url || `${API_PREFIX}${casePath(file.case_id, `/${file.id}/content`)}`,
  packageUrl: (caseId: number | string) => `${API_PREFIX}/cases/${caseId}/evidence-package`,
};
