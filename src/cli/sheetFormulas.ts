// The formulas of a worksheet as its cells are read: shared formulas resolved to their master's
// text and the offset from it (ECMA-376 Part 1 §18.3.1.40 f, t="shared" si=…).

import { Cell } from '../validation/fields';
import { attr } from './xml';

/** A formula cell, for recomputing our own functions or saying a value came from a cache. */
export interface FormulaCell {
  row: number;
  col: number;
  /** The formula text as stored (without '='), or the shared formula's master text. */
  text: string;
  /** Row and column offsets from the shared formula's master (0, 0 for an ordinary formula). */
  dRow: number;
  dCol: number;
  shared: boolean;
  cached: Cell;
}

export class FormulaCapture {
  readonly formulas: FormulaCell[] = [];
  private readonly masters = new Map<string, { text: string; row: number; col: number }>();

  /** One cell's formula: its decoded text, its raw <f …> tag (for t and si) and the cell's cached value. */
  add(text: string, fTag: string, row: number, col: number, cached: Cell): void {
    const si = attr(fTag, 'si');
    let dRow = 0;
    let dCol = 0;
    let shared = false;
    if (attr(fTag, 't') === 'shared' && si !== undefined) {
      shared = true;
      const master = this.masters.get(si);
      if (text) this.masters.set(si, { text, row, col });
      else if (master) {
        text = master.text;
        dRow = row - master.row;
        dCol = col - master.col;
      }
    }
    if (text) this.formulas.push({ row, col, text, dRow, dCol, shared, cached });
  }
}
