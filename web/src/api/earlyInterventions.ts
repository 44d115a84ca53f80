import { http } from './http';
import type { Page } from './types';

/** A case the procuratorate has joined early (提前介入, 人民检察院刑事诉讼规则 §256). */
export interface EarlyIntervention {
  case_id: number;
  case_no: string;
  title: string;
  project_name: string;
  employer_name: string;
  state: string;
  state_zh: string;
  state_en: string;
  /** joined | ended */
  stage: string;
  /** own_initiative | agency_request | police_request */
  ground: string;
  joined_at: string;
  reason: string;
  opinions: number;
  opinion_unanswered: boolean;
}

export const earlyInterventionsApi = {
  list: (query: { page: number; page_size: number }) => http.get<Page<EarlyIntervention>>('/early-interventions', query),
};
