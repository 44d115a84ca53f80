// Shapes shared by several API modules. Each module keeps its own request/response types beside its calls.

export type RoleCode =
  | 'case_handler'
  | 'unit_head'
  | 'liaison_officer'
  | 'wage_office_coordinator'
  | 'police_officer'
  | 'prosecutor'
  | 'court_judge'
  | 'legal_aid_officer'
  | 'leader'
  | 'system_admin'
  | 'security_admin'
  | 'auditor';

export const ROLE_CODES: readonly RoleCode[] = [
  'case_handler',
  'unit_head',
  'liaison_officer',
  'wage_office_coordinator',
  'police_officer',
  'prosecutor',
  'court_judge',
  'legal_aid_officer',
  'leader',
  'system_admin',
  'security_admin',
  'auditor',
];

/** 三员分立: these three are exclusive of each other and of every business role. */
export const ADMIN_ROLES: readonly RoleCode[] = ['system_admin', 'security_admin', 'auditor'];

export type BodyCode = 'hrss' | 'wage_office' | 'police' | 'procuratorate' | 'court' | 'justice' | 'leadership';

export const BODY_CODES: readonly BodyCode[] = ['hrss', 'wage_office', 'police', 'procuratorate', 'court', 'justice', 'leadership'];

export interface BodyRef {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** The server stopped counting at a cap (a search over a large register): "more than `total`". */
  total_is_lower_bound?: boolean;
  page: number;
  page_size: number;
}

export interface ItemList<T> {
  items: T[];
}

export interface PageQuery {
  page: number;
  page_size: number;
  q?: string;
  [key: string]: string | number | boolean | null | undefined;
}
