// /api/v1/{cases|risks|meetings}/{id}/evidence: evidence files of a case, a risk item or a joint
// meeting (docs/evidence.md), and a case's transfer package as files. The server decides the type
// from the content, the limits, the kinds each owner offers and what a file may support; the client
// only sends the file with its kind and what it supports.
import { API_PREFIX, http } from './http';
import { uploadForm, type UploadOptions } from './upload';

/** What files are attached to, with its id. */
export type EvidenceOwnerKind = 'case' | 'risk' | 'meeting';
export interface EvidenceOwner {
  kind: EvidenceOwnerKind;
  id: number;
}

export interface EvidenceFile {
  id: number;
  owner_kind: EvidenceOwnerKind;
  owner_id: number;
  kind: string;
  kind_zh: string;
  kind_en: string;
  /** The package item, step or part of the risk/meeting the file was attached for. */
  supports: string | null;
  /** Its name for people ('' when none). */
  supports_zh: string;
  supports_en: string;
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

export interface EvidenceChoice {
  code: string;
  zh: string;
  en: string;
}

export interface EvidenceListing {
  files: EvidenceFile[];
  /** The owner's kinds, in the order forms offer them. */
  kinds: EvidenceChoice[];
  /** What a new file may be attached for. */
  supports: EvidenceChoice[];
  /** A case's transfer package (empty for a risk or a meeting). */
  package: EvidencePackageItem[];
  missing: string[];
  limits: { image_bytes: number; video_bytes: number; document_bytes: number; audio_bytes: number };
}

export interface EvidenceUpload {
  kind: string;
  supports?: string | null;
  note?: string;
}

const COLLECTIONS: Record<EvidenceOwnerKind, string> = { case: 'cases', risk: 'risks', meeting: 'meetings' };

export const evidencePath = (owner: EvidenceOwner, tail = '') => `/${COLLECTIONS[owner.kind]}/${owner.id}/evidence${tail}`;

/** multipart/form-data with the fields before the file (the server reads them first). */
function upload(owner: EvidenceOwner, file: File, fields: EvidenceUpload, onProgress?: UploadOptions['onProgress']): Promise<EvidenceFile> {
  const form = new FormData();
  form.append('kind', fields.kind);
  if (fields.supports) form.append('supports', fields.supports);
  if (fields.note) form.append('note', fields.note);
  form.append('file', file, file.name);
  return uploadForm<EvidenceFile>(evidencePath(owner), form, { onProgress });
}

export const evidenceApi = {
  list: (owner: EvidenceOwner) => http.get<EvidenceListing>(evidencePath(owner)),
  upload,
  withdraw: (owner: EvidenceOwner, fileId: number, reason: string) =>
    http.post<EvidenceFile>(evidencePath(owner, `/${fileId}/withdraw`), { reason }),
  /** Same-origin links: the browser downloads them as attachments with the session cookie. */
  downloadUrl: (file: EvidenceFile) =>
    file.download_url || `${API_PREFIX}${evidencePath({ kind: file.owner_kind, id: file.owner_id }, `/${file.id}/content`)}`,
  packageUrl: (caseId: number | string) => `${API_PREFIX}/cases/${caseId}/evidence-package`,
};
