// Official documents (文书) of a case: issued by the step that issues them (with the facts of that
// moment), numbered in the issuing body's own series per document type, stored with their SHA-256;
// downloads are the stored document with the viewer's watermark (docs/documents.md).
import { http } from './http';

export interface CaseDocument {
  id: number;
  case_id: number;
  kind: string;
  title: string;
  doc_no: string;
  body_code: string;
  /** The issuing body's full name as printed on the document. */
  issuer_name: string;
  year: number;
  seq: number;
  /** The day of the act (成文日期), YYYY-MM-DD, and as people read it (2026年3月2日). */
  document_date: string;
  document_date_zh: string;
  /** The step that issued it ('' for documents issued on their own) and its name. */
  step: string;
  step_name_zh: string;
  issued_at: string;
  issued_by: string;
  sha256: string;
  byte_size: number;
  pages: number;
  event_id?: number;
  /** Same-origin path of the PDF (session cookie; the server adds the viewer's watermark). */
  pdf_url: string;
}

export const documentsApi = {
  list: (caseId: number | string) => http.get<{ items: CaseDocument[] }>(`/cases/${encodeURIComponent(String(caseId))}/documents`),
};
