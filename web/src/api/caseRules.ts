// /api/v1/settings/case-rules: the district's choices among the legal reference data — which
// province's 数额较大 figures apply, figures the data leaves open (entered by the operator and tagged
// LOCAL), and whether the police filing review follows the economic-crime rules (UNCONFIRMED).
import { http } from './http';

export type LegalStatus = 'CONFIRMED' | 'SECONDARY' | 'LOCAL' | 'UNCONFIRMED';

export interface CaseRulesProfile {
  id: string;
  name_zh: string;
  name_en: string;
  /** Decimal yuan ("10000.00"), null while the profile has no figures. */
  per_worker_yuan: string | number | null;
  aggregate_yuan: string | number | null;
  min_workers_aggregate: number;
  min_months_per_worker: number;
  document: string;
  source_url: string;
  status: LegalStatus | string;
  note: string;
  /** False while the profile has no figures (an unconfirmed province): it cannot be chosen as is. */
  configured: boolean;
}

export interface ThresholdOverride {
  per_worker_yuan: number;
  aggregate_yuan: number;
  document: string;
  source_url?: string;
  effective?: string;
}

/** One time limit's configurable value (data/time_limits.json); limit null = set per case. */
export interface TimeLimitValue {
  limit: number | null;
  unit: string;
  roll_over: boolean;
}

/** A time limit the operator may change, with its status tag and the status of its roll-over. */
export interface ConfigurableTimeLimit {
  id: string;
  action_zh: string;
  action_en: string;
  citation: string;
  status: LegalStatus | string;
  roll_over_citation: string;
  roll_over_status: LegalStatus | string;
  configurable_fields: string[];
  default: TimeLimitValue;
  in_force: TimeLimitValue;
  note: string;
}

export interface CaseRules {
  threshold_profile: string;
  economic_crime_rules: boolean;
  economic_crime_rules_basis: { citation: string; status: LegalStatus | string; note_zh: string; note_en: string };
  threshold_overrides: Record<string, ThresholdOverride>;
  time_limit_overrides: Record<string, Partial<TimeLimitValue>>;
  time_limits: ConfigurableTimeLimit[];
  default_profile: string;
  profiles: CaseRulesProfile[];
}

export interface CaseRulesChange {
  threshold_profile: string;
  economic_crime_rules: boolean;
  threshold_overrides: Record<string, ThresholdOverride>;
  time_limit_overrides: Record<string, Partial<TimeLimitValue>>;
}

/** Profiles fixed by 法释〔2013〕3号 §3 (the server refuses overrides of them). */
export const NATIONAL_PROFILES: readonly string[] = ['national-min', 'national-max'];

export const caseRulesApi = {
  get: () => http.get<CaseRules>('/settings/case-rules'),
  update: (change: CaseRulesChange) => http.put<CaseRules>('/settings/case-rules', change),
};
