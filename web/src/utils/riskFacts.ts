// What a risk item's counts say. An item raised from a project's monitoring data (source
// project_monitoring) starts with 0 workers and 0 yuan: nobody has counted yet, which is not none.
import type { RiskSummary } from '@/api/risks';
import { t } from '@/locales';

type RiskCounts = Pick<RiskSummary, 'source' | 'workers_affected' | 'amount_yuan'>;

/** Which of the item's counts are not yet assessed (shown as 尚未核定 rather than 0). */
export function unassessedFacts(risk: RiskCounts): { workers: boolean; amount: boolean } {
  const fromMonitoring = risk.source === 'project_monitoring';
  return { workers: fromMonitoring && !risk.workers_affected, amount: fromMonitoring && !Number(risk.amount_yuan) };
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
