// The pane's second mode: the leave ledger 休暇簿 and the pay sheet 給与点検 of the open workbook,
// checked against its roster (docs/rules.md §12, README "The leave ledger") — with the roster check's findings list,
// marks, acceptance and report sheet, and the expected pay written beside Paid on request.
// DOM-free: it tests against the Excel fake. Excel is reached through ExcelWorkbook (reads,
// marks, report, store) and, for what only this mode does, through Excel.run here with its counted sync.

import type { DateSystem } from '../core';
import { PAY_BY_HEADER, ledgerKindOfSheet } from '../validation/ledger';
import { SheetInput, validateSheet } from '../validation/validate';
import { Cell, headerKey } from '../validation/fields';
import { REPORT_SHEET, cellAddress, columnLetters } from '../validation/report';
import { STORE_SHEET, Store, accept, emptyStore, parseStore } from '../validation/store';
import { Area, DataBlock, ExcelWorkbook, HEADER_ROWS, UnreadRows, addressOf, quoteSheet, toCell, topLeftOf } from './workbook';
import { CheckOutcome, Phase, acceptanceFor } from './controller';
import { ExpectedAmount, MonthInput, MonthSheetMeta, checkedMonth } from './monthCheck';
import { CheckSession, CheckedFindings, MonthSummary, PageItem, localFindings } from './session';
import { startWorker } from './workerClient';

/** The header of the column the pane writes the expected pay into (and finds again). */
export const EXPECTED_HEADER = 'Expected pay 支給見込額';

/** Runs the month check: in this thread (tests, fallback) or in a Worker (the pane); the findings stay where it ran. */
export type MonthValidator = (input: MonthInput, store: Store, onProgress: (done: number, total: number) => void) => Promise<CheckedFindings>;

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

export const inlineMonthValidator: MonthValidator = async (input, store, onProgress) => {
  await nextTask();
  return localFindings(new CheckSession(checkedMonth({ ...input, mappings: input.mappings ?? store.mappings }), store, onProgress));
};

/**
 * The month check in a Worker (the same bundle as the roster check's, its own messages): 50,000
 * ledger entries take a few hundred ms, never on the pane's thread. A Worker that cannot start
 * leaves the check to this thread.
 */
export function workerMonthValidator(url: string): MonthValidator {
  return async (input, store, onProgress) => {
    const worker = await startWorker(url);
    if (!worker) return inlineMonthValidator(input, store, onProgress);
    const all = [...input.sheets.map((s) => ({ s, role: 'check' as const })), ...input.rosters.map((s) => ({ s, role: 'roster' as const }))];
    try {
      for (const [index, { s }] of all.entries()) await worker.rows(s.rows, (rows) => ({ type: 'month-rows', index, rows }));
      const sheets: MonthSheetMeta[] = all.map(({ s: { rows: _rows, ...meta }, role }) => ({ ...meta, role }));
      return await worker.run({ type: 'month', sheets, store }, onProgress);
    } catch (e) {
      worker.cancel();
      throw e;
    }
  };
}

// ---- reading the workbook -------------------------------------------------------------------

export type MonthSheetRole = 'roster' | 'ledger' | 'pay';

export interface MonthSheet {
  name: string;
  role: MonthSheetRole;
  rows: Cell[][];
  firstRow: number;
  firstColumn: number;
  /** 'Sheet'!A1:F9, as the status line names it. */
  address: string;
}

export interface MonthBlock {
  sheets: MonthSheet[];
  dateSystem: DateSystem;
  store: Store;
  /** Pages of rows Excel refused to hand over, sheet by sheet: the rest was checked. */
  unread: UnreadRows[];
}

/**
 * Finds the roster, ledger and pay sheets of the workbook by their headers and reads their used
 * ranges. Three syncs (the sheets; their used ranges and the store; their top rows), then one per
 * READ_CELLS cells of each sheet read; other sheets are never read past their top rows.
 */
export async function readMonthSheets(wb: ExcelWorkbook, dateSystem: DateSystem | 'auto', onProgress?: (done: number, total: number) => void): Promise<MonthBlock> {
  const sync = (context: Excel.RequestContext) => wb.sync(context);
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    const storeSheet = worksheets.getItemOrNullObject(STORE_SHEET);
    storeSheet.load('isNullObject');
    await sync(context);
    // Never our own sheets: the findings sheet and the store.
    const names = worksheets.items.map((s) => s.name).filter((n) => n !== REPORT_SHEET && n !== STORE_SHEET);
    const used = names.map((name) => {
      const range = worksheets.getItem(name).getUsedRangeOrNullObject(true);
      range.load('address, rowCount, columnCount');
      return { name, range };
    });
    let storeRange: Excel.Range | undefined;
    if (!storeSheet.isNullObject) {
      storeRange = storeSheet.getUsedRangeOrNullObject(true);
      storeRange.load('values');
    }
    await sync(context);
    const store = storeRange && !storeRange.isNullObject ? parseStore(storeRange.values) : emptyStore();
    const tops = used.flatMap(({ name, range }) => {
      if (range.isNullObject) return [];
      const area: Area = { ...topLeftOf(range.address), rows: range.rowCount, columns: range.columnCount };
      const top = worksheets.getItem(name).getRange(addressOf({ ...area, rows: Math.min(area.rows, HEADER_ROWS) }));
      top.load('values');
      return [{ name, area, top }];
    });
    await sync(context);
    // The same recognition as the CLI: the roster by the roster check's kind, the others by ledgerKindOfSheet.
    const found: { name: string; role: MonthSheetRole; area: Area }[] = [];
    for (const { name, area, top } of tops) {
      const head: SheetInput = { name, rows: top.values.map((r) => r.map(toCell)), firstColumn: area.column };
      // With the workbook's column mapping, as the CLI reads it.
      const kind = validateSheet(head, { mappings: store.mappings }).kind;
      const role = kind === 'roster' ? 'roster' : kind === 'unknown' ? ledgerKindOfSheet(head, store.mappings) : undefined;
      if (role) found.push({ name, role, area });
    }
    const total = found.reduce((n, s) => n + s.area.rows, 0);
    let done = 0;
    let system: DateSystem = dateSystem === 'auto' ? '1900' : dateSystem;
    const sheets: MonthSheet[] = [];
    const unread: UnreadRows[] = [];
    for (const { name, role, area } of found) {
      const rows: Cell[][] = [];
      // Dates shown in the first rows tell the date system; one workbook has one, so a sheet that tells 1904 decides.
      const read = await wb.readArea(context, worksheets.getItem(name), area, dateSystem === 'auto', (cells) => {
        for (const r of cells) rows.push(r);
        done += cells.length;
        onProgress?.(done, total);
      });
      if (read.dateSystem === '1904') system = '1904';
      for (const gap of read.unread) unread.push({ sheet: name, ...gap });
      sheets.push({ name, role, rows, firstRow: area.row, firstColumn: area.column, address: `${quoteSheet(name)}!${addressOf(area)}` });
    }
    return { sheets, dateSystem: system, store, unread };
  });
}

// ---- the check ----------------------------------------------------------------------------

export interface MonthOutcome extends CheckOutcome {
  mode: 'month';
  /** The sheets read, by role; the ledger and pay results in workbook order. */
  sheets: MonthSheet[];
  results: MonthSummary['results'];
  expected: ExpectedAmount[];
}

/** Which sheets were checked, and what was looked for and not found. */
export function monthCoverage(outcome: MonthOutcome): { rosters: string[]; checked: { sheet: string; kind: 'ledger' | 'pay'; rows: number; paidColumn: boolean; status?: { en: string; ja: string } }[]; missing: MonthSheetRole[] } {
  const rosters = outcome.sheets.filter((s) => s.role === 'roster').map((s) => s.name);
  // A month-columns pay sheet's month cells are what was paid; its status names the fiscal year.
  const meta = (r: MonthSummary['results'][number]) => r as { layout?: string; status?: { en: string; ja: string } };
  const checked = outcome.results.filter((r) => r.kind === 'ledger' || r.kind === 'pay').map((r) => ({ sheet: r.sheet, kind: r.kind as 'ledger' | 'pay', rows: r.dataRows, paidColumn: r.kind === 'pay' && (meta(r).layout === 'month-columns' || hasPaidColumn(outcome, r)), ...(meta(r).status ? { status: meta(r).status } : {}) }));
  const missing = (['roster', 'ledger', 'pay'] as MonthSheetRole[]).filter((role) => !outcome.sheets.some((s) => s.role === role));
  return { rosters, checked, missing };
}

function hasPaidColumn(outcome: MonthOutcome, r: MonthSummary['results'][number]): boolean {
  const s = outcome.sheets.find((x) => x.name === r.sheet);
  const header = s?.rows[r.headerRow - s.firstRow] ?? [];
  return header.some((c) => typeof c === 'string' && PAY_BY_HEADER.get(headerKey(c)) === 'paid');
}

export class MonthController {
  private store: Store | undefined;

  constructor(readonly workbook: ExcelWorkbook, private readonly validator: MonthValidator = inlineMonthValidator) {}

  private last: CheckedFindings | undefined;

  /** Reads, checks, marks exactly the findings' cells of each ledger and pay sheet. */
  async checkMonth(dateSystem: DateSystem | 'auto', onProgress?: (phase: Phase, done: number, total: number) => void): Promise<MonthOutcome> {
    this.last?.dispose();
    this.last = undefined;
    const read = await readMonthSheets(this.workbook, dateSystem, (d, t) => onProgress?.('read', d, t));
    const input = (role: MonthSheetRole[]) => read.sheets.filter((s) => role.includes(s.role)).map((s) => ({ name: s.name, rows: s.rows, firstRow: s.firstRow, firstColumn: s.firstColumn, dateSystem: read.dateSystem }));
    onProgress?.('check', 0, 1);
    const findings = await this.validator({ sheets: input(['ledger', 'pay']), rosters: input(['roster']) }, read.store, (d, t) => onProgress?.('check', d, t));
    this.last = findings;
    const { summary } = findings;
    onProgress?.('mark', 0, 1);
    // Two syncs a sheet, however many rows and findings.
    for (const m of summary.marks) await this.workbook.markRuns(m.sheet, m.runs);
    this.store = read.store;
    const block: DataBlock = { sheet: summary.sheet, rows: [], firstRow: 1, firstColumn: 1, dateSystem: read.dateSystem, source: 'used', address: '', store: read.store, unread: read.unread };
    return { mode: 'month', block, summary, findings, sheets: read.sheets, results: summary.month?.results ?? [], expected: summary.month?.expected ?? [] };
  }

  /** Accepts a finding for the value its cell holds now, with who and why; kept in the workbook's store. */
  async accept(outcome: MonthOutcome, item: PageItem, who: string, why: string, now: Date = new Date()): Promise<void> {
    this.store = accept(this.store ?? outcome.block.store, acceptanceFor(item, who, why, now));
    await this.workbook.writeStore(this.store);
  }

  /** Where the expected pay of each pay sheet goes: a column headed EXPECTED_HEADER, else the one right of the used range. */
  expectedColumns(outcome: MonthOutcome): ExpectedColumn[] {
    const out: ExpectedColumn[] = [];
    for (const r of outcome.results) {
      // A month-columns sheet has no one column for a row's amount: nothing is written into it.
      if (r.kind !== 'pay' || (r as { layout?: string }).layout === 'month-columns') continue;
      const s = outcome.sheets.find((x) => x.name === r.sheet);
      // Every result is of a sheet read; one without would be a bug, and has no column to write.
      if (!s) continue;
      const header = s.rows[r.headerRow - s.firstRow] ?? [];
      const width = s.rows.reduce((w, row) => Math.max(w, row.length), 0);
      const at = header.findIndex((c) => typeof c === 'string' && c.trim() === EXPECTED_HEADER);
      const amounts = new Map(outcome.expected.filter((e) => e.sheet === r.sheet).map((e) => [e.row, e.expected]));
      const lastRow = s.firstRow + s.rows.length - 1;
      out.push({ sheet: r.sheet, headerRow: r.headerRow, column: at >= 0 ? s.firstColumn + at : s.firstColumn + width, lastRow, amounts, reused: at >= 0 });
    }
    return out;
  }

  /**
   * Writes the expected pay into its column of each pay sheet, and nothing else: the header cell
   * and the cells from the row under the header to the sheet's last row (empty where no amount is
   * known). Unless `replace`, a column holding something other than earlier amounts (text, or
   * another header) is not written: its first such cell comes back, for the pane to ask. Two syncs.
   */
  async writeExpectedPay(outcome: MonthOutcome, replace = false): Promise<{ written: { sheet: string; column: string; amounts: number }[] } | { occupied: { sheet: string; cell: string; value: string } }> {
    const columns = this.expectedColumns(outcome);
    const wb = this.workbook;
    return Excel.run(async (context) => {
      const targets = columns.map((c) => {
        const range = context.workbook.worksheets.getItem(c.sheet).getRange(`${cellAddress(c.headerRow, c.column)}:${cellAddress(Math.max(c.lastRow, c.headerRow), c.column)}`);
        range.load('values');
        return { c, range };
      });
      await wb.sync(context);
      if (!replace) {
        for (const { c, range } of targets) {
          const at = range.values.findIndex((row, k) => {
            const v = toCell(row[0]);
            if (v === null) return false;
            return k === 0 ? !(typeof v === 'string' && v.trim() === EXPECTED_HEADER) : typeof v !== 'number';
          });
          if (at >= 0) return { occupied: { sheet: c.sheet, cell: cellAddress(c.headerRow + at, c.column), value: String(range.values[at]?.[0]) } };
        }
      }
      for (const { c, range } of targets) {
        const rows = range.values.length;
        const values: (string | number)[][] = [[EXPECTED_HEADER]];
        for (let row = c.headerRow + 1; row < c.headerRow + rows; row++) values.push([c.amounts.get(row) ?? '']);
        // The header as text, the amounts as yen with separators: number formats of this column only.
        range.numberFormat = values.map((_, k) => [k === 0 ? '@' : '#,##0']);
        range.values = values;
      }
      await wb.sync(context);
      return { written: columns.map((c) => ({ sheet: c.sheet, column: columnLetters(c.column), amounts: c.amounts.size })) };
    });
  }
}

export interface ExpectedColumn {
  sheet: string;
  headerRow: number;
  /** 1-based sheet column written. */
  column: number;
  lastRow: number;
  /** Sheet row → expected amount. */
  amounts: Map<number, number>;
  /** Whether the column already had the header (a second run). */
  reused: boolean;
}
