// The complaint form (登记投诉) as plain data: its client-side checks, named with the same field paths
// the server uses in its problems ("employer.credit_code", "workers[2].id_number"), and the request
// body of POST /cases. Amounts stay strings of 元 until the server turns them into fen.
import type { ChannelCode, ComplaintInput, ConductCode, EmployerInput, EmployerKind } from '@/api/cases';
import { beijingWallToIso } from './datetime';
import { normaliseYuanInput, parseYuanToFen } from './money';
import { checkCreditCode, checkIdNumber, checkMobile, normaliseCode } from './validators';
import type { WorkerDraft } from './workerPaste';

export interface EmployerDraft {
  name: string;
  kind: EmployerKind;
  credit_code: string;
  address: string;
  legal_representative: string;
}

export interface ComplaintDraft {
  channel: ChannelCode | '';
  /** Beijing wall time "YYYY-MM-DD HH:mm:ss". */
  received_at: string;
  employer: EmployerDraft;
  has_contractor: boolean;
  general_contractor: EmployerDraft;
  project_name: string;
  summary: string;
  conduct: ConductCode;
  migrant_workers: boolean;
  workers: WorkerDraft[];
}

export const CHANNELS: readonly ChannelCode[] = ['national_clue_platform', '12333', 'walk_in', 'petition', 'inspection', 'referral'];
export const EMPLOYER_KINDS: readonly EmployerKind[] = ['unit', 'individual', 'unqualified_contractor'];
export const CONDUCTS: readonly ConductCode[] = ['unknown', 'abscond', 'transfer_assets', 'able_but_refused', 'unable'];

export function emptyEmployer(kind: EmployerKind = 'unit'): EmployerDraft {
  return { name: '', kind, credit_code: '', address: '', legal_representative: '' };
}

/** A problem of one field: an i18n key under complaint.error and its parameters. */
export interface FieldProblem {
  key: string;
  params?: Record<string, unknown>;
}

export type ComplaintProblems = Record<string, FieldProblem>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function checkEmployer(prefix: string, e: EmployerDraft, problems: ComplaintProblems): void {
  if (!e.name.trim()) problems[`${prefix}.name`] = { key: 'required' };
  const code = normaliseCode(e.credit_code);
  if (code) {
    const problem = checkCreditCode(code);
    if (problem) problems[`${prefix}.credit_code`] = { key: `creditCode.${problem}` };
  } else if (e.kind === 'unit') {
    problems[`${prefix}.credit_code`] = { key: 'creditCodeRequired' };
  }
}

/** Every problem the form can see by itself, keyed by the server's field path. Empty = ready to send. */
export function validateComplaint(draft: ComplaintDraft, now: Date = new Date()): ComplaintProblems {
  const problems: ComplaintProblems = {};
  if (!draft.channel) problems.channel = { key: 'required' };
  const received = beijingWallToIso(draft.received_at);
  if (!received) problems.received_at = { key: 'required' };
  else if (Date.parse(received) > now.getTime() + 60_000) problems.received_at = { key: 'future' };
  checkEmployer('employer', draft.employer, problems);
  if (draft.has_contractor) checkEmployer('general_contractor', draft.general_contractor, problems);
  if (draft.workers.length === 0) problems.workers = { key: 'noWorkers' };
  const seenIds = new Map<string, number>();
  draft.workers.forEach((w, i) => {
    const at = `workers[${i}]`;
    if (!w.name.trim()) problems[`${at}.name`] = { key: 'required' };
    const id = normaliseCode(w.id_number);
    if (id) {
      const problem = checkIdNumber(id, now);
      if (problem) problems[`${at}.id_number`] = { key: `idNumber.${problem}` };
      else if (seenIds.has(id)) problems[`${at}.id_number`] = { key: 'duplicateId', params: { row: (seenIds.get(id) ?? 0) + 1 } };
      else seenIds.set(id, i);
    }
    const phone = w.phone.replace(/[\s-]/g, '');
    if (phone && checkMobile(phone)) problems[`${at}.phone`] = { key: 'mobile' };
    const owed = w.owed_yuan.trim();
    if (!owed) problems[`${at}.owed_yuan`] = { key: 'required' };
    else {
      const fen = parseYuanToFen(owed);
      if (fen === null) problems[`${at}.owed_yuan`] = { key: 'amount' };
      else if (fen <= 0n) problems[`${at}.owed_yuan`] = { key: 'amountPositive' };
    }
    const months = w.months_unpaid.trim();
    if (!months) problems[`${at}.months_unpaid`] = { key: 'required' };
    else if (!/^\d{1,3}$/.test(months) || Number(months) < 1) problems[`${at}.months_unpaid`] = { key: 'months' };
    if (w.period_from && !MONTH.test(w.period_from)) problems[`${at}.period_from`] = { key: 'month' };
    if (w.period_to && !MONTH.test(w.period_to)) problems[`${at}.period_to`] = { key: 'month' };
    if (MONTH.test(w.period_from) && MONTH.test(w.period_to) && w.period_from > w.period_to) {
      problems[`${at}.period_to`] = { key: 'periodOrder' };
    }
  });
  return problems;
}

function employerInput(e: EmployerDraft): EmployerInput {
  const out: EmployerInput = { name: e.name.trim(), kind: e.kind };
  const code = normaliseCode(e.credit_code);
  if (code) out.credit_code = code;
  if (e.address.trim()) out.address = e.address.trim();
  if (e.legal_representative.trim()) out.legal_representative = e.legal_representative.trim();
  return out;
}

/** The body of POST /cases for a form that passed validateComplaint. */
export function buildComplaint(draft: ComplaintDraft): ComplaintInput {
  const input: ComplaintInput = {
    channel: draft.channel as ChannelCode,
    received_at: beijingWallToIso(draft.received_at) ?? '',
    employer: employerInput(draft.employer),
    conduct: draft.conduct,
    migrant_workers: draft.migrant_workers,
    workers: draft.workers.map((w) => {
      const worker: ComplaintInput['workers'][number] = {
        name: w.name.trim(),
        owed_yuan: normaliseYuanInput(w.owed_yuan) ?? w.owed_yuan.trim(),
        months_unpaid: Number(w.months_unpaid.trim()),
      };
      const id = normaliseCode(w.id_number);
      if (id) worker.id_number = id;
      const phone = w.phone.replace(/[\s-]/g, '');
      if (phone) worker.phone = phone;
      if (w.period_from) worker.period_from = w.period_from;
      if (w.period_to) worker.period_to = w.period_to;
      return worker;
    }),
  };
  if (draft.has_contractor) input.general_contractor = employerInput(draft.general_contractor);
  if (draft.project_name.trim()) input.project_name = draft.project_name.trim();
  if (draft.summary.trim()) input.summary = draft.summary.trim();
  return input;
}

/** Number of workers, total and largest amount owed, in fen (exact), for the form's summary line. */
export function workerTotals(workers: readonly WorkerDraft[]): { count: number; totalFen: bigint; largestFen: bigint } {
  let totalFen = 0n;
  let largestFen = 0n;
  for (const w of workers) {
    const fen = parseYuanToFen(w.owed_yuan);
    if (fen === null || fen <= 0n) continue;
    totalFen += fen;
    if (fen > largestFen) largestFen = fen;
  }
  return { count: workers.length, totalFen, largestFen };
}
