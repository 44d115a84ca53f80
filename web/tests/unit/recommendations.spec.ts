import { describe, expect, it } from 'vitest';
import type { Recommendation } from '@/api/recommendations';
import { listQuery, pageParams } from '@/api/recommendations';
import type { ProjectWarning } from '@/api/projects';
import {
  basisRoute,
  coveragePercent,
  defaultAddressee,
  evaluationProblems,
  issueProblems,
  outcomeTagType,
  periodWords,
  plainLegalText,
  recommendationTag,
  replyProblems,
  TEXT_MAX,
  warningProblemText,
} from '@/utils/recommendations';

function rec(over: Partial<Recommendation> = {}): Recommendation {
  return {
    id: 3,
    number: '示检建〔2026〕3号',
    basis: {
      kind: 'project_warning',
      id: 12,
      label_zh: '城东物流园：人工费用未按月拨付',
      label_en: 'East logistics park: labour cost not paid in monthly',
      project_id: 2,
      risk_id: 5,
      case_id: null,
      case_number: null,
    },
    addressee_body: 'hrss',
    addressee_name_zh: '区人社局',
    addressee_name_en: 'District HRSS bureau',
    problem: '问题',
    measures: '措施',
    issued_by_name: '鄂晶晶',
    issued_on: '2026-12-05',
    reply_due_on: '2027-02-05',
    reply_period: {
      months: 2,
      basis_zh: '依据',
      basis_en: 'basis',
      status_tag: 'UNCONFIRMED',
      status_zh: '未证实，本区可设置',
      status_en: 'Unconfirmed; the district may set it',
      note_zh: '',
      note_en: '',
    },
    status: 'awaiting_reply',
    status_zh: '待回复',
    status_en: 'Awaiting reply',
    overdue: false,
    days_overdue: 0,
    reply: null,
    evaluation: null,
    can_reply: false,
    can_evaluate: false,
    ...over,
  };
}

describe('recommendation status tag', () => {
  it('awaits a reply in amber, with the server’s words in the reader’s language', () => {
    expect(recommendationTag(rec(), 'zh-CN')).toEqual({ type: 'warning', text: '待回复', overdueDays: null });
    expect(recommendationTag(rec(), 'en').text).toBe('Awaiting reply');
  });

  it('shows an overdue reply in red with its days', () => {
    expect(recommendationTag(rec({ overdue: true, days_overdue: 4 }), 'zh-CN')).toEqual({ type: 'danger', text: '待回复', overdueDays: 4 });
  });

  it('no longer counts days once the reply is in, and colours an evaluation by its outcome', () => {
    expect(recommendationTag(rec({ status: 'replied', overdue: true, days_overdue: 2 }), 'zh-CN')).toMatchObject({ type: 'primary', overdueDays: null });
    const evaluation = { outcome_zh: '已整改', outcome_en: 'Rectified', text: '', evaluated_by_name: '', evaluated_on: '2027-01-01' };
    expect(recommendationTag(rec({ status: 'evaluated', evaluation: { outcome: 'rectified', ...evaluation } }), 'zh-CN').type).toBe('success');
    expect(recommendationTag(rec({ status: 'evaluated', evaluation: { outcome: 'not_rectified', ...evaluation } }), 'zh-CN').type).toBe('danger');
    expect(recommendationTag(rec({ status: 'evaluated', evaluation: { outcome: 'partly_rectified', ...evaluation } }), 'zh-CN').type).toBe('info');
    expect(outcomeTagType('partly_rectified')).toBe('warning');
    expect(outcomeTagType(undefined)).toBe('info');
  });
});

describe('basis link', () => {
  it('leads a warning to its project, a risk to its item and a case to the case', () => {
    expect(basisRoute(rec().basis)).toEqual({ name: 'ProjectDetail', params: { id: '2' } });
    expect(basisRoute({ ...rec().basis, kind: 'risk', id: 5, project_id: null })).toEqual({ name: 'RiskDetail', params: { id: '5' } });
    expect(basisRoute({ ...rec().basis, kind: 'case', id: 8, case_id: 8, case_number: '人社监〔2026〕8号' })).toEqual({
      name: 'CaseDetail',
      params: { id: '8' },
    });
    expect(basisRoute({ ...rec().basis, kind: 'case', case_id: null, project_id: null, risk_id: null })).toBeNull();
  });
});

describe('issue dialog', () => {
  const addressees = [
    { code: 'hrss', name_zh: '区人社局', name_en: 'HRSS' },
    { code: 'wage_office', name_zh: '区治欠办', name_en: 'Wage office' },
  ];

  it('proposes the project’s owner body only when a 检察建议 may go to it', () => {
    expect(defaultAddressee('hrss', addressees)).toBe('hrss');
    expect(defaultAddressee('court', addressees)).toBe('');
    expect(defaultAddressee(null, addressees)).toBe('');
  });

  it('prefills the problem from the warning’s rule, level, facts and basis', () => {
    const warning = {
      project_name: '城东物流园仓储项目',
      rule_zh: '建设单位未按月向专用账户拨付人工费用',
      level_zh: '红色预警',
      basis: '《保障农民工工资支付条例》第二十四条第二款',
      evidence: [
        { month: '2026-10', zh: '2026年10月有12人出勤，专用账户无人工费用拨付记录', en: '', workers: [], workers_total: 0 },
        { month: '2026-11', zh: '2026年11月同上。', en: '', workers: [], workers_total: 0 },
      ],
    } as unknown as ProjectWarning;
    expect(warningProblemText(warning)).toBe(
      '城东物流园仓储项目：建设单位未按月向专用账户拨付人工费用（红色预警）。\n' +
        '2026年10月有12人出勤，专用账户无人工费用拨付记录。2026年11月同上。\n' +
        '依据：《保障农民工工资支付条例》第二十四条第二款。',
    );
  });

  it('asks for an addressee, the problem and the measures', () => {
    expect(Object.keys(issueProblems({ addressee_body: '', problem: ' ', measures: '' })).sort()).toEqual(['addressee_body', 'measures', 'problem']);
    expect(issueProblems({ addressee_body: 'hrss', problem: '问题', measures: '措施' })).toEqual({});
    expect(issueProblems({ addressee_body: 'hrss', problem: '问'.repeat(TEXT_MAX + 1), measures: '措施' }).problem.key).toBe('recommendation.form.tooLong');
  });
});

describe('reply and evaluation forms', () => {
  it('a reply needs its kind and text; "rectified" needs the evidence', () => {
    expect(Object.keys(replyProblems({ kind: '', text: '', rectification_evidence: '' })).sort()).toEqual(['kind', 'text']);
    expect(replyProblems({ kind: 'rectified', text: '已补发', rectification_evidence: '' })).toEqual({
      rectification_evidence: { key: 'recommendation.form.evidenceRequired' },
    });
    expect(replyProblems({ kind: 'rectified', text: '已补发', rectification_evidence: '补发工资银行回单' })).toEqual({});
    expect(replyProblems({ kind: 'objection', text: '理由', rectification_evidence: '' })).toEqual({});
  });

  it('an evaluation needs its outcome and opinion', () => {
    expect(Object.keys(evaluationProblems({ outcome: '', text: '' })).sort()).toEqual(['outcome', 'text']);
    expect(evaluationProblems({ outcome: 'rectified', text: '整改到位' })).toEqual({});
  });
});

describe('paging and coverage', () => {
  it('asks for a page by number and size only, and leaves unset filters out of the query', () => {
    expect(pageParams({ page: 3, page_size: 20 })).toEqual({ page: 3, page_size: 20 });
    expect(pageParams({ page: 0, page_size: 10 })).toEqual({ page: 1, page_size: 10 });
    expect(listQuery({ status: '', overdue: false, project_id: 2, page: 1, page_size: 20 })).toEqual({ project_id: 2, page: 1, page_size: 20 });
    expect(listQuery({ status: 'replied', overdue: true })).toEqual({ status: 'replied', overdue: true });
  });

  it('shows coverage as a whole percentage of the projects', () => {
    expect(coveragePercent(3, 4)).toBe(75);
    expect(coveragePercent(2, 3)).toBe(67);
    expect(coveragePercent(0, 0)).toBe(0);
    expect(coveragePercent(5, 4)).toBe(100);
  });
});

describe('the reply period in words', () => {
  it('names the period in its unit', () => {
    expect(periodWords({ months: 2, limit: 2, unit: 'months' })).toEqual({ key: 'recommendation.detail.period', n: 2 });
    expect(periodWords({ months: null, limit: 30, unit: 'days' })).toEqual({ key: 'recommendation.detail.periodDays', n: 30 });
    expect(periodWords({ months: null, limit: 10, unit: 'working_days' })).toEqual({ key: 'recommendation.detail.periodWorkingDays', n: 10 });
    expect(periodWords({ months: null })).toBeNull();
  });

  it('drops the maintainers’ LEGAL.md references and status tags, keeping the words', () => {
    expect(
      plainLegalText('《人民检察院检察建议工作规定》（2019）；回复期限条文未见，检察建议书格式文本（江苏内容清单，LEGAL.md 第5条.6）载“二个月以内”'),
    ).toBe('《人民检察院检察建议工作规定》（2019）；回复期限条文未见，检察建议书格式文本（江苏内容清单）载“二个月以内”');
    expect(plainLegalText('未证实（LEGAL.md §5.6、§8第10项）：回复期限条文未能查阅，须由律师或客户核实。')).toBe(
      '未证实：回复期限条文未能查阅，须由律师或客户核实。',
    );
    const english = plainLegalText(
      "UNCONFIRMED (LEGAL.md §5.6, §8 item 10): the reply period of the 2019 rules could not be read; 'two months' is from the LOCAL Jiangsu list.",
    );
    expect(english).toBe("the reply period of the 2019 rules could not be read; 'two months' is from the Jiangsu list.");
    expect(plainLegalText('《保障农民工工资支付条例》第二十四条')).toBe('《保障农民工工资支付条例》第二十四条');
    expect(plainLegalText(null)).toBe('');
  });
});
