// A worksheet part's XML, read element by element into rows and formulas: <row>, <c> with its
// <v>, <f> and inline <is><t>, phonetic runs <rPh> left out as Excel shows them. Fed text in chunks
// cut anywhere; the zip streaming and the size limits are workbook.ts's.

import { DateSystem } from '../core';
import { Cell } from '../validation/fields';
import { FormulaCapture, FormulaCell } from './sheetFormulas';
import { SheetRows, KeepColumns } from './sheetRows';
import { TimeStyle, cellValue, parseRef } from './sheetCells';
import { TagScanner, attr, decodeText, escapeText, isMain, own } from './xml';
import { Refusal } from './zip';

/** Excel's own sheet size (Microsoft, "Excel specifications and limits"). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;

const refuse = (en: string, ja: string) => new Refusal(en, ja);

function limitRows(sheet: string, row: number): Refusal {
  return refuse(
    `sheet "${sheet}" has a cell in row ${row.toLocaleString('en')}, past Excel's last row ${MAX_ROWS.toLocaleString('en')} (the limit); the file is damaged or was not made by a spreadsheet program`,
    `シート「${sheet}」の ${row.toLocaleString('en')} 行目にセルがあり、Excel の最終行 ${MAX_ROWS.toLocaleString('en')}（上限）を超えています。ファイルが壊れているか、表計算ソフトで作られたものではありません`,
  );
}

function limitColumns(sheet: string, col: number): Refusal {
  return refuse(
    `sheet "${sheet}" has a cell in column ${col.toLocaleString('en')}, past Excel's last column XFD (${MAX_COLUMNS.toLocaleString('en')}, the limit)`,
    `シート「${sheet}」の ${col.toLocaleString('en')} 列目にセルがあり、Excel の最終列 XFD（${MAX_COLUMNS.toLocaleString('en')}、上限）を超えています`,
  );
}

export interface WorksheetContext {
  /** The sheet's name, for messages. */
  sheet: string;
  /** The part's name, for messages about its XML. */
  part: string;
  sst: readonly string[];
  system: DateSystem;
  /** Time-only cell styles by cellXfs index (timeStylesOf). */
  timeStyles: ReadonlyMap<number, TimeStyle>;
  keep?: KeepColumns | undefined;
  /** False to read every column (the add-in's store sheet). */
  fold?: boolean;
}

/** The cell being read: its type and style, and the raw (still encoded) text of <v>, <f> and <is>. */
class OpenCell {
  open = false;
  col = 0;
  type = '';
  style = 0;
  /** null when the element is absent. */
  v: string | null = null;
  f: string | null = null;
  fTag = '';
  inline: string | null = null;
  inV = false;
  inF = false;
  inT = false;
  /** Characters gathered for this cell, against the cap. */
  chars = 0;
}

export class WorksheetReader {
  readonly rows: SheetRows;
  private readonly capture = new FormulaCapture();
  private readonly scanner: TagScanner;
  private readonly cell = new OpenCell();
  private inData = false;
  private phonetic = 0;
  // The sheet's main namespace as last seen (one comparison per tag in the usual case).
  private mainNs = '';

  constructor(private readonly ctx: WorksheetContext) {
    this.rows = new SheetRows(ctx.keep, ctx.fold ?? true);
    this.scanner = new TagScanner(
      {
        open: (name, raw, selfClosing, ns) => this.open(name, raw, selfClosing, ns),
        close: (name, _raw, ns) => this.close(name, ns),
        text: (raw) => this.text(raw),
        // Text is decoded once whole (an entity may straddle two chunks); CDATA is escaped to match.
        cdata: (text) => this.text(escapeText(text)),
      },
      ctx.part,
    );
  }

  get formulas(): FormulaCell[] {
    return this.capture.formulas;
  }

  write(text: string): void {
    this.scanner.write(text);
  }

  /** The end of the part: the last row is ended. */
  end(): void {
    this.scanner.end();
    this.rows.end();
  }

  private open(name: string, raw: string, selfClosing: boolean, ns: string): void {
    if (ns !== this.mainNs && !isMain(ns)) return;
    this.mainNs = ns;
    if (!this.inData) {
      if (name === 'sheetData' && !selfClosing) this.inData = true;
      return;
    }
    const cell = this.cell;
    switch (name) {
      case 'row':
        return this.openRow(raw);
      case 'c':
        return this.openCell(raw, selfClosing);
      case 'v':
        if (cell.open) {
          cell.v = '';
          cell.inV = !selfClosing;
        }
        return;
      case 'f':
        if (cell.open) {
          cell.f = '';
          cell.fTag = raw;
          cell.inF = !selfClosing;
        }
        return;
      case 'is':
        if (cell.open) cell.inline = '';
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 't':
        if (cell.inline !== null && !selfClosing) cell.inT = this.phonetic === 0;
        return;
    }
  }

  private openRow(raw: string): void {
    const sheet = this.ctx.sheet;
    const r = attr(raw, 'r');
    this.rows.end();
    const rowNum = r === undefined ? this.rows.row + 1 : Number(r);
    if (!Number.isInteger(rowNum) || rowNum < 1) throw refuse(`sheet "${sheet}" has a row numbered "${r}"`, `シート「${sheet}」に行番号「${r}」の行があります`);
    if (rowNum > MAX_ROWS) throw limitRows(sheet, rowNum);
    this.rows.start(rowNum);
    this.cell.col = 0;
  }

  private openCell(raw: string, selfClosing: boolean): void {
    const sheet = this.ctx.sheet;
    const cell = this.cell;
    this.rows.openIfClosed();
    const r = attr(raw, 'r');
    if (r !== undefined) {
      const at = parseRef(r);
      if (!at) throw refuse(`sheet "${sheet}" has a cell with the reference "${r}"`, `シート「${sheet}」にセル参照「${r}」のセルがあります`);
      const [row, col] = at;
      if (row > MAX_ROWS) throw limitRows(sheet, row);
      if (col > MAX_COLUMNS) throw limitColumns(sheet, col);
      this.rows.moveTo(row);
      cell.col = col;
    } else {
      cell.col++;
      if (cell.col > MAX_COLUMNS) throw limitColumns(sheet, cell.col);
    }
    this.rows.atLeastFirstRow();
    cell.type = attr(raw, 't') ?? 'n';
    cell.style = this.ctx.timeStyles.size ? Number(attr(raw, 's') ?? 0) : 0;
    cell.v = cell.f = cell.inline = null;
    cell.fTag = '';
    cell.chars = 0;
    cell.open = !selfClosing;
  }

  private close(name: string, ns: string): void {
    if (!this.inData || (ns !== this.mainNs && !isMain(ns))) return;
    const cell = this.cell;
    switch (name) {
      case 'v':
        cell.inV = false;
        return;
      case 'f':
        cell.inF = false;
        return;
      case 't':
        cell.inT = false;
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'c':
        return this.closeCell();
      case 'row':
        this.rows.end();
        return;
      case 'sheetData':
        this.rows.end();
        this.inData = false;
        return;
    }
  }

  private closeCell(): void {
    const cell = this.cell;
    if (!cell.open || !this.rows.open) return;
    cell.open = false;
    const { sst, system, timeStyles } = this.ctx;
    const value: Cell = cellValue(cell.type, cell.v === null ? null : decodeText(cell.v), cell.inline === null ? null : decodeText(cell.inline), sst, system, cell.style !== 0 ? timeStyles.get(cell.style) : undefined);
    if (value !== null && value !== undefined && value !== '') this.rows.put(cell.col, value);
    if (cell.f !== null) this.capture.add(own(decodeText(cell.f)), cell.fTag, this.rows.row, cell.col, value);
  }

  private text(raw: string): void {
    const cell = this.cell;
    if (cell.inV && cell.v !== null) cell.v = this.grow(cell.v, raw);
    else if (cell.inF && cell.f !== null) cell.f = this.grow(cell.f, raw);
    else if (cell.inT && cell.inline !== null) cell.inline = this.grow(cell.inline, raw);
  }

  private grow(into: string, piece: string): string {
    this.cell.chars += piece.length;
    // Entity-encoded text may be longer than the cell shows.
    if (this.cell.chars > MAX_CELL_CHARS * 8) {
      const { sheet } = this.ctx;
      const row = this.rows.row;
      throw refuse(
        `sheet "${sheet}" has a cell at row ${row} with more than ${MAX_CELL_CHARS.toLocaleString('en')} characters (Excel's limit)`,
        `シート「${sheet}」の ${row} 行目に ${MAX_CELL_CHARS.toLocaleString('en')} 文字（Excel の上限）を超えるセルがあります`,
      );
    }
    return into + piece;
  }
}
