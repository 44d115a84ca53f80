import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadLocaleMessages } from '@/locales';
import { riskAgendaDetail, unassessedFacts } from '@/utils/riskFacts';

// As the server sends them: whether a count is still to be made is its reading, not the client's.
const reported = { workers_affected: 0, amount_yuan: '0.00', workers_pending: false, amount_pending: false, score: 20 };
const monitored = { workers_affected: 0, amount_yuan: '0.00', workers_pending: true, amount_pending: true, score: 55 };

describe('risk counts not yet assessed', () => {
  it('takes the server\'s reading of which counts are still to be made, whatever the numbers', () => {
    expect(unassessedFacts(monitored)).toEqual({ workers: true, amount: true });
    expect(unassessedFacts(reported)).toEqual({ workers: false, amount: false });
    expect(unassessedFacts({ ...monitored, workers_affected: 12, workers_pending: false })).toEqual({ workers: false, amount: true });
    expect(unassessedFacts({ ...monitored, amount_yuan: '86000.00', amount_pending: false })).toEqual({ workers: true, amount: false });
  });
});

describe('the agenda item a risk becomes', () => {
  const saved = i18n.global.locale.value;
  beforeAll(() => loadLocaleMessages('en'));
  afterAll(() => {
    i18n.global.locale.value = saved;
  });

  it('says the counts in Chinese, or that they are not yet assessed', () => {
    i18n.global.locale.value = 'zh-CN';
    expect(riskAgendaDetail({ ...reported, workers_affected: 23, amount_yuan: '460000.00' })).toBe('涉及 23 人，金额 460000.00 元，评分 20');
    expect(riskAgendaDetail(monitored)).toBe('涉及人数和金额尚未核定（由工程项目监测数据生成），评分 55');
    expect(riskAgendaDetail({ ...monitored, workers_affected: 12, workers_pending: false })).toBe('涉及 12 人，金额尚未核定，评分 55');
    expect(riskAgendaDetail(reported)).toBe('涉及 0 人，金额 0.00 元，评分 20');
  });

  it('says the same in English', () => {
    i18n.global.locale.value = 'en';
    expect(riskAgendaDetail({ ...reported, workers_affected: 23, amount_yuan: '460000.00' })).toBe('23 workers, 460000.00 yuan, score 20');
    expect(riskAgendaDetail(monitored)).toBe('Workers and amount not yet assessed (raised from the project’s monitoring data), score 55');
    expect(riskAgendaDetail({ ...monitored, amount_yuan: '86000.00', amount_pending: false })).toBe('Workers not yet assessed, 86000.00 yuan, score 55');
  });
});
