// The pane's "leave ledger and pay" check, apart from Excel and the DOM: the same validation
// `altrules validate` runs for a workbook holding a roster, a ledger and a pay sheet
// (withLedgerAndPay, the roster sheets handed over as its related sheets), and the Worker's side
// of carrying it off the pane's thread. Imports no Excel adapter, so the Worker bundle stays small.

import { PaySheetResult, withLedgerAndPay } from '../validation/ledger';
import type { SheetInput, SheetResult } from '../validation/validate';
import type { Cell } from '../validation/fields';
import type { ColumnMapping } from '../validation/store';
import { CheckSession, Checked, sheetReaders } from './session';
import type { MonthRequest } from './protocol';

/** The sheets of the open workbook the check needs: ledger and pay sheets, and the roster(s). */
export interface MonthInput {
  /** Ledger and pay sheets, in workbook order. */
  sheets: SheetInput[];
  /** Roster sheets: the people the ledger and pay are matched against (by name). */
  rosters: SheetInput[];
  /** The workbook's column mapping: the same one the roster check and the CLI apply. */
  mappings?: ColumnMapping[];
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

/** The check itself, as `altrules validate` runs it; in the Worker, or in this thread when no Worker starts. */
export function checkMonthSheets(input: MonthInput): MonthResult {
  // As validateWorkbook does for sheets the roster check does not recognise.
  const results = withLedgerAndPay(input.sheets, input.sheets.map(unknown), { related: input.rosters, ...(input.mappings ? { mappings: input.mappings } : {}) });
  // Written beside Paid, one amount a row: not for a month-columns sheet, whose rows hold twelve months.
  const expected = results.flatMap((r) => (r.kind === 'pay' && !(r as PaySheetResult).layout ? (r as PaySheetResult).expected.map((e) => ({ sheet: r.sheet, row: e.row, expected: e.expected })) : []));
  return { results: results.map(resultMeta), expected };
}

/** What of a sheet's result crosses to the pane: no fixes or expected rows, the month-columns status and a 休暇簿's owner kept. */
function resultMeta(r: SheetResult): SheetResult {
  const { layout, status } = r as PaySheetResult;
  const { owner } = r as { owner?: string };
  return {
    sheet: r.sheet,
    kind: r.kind,
    headerRow: r.headerRow,
    dataRows: r.dataRows,
    findings: r.findings,
    ...(r.notes ? { notes: r.notes } : {}),
    ...(layout ? { layout, ...(status ? { status } : {}) } : {}),
    ...(owner ? { owner } : {}),
  };
}

/** The month check made ready for a session: its findings with who and the cell of each. */
export function checkedMonth(input: MonthInput): Checked {
  const { results, expected } = checkMonthSheets(input);
  // One result per input sheet, in order (checkMonthSheets); a sheet without one has no header row.
  const readers = new Map(input.sheets.map((s, i) => [s.name, sheetReaders(s, results[i]?.headerRow ?? 0)]));
  const owners = new Map(results.flatMap((r) => {
    const { owner } = r as { owner?: string };
    return owner ? [[r.sheet, owner] as const] : [];
  }));
  const first = results[0];
  const meta = results.map(({ findings: _f, ...rest }) => rest);
  return {
    base: { sheet: first?.sheet ?? '', kind: first?.kind ?? 'unknown', headerRow: first?.headerRow ?? 0, dataRows: results.reduce((n, r) => n + r.dataRows, 0) },
    // Ledger and pay findings have no one right value to set: no fixes.
    findings: results.flatMap((r) => r.findings),
    cellOf: (f) => readers.get(f.sheet)?.cellOf(f),
    // A per-person 休暇簿 is all about its owner.
    who: (f) => (f.row > (results[input.sheets.findIndex((s) => s.name === f.sheet)]?.headerRow ?? Infinity) ? owners.get(f.sheet) : undefined) ?? readers.get(f.sheet)?.who(f) ?? '',
    header: [],
    month: { results: meta, expected },
  };
}

// ---- the Worker's side ----------------------------------------------------------------------

export type MonthSheetMeta = Omit<SheetInput, 'rows'> & { role: 'check' | 'roster' };

export type { MonthRequest } from './protocol';

/** The Worker's handler for the month check: its own rows; the session it makes answers as the roster check's does. */
export function monthWorker(onSession: (session: CheckSession) => void, progress: (done: number, total: number) => void): (m: MonthRequest) => void {
  let rows: Cell[][][] = [];
  return (m) => {
    if (m.type === 'month-rows') {
      const into = (rows[m.index] ??= []);
      for (const r of m.rows) into.push(r);
      return;
    }
    const sheets = m.sheets.map(({ role, ...meta }, i) => ({ role, sheet: { ...meta, rows: rows[i] ?? [] } }));
    rows = [];
    const checked = checkedMonth({ sheets: sheets.filter((s) => s.role === 'check').map((s) => s.sheet), rosters: sheets.filter((s) => s.role === 'roster').map((s) => s.sheet), mappings: m.store.mappings });
    onSession(new CheckSession(checked, m.store, progress));
  };
}
