import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadLocaleMessages } from '@/locales';
import { riskAgendaDetail, unassessedFacts } from '@/utils/riskFacts';

const reported = { source: 'hotline', workers_affected: 0, amount_yuan: '0.00', score: 20 };
const monitored = { source: 'project_monitoring', workers_affected: 0, amount_yuan: '0.00', score: 55 };

describe('risk counts not yet assessed', () => {
  it('reads 0 workers and 0 yuan as not yet assessed only for an item raised from monitoring data', () => {
    expect(unassessedFacts(monitored)).toEqual({ workers: true, amount: true });
    expect(unassessedFacts(reported)).toEqual({ workers: false, amount: false });
    expect(unassessedFacts({ ...monitored, workers_affected: 12 })).toEqual({ workers: false, amount: true });
    expect(unassessedFacts({ ...monitored, amount_yuan: '86000.00' })).toEqual({ workers: true, amount: false });
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
    expect(riskAgendaDetail({ ...monitored, workers_affected: 12 })).toBe('涉及 12 人，金额尚未核定，评分 55');
    expect(riskAgendaDetail(reported)).toBe('涉及 0 人，金额 0.00 元，评分 20');
  });

  it('says the same in English', () => {
    i18n.global.locale.value = 'en';
    expect(riskAgendaDetail({ ...reported, workers_affected: 23, amount_yuan: '460000.00' })).toBe('23 workers, 460000.00 yuan, score 20');
    expect(riskAgendaDetail(monitored)).toBe('Workers and amount not yet assessed (raised from the project’s monitoring data), score 55');
    expect(riskAgendaDetail({ ...monitored, amount_yuan: '86000.00' })).toBe('Workers not yet assessed, 86000.00 yuan, score 55');
  });
});
