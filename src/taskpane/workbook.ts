// The task pane's thin Excel adapter: whole ranges read and written at once, a fixed number of
// context.sync() calls whatever the number of rows, and marks that never touch a cell's value
// or its own format (conditional formats carrying our signature, removed exactly).

import { DateSystem, dayFromSerial, ymdFromDay } from '../core';
import type { Cell } from '../validation/fields';
import type { Severity } from '../validation/validate';
import { REPORT_SHEET, cellAddress } from '../validation/report';

export { cellAddress };

export type Source = 'auto' | 'selection' | 'table' | 'used';

export interface DataBlock {
  sheet: string;
  rows: Cell[][];
  firstRow: number;
  firstColumn: number;
  dateSystem: DateSystem;
  source: Exclude<Source, 'auto'>;
  address: string;
}

export interface Mark {
  sheet: string;
  row: number;
  column: number;
  severity: Severity;
}

/** A formula that is always TRUE and says whose mark it is. */
export const MARK_SIGNATURE = 'altrules';
export const MARK_FORMULA = `=N("${MARK_SIGNATURE}")=0`;
const MARK_FILL: Record<Severity, string> = { error: '#FDE7E9', warning: '#FFF4CE' };

/** Excel's error values as they come back in `values`. */
const EXCEL_ERRORS = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BUSY!|GETTING_DATA|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/** "Sheet1!B3:D9" or "'My sheet'!B3" → first row and column (1-based). */
export function topLeftOf(address: string): { row: number; column: number } {
  const ref = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(ref);
  if (!m) return { row: 1, column: 1 };
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

const DATE_FORMAT = /(^|[^"\\])(y+|d+|m+.*d|d.*m+|e+|g+)/i;

/**
 * The 1900 or 1904 system, from date-formatted cells: the year Excel displays must match the
 * serial read one way or the other (the two differ by four years).
 */
export function detectDateSystem(values: unknown[][], text: unknown[][], formats: unknown[][]): DateSystem {
  for (let r = 0; r < values.length; r++) {
    for (let c = 0; c < (values[r]?.length ?? 0); c++) {
      const v = values[r][c];
      const f = formats[r]?.[c];
      if (typeof v !== 'number' || v < 367 || typeof f !== 'string' || !DATE_FORMAT.test(f)) continue;
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

function toCell(v: unknown): Cell {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' && EXCEL_ERRORS.test(v)) return { error: v };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Counts context.sync() calls, so that tests can hold the adapter to its budget. */
export interface SyncCounter {
  syncs: number;
}

export class ExcelWorkbook {
  readonly counter: SyncCounter = { syncs: 0 };

  private async sync(context: Excel.RequestContext): Promise<void> {
    this.counter.syncs++;
    await context.sync();
  }

  /**
   * Reads the data to check — the selection (more than one cell), else the first table of the
   * active sheet, else its used range — hands it to `check`, and replaces our marks with the
   * marks it returns. Two syncs, three when a table has to be read; never more with more rows.
   */
  async check(source: Source, dateSystem: DateSystem | 'auto', check: (block: DataBlock) => Mark[]): Promise<DataBlock> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      const selection = context.workbook.getSelectedRange();
      selection.load('rowCount, columnCount');
      const used = sheet.getUsedRangeOrNullObject(true);
      // With 'auto' the used range may be wanted and is read in the same sync; an explicit
      // selection never needs it.
      if (source !== 'selection') used.load('address, values, text, numberFormat');
      // Whole columns selected are a million rows: read only the part that holds data.
      const selected = selection.getUsedRangeOrNullObject(true);
      selected.load('address, values, text, numberFormat');
      const tables = sheet.tables;
      tables.load('items/name');
      const formats = sheet.getRange().conditionalFormats;
      formats.load(OUR_FORMAT_PROPS);
      await this.sync(context);

      let picked: { address: string; values: unknown[][]; text: unknown[][]; numberFormat: unknown[][] } | undefined;
      let kind: DataBlock['source'] = 'used';
      const bigSelection = selection.rowCount * selection.columnCount > 1;
      if (source === 'selection' || (source === 'auto' && bigSelection)) {
        picked = selected.isNullObject ? undefined : selected;
        kind = 'selection';
      } else if ((source === 'table' || source === 'auto') && tables.items.length > 0) {
        const range = tables.items[0].getRange();
        range.load('address, values, text, numberFormat');
        await this.sync(context);
        picked = range;
        kind = 'table';
      } else if (!used.isNullObject) {
        picked = used;
        kind = 'used';
      }
      // The block is reported with the source actually read, even when nothing was.
      let block: DataBlock = { sheet: sheet.name, rows: [], firstRow: 1, firstColumn: 1, dateSystem: '1900', source: 'used', address: '' };
      if (picked) {
        const { row, column } = topLeftOf(picked.address);
        block = {
          sheet: sheet.name,
          rows: picked.values.map((r) => r.map(toCell)),
          firstRow: row,
          firstColumn: column,
          dateSystem: dateSystem === 'auto' ? detectDateSystem(picked.values, picked.text, picked.numberFormat) : dateSystem,
          source: kind,
          address: picked.address,
        };
      }
      const marks = check(block);
      for (const cf of formats.items) if (isOurs(cf)) cf.delete();
      for (const severity of ['warning', 'error'] as Severity[]) {
        const cells = marks.filter((m) => m.severity === severity).map((m) => cellAddress(m.row, m.column));
        for (const chunk of chunks(cells)) {
          const cf = sheet.getRanges(chunk.join(',')).conditionalFormats.add(Excel.ConditionalFormatType.custom);
          cf.custom.rule.formula = MARK_FORMULA;
          cf.custom.format.fill.color = MARK_FILL[severity];
        }
      }
      await this.sync(context);
      return block;
    });
  }

  /** Removes exactly the marks this add-in made, on every sheet. Three syncs. */
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
      let removed = 0;
      for (const c of collections) {
        for (const cf of c.items) {
          if (isOurs(cf)) {
            cf.delete();
            removed++;
          }
        }
      }
      await this.sync(context);
      return removed;
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

  /** Writes the findings to a report sheet of its own (replacing an earlier one). Two syncs. */
  async writeReport(rows: string[][]): Promise<string> {
    return Excel.run(async (context) => {
      const old = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET);
      old.load('isNullObject');
      await this.sync(context);
      if (!old.isNullObject) old.delete();
      const sheet = context.workbook.worksheets.add(REPORT_SHEET);
      const width = rows[0]?.length ?? 1;
      sheet.getRange(`A1:${cellAddress(rows.length, width)}`).values = rows;
      sheet.getRange(`A1:${cellAddress(1, width)}`).format.font.bold = true;
      sheet.activate();
      await this.sync(context);
      return REPORT_SHEET;
    });
  }
}

/** Loading `custom` of a colour scale or data bar fails the batch; `customOrNullObject` does not. */
const OUR_FORMAT_PROPS = 'items/type, items/customOrNullObject/rule/formula';

function isOurs(cf: Excel.ConditionalFormat): boolean {
  const custom = cf.customOrNullObject;
  return !custom.isNullObject && String(custom.rule.formula).includes(MARK_SIGNATURE);
}

/** Address lists kept short enough for one RangeAreas. */
function chunks(addresses: string[], maxChars = 2000): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const a of addresses) {
    if (length + a.length + 1 > maxChars && current.length) {
      out.push(current);
      current = [];
      length = 0;
    }
    current.push(a);
    length += a.length + 1;
  }
  if (current.length) out.push(current);
  return out;
}

