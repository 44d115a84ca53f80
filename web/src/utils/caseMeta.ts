// Display knowledge about cases shared by the list, the detail and the workbench: state phases and
// colours, clock status colours and the police's list presets. Which cases need a body's action is
// the server's decision (GET /api/v1/worklist), not the client's.
import type { CaseClock, CasePayment, CaseStateCode } from '@/api/cases';

/** Every state in the order of the chain (PRODUCT.md "The case, end to end"). */
export const CASE_STATES: readonly CaseStateCode[] = [
  'complaint_received',
  'investigating',
  'order_pending',
  'screening',
  'consultation',
  'administrative_handling',
  'transfer_preparation',
  'transfer_pending_approval',
  'transfer_approved',
  'transferred',
  'police_reviewing',
  'materials_supplement',
  'filing_refused',
  'reconsideration',
  'supervision',
  'police_investigating',
  'prosecution_review',
  'trial',
  'execution',
  'civil_route',
  'refused',
  'handed_over',
  'closed_paid',
  'closed_administrative',
  'closed_other',
];

export type CasePhase = 'inspection' | 'screening' | 'transfer' | 'police' | 'judicial' | 'civil' | 'closed';

const PHASES: Record<string, CasePhase> = {
  complaint_received: 'inspection',
  investigating: 'inspection',
  order_pending: 'inspection',
  administrative_handling: 'inspection',
  screening: 'screening',
  consultation: 'screening',
  transfer_preparation: 'transfer',
  transfer_pending_approval: 'transfer',
  transfer_approved: 'transfer',
  transferred: 'transfer',
  police_reviewing: 'police',
  materials_supplement: 'police',
  filing_refused: 'police',
  reconsideration: 'police',
  supervision: 'police',
  police_investigating: 'police',
  prosecution_review: 'judicial',
  trial: 'judicial',
  execution: 'judicial',
  civil_route: 'civil',
  refused: 'closed',
  handed_over: 'closed',
  closed_paid: 'closed',
  closed_administrative: 'closed',
  closed_other: 'closed',
};

export function casePhase(state: string): CasePhase {
  return PHASES[state] ?? 'inspection';
}

export function isClosedState(state: string): boolean {
  return casePhase(state) === 'closed';
}

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** Colour of a clock's status: met green, late amber, overdue red, running blue, the rest grey. */
export function clockTagType(status: string): TagType {
  switch (status) {
    case 'met':
      return 'success';
    case 'met_late':
    case 'uncertain':
      return 'warning';
    case 'overdue':
    case 'not_met':
      return 'danger';
    case 'running':
      return 'primary';
    default:
      return 'info';
  }
}

/** A clock still ticking (no stop yet): running, overdue or uncertain. */
export function isOpenClock(clock: Pick<CaseClock, 'stopped_at'>): boolean {
  return !clock.stopped_at;
}

/** Seconds left on a clock at `now` (negative when past due), from its due time. */
export function secondsLeft(clock: Pick<CaseClock, 'due_at'>, now: number): number {
  return Math.floor((Date.parse(clock.due_at) - now) / 1000);
}

/** Status of a clock as the UI should show it now: an open clock turns overdue the second it falls due. */
export function liveClockStatus(clock: Pick<CaseClock, 'status' | 'stopped_at' | 'due_at' | 'uncertain'>, now: number): string {
  if (clock.stopped_at) return clock.status;
  if (clock.uncertain) return 'uncertain';
  return secondsLeft(clock, now) < 0 ? 'overdue' : 'running';
}

/** Open clocks first by due time; within the same due time, by rule. */
export function byDueTime<T extends Pick<CaseClock, 'due_at' | 'rule_id'>>(a: T, b: T): number {
  return Date.parse(a.due_at) - Date.parse(b.due_at) || a.rule_id.localeCompare(b.rule_id);
}

/** A filtered case list as a menu entry: police, procuratorate and court views. */
export interface CaseListPreset {
  key: string;
  titleKey: string;
  descriptionKey: string;
  party?: string;
  /** One tab per state; `all` adds a first tab without a state filter. */
  states: readonly CaseStateCode[];
  all: boolean;
  /** Tab names in the body's own words where they differ from the state's name. */
  tabLabelKeys?: Readonly<Partial<Record<CaseStateCode, string>>>;
}

export const CASE_LIST_PRESETS: Readonly<Record<string, CaseListPreset>> = {
  incoming: {
    key: 'incoming',
    titleKey: 'menu.caseIncoming',
    descriptionKey: 'cases.presets.incoming',
    party: 'police',
    states: ['transferred', 'materials_supplement'],
    all: true,
    tabLabelKeys: { transferred: 'cases.tabs.awaitingReceipt', materials_supplement: 'cases.tabs.awaitingMaterials' },
  },
  filingReview: {
    key: 'filingReview',
    titleKey: 'menu.caseFilingReview',
    descriptionKey: 'cases.presets.filingReview',
    party: 'police',
    states: ['police_reviewing', 'reconsideration', 'supervision'],
    all: false,
    tabLabelKeys: {
      police_reviewing: 'cases.tabs.filingDecision',
      reconsideration: 'cases.tabs.reconsiderationDecision',
      supervision: 'cases.tabs.supervisionReasons',
    },
  },
};

/** A case's payments, the newest first: by the day paid, then by the order they were recorded. */
export function newestPaymentsFirst(payments: readonly CasePayment[]): CasePayment[] {
  return [...payments].sort((a, b) => b.paid_on.localeCompare(a.paid_on) || b.id - a.id);
}
