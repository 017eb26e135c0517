// The task pane's thin Excel adapter: ranges read in slices small enough for Excel's payload
// limit (5 MB a request in Excel on the web: learn.microsoft.com/office/dev/add-ins/concepts/
// resource-limits-and-performance-optimization), few context.sync() calls, and marks that never
// touch a cell's value or its own format (conditional formats carrying our signature, removed exactly).

import { DateSystem, dayFromSerial, isTimeOnlyFormat, timeTextOfDayFraction, ymdFromDay } from '../core';
import type { Cell } from '../validation/fields';
import type { Severity } from '../validation/validate';
import { REPORT_SHEET, cellAddress, columnLetters } from '../validation/report';
import { STORE_SHEET, Store, emptyStore, parseStore, storeRows } from '../validation/store';
import { chunks } from './marks';
import type { ReportSlice } from './present';

export { cellAddress };

export type Source = 'auto' | 'selection' | 'table' | 'used';

export interface DataBlock {
  sheet: string;
  /** The header row was looked for here; false when the selection was passed over. */
  selectionHadHeader?: boolean;
  rows: Cell[][];
  firstRow: number;
  firstColumn: number;
  dateSystem: DateSystem;
  source: Exclude<Source, 'auto'>;
  address: string;
  /** The workbook's own records: column mappings and accepted findings. */
  store: Store;
  /** Pages of rows Excel refused to hand over: the rest was checked, these rows were not. */
  unread: UnreadRows[];
}

/** Rows of a sheet that could not be read (one page of the read failed): said, and checked again later. */
export interface UnreadRows {
  sheet: string;
  firstRow: number;
  lastRow: number;
  reason: string;
}


/** A formula that is always TRUE and says whose mark it is, with a token no user would type. */
export const MARK_SIGNATURE = 'altrules\u00b7mark\u00b77f3c9a21';
export const MARK_FORMULA = `=N("${MARK_SIGNATURE}")=0`;
/** The exact formula of marks made by earlier versions, removed as ours too. */
const LEGACY_MARK_FORMULA = '=N("altrules")=0';
const MARK_FILL: Record<Severity, string> = { error: '#FDE7E9', warning: '#FFF4CE' };

/** Excel's error values as they come back in `values`. */
const EXCEL_ERRORS = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BUSY!|GETTING_DATA|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/** "Sheet1!B3:D9" or "'My sheet'!B3" → first row and column (1-based). */
export function topLeftOf(address: string): { row: number; column: number } {
  const ref = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(ref);
  const [, letters, digits] = m ?? [];
  if (letters === undefined || digits === undefined) return { row: 1, column: 1 };
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(digits), column };
}

const DATE_SCAN_ROWS = 500;
const DATE_FORMAT = /(^|[^"\\])(y+|d+|m+.*d|d.*m+|e+|g+)/i;

/**
 * The 1900 or 1904 system, from date-formatted cells: the year Excel displays must match the
 * serial read one way or the other (the two differ by four years).
 */
export function detectDateSystem(values: unknown[][], text: unknown[][], formats: unknown[][]): DateSystem {
  // The first rows tell; a big slice without dates is not scanned to its end.
  for (const [r, row] of values.slice(0, DATE_SCAN_ROWS).entries()) {
    for (const [c, v] of row.entries()) {
      const f = formats[r]?.[c];
      // "General" holds the letters e and g of the era codes but is no date format.
      if (typeof v !== 'number' || v < 367 || typeof f !== 'string' || f === 'General' || !DATE_FORMAT.test(f)) continue;
      const shown = String(text[r]?.[c] ?? '');
      const groups = shown.match(/\d+/g) ?? [];
      const year1900 = ymdFromDay(dayFromSerial(v, '1900')).y;
      const year1904 = ymdFromDay(dayFromSerial(v, '1904')).y;
      const has = (y: number) => groups.some((g) => Number(g) === y || (g.length === 2 && Number(g) === y % 100));
      if (has(year1900) && !has(year1904)) return '1900';
      if (has(year1904) && !has(year1900)) return '1904';
    }
  }
  return '1900';
}

/**
 * The columns whose number format, in the first rows, shows a time and no date: a number there is
 * a time typed as h:mm (Excel keeps 1:20 as 0.0555… of a day) and is read as that text, as the
 * command line reads it from the cell's own format. Columns, not cells: the formats of every
 * cell would double what each read carries.
 */
export function timeColumnsOf(values: unknown[][], formats: unknown[][]): Set<number> {
  const time = new Set<number>();
  const other = new Set<number>();
  for (const [r, row] of values.entries()) {
    for (const [c, v] of row.entries()) {
      if (typeof v !== 'number') continue;
      const f = formats[r]?.[c];
      (typeof f === 'string' && isTimeOnlyFormat(f) ? time : other).add(c);
    }
  }
  for (const c of other) time.delete(c);
  return time;
}

/** One row's cells, times in time columns as h:mm text. */
export function cellsOf(row: unknown[], timeColumns: Set<number>): Cell[] {
  if (!timeColumns.size) return row.map(toCell);
  return row.map((v, c) => (typeof v === 'number' && timeColumns.has(c) ? (timeTextOfDayFraction(v) ?? v) : toCell(v)));
}

export function toCell(v: unknown): Cell {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' && EXCEL_ERRORS.test(v)) return { error: v };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Counts context.sync() calls, so that tests can hold the adapter to its budget. */
export interface SyncCounter {
  syncs: number;
}

export interface ReadOptions {
  source: Source;
  dateSystem: DateSystem | 'auto';
  /** Whether these top rows of a selection hold a header row (the validator decides). */
  hasHeader: (topRows: Cell[][]) => boolean;
  /** When the findings sheet is active, the sheet to check instead (the one checked before). */
  previousSheet?: string;
  /** Rows read so far, of all. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Where each slice of rows goes as it is read; then the block's `rows` stay empty, so that a
   * 100,000-row sheet never sits whole on the pane's heap.
   */
  onRows?: (rows: Cell[][]) => void | Promise<void>;
}

/** Cells per read: well under the 5 MB payload limit of Excel on the web. */
export const READ_CELLS = 40_000;
/** Cells of the first read. */
export const FIRST_READ_CELLS = 5_000;
/** Findings-sheet rows per write: 9 text cells each, well under the 5 MB payload limit. */
export const REPORT_ROWS = 2_000;
/** Rows looked at for a header row (the validator scans the first 20). */
export const HEADER_ROWS = 20;

export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

function areaOf(address: string, rows: number, columns: number): Area {
  return { ...topLeftOf(address), rows, columns };
}

export function addressOf(a: Area): string {
  const first = `${columnLetters(a.column)}${a.row}`;
  return a.rows === 1 && a.columns === 1 ? first : `${first}:${columnLetters(a.column + a.columns - 1)}${a.row + a.rows - 1}`;
}

/** The findings sheet's header is frozen with the rows above it up to this many. */
export const MAX_FROZEN_ROWS = 20;

export class ExcelWorkbook {
  readonly counter: SyncCounter = { syncs: 0 };

  /** context.sync(), counted. */
  async sync(context: Excel.RequestContext): Promise<void> {
    this.counter.syncs++;
    await context.sync();
  }

  /**
   * Reads the data to check. Automatic: the selection when it holds a header row, else the first
   * table of the sheet, else its used range. Never the findings sheet: with that sheet active the
   * sheet checked before (or the first other one) is read instead. Three syncs, then one per
   * READ_CELLS cells.
   */
  async read(options: ReadOptions): Promise<DataBlock> {
    const wantsSelection = options.source === 'auto' || options.source === 'selection';
    try {
      return await this.readOnce(options, wantsSelection);
    } catch (e) {
      // getSelectedRange() fails when the selection is not one range (several areas, a chart):
      // Automatic then goes on without it.
      if (options.source !== 'auto') throw e;
      return this.readOnce(options, false);
    }
  }

  private async readOnce(options: ReadOptions, withSelection: boolean): Promise<DataBlock> {
    const { source } = options;
    return Excel.run(async (context) => {
      let sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      // Whole columns selected are a million rows: only the part that holds data counts.
      const selected = withSelection ? context.workbook.getSelectedRange().getUsedRangeOrNullObject(true) : undefined;
      selected?.load('address, rowCount, columnCount');
      let used = sheet.getUsedRangeOrNullObject(true);
      used.load('address, rowCount, columnCount');
      let tables = sheet.tables;
      tables.load('items/name');
      const storeSheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
      storeSheet.load('isNullObject');
      await this.sync(context);

      let selectionUsable = selected !== undefined && !selected.isNullObject;
      if (sheet.name === REPORT_SHEET) {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await this.sync(context);
        const names = sheets.items.map((s) => s.name).filter((n) => n !== REPORT_SHEET);
        const name = options.previousSheet && names.includes(options.previousSheet) ? options.previousSheet : names[0];
        if (!name) return emptyBlock('', emptyStore());
        sheet = context.workbook.worksheets.getItem(name);
        sheet.load('name');
        used = sheet.getUsedRangeOrNullObject(true);
        used.load('address, rowCount, columnCount');
        tables = sheet.tables;
        tables.load('items/name');
        selectionUsable = false;
        await this.sync(context);
      }

      // Second look: the selection's top rows (is there a header?) and the table's address.
      const selectionArea = selected && selectionUsable ? areaOf(selected.address, selected.rowCount, selected.columnCount) : undefined;
      const wantSelection = source === 'selection' || source === 'auto';
      let top: Excel.Range | undefined;
      if (selectionArea && wantSelection && !(source === 'auto' && selectionArea.rows * selectionArea.columns < 2)) {
        top = sheet.getRange(addressOf({ ...selectionArea, rows: Math.min(selectionArea.rows, HEADER_ROWS) }));
        top.load('values');
      }
      let table: Excel.Range | undefined;
      const firstTable = tables.items[0];
      if ((source === 'table' || source === 'auto') && firstTable) {
        table = firstTable.getRange();
        table.load('address, rowCount, columnCount');
      }
      let storeRange: Excel.Range | undefined;
      if (!storeSheet.isNullObject) {
        storeRange = storeSheet.getUsedRangeOrNullObject(true);
        storeRange.load('values');
      }
      if (top || table || storeRange) await this.sync(context);
      const store = storeRange && !storeRange.isNullObject ? parseStore(storeRange.values) : emptyStore();

      let area: Area | undefined;
      let kind: DataBlock['source'] = 'used';
      let selectionHadHeader: boolean | undefined;
      if (top && selectionArea) {
        selectionHadHeader = options.hasHeader(top.values.map((r) => r.map(toCell)));
        if (source === 'selection' || selectionHadHeader) {
          area = selectionArea;
          kind = 'selection';
        }
      } else if (source === 'selection' && selectionArea) {
        area = selectionArea;
        kind = 'selection';
      }
      if (!area && table) {
        area = areaOf(table.address, table.rowCount, table.columnCount);
        kind = 'table';
      }
      if (!area && source !== 'selection' && source !== 'table' && !used.isNullObject) {
        area = areaOf(used.address, used.rowCount, used.columnCount);
        kind = 'used';
      }
      if (!area && source === 'table' && !used.isNullObject) {
        area = areaOf(used.address, used.rowCount, used.columnCount);
        kind = 'used';
      }
      if (!area) return { ...emptyBlock(sheet.name, store), source: kind, ...(selectionHadHeader === undefined ? {} : { selectionHadHeader }) };

      // The first slice is small, so that the bar moves at once.
      const rows: Cell[][] = [];
      const unread: UnreadRows[] = [];
      const read = await this.readArea(context, sheet, area, options.dateSystem === 'auto', async (cells, done) => {
        if (options.onRows) await options.onRows(cells);
        else for (const r of cells) rows.push(r);
        options.onProgress?.(done, area.rows);
      }, FIRST_READ_CELLS);
      for (const gap of read.unread) unread.push({ sheet: sheet.name, ...gap });
      const system: DateSystem = options.dateSystem === 'auto' ? (read.dateSystem ?? '1900') : options.dateSystem;
      return { sheet: sheet.name, rows, firstRow: area.row, firstColumn: area.column, dateSystem: system, source: kind, address: `${quoteSheet(sheet.name)}!${addressOf(area)}`, ...(selectionHadHeader === undefined ? {} : { selectionHadHeader }), store, unread };
    });
  }

  /**
   * An area's rows, a slice per sync so that no answer exceeds Excel's payload limit and the pane
   * can paint between slices: the first `firstCells` cells, then READ_CELLS at a time, each slice
   * handed to `onRows` as read. The first rows' formats tell which columns hold times typed as h:mm
   * and, when `detectDates`, the date system, which is returned. A slice Excel refuses does not end
   * the read: its rows go on as empty rows (so every later row keeps its number) and come back in
   * `unread` with the reason, for the pane to say; the other slices are checked as usual.
   */
  async readArea(context: Excel.RequestContext, sheet: Excel.Worksheet, area: Area, detectDates: boolean, onRows: (cells: Cell[][], read: number) => void | Promise<void>, firstCells = READ_CELLS): Promise<AreaRead> {
    const unread: AreaRead['unread'] = [];
    const perRead = Math.max(1, Math.floor(READ_CELLS / Math.max(1, area.columns)));
    const firstRead = Math.max(1, Math.floor(firstCells / Math.max(1, area.columns)));
    let timeColumns = new Set<number>();
    let system: DateSystem | undefined;
    for (let done = 0; done < area.rows; ) {
      const count = Math.min(done === 0 ? firstRead : perRead, area.rows - done);
      const slice = sheet.getRange(addressOf({ ...area, row: area.row + done, rows: count }));
      slice.load('values');
      const head = done === 0 ? sheet.getRange(addressOf({ ...area, rows: Math.min(DATE_SCAN_ROWS, perRead, area.rows) })) : undefined;
      head?.load(detectDates ? 'values, text, numberFormat' : 'values, numberFormat');
      const firstRow = area.row + done;
      done += count;
      try {
        await this.sync(context);
      } catch (e) {
        unread.push({ firstRow, lastRow: firstRow + count - 1, reason: reasonOf(e) });
        await onRows(Array.from({ length: count }, (): Cell[] => []), done);
        continue;
      }
      if (head && detectDates) system = detectDateSystem(head.values, head.text, head.numberFormat);
      if (head) timeColumns = timeColumnsOf(head.values, head.numberFormat);
      await onRows(slice.values.map((r) => cellsOf(r, timeColumns)), done);
    }
    return { ...(system ? { dateSystem: system } : {}), unread };
  }

  /** Replaces our marks on one sheet with marks on these addresses (I2, I3:I9). Two syncs. */
  async markRuns(sheetName: string, runs: Record<Severity, string[]>): Promise<void> {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const formats = sheet.getRange().conditionalFormats;
      formats.load(OUR_FORMAT_PROPS);
      await this.sync(context);
      for (const cf of formats.items) if (isOurs(cf)) cf.delete();
      for (const severity of ['warning', 'error'] as Severity[]) {
        for (const chunk of chunks(runs[severity])) {
          const cf = sheet.getRanges(chunk.join(',')).conditionalFormats.add(Excel.ConditionalFormatType.custom);
          cf.custom.rule.formula = MARK_FORMULA;
          cf.custom.format.fill.color = MARK_FILL[severity];
        }
      }
      await this.sync(context);
    });
  }

  /** Removes exactly the marks this add-in made, on every sheet; returns how many cells they covered. Three syncs. */
  async clearMarks(): Promise<number> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await this.sync(context);
      const collections = sheets.items.map((s) => {
        const c = s.getRange().conditionalFormats;
        c.load(OUR_FORMAT_PROPS);
        return c;
      });
      await this.sync(context);
      const covered: Excel.RangeAreas[] = [];
      for (const c of collections) {
        for (const cf of c.items) {
          if (!isOurs(cf)) continue;
          // Loaded before the delete in the same batch: the cells it covered.
          const areas = cf.getRanges();
          areas.load('cellCount');
          covered.push(areas);
          cf.delete();
        }
      }
      await this.sync(context);
      return covered.reduce((n, a) => n + a.cellCount, 0);
    });
  }

  async select(sheetName: string, row: number, column: number): Promise<void> {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(cellAddress(row, column || 1)).select();
      await this.sync(context);
    });
  }

  /** Whether a findings sheet is already there (the pane asks before replacing it). One sync. */
  async reportExists(): Promise<boolean> {
    return Excel.run(async (context) => {
      const old = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET);
      old.load('isNullObject');
      await this.sync(context);
      return !old.isNullObject;
    });
  }

  /**
   * Writes the findings sheet (src/validation/report.ts), replacing an earlier one: every cell as
   * text; the title and summary on top run on unwrapped; the table wrapped, its header frozen,
   * filtered and printed on every page; rows as high as their text; A4 landscape, one page wide.
   * The rows come REPORT_ROWS at a time, a sync each (Excel on the web takes at most 5 MB a
   * request); the layout goes with the last slice. Two syncs, then one per REPORT_ROWS rows.
   */
  async writeReportSlices(rowsAt: (from: number, count: number) => Promise<ReportSlice>, onProgress?: (done: number, total: number) => void): Promise<string> {
    return Excel.run(async (context) => {
      const old = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET);
      old.load('isNullObject');
      await this.sync(context);
      if (!old.isNullObject) old.delete();
      const sheet = context.workbook.worksheets.add(REPORT_SHEET);
      let total = 1;
      let layout: ReportSlice | undefined;
      for (let from = 0; from < total; from += REPORT_ROWS) {
        const slice = await rowsAt(from, REPORT_ROWS);
        layout ??= slice;
        total = slice.total;
        if (!slice.rows.length) break;
        const width = slice.widths.length;
        const range = sheet.getRange(`A${from + 1}:${cellAddress(from + slice.rows.length, width)}`);
        // Range.values takes text starting with = + - as a formula (typings of Range.values): a
        // name such as "=HYPERLINK(…)" must land as text, so the cells are text before the values go in.
        range.numberFormat = slice.rows.map((r) => r.map((v) => (typeof v === 'number' ? '#,##0' : '@')));
        range.values = slice.rows;
        // Rows of one height together: one request a run, not one a row.
        for (const run of heightRuns(slice.heights)) sheet.getRange(`${from + run.first + 1}:${from + run.last + 1}`).format.rowHeight = run.height;
        if (from + slice.rows.length < total) {
          await this.sync(context);
          onProgress?.(from + slice.rows.length, total);
        }
      }
      if (layout) this.reportLayout(sheet, layout, total);
      sheet.activate();
      await this.sync(context);
      onProgress?.(total, total);
      return REPORT_SHEET;
    });
  }

  /** The findings sheet's layout, queued with the last slice (no sync of its own). */
  private reportLayout(sheet: Excel.Worksheet, layout: ReportSlice, total: number): void {
    const { widths, headerRow, summaryHeaderRow } = layout;
    const last = columnLetters(widths.length);
    const table = sheet.getRange(`A${headerRow}:${last}${Math.max(headerRow, total)}`);
    table.format.wrapText = true;
    sheet.getRange(`A1:${last}${total}`).format.verticalAlignment = Excel.VerticalAlignment.top;
    sheet.getRange('A1').format.font.size = 14;
    for (const row of [1, summaryHeaderRow, summaryHeaderRow + 1, headerRow]) sheet.getRange(`A${row}:${last}${row}`).format.font.bold = true;
    // Excel's column width unit is a digit of the default font; Range.format.columnWidth takes points.
    widths.forEach((w, i) => {
      sheet.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = Math.round((w * 7 + 5) * 0.75);
    });
    // Frozen only while the summary above is short: a long one would fill the window.
    if (headerRow <= MAX_FROZEN_ROWS) sheet.freezePanes.freezeRows(headerRow);
    sheet.autoFilter.apply(table);
    sheet.pageLayout.orientation = Excel.PageOrientation.landscape;
    sheet.pageLayout.paperSize = Excel.PaperType.a4;
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    sheet.pageLayout.setPrintTitleRows(`$${headerRow}:$${headerRow}`);
  }

  /**
   * Replaces the workbook's records with these, on a very hidden sheet (ExcelApi 1.1
   * SheetVisibility.veryHidden: not listed under Unhide), all cells text. Two syncs.
   */
  async writeStore(store: Store): Promise<void> {
    await Excel.run(async (context) => {
      let sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
      sheet.load('isNullObject');
      await this.sync(context);
      if (sheet.isNullObject) {
        sheet = context.workbook.worksheets.add(STORE_SHEET);
        sheet.visibility = Excel.SheetVisibility.veryHidden;
      } else sheet.getRange().clear(Excel.ClearApplyTo.contents);
      const rows = storeRows(store);
      // The header row is always there and sets the width.
      const width = rows[0]?.length ?? 1;
      const range = sheet.getRange(`A1:${cellAddress(rows.length, width)}`);
      range.numberFormat = rows.map((r) => r.map(() => '@'));
      range.values = rows;
      await this.sync(context);
    });
  }

  /**
   * Writes one value into one cell only while the cell still holds what it held when checked
   * (`unchanged` says so of the value read now); returns false, writing nothing, when the clerk
   * has changed it since. Two syncs.
   */
  async setCellIfUnchanged(sheetName: string, row: number, column: number, unchanged: (now: Cell) => boolean, value: number | string): Promise<boolean> {
    return Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem(sheetName).getRange(cellAddress(row, column));
      cell.load('values');
      await this.sync(context);
      if (!unchanged(toCell(cell.values[0]?.[0]))) return false;
      cell.values = [[value]];
      await this.sync(context);
      return true;
    });
  }
}

function emptyBlock(sheet: string, store: Store): DataBlock {
  return { sheet, rows: [], firstRow: 1, firstColumn: 1, dateSystem: '1900', source: 'used', address: '', store, unread: [] };
}

/** What readArea found besides the rows: the date system the dates showed, and the slices Excel refused. */
export interface AreaRead {
  dateSystem?: DateSystem;
  unread: Omit<UnreadRows, 'sheet'>[];
}

/** Consecutive rows of one height, as index ranges. */
export function heightRuns(heights: readonly number[]): { first: number; last: number; height: number }[] {
  const runs: { first: number; last: number; height: number }[] = [];
  heights.forEach((height, i) => {
    const run = runs[runs.length - 1];
    if (run && run.height === height && run.last === i - 1) run.last = i;
    else runs.push({ first: i, last: i, height });
  });
  return runs;
}

/** Why a read failed, in Excel's words (an OfficeExtension.Error carries its message). */
function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A sheet name as Excel writes it in an address. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Loading `custom` of a colour scale or data bar fails the batch; `customOrNullObject` does not. */
const OUR_FORMAT_PROPS = 'items/type, items/customOrNullObject/rule/formula';

function isOurs(cf: Excel.ConditionalFormat): boolean {
  const custom = cf.customOrNullObject;
  if (custom.isNullObject) return false;
  const formula = String(custom.rule.formula);
  return formula.includes(MARK_SIGNATURE) || formula === LEGACY_MARK_FORMULA;
}
