// Rows copied from Excel / WPS arrive as tab-separated text. This turns them into worker rows for
// the complaint form: with a header row (姓名, 身份证号 …, in any order) or in the form's column order.
import { normaliseCode } from './validators';

export interface WorkerDraft {
  name: string;
  id_number: string;
  phone: string;
  owed_yuan: string;
  months_unpaid: string;
  period_from: string;
  period_to: string;
}

export type WorkerColumn = keyof WorkerDraft | 'period';

/** The form's column order, used when the pasted rows have no header. */
export const DEFAULT_COLUMNS: readonly WorkerColumn[] = [
  'name',
  'id_number',
  'phone',
  'owed_yuan',
  'months_unpaid',
  'period_from',
  'period_to',
];

const HEADER_PATTERNS: [WorkerColumn, RegExp][] = [
  ['id_number', /身份证|证件|^id\b|identity/i],
  ['phone', /电话|手机|联系方式|phone|mobile|tel/i],
  ['period_from', /起始|开始|起|from|start/i],
  ['period_to', /截止|结束|止|to$|end/i],
  ['period', /期间|时段|period/i],
  ['months_unpaid', /月数|个月|months?/i],
  ['owed_yuan', /金额|工资|欠薪|元|amount|owed|yuan/i],
  ['name', /姓名|名字|工人|劳动者|name/i],
];

export function emptyWorker(): WorkerDraft {
  return { name: '', id_number: '', phone: '', owed_yuan: '', months_unpaid: '', period_from: '', period_to: '' };
}

/** Splits pasted text into rows of cells (tab-separated; quoted cells may hold tabs and newlines). */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((cells) => cells.map((c) => c.trim())).filter((cells) => cells.some((c) => c !== ''));
}

/** "2025/5", "2025.05", "2025年5月", "2025-05-01" → "2025-05"; anything else unchanged. */
export function normaliseMonth(value: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})?\s*日?)?\s*$/.exec(value.trim());
  if (!m) return value.trim();
  const month = Number(m[2]);
  if (month < 1 || month > 12) return value.trim();
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

function headerColumns(cells: readonly string[]): WorkerColumn[] | null {
  const columns: WorkerColumn[] = [];
  let matched = 0;
  for (const cell of cells) {
    const found = HEADER_PATTERNS.find(([, pattern]) => pattern.test(cell));
    if (found && !columns.includes(found[0])) {
      columns.push(found[0]);
      matched += 1;
    } else {
      columns.push('' as WorkerColumn);
    }
  }
  // A header names the person and at least one more column, and carries no ID-like digits.
  const looksLikeHeader = matched >= 2 && columns.includes('name') && !cells.some((cell) => /\d{6,}/.test(cell));
  return looksLikeHeader ? columns : null;
}

function assign(draft: WorkerDraft, column: WorkerColumn, raw: string): void {
  const value = raw.trim();
  switch (column) {
    case 'name':
      draft.name = value;
      break;
    case 'id_number':
      draft.id_number = normaliseCode(value);
      break;
    case 'phone':
      draft.phone = value.replace(/[\s-]/g, '');
      break;
    case 'owed_yuan':
      draft.owed_yuan = value.replace(/[,，\s元¥￥]/g, '');
      break;
    case 'months_unpaid': {
      const digits = /\d+/.exec(value);
      draft.months_unpaid = digits ? digits[0] : value;
      break;
    }
    case 'period_from':
      draft.period_from = normaliseMonth(value);
      break;
    case 'period_to':
      draft.period_to = normaliseMonth(value);
      break;
    case 'period': {
      const parts = value.split(/\s*(?:至|到|~|～|—|–|--|\s-\s)\s*/);
      const [from, to] = parts.length >= 2 ? parts : value.split(/(?<=\d)\s*-\s*(?=\d{4})/);
      if (from) draft.period_from = normaliseMonth(from);
      if (to) draft.period_to = normaliseMonth(to);
      break;
    }
    default:
      break;
  }
}

export interface PasteResult {
  rows: WorkerDraft[];
  headerDetected: boolean;
}

/** Pasted text → worker rows (empty lines skipped). */
export function parseWorkerPaste(text: string): PasteResult {
  const table = splitTsv(text);
  if (table.length === 0) return { rows: [], headerDetected: false };
  const header = headerColumns(table[0]);
  const columns = header ?? DEFAULT_COLUMNS;
  const body = header ? table.slice(1) : table;
  const rows = body.map((cells) => {
    const draft = emptyWorker();
    cells.forEach((cell, index) => {
      const column = columns[index];
      if (column) assign(draft, column, cell);
    });
    return draft;
  });
  return { rows, headerDetected: header !== null };
}
