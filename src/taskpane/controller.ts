// What the pane does, apart from drawing: check the data, mark it, clear marks, select a
// finding's cell, write a report. DOM-free, so it tests against the Excel fake.

import type { DateSystem } from '../core';
import { Finding, SheetResult, validateSheet } from '../validation/validate';
import { DataBlock, ExcelWorkbook, Mark, Source } from './workbook';
import { reportRows } from '../validation/report';

export type PaneMode = 'roster' | 'claims';

export interface CheckOutcome {
  block: DataBlock;
  result: SheetResult;
}

export class PaneController {
  constructor(readonly workbook: ExcelWorkbook, readonly mode: PaneMode) {}

  async check(source: Source, dateSystem: DateSystem | 'auto', onProgress?: (done: number, total: number) => void): Promise<CheckOutcome> {
    let result: SheetResult | undefined;
    const block = await this.workbook.check(source, dateSystem, (b) => {
      result = validateSheet({ name: b.sheet, rows: b.rows, firstRow: b.firstRow, firstColumn: b.firstColumn, dateSystem: b.dateSystem }, { onProgress });
      return marksOf(result.findings);
    });
    return { block, result: result! };
  }

  clearMarks(): Promise<number> {
    return this.workbook.clearMarks();
  }

  select(f: Finding): Promise<void> {
    return this.workbook.select(f.sheet, f.row, f.columnIndex);
  }

  writeReport(findings: Finding[]): Promise<string> {
    return this.workbook.writeReport(reportRows(findings));
  }
}

/** One mark per cell, the worst severity winning. */
export function marksOf(findings: Finding[]): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const f of findings) {
    if (!f.columnIndex) continue;
    const key = `${f.row}:${f.columnIndex}`;
    const had = byCell.get(key);
    if (!had || (had.severity === 'warning' && f.severity === 'error')) byCell.set(key, { sheet: f.sheet, row: f.row, column: f.columnIndex, severity: f.severity });
  }
  return [...byCell.values()];
}
