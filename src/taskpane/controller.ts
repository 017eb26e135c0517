// What the pane does, apart from drawing: check the data, mark it, clear marks, select a
// finding's cell, write a report. DOM-free, so it tests against the Excel fake.

import type { DateSystem } from '../core';
import { Fix, SheetInput, hasHeaderRow } from '../validation/validate';
import { isoFromDay, serialFromDay } from '../core';
import { DataBlock, ExcelWorkbook, Source } from './workbook';
import { Acceptance, ColumnMapping, Store, accept, mapColumn, valueKey } from '../validation/store';
import type { Cell, Field } from '../validation/fields';
import { ReportRun, cellAddress } from '../validation/report';
import { CheckSession, CheckSummary, CheckedFindings, FindingFilter, PageItem, localFindings } from './session';

export type { CheckSummary, CheckedFindings, FindingFilter, PageItem };

export type PaneMode = 'roster' | 'claims';

export interface CheckOutcome {
  /** Where the data was read: its rows are not kept here (they went to the check). */
  block: DataBlock;
  /** Counts, marks and the header row; the findings stay where they were checked. */
  summary: CheckSummary;
  findings: CheckedFindings;
}

/** Reading the sheet, checking its rows, marking the cells, writing the findings sheet. */
export type Phase = 'read' | 'check' | 'mark' | 'report';

/** One check: rows go in as they are read, then the check runs where the findings will stay. */
export interface CheckRun {
  add(rows: Cell[][]): Promise<void>;
  finish(input: Omit<SheetInput, 'rows'>, options: { mappings: ColumnMapping[]; store: Store }, onProgress: (done: number, total: number) => void): Promise<CheckedFindings>;
  /** Ends a check that failed before it finished (its Worker goes). */
  cancel(): void;
}

/** Starts checks: in this thread (tests, fallback) or in a Worker (the pane). */
export type Validator = () => CheckRun;

export const inlineValidator: Validator = () => {
  const rows: Cell[][] = [];
  return {
    add: async (slice) => {
      for (const r of slice) rows.push(r);
    },
    finish: async (input, options, onProgress) => localFindings(CheckSession.ofSheet({ ...input, rows }, { ...options, onProgress })),
    cancel: () => {
      rows.length = 0;
    },
  };
};

export class PaneController {
  /** The sheet checked last: checked again when the findings sheet is active. */
  private lastSheet: string | undefined;
  private last: CheckedFindings | undefined;

  constructor(readonly workbook: ExcelWorkbook, readonly mode: PaneMode, private readonly validator: Validator = inlineValidator) {}

  async check(source: Source, dateSystem: DateSystem | 'auto', onProgress?: (phase: Phase, done: number, total: number) => void): Promise<CheckOutcome> {
    this.last?.dispose();
    this.last = undefined;
    const run = this.validator();
    let block: DataBlock;
    let findings: CheckedFindings;
    try {
      block = await this.workbook.read({
        source,
        dateSystem,
        hasHeader: hasHeaderRow,
        ...(this.lastSheet === undefined ? {} : { previousSheet: this.lastSheet }),
        onProgress: (d, t) => onProgress?.('read', d, t),
        onRows: (rows) => run.add(rows),
      });
      const mappings = block.store.mappings.filter((m) => m.sheet === block.sheet);
      findings = await run.finish({ name: block.sheet, firstRow: block.firstRow, firstColumn: block.firstColumn, dateSystem: block.dateSystem }, { mappings, store: block.store }, (d, t) => onProgress?.('check', d, t));
    } catch (e) {
      run.cancel();
      throw e;
    }
    this.last = findings;
    if (block.sheet) {
      onProgress?.('mark', 0, 1);
      for (const m of findings.summary.marks) await this.workbook.markRuns(m.sheet, m.runs);
      this.lastSheet = block.sheet;
    }
    this.store = block.store;
    return { block, summary: findings.summary, findings };
  }

  /** The records read with the last check. */
  private store: Store | undefined;

  /** Accepts a finding for the value its cell holds now, with who and why; kept in the workbook. */
  async accept(outcome: CheckOutcome, item: PageItem, who: string, why: string, now: Date = new Date()): Promise<void> {
    this.store = accept(this.store ?? outcome.block.store, acceptanceFor(item, who, why, now));
    await this.workbook.writeStore(this.store);
  }

  /**
   * Writes a finding's one right value into its cell, and nothing else: a date as a serial of the
   * sheet's date system where the cell held a number (its format stays), else as ISO text.
   */
  async applyFix(outcome: CheckOutcome, item: PageItem): Promise<string | undefined> {
    const { fix, finding: f } = item;
    if (!fix) throw new Error('no fix for this finding');
    const shown = fixText(fix);
    const value = fix.kind === 'yen' ? fix.value : typeof item.cell === 'number' ? serialFromDay(fix.value, outcome.block.dateSystem) : shown;
    // A value the clerk typed after the check is never overwritten: undefined says so.
    const was = valueKey(item.cell);
    const written = await this.workbook.setCellIfUnchanged(f.sheet, f.row, f.columnIndex, (now) => valueKey(now) === was, value);
    return written ? shown : undefined;
  }

  /** Remembers which column holds a field on a sheet (0 = the sheet does not keep it). */
  async mapColumn(outcome: CheckOutcome, field: Field, column: number): Promise<void> {
    const { block, summary } = outcome;
    const header = column ? summary.header[column - block.firstColumn] : '';
    this.store = mapColumn(this.store ?? block.store, { sheet: block.sheet, field, column, header: typeof header === 'string' ? header.trim() : String(header ?? '') });
    await this.workbook.writeStore(this.store);
  }

  clearMarks(): Promise<number> {
    return this.workbook.clearMarks();
  }

  select(f: { sheet: string; row: number; columnIndex: number }): Promise<void> {
    return this.workbook.select(f.sheet, f.row, f.columnIndex);
  }

  reportExists(): Promise<boolean> {
    return this.workbook.reportExists();
  }

  /** The findings sheet: open findings, then accepted ones with who, when and why. */
  writeReport(outcome: CheckOutcome, run: ReportRun, onProgress?: (done: number, total: number) => void): Promise<string> {
    return this.workbook.writeReportSlices((from, count) => outcome.findings.reportSlice(from, count, run), onProgress);
  }
}

/** The record of a finding accepted for the value its cell held when checked: who, when, why. */
export function acceptanceFor(item: PageItem, who: string, why: string, now: Date): Acceptance {
  const f = item.finding;
  return { sheet: f.sheet, cell: cellAddress(f.row, f.columnIndex), rule: f.rule, value: valueKey(item.cell), who: who.trim(), when: now.toISOString(), why: why.trim() };
}

/** A fix as the clerk reads it: 2024-07-30, or 280000 yen as 280,000. */
export function fixText(fix: Fix): string {
  return fix.kind === 'day' ? isoFromDay(fix.value) : String(fix.value);
}
