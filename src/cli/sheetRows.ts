// Row assembly for the streamed worksheet reader: cells land in their rows, gaps stay one shared
// empty row, and past the header rows the columns no check reads are folded into one marker.

import { CLAIMS_BY_HEADER, Cell, LEDGER_BY_HEADER, PAY_BY_HEADER, ROSTER_BY_HEADER, headerKey } from '../validation/fields';

/** Rows searched for a header (as the validator does). */
export const HEADER_ROWS = 20;

/** Every header a check reads: roster, claims, leave ledger and pay sheet. */
const KNOWN_HEADERS: { has(key: string): boolean }[] = [ROSTER_BY_HEADER, CLAIMS_BY_HEADER, LEDGER_BY_HEADER, PAY_BY_HEADER];

/**
 * Columns the clerk mapped to a field (`--columns` or the workbook's `_altrules` store): by header
 * text (as headerKey) or by 1-based column. The reader keeps them below the header rows too.
 */
export interface KeepColumns {
  headers: Set<string>;
  columns: Set<number>;
}

/** The 0-based column just past the last cell in the header rows whose text names a known or kept column. */
export function headerWidth(rows: readonly Cell[][], keep?: KeepColumns): number {
  let width = 0;
  for (const c of keep?.columns ?? []) width = Math.max(width, c);
  for (const row of rows.slice(0, HEADER_ROWS)) {
    // forEach skips the holes of a sparse row, as the cells never written are.
    row.forEach((c, k) => {
      if (typeof c !== 'string') return;
      const key = headerKey(c);
      if (KNOWN_HEADERS.some((m) => m.has(key)) || keep?.headers.has(key)) width = Math.max(width, k + 1);
    });
  }
  return width;
}

/** The one row every gap in the sheet shares (frozen: a row is never written through it). */
export const EMPTY_ROW: Cell[] = Object.freeze([]) as unknown as Cell[];

/** Keeps the cells left of `limit` and the first cell at or right of it, as one marker at `limit`. */
export function foldRow(cells: Cell[], limit: number): Cell[] {
  if (cells.length <= limit + 1) return cells;
  const kept = cells.slice(0, limit);
  // for-in visits only the cells present, in column order: a row with one cell in XFD costs one step.
  for (const k in cells) {
    const i = Number(k);
    if (i < limit) continue;
    const first = cells[i];
    if (first !== undefined) kept[limit] = first;
    break;
  }
  return kept;
}

export class SheetRows {
  readonly rows: Cell[][] = [];
  /** 1-based column from which cells below the header rows were folded (once the header rows are read). */
  foldedFrom: number | undefined;
  /** No known header in the rows a header may be in: the validator will not look further. */
  unrecognised = false;
  /** The 1-based number of the row being read (0 before the first). */
  private rowNum = 0;
  private cells: Cell[] | null = null;
  /** 0-based column from which cells fold into one marker; Infinity until the header rows are read. */
  private limit = Infinity;

  /** `fold` false reads every column (the add-in's own store sheet is not a checked table). */
  constructor(
    private readonly keep: KeepColumns | undefined,
    private readonly fold = true,
  ) {}

  get row(): number {
    return this.rowNum;
  }

  /** Whether a row is open to take cells. */
  get open(): boolean {
    return this.cells !== null;
  }

  /** Ends the current row and opens row `rowNum`. */
  start(rowNum: number): void {
    this.end();
    this.rowNum = rowNum;
    this.cells = [];
  }

  /** A cell outside any row (damaged, but placed by its reference): opens a row without a number yet. */
  openIfClosed(): void {
    this.cells ??= [];
  }

  /** A cell whose reference names another row than the open one: ends it and opens that row. */
  moveTo(rowNum: number): void {
    if (rowNum === this.rowNum) return;
    this.end();
    this.rowNum = rowNum;
    this.cells = [];
  }

  /** A cell with neither a row nor a reference before it is in row 1. */
  atLeastFirstRow(): void {
    if (this.rowNum < 1) this.rowNum = 1;
  }

  /** A non-empty value at 1-based column `col` of the open row. */
  put(col: number, value: Cell): void {
    const cells = this.cells;
    if (!cells) return;
    // Below the header rows, a cell right of the last known header only marks the row as used.
    if (col - 1 < this.limit) cells[col - 1] = value;
    else if (cells[this.limit] === undefined) cells[this.limit] = value;
  }

  /** Ends the open row: its cells join the sheet at its number, a row of no cells leaves no trace. */
  end(): void {
    const rows = this.rows;
    if (this.fold && this.rowNum > HEADER_ROWS && this.limit === Infinity) {
      this.limit = headerWidth(rows, this.keep);
      this.foldedFrom = this.limit + 1;
      if (this.limit === 0) this.unrecognised = true;
      for (let i = HEADER_ROWS; i < rows.length; i++) {
        const row = rows[i];
        if (row) rows[i] = foldRow(row, this.limit);
      }
    }
    let cells = this.cells;
    if (cells && this.limit !== Infinity) cells = foldRow(cells, this.limit);
    if (cells && cells.length) {
      const at = this.rowNum - 1;
      while (rows.length < at) rows.push(EMPTY_ROW);
      const there = rows[at];
      if (there === undefined) rows.push(cells);
      else if (there === EMPTY_ROW) rows[at] = cells;
      else {
        // A row written twice (out of order): the later cells join the earlier ones.
        for (const k in cells) {
          const c = cells[Number(k)];
          if (c !== undefined) there[Number(k)] = c;
        }
      }
    }
    this.cells = null;
  }
}
