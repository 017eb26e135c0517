// What the pane does, apart from drawing: check the data, mark it, clear marks, select a
// finding's cell, write a report. DOM-free, so it tests against the Excel fake.

import type { DateSystem } from '../core';
import { Finding, SheetInput, SheetResult, hasHeaderRow, validateSheet } from '../validation/validate';
import { DataBlock, ExcelWorkbook, Mark, Source } from './workbook';
import { reportTable, whoReader } from './present';

export type PaneMode = 'roster' | 'claims';

export interface CheckOutcome {
  block: DataBlock;
  result: SheetResult;
  /** Who each finding is about (its Name cell, else its row's key). */
  who: (f: Finding) => string;
}

/** Reading the sheet, checking its rows, receiving the findings, marking the cells. */
export type Phase = 'read' | 'check' | 'receive' | 'mark';

/** Runs the validator: in this thread (tests, fallback) or in a Worker (the pane). */
export type Validator = (input: SheetInput, onProgress: (done: number, total: number, phase?: 'check' | 'receive') => void) => Promise<SheetResult>;

export const inlineValidator: Validator = async (input, onProgress) => validateSheet(input, { onProgress });

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
    const result = await this.validator({ name: block.sheet, rows: block.rows, firstRow: block.firstRow, firstColumn: block.firstColumn, dateSystem: block.dateSystem }, (d, t, p) => onProgress?.(p ?? 'check', d, t));
    if (block.sheet) {
      onProgress?.('mark', 0, 1);
      await this.workbook.mark(block.sheet, marksOf(result.findings));
      this.lastSheet = block.sheet;
    }
    const who = whoReader({ rows: block.rows, firstRow: block.firstRow, headerRow: result.headerRow });
    return { block, result, who: (f) => (f.sheet === block.sheet ? who(f.row) : '') };
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

  writeReport(findings: Finding[], who: (f: Finding) => string): Promise<string> {
    const { rows, widths } = reportTable(findings, who);
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
