// Official documents (文书) of a case: issued as PDF, numbered per issuing body and year, stored with
// their SHA-256; downloads are re-rendered with the viewer's watermark (docs/api/openapi.json).
import { http } from './http';

export type DocumentKind = 'rectification_order' | 'service_record' | 'transfer_letter' | 'non_filing_notice' | 'filing_notice';

export interface CaseDocument {
  id: number;
  case_id: number;
  kind: DocumentKind | string;
  title: string;
  doc_no: string;
  body_code: string;
  year: number;
  seq: number;
  issued_at: string;
  issued_by: string;
  sha256: string;
  byte_size: number;
  pages: number;
  event_id?: number;
  /** Same-origin path of the PDF (session cookie; the server adds the viewer's watermark). */
  pdf_url: string;
}

export interface IssueDocumentRequest {
  kind: DocumentKind;
  /** The order's 限期 (YYYY-MM-DD) when the case has none yet. */
  deadline?: string;
  /** Editable wording of the template (e.g. reasons of a 不予立案通知书). */
  fields?: Record<string, string>;
}

/** Who may issue which document (the server decides; this only decides which buttons to offer). */
export const DOCUMENT_KINDS_BY_BODY: Readonly<Record<string, { permission: string; kinds: readonly DocumentKind[] }>> = {
  hrss: { permission: 'case.write', kinds: ['rectification_order', 'service_record', 'transfer_letter'] },
  police: { permission: 'case.police.act', kinds: ['non_filing_notice'] },
  procuratorate: { permission: 'case.procuratorate.act', kinds: ['filing_notice'] },
};

export const documentsApi = {
  list: (caseId: number | string) => http.get<{ items: CaseDocument[] }>(`/cases/${encodeURIComponent(String(caseId))}/documents`),
  issue: (caseId: number | string, body: IssueDocumentRequest) =>
    http.post<CaseDocument>(`/cases/${encodeURIComponent(String(caseId))}/documents`, body),
};
