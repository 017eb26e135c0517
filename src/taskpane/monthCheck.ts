// The pane's "leave ledger and pay" check, apart from Excel and the DOM: the same validation
// `altrules validate` runs for a workbook holding a roster, a ledger and a pay sheet
// (withLedgerAndPay, the roster sheets handed over as its related sheets), and the Worker's side
// of carrying it off the pane's thread. Imports no Excel adapter, so the Worker bundle stays small.

import { PaySheetResult, withLedgerAndPay } from '../validation/ledger';
import type { Finding, SheetInput, SheetResult } from '../validation/validate';
import type { Cell } from '../validation/fields';

/** The sheets of the open workbook the check needs: ledger and pay sheets, and the roster(s). */
export interface MonthInput {
  /** Ledger and pay sheets, in workbook order. */
  sheets: SheetInput[];
  /** Roster sheets: the people the ledger and pay are matched against (by name). */
  rosters: SheetInput[];
}

/** One expected amount of a pay sheet row (without its steps: a mismatch's finding states them). */
export interface ExpectedAmount {
  sheet: string;
  row: number;
  expected: number;
}

export interface MonthResult {
  /** One result per input sheet, in the same order. */
  results: SheetResult[];
  expected: ExpectedAmount[];
}

const unknown = (s: SheetInput): SheetResult => ({ sheet: s.name, kind: 'unknown', headerRow: 0, dataRows: 0, findings: [] });

/** The check itself: in the Worker, or in this thread when no Worker can start. */
export function checkMonthSheets(input: MonthInput): MonthResult {
  // As validateWorkbook does for sheets the roster check does not recognise.
  const results = withLedgerAndPay(input.sheets, input.sheets.map(unknown), { related: input.rosters });
  const expected = results.flatMap((r) => (r.kind === 'pay' ? (r as PaySheetResult).expected.map((e) => ({ sheet: r.sheet, row: e.row, expected: e.expected })) : []));
  // Only what the pane shows travels back: the expected list's steps stay here.
  return { results: results.map((r) => ({ sheet: r.sheet, kind: r.kind, headerRow: r.headerRow, dataRows: r.dataRows, findings: r.findings })), expected };
}

// ---- the Worker's side ----------------------------------------------------------------------

export type MonthSheetMeta = Omit<SheetInput, 'rows'> & { role: 'check' | 'roster' };

/** Messages to the Worker: rows of sheet `index` in slices, then the run. */
export type MonthRequest = { type: 'month-rows'; index: number; rows: Cell[][] } | { type: 'month'; sheets: MonthSheetMeta[] };

/** Messages back: findings of result `index` in slices, then the rest. */
export type MonthReply = { type: 'month-findings'; index: number; findings: Finding[]; done: number; total: number } | { type: 'month-done'; results: SheetResult[]; expected: ExpectedAmount[] } | { type: 'month-failed'; message: string };

export const MONTH_FINDINGS_SLICE = 2000;

export function isMonthRequest(m: unknown): m is MonthRequest {
  const type = (m as { type?: unknown } | null)?.type;
  return type === 'month' || type === 'month-rows';
}

/** The Worker's handler for the month check; its own rows, apart from the roster path's. */
export function monthWorker(post: (m: MonthReply) => void): (m: MonthRequest) => void {
  let rows: Cell[][][] = [];
  return (m) => {
    if (m.type === 'month-rows') {
      const into = (rows[m.index] ??= []);
      for (const r of m.rows) into.push(r);
      return;
    }
    const sheets = m.sheets.map(({ role, ...meta }, i) => ({ role, sheet: { ...meta, rows: rows[i] ?? [] } }));
    rows = [];
    let result: MonthResult;
    try {
      result = checkMonthSheets({ sheets: sheets.filter((s) => s.role === 'check').map((s) => s.sheet), rosters: sheets.filter((s) => s.role === 'roster').map((s) => s.sheet) });
    } catch (e) {
      post({ type: 'month-failed', message: (e as Error).message });
      return;
    }
    const total = result.results.reduce((n, r) => n + r.findings.length, 0);
    let done = 0;
    result.results.forEach((r, index) => {
      for (let i = 0; i < r.findings.length; i += MONTH_FINDINGS_SLICE) {
        const findings = r.findings.slice(i, i + MONTH_FINDINGS_SLICE);
        done += findings.length;
        post({ type: 'month-findings', index, findings, done, total });
      }
    });
    post({ type: 'month-done', results: result.results.map((r) => ({ ...r, findings: [] })), expected: result.expected });
  };
}
