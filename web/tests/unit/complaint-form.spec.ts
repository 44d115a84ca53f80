import { describe, expect, it } from 'vitest';
import { buildComplaint, emptyEmployer, validateComplaint, workerTotals, type ComplaintDraft } from '@/utils/complaintForm';
import { parseWorkerPaste, splitTsv, normaliseMonth } from '@/utils/workerPaste';

const now = new Date('2025-12-22T02:00:00Z');

function s1Draft(): ComplaintDraft {
  return {
    channel: 'national_clue_platform',
    received_at: '2025-12-01 09:30:00',
    employer: { ...emptyEmployer('unqualified_contractor'), name: '某劳务分包队（包工头 王某）', legal_representative: '王某' },
    has_contractor: true,
    general_contractor: { ...emptyEmployer('unit'), name: '某建工集团有限公司', credit_code: '91110000ma0012345c' },
    project_name: '滨海花园二期',
    summary: ' 工资未付 ',
    conduct: 'abscond',
    migrant_workers: true,
    workers: [
      { name: '张建国', id_number: '110101198001011005', phone: '13910000000', owed_yuan: '21,300', months_unpaid: '7', period_from: '2025-05', period_to: '2025-11' },
      { name: '李卫东', id_number: '110101198002021010', phone: '', owed_yuan: '15200.5', months_unpaid: '7', period_from: '', period_to: '' },
    ],
  };
}

describe('登记投诉: client-side checks named like the server', () => {
  it('accepts S1 and builds the POST /cases body with UTC time and plain 元', () => {
    const draft = s1Draft();
    expect(validateComplaint(draft, now)).toEqual({});
    const body = buildComplaint(draft);
    expect(body.received_at).toBe('2025-12-01T01:30:00Z');
    expect(body.general_contractor).toEqual({ name: '某建工集团有限公司', kind: 'unit', credit_code: '91110000MA0012345C' });
    expect(body.employer).toEqual({ name: '某劳务分包队（包工头 王某）', kind: 'unqualified_contractor', legal_representative: '王某' });
    expect(body.summary).toBe('工资未付');
    expect(body.workers[0]).toEqual({
      name: '张建国',
      id_number: '110101198001011005',
      phone: '13910000000',
      owed_yuan: '21300.00',
      months_unpaid: 7,
      period_from: '2025-05',
      period_to: '2025-11',
    });
    expect(body.workers[1]).toEqual({ name: '李卫东', id_number: '110101198002021010', owed_yuan: '15200.50', months_unpaid: 7 });
  });

  it('names each bad cell by the server path', () => {
    const draft = s1Draft();
    draft.general_contractor.credit_code = '91110000MA00123450';
    draft.workers[1].id_number = '110101198001031000';
    draft.workers[1].owed_yuan = '12.345';
    draft.workers[0].phone = '1391000';
    draft.workers[0].period_to = '2025-04';
    draft.workers.push({ name: '', id_number: '110101198001011005', phone: '', owed_yuan: '', months_unpaid: '0', period_from: '', period_to: '' });
    const problems = validateComplaint(draft, now);
    expect(problems).toEqual({
      'general_contractor.credit_code': { key: 'creditCode.check' },
      'workers[0].phone': { key: 'mobile' },
      'workers[0].period_to': { key: 'periodOrder' },
      'workers[1].id_number': { key: 'idNumber.check' },
      'workers[1].owed_yuan': { key: 'amount' },
      'workers[2].name': { key: 'required' },
      'workers[2].id_number': { key: 'duplicateId', params: { row: 1 } },
      'workers[2].owed_yuan': { key: 'required' },
      'workers[2].months_unpaid': { key: 'months' },
    });
  });

  it('needs a credit code for an organisation, a channel, a time not in the future and a worker', () => {
    const draft = s1Draft();
    draft.employer.kind = 'unit';
    draft.channel = '';
    draft.received_at = '2030-01-01 00:00:00';
    draft.workers = [];
    expect(validateComplaint(draft, now)).toEqual({
      channel: { key: 'required' },
      received_at: { key: 'future' },
      'employer.credit_code': { key: 'creditCodeRequired' },
      workers: { key: 'noWorkers' },
    });
  });

  it('totals the amounts exactly in fen', () => {
    const totals = workerTotals(s1Draft().workers);
    expect(totals).toEqual({ count: 2, totalFen: 3650050n, largestFen: 2130000n });
  });
});

describe('paste from Excel', () => {
  it('reads rows in the form column order', () => {
    const text = '张建国\t110101198001011005\t13910000000\t21,300.00\t7\t2025/5\t2025年11月\r\n李卫东\t11010119800202101x\t\t15200\t7个月\t2025.05\t2025-11-30\r\n';
    const { rows, headerDetected } = parseWorkerPaste(text);
    expect(headerDetected).toBe(false);
    expect(rows).toEqual([
      { name: '张建国', id_number: '110101198001011005', phone: '13910000000', owed_yuan: '21300.00', months_unpaid: '7', period_from: '2025-05', period_to: '2025-11' },
      { name: '李卫东', id_number: '110101198002021010'.slice(0, 17) + 'X', phone: '', owed_yuan: '15200', months_unpaid: '7', period_from: '2025-05', period_to: '2025-11' },
    ]);
  });

  it('maps columns by a header row in any order, with a combined period column', () => {
    const text = ['序号\t身份证号码\t姓名\t拖欠工资（元）\t欠薪月数\t欠薪期间', '1\t110101198001011005\t张建国\t21300\t7\t2025-05至2025-11'].join('\n');
    const { rows, headerDetected } = parseWorkerPaste(text);
    expect(headerDetected).toBe(true);
    expect(rows).toEqual([
      { name: '张建国', id_number: '110101198001011005', phone: '', owed_yuan: '21300', months_unpaid: '7', period_from: '2025-05', period_to: '2025-11' },
    ]);
  });

  it('keeps quoted cells and skips empty lines', () => {
    expect(splitTsv('"a\tb"\tc\n\n"say ""hi"""\td\n')).toEqual([
      ['a\tb', 'c'],
      ['say "hi"', 'd'],
    ]);
    expect(normaliseMonth('2025年5月')).toBe('2025-05');
    expect(normaliseMonth('2025-13')).toBe('2025-13');
    expect(parseWorkerPaste('  \n\t\n').rows).toEqual([]);
  });
});
