// A project's monthly feed pasted from Excel / WPS (tab-separated, with or without a header row):
// the rows of each kind as the API takes them, and what could not be read in each row, so the
// preview marks it before anything is sent. The server still checks every row.
import type { AccountPurpose, AccountRow, AttendanceRow, FeedKind, FeedRow, PayrollRow } from '@/api/projects';
import { checkIdNumber, normaliseCode } from './validators';
import { normaliseYuanInput, parseYuanToFen } from './money';
import { splitTsv } from './workerPaste';

export type FeedColumn = 'id_number' | 'name' | 'days' | 'amount_yuan' | 'paid_on' | 'through_special_account' | 'date' | 'purpose';

/** Each kind's columns in the order read when the paste has no header (the template's order). */
export const FEED_COLUMNS: Record<FeedKind, readonly FeedColumn[]> = {
  attendance: ['name', 'id_number', 'days'],
  payroll: ['name', 'id_number', 'amount_yuan', 'paid_on', 'through_special_account'],
  account: ['date', 'purpose', 'amount_yuan'],
};

// Checked in this order: "是否通过专用账户代发" names the account before it names a payment, and
// "发放日期" a date before an amount.
const HEADER_PATTERNS: [FeedColumn, RegExp][] = [
  ['id_number', /身份证|证件|id.?number/i],
  ['through_special_account', /专用账户|代发|through/i],
  ['paid_on', /发放日|支付日|发薪日|paid/i],
  ['date', /日期|交易日|记账日|date/i],
  ['days', /天数|出勤|工日|days/i],
  ['purpose', /用途|摘要|类型|purpose/i],
  ['amount_yuan', /金额|实发|应发|工资|元|amount/i],
  ['name', /姓名|名字|工人|name/i],
];

/** Why a cell could not be read (the dialog words each code). */
export type CellProblem = 'required' | 'idNumber' | 'days' | 'amount' | 'date' | 'yesNo';

export interface ParsedFeedRow {
  row: FeedRow;
  problems: Partial<Record<FeedColumn, CellProblem>>;
}

export interface FeedPaste {
  rows: ParsedFeedRow[];
  headerDetected: boolean;
}

/** "2026/11/30", "2026.11.30", "2026年11月30日", "20261130" → "2026-11-30"; null when no such day. */
export function normaliseDay(value: string): string | null {
  const text = value.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 是/否 in the ways a sheet writes it; null when it is neither. */
export function readYesNo(value: string): boolean | null {
  const text = value.trim().toLowerCase();
  if (/^(是|y|yes|true|1|√|✓|通过|已代发)$/.test(text)) return true;
  if (/^(否|n|no|false|0|×|✗|未通过|未代发)$/.test(text)) return false;
  return null;
}

/** A statement line's purpose in words (人工费用拨付, 工资代发, 其他) or as its code. */
export function readPurpose(value: string): AccountPurpose | null {
  const text = value.trim();
  if (/^(labour_cost|wage_payment|other)$/.test(text)) return text as AccountPurpose;
  // As the server reads a statement's 摘要 in a file import (imports/cell_values.h): only 人工费 is a
  // labour cost ("工程款拨付" is not), 工资/代发 a wage payment, anything else (interest, fees) other.
  if (!text) return null;
  if (/人工费/.test(text)) return 'labour_cost';
  if (/代发|工资|发薪/.test(text)) return 'wage_payment';
  return 'other';
}

function headerColumns(cells: readonly string[], kind: FeedKind): FeedColumn[] | null {
  const allowed = FEED_COLUMNS[kind];
  const columns: (FeedColumn | null)[] = [];
  let matched = 0;
  for (const cell of cells) {
    const found = HEADER_PATTERNS.find(([column, pattern]) => allowed.includes(column) && pattern.test(cell));
    if (found && !columns.includes(found[0])) {
      columns.push(found[0]);
      matched += 1;
    } else {
      columns.push(null);
    }
  }
  // A header names at least two of the kind's columns and holds no figures (an ID, a date, an amount).
  const looksLikeHeader = matched >= Math.min(2, allowed.length) && !cells.some((cell) => /\d{3,}/.test(cell));
  return looksLikeHeader ? (columns as FeedColumn[]) : null;
}

function readRow(kind: FeedKind, cells: Partial<Record<FeedColumn, string>>): ParsedFeedRow {
  const problems: ParsedFeedRow['problems'] = {};
  const text = (column: FeedColumn) => (cells[column] ?? '').trim();
  const required = (column: FeedColumn) => {
    if (!text(column)) problems[column] = 'required';
    return text(column);
  };
  const idNumber = () => {
    const id = normaliseCode(required('id_number'));
    if (id && checkIdNumber(id)) problems.id_number = 'idNumber';
    return id;
  };
  const amount = () => {
    const raw = required('amount_yuan');
    const yuan = raw ? normaliseYuanInput(raw) : null;
    const fen = raw ? parseYuanToFen(raw) : null;
    if (raw && (yuan === null || fen === null || fen <= 0n)) problems.amount_yuan = 'amount';
    return yuan ?? raw;
  };
  const day = (column: 'paid_on' | 'date') => {
    const raw = required(column);
    const iso = raw ? normaliseDay(raw) : null;
    if (raw && !iso) problems[column] = 'date';
    return iso ?? raw;
  };

  if (kind === 'attendance') {
    const rawDays = required('days');
    const days = Number(rawDays.replace(/[天日\s]/g, ''));
    if (rawDays && !(Number.isInteger(days) && days >= 1 && days <= 31)) problems.days = 'days';
    const row: AttendanceRow = { name: required('name'), id_number: idNumber(), days: Number.isFinite(days) ? days : 0 };
    return { row, problems };
  }
  if (kind === 'payroll') {
    const rawThrough = required('through_special_account');
    const through = rawThrough ? readYesNo(rawThrough) : null;
    if (rawThrough && through === null) problems.through_special_account = 'yesNo';
    const row: PayrollRow = {
      name: required('name'),
      id_number: idNumber(),
      amount_yuan: amount(),
      paid_on: day('paid_on'),
      through_special_account: through ?? false,
    };
    return { row, problems };
  }
  // Any purpose text reads as one (readPurpose); only an empty cell is a problem (required).
  const row: AccountRow = { date: day('date'), purpose: readPurpose(required('purpose')) ?? 'other', amount_yuan: amount() };
  return { row, problems };
}

/** Pasted text → the kind's rows, a header row recognised by its names (empty lines skipped). */
export function parseFeedPaste(kind: FeedKind, text: string): FeedPaste {
  const table = splitTsv(text);
  if (table.length === 0) return { rows: [], headerDetected: false };
  const header = headerColumns(table[0], kind);
  const columns = header ?? FEED_COLUMNS[kind];
  const body = header ? table.slice(1) : table;
  const rows = body.map((cells) => {
    const named: Partial<Record<FeedColumn, string>> = {};
    cells.forEach((cell, index) => {
      const column = columns[index];
      if (column) named[column] = cell;
    });
    return readRow(kind, named);
  });
  return { rows, headerDetected: header !== null };
}

/** A row problem's place as the server names it ("rows[3].paid_on") → the row (from 1) and its column. */
export function feedFieldPlace(field: string | undefined): { row: number; column: string } | null {
  const m = /^rows\[(\d+)\](?:\.(\w+))?$/.exec(field ?? '');
  return m ? { row: Number(m[1]) + 1, column: m[2] ?? '' } : null;
}
