import { describe, expect, it } from 'vitest';
import type { ProjectWarning } from '@/api/projects';
import { feedFieldPlace, normaliseDay, parseFeedPaste, readPurpose, readYesNo } from '@/utils/feedPaste';
import { formatWorkers, thresholdIsLocal, withoutFieldPrefix, withoutStatusTags } from '@/utils/projects';
import { beijingMonth, formatMonth } from '@/utils/datetime';

// Valid resident ID numbers (GB 11643 check characters), as the e2e helpers make them.
const ID1 = '330106199001011010';
const ID2 = '330106199002021026';

describe('feed paste: attendance', () => {
  it('reads rows in the template order (姓名, 身份证号, 出勤天数) without a header', () => {
    const pasted = parseFeedPaste('attendance', `张伟\t${ID1}\t22\n王芳\t${ID2}\t20天\n`);
    expect(pasted.headerDetected).toBe(false);
    expect(pasted.rows.map((r) => r.row)).toEqual([
      { name: '张伟', id_number: ID1, days: 22 },
      { name: '王芳', id_number: ID2, days: 20 },
    ]);
    expect(pasted.rows.every((r) => Object.keys(r.problems).length === 0)).toBe(true);
  });

  it('follows a header row in any order and skips empty lines', () => {
    const pasted = parseFeedPaste('attendance', `身份证号码\t出勤天数\t姓名\n\n${ID1.toLowerCase().replace('x', 'x')}\t21\t张伟\n`);
    expect(pasted.headerDetected).toBe(true);
    expect(pasted.rows).toHaveLength(1);
    expect(pasted.rows[0].row).toEqual({ name: '张伟', id_number: ID1, days: 21 });
  });

  it('marks what it cannot read: a wrong ID number, days out of range, a missing name', () => {
    const pasted = parseFeedPaste('attendance', `\t330106199013011234\t40`);
    expect(pasted.rows[0].problems).toEqual({ name: 'required', id_number: 'idNumber', days: 'days' });
  });
});

describe('feed paste: pay sheet', () => {
  it('reads amounts, dates in the ways a sheet writes them and 是/否', () => {
    const pasted = parseFeedPaste('payroll', `姓名\t身份证号\t实发工资（元）\t发放日期\t是否通过专用账户代发\n张伟\t${ID1}\t6,800.5\t2026/12/10\t是\n王芳\t${ID2}\t¥7000\t2026年12月9日\t否`);
    expect(pasted.headerDetected).toBe(true);
    expect(pasted.rows.map((r) => r.row)).toEqual([
      { name: '张伟', id_number: ID1, amount_yuan: '6800.50', paid_on: '2026-12-10', through_special_account: true },
      { name: '王芳', id_number: ID2, amount_yuan: '7000.00', paid_on: '2026-12-09', through_special_account: false },
    ]);
  });

  it('refuses a zero amount, an impossible date and an unclear yes/no', () => {
    const pasted = parseFeedPaste('payroll', `张伟\t${ID1}\t0\t2026-02-30\t也许`);
    expect(pasted.rows[0].problems).toEqual({ amount_yuan: 'amount', paid_on: 'date', through_special_account: 'yesNo' });
  });
});

describe('feed paste: special-account statement', () => {
  it('reads the purpose in words or as its code', () => {
    const pasted = parseFeedPaste('account', `2026-11-05\t人工费用拨付\t150000\n2026.11.20\t工资代发\t136,000.00\n20261128\tother\t12.3`);
    expect(pasted.rows.map((r) => r.row)).toEqual([
      { date: '2026-11-05', purpose: 'labour_cost', amount_yuan: '150000.00' },
      { date: '2026-11-20', purpose: 'wage_payment', amount_yuan: '136000.00' },
      { date: '2026-11-28', purpose: 'other', amount_yuan: '12.30' },
    ]);
  });

  it('reads any other statement line as other, wants a purpose, and an empty paste is no rows', () => {
    expect(parseFeedPaste('account', '2026-11-05\t\t3').rows[0].problems).toEqual({ purpose: 'required' });
    expect(parseFeedPaste('account', '2026-11-05\t利息\t3').rows[0].problems).toEqual({});
    expect(parseFeedPaste('account', '  \n').rows).toEqual([]);
  });

  it('understands the small readers on their own', () => {
    expect(normaliseDay('2026年1月5日')).toBe('2026-01-05');
    expect(normaliseDay('2026-13-01')).toBeNull();
    expect(readYesNo('√')).toBe(true);
    expect(readYesNo('N')).toBe(false);
    expect(readYesNo('')).toBeNull();
    expect(readPurpose('拨入人工费')).toBe('labour_cost');
    expect(readPurpose('手续费')).toBe('other');
    expect(readPurpose('工程款拨付')).toBe('other');
    expect(readPurpose(' ')).toBeNull();
  });

  it('turns the server row path into a row from one and its column', () => {
    expect(feedFieldPlace('rows[1].id_number')).toEqual({ row: 2, column: 'id_number' });
    expect(feedFieldPlace('rows[0]')).toEqual({ row: 1, column: '' });
    expect(feedFieldPlace('month')).toBeNull();
  });
});

function warning(partial: Partial<ProjectWarning>): ProjectWarning {
  return {
    id: 1,
    project_id: 1,
    project_no: 'XM-2026-0001',
    project_name: '滨江花园',
    rule_id: 'PW-NO-NOTICE-BOARD',
    rule_zh: '',
    rule_en: '',
    basis: '',
    basis_en: '',
    threshold_basis: '',
    threshold_basis_en: '',
    threshold_status: 'CONFIRMED',
    source_status: 'CONFIRMED',
    level: 'yellow',
    level_zh: '黄色预警',
    level_en: 'yellow warning',
    measured: 1,
    at_least: 1,
    unit_zh: '',
    unit_en: '',
    status: 'open',
    evidence: [],
    raised_at: '2026-12-05T01:00:00Z',
    updated_at: '2026-12-05T01:00:00Z',
    cleared_at: null,
    cleared_evidence: null,
    ...partial,
  };
}

describe('project warnings in words', () => {
  it('names masked workers with the count', () => {
    expect(formatWorkers(['张*', '王*'], 3, 'zh-CN')).toBe('张*、王*等3人');
    expect(formatWorkers(['张*'], 1, 'en')).toBe('张* (1 worker)');
    expect(formatWorkers([], 0, 'zh-CN')).toBe('');
  });

  it('writes a month in words, and finds last month in Beijing', () => {
    expect(formatMonth('2025-12', 'zh-CN')).toBe('2025年12月');
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    expect(formatMonth('', 'zh-CN')).toBe('—');
    // 2026-01-01 01:00 Beijing is still 31 December in UTC.
    expect(beijingMonth(new Date('2025-12-31T17:00:00Z'), -1)).toBe('2025-12');
    expect(beijingMonth(new Date('2026-12-05T01:00:00Z'), 1)).toBe('2027-01');
  });

  it('drops the status tags meant for maintainers and keeps the words', () => {
    expect(withoutStatusTags('等级为平台默认值（参照夷陵区做法，LOCAL）')).toBe('等级为平台默认值（参照夷陵区做法）');
    expect(withoutStatusTags('以次月末为限（LOCAL）；等级为平台默认值')).toBe('以次月末为限；等级为平台默认值');
    expect(withoutStatusTags('拨付周期不超过1个月为条例规定')).toBe('拨付周期不超过1个月为条例规定');
  });

  it('says when the threshold is the district’s to set', () => {
    expect(thresholdIsLocal(warning({ source_status: 'LOCAL', threshold_status: 'CONFIRMED' }))).toBe(true);
    expect(thresholdIsLocal(warning({ source_status: 'CONFIRMED', threshold_status: 'PLATFORM_SETTING' }))).toBe(true);
    expect(thresholdIsLocal(warning({ source_status: 'SECONDARY', threshold_status: 'UNCONFIRMED' }))).toBe(true);
    expect(thresholdIsLocal(warning({ source_status: 'CONFIRMED', threshold_status: 'CONFIRMED' }))).toBe(false);
  });

  it('leaves the field path off a message shown beside its field', () => {
    expect(withoutFieldPrefix('builder.credit_code：统一社会信用代码校验码错误', 'builder.credit_code')).toBe('统一社会信用代码校验码错误');
    expect(withoutFieldPrefix('rows[0].days: out of range', 'rows[0].days')).toBe('out of range');
    expect(withoutFieldPrefix('输入内容有误', undefined)).toBe('输入内容有误');
  });
});
