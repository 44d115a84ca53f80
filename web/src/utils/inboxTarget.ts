import type { RouteLocationRaw } from 'vue-router';

/** Kinds of notification the server sends (services/*: InsertNotification), grouped for the UI. */
export const INBOX_KINDS = [
  'case_step',
  'bulletin_announcement',
  'clock_overdue',
  'clock_due_changed',
  'risk_major',
  'risk_report',
  'risk_assigned',
  'risk_review_due',
  'action_item_assigned',
  'action_item_overdue',
  'recommendation_issued',
  'recommendation_replied',
  'recommendation_evaluated',
  'recommendation_overdue',
] as const;

/** Where a notification leads: its case when it names one, else the ledger or meeting list it is about. */
export function inboxTarget(item: { kind: string; case_id: number | null }): RouteLocationRaw | null {
  if (item.kind === 'bulletin_announcement') return { name: 'Announcements' };
  if (item.kind.startsWith('risk_')) return { name: 'RiskList' };
  if (item.kind.startsWith('action_item_')) return { name: 'MeetingList' };
  if (item.kind.startsWith('recommendation_')) return { name: 'RecommendationList' };
  if (item.case_id !== null) return { name: 'CaseDetail', params: { id: String(item.case_id) } };
  return null;
}

/** Tag colour of a kind: red for what is overdue or major, amber for what needs a look, blue otherwise. */
export function inboxTone(kind: string): 'danger' | 'warning' | 'primary' {
  if (kind.endsWith('_overdue') || kind === 'risk_major' || kind === 'risk_report') return 'danger';
  if (kind.endsWith('_due') || kind.endsWith('_assigned')) return 'warning';
  return 'primary';
}
