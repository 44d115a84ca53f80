// What a risk item's counts say. Whether a count is still to be made (尚未核定, not 0) is the
// server's reading (workers_pending, amount_pending: services/risk_service.h); this only words it.
import type { RiskSummary } from '@/api/risks';
import { t } from '@/locales';

type RiskCounts = Pick<RiskSummary, 'workers_affected' | 'amount_yuan' | 'workers_pending' | 'amount_pending'>;

/** Which of the item's counts are not yet assessed (shown as 尚未核定 rather than 0). */
export function unassessedFacts(risk: RiskCounts): { workers: boolean; amount: boolean } {
  return { workers: risk.workers_pending, amount: risk.amount_pending };
}

/** The detail line of the agenda item a risk becomes: its workers, amount and score, in the reader's language. */
export function riskAgendaDetail(risk: RiskCounts & Pick<RiskSummary, 'score'>): string {
  const unknown = unassessedFacts(risk);
  if (unknown.workers && unknown.amount) return t('risk.agenda.itemDetailUnassessed', { score: risk.score });
  return t('risk.agenda.itemDetail', {
    workers: unknown.workers ? t('risk.agenda.workersUnassessed') : t('risk.agenda.workers', { n: risk.workers_affected }),
    amount: unknown.amount ? t('risk.agenda.amountUnassessed') : t('risk.agenda.amount', { amount: risk.amount_yuan }),
    score: risk.score,
  });
}
