// What the pane does, apart from drawing: check the data, mark it, clear marks, select a
// finding's cell, write a report. DOM-free, so it tests against the Excel fake.

import type { DateSystem } from '../core';
import { Finding, Fix, SheetInput, SheetResult, fixKey, hasHeaderRow, validateSheet } from '../validation/validate';
import { isoFromDay, serialFromDay } from '../core';
import { DataBlock, ExcelWorkbook, Mark, Source } from './workbook';
import { reportTable, whoReader } from './present';
import { Acceptance, ColumnMapping, Store, accept, acceptanceOf, mapColumn, valueKey } from '../validation/store';
import type { Cell, Field } from '../validation/fields';
import { cellAddress } from '../validation/report';

export type PaneMode = 'roster' | 'claims';

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

export interface CheckOutcome {
  block: DataBlock;
  /** The findings still open; accepted ones are in `accepted`, not here and not marked. */
  result: SheetResult;
  accepted: { finding: Finding; acceptance: Acceptance }[];
  /** Who each finding is about (its Name cell, else its row's key). */
  who: (f: Finding) => string;
  /** The value a finding's cell held when read. */
  cellOf: (f: Finding) => Cell;
}

/** Reading the sheet, checking its rows, receiving the findings, marking the cells. */
export type Phase = 'read' | 'check' | 'receive' | 'mark';

/** Runs the validator: in this thread (tests, fallback) or in a Worker (the pane). */
export type Validator = (input: SheetInput, options: { mappings: ColumnMapping[] }, onProgress: (done: number, total: number, phase?: 'check' | 'receive') => void) => Promise<SheetResult>;

export const inlineValidator: Validator = async (input, options, onProgress) => validateSheet(input, { onProgress, mappings: options.mappings });

export class PaneController {
  /** The sheet checked last: checked again when the findings sheet is active. */
  private lastSheet: string | undefined;

  constructor(readonly workbook: ExcelWorkbook, readonly mode: PaneMode, private readonly validator: Validator = inlineValidator) {}

  async check(source: Source, dateSystem: DateSystem | 'auto', onProgress?: (phase: Phase, done: number, total: number) => void): Promise<CheckOutcome> {
    const block = await this.workbook.read({
      source,
      dateSystem,
      hasHeader: hasHeaderRow,
      previousSheet: this.lastSheet,
      onProgress: (d, t) => onProgress?.('read', d, t),
    });
    const mappings = block.store.mappings.filter((m) => m.sheet === block.sheet);
    const all = await this.validator({ name: block.sheet, rows: block.rows, firstRow: block.firstRow, firstColumn: block.firstColumn, dateSystem: block.dateSystem }, { mappings }, (d, t, p) => onProgress?.(p ?? 'check', d, t));
    // Each step over 200,000 findings gets a task of its own, so the pane can paint between them.
    await nextTask();
    const cellOf = (f: Finding): Cell => (f.sheet === block.sheet && f.columnIndex ? block.rows[f.row - block.firstRow]?.[f.columnIndex - block.firstColumn] : undefined);
    // Accepted findings stay accepted while their cell keeps the value they were accepted for.
    const accepted: CheckOutcome['accepted'] = [];
    const open: Finding[] = [];
    for (const f of all.findings) {
      const acceptance = block.store.acceptances.length ? acceptanceOf(block.store, f, cellOf(f)) : undefined;
      if (acceptance) accepted.push({ finding: f, acceptance });
      else open.push(f);
    }
    const result = { ...all, findings: open };
    if (block.sheet) {
      onProgress?.('mark', 0, 1);
      await nextTask();
      const marks = marksOf(result.findings);
      await nextTask();
      await this.workbook.mark(block.sheet, marks);
      this.lastSheet = block.sheet;
    }
    this.store = block.store;
    const who = whoReader({ rows: block.rows, firstRow: block.firstRow, headerRow: result.headerRow });
    return { block, result, accepted, who: (f) => (f.sheet === block.sheet ? who(f.row) : ''), cellOf };
  }

  /** The records read with the last check. */
  private store: Store | undefined;

  /** Accepts a finding for the value its cell holds now, with who and why; kept in the workbook. */
  async accept(outcome: CheckOutcome, f: Finding, who: string, why: string, now: Date = new Date()): Promise<void> {
    const store = this.store ?? outcome.block.store;
    const acceptance: Acceptance = { sheet: f.sheet, cell: cellAddress(f.row, f.columnIndex), rule: f.rule, value: valueKey(outcome.cellOf(f)), who: who.trim(), when: now.toISOString(), why: why.trim() };
    this.store = accept(store, acceptance);
    await this.workbook.writeStore(this.store);
  }

  /** The one right value of a finding's cell, when the rules know it. */
  fixOf(outcome: CheckOutcome, f: Finding): Fix | undefined {
    return f.columnIndex ? outcome.result.fixes?.get(fixKey(f.row, f.columnIndex, f.rule)) : undefined;
  }

  /**
   * Writes a finding's one right value into its cell, and nothing else: a date as a serial of the
   * sheet's date system where the cell held a number (its format stays), else as ISO text.
   */
  async applyFix(outcome: CheckOutcome, f: Finding): Promise<string> {
    const fix = this.fixOf(outcome, f);
    if (!fix) throw new Error('no fix for this finding');
    const shown = fixText(fix);
    const value = fix.kind === 'yen' ? fix.value : typeof outcome.cellOf(f) === 'number' ? serialFromDay(fix.value, outcome.block.dateSystem) : shown;
    await this.workbook.setCell(f.sheet, f.row, f.columnIndex, value);
    return shown;
  }

  /** Remembers which column holds a field on a sheet (0 = the sheet does not keep it). */
  async mapColumn(outcome: CheckOutcome, field: Field, column: number): Promise<void> {
    const { block } = outcome;
    const header = column ? block.rows[outcome.result.headerRow - block.firstRow]?.[column - block.firstColumn] : '';
    this.store = mapColumn(this.store ?? block.store, { sheet: block.sheet, field, column, header: typeof header === 'string' ? header.trim() : String(header ?? '') });
    await this.workbook.writeStore(this.store);
  }

  clearMarks(): Promise<number> {
    return this.workbook.clearMarks();
  }

  select(f: Finding): Promise<void> {
    return this.workbook.select(f.sheet, f.row, f.columnIndex);
  }

  reportExists(): Promise<boolean> {
    return this.workbook.reportExists();
  }

  writeReport(findings: Finding[], who: (f: Finding) => string, accepted: CheckOutcome['accepted'] = []): Promise<string> {
    const { rows, widths } = reportTable(findings, who, accepted);
    return this.workbook.writeReport(rows, { widths });
  }
}

/** One mark per cell, the worst severity winning. */
export function marksOf(findings: Finding[]): Mark[] {
  // A number per cell (columns stop at 16,384): cheap for 200,000 findings.
  const byCell = new Map<number, Mark>();
  for (const f of findings) {
    if (!f.columnIndex) continue;
    const key = f.row * 16_385 + f.columnIndex;
    const had = byCell.get(key);
    if (!had || (had.severity === 'warning' && f.severity === 'error')) byCell.set(key, { sheet: f.sheet, row: f.row, column: f.columnIndex, severity: f.severity });
  }
  return [...byCell.values()];
}

/** A fix as the clerk reads it: 2024-07-30, or 280000 yen as 280,000. */
export function fixText(fix: Fix): string {
  return fix.kind === 'day' ? isoFromDay(fix.value) : String(fix.value);
}
