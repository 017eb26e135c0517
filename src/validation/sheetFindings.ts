// The header and the finding collector shared by the ledger and pay sheets: findings land on the
// entry's row, in the clerk's own column.

import { Cell, Field, Msg, SheetKindName } from './fields';
import { HeaderColumn, RowNote, RowSort, findHeader, noteOf, sortRow, textsOf } from './header';
import type { ColumnMapping } from './store';
import type { Finding, SheetInput, Severity } from './validate';
import { candidateColumns, missingColumnWarnings } from './missingColumns';

export interface Header<F extends string> {
  row: number;
  top: number;
  columns: Map<F, { index: number; text: string }>;
  /** Undefined when the sheet has no single period column. */
  period?: { index: number; text: string } | undefined;
  /** Header cells no field claimed, and the fields the clerk marked "not kept" (for missing-column warnings). */
  unclaimed: HeaderColumn[];
  notKept: Set<Field>;
}

/** The sheet's header as one kind, through the one header reader (with the clerk's mapping). */
export function headerOf<F extends string>(sheet: SheetInput, kind: SheetKindName, mappings?: readonly ColumnMapping[], needs?: Field[]): Header<F> | undefined {
  const h = findHeader(sheet.rows ?? [], { kinds: [kind], mappings, sheet: sheet.name, firstColumn: sheet.firstColumn, needs });
  return h ? { row: h.row, top: h.top, columns: h.columns as Map<string, HeaderColumn> as Map<F, HeaderColumn>, period: h.period, unclaimed: h.unclaimed, notKept: h.notKept } : undefined;
}

export const M = (en: string, ja: string): Msg => ({ en, ja });

export class Out<F extends Field> {
  readonly findings: Finding[] = [];
  readonly notes: RowNote[] = [];
  constructor(private readonly sheet: SheetInput, private readonly header: Header<F>) {}
  /** A row that is not a person's: one note, no finding. */
  /**
   * The rows below the header that hold a person, each with a reader of its cells by field; every
   * other row (blank, 合計, label, note) is noted as skipped on the way.
   */
  *personRows(rows: Cell[][]): Generator<{ index: number; cell: (f: F) => Cell | undefined }> {
    const texts = textsOf(rows, this.header);
    for (let i = this.header.row + 1; i < rows.length; i++) {
      const cells = rows[i];
      // A hole in the rows sorts as blank and is skipped like one.
      if (this.skipped(i, sortRow(cells, this.header, texts), rows) || !cells) continue;
      const cell = (f: F): Cell | undefined => {
        const col = this.header.columns.get(f);
        return col ? cells[col.index] : undefined;
      };
      yield { index: i, cell };
    }
  }

  skipped(rowIndex: number, sort: RowSort, rows: Cell[][]): boolean {
    if (sort === 'person') return false;
    const note = noteOf(sort, this.sheet.name, this.row(rowIndex), rows, rowIndex);
    if (note) this.notes.push(note);
    return true;
  }
  row(rowIndex: number): number {
    return (this.sheet.firstRow ?? 1) + rowIndex;
  }
  add(rowIndex: number, field: F | '', severity: Severity, rule: string, msg: Msg): void {
    this.addAt(this.row(rowIndex), field, severity, rule, msg);
  }
  /** A finding in a column that is no field of the sheet (a month column of a month-columns pay sheet). */
  addIn(rowIndex: number, col: { index: number; text: string }, severity: Severity, rule: string, msg: Msg): void {
    this.findings.push({ sheet: this.sheet.name, row: this.row(rowIndex), column: col.text, field: 'paid' as Finding['field'], severity, rule, message: msg.en, message_ja: msg.ja, columnIndex: (this.sheet.firstColumn ?? 1) + col.index });
  }
  /**
   * A warning on the header row for each column a check needs that the sheet lacks, as validate.ts
   * gives for rosters — but only when some header column is unread and so may hold it under another
   * name: a ledger of one row per day (no To), without Hours, or a pay sheet without Paid (which asks
   * for the expected pay only) is a layout of its own, not a column gone missing.
   */
  missingColumns(kind: 'ledger' | 'pay', needs: readonly (readonly [F & Field, string, Msg])[], hint: 'cli' | 'pane'): void {
    const h = this.header;
    if (candidateColumns(h.unclaimed).length === 0) return;
    const columns = h.columns as Map<string, HeaderColumn> as Map<Field, HeaderColumn>;
    for (const w of missingColumnWarnings({ kind, columns, notKept: h.notKept, unclaimed: h.unclaimed }, needs, hint, this.sheet.firstColumn ?? 1)) this.add(h.row, w.field as F, 'warning', w.rule, w.msg);
  }
  addAt(sheetRow: number, field: F | '', severity: Severity, rule: string, msg: Msg): void {
    const col = field ? this.header.columns.get(field as F) : undefined;
    this.findings.push({ sheet: this.sheet.name, row: sheetRow, column: col?.text ?? '', field: field as Finding['field'], severity, rule, message: msg.en, message_ja: msg.ja, columnIndex: col ? (this.sheet.firstColumn ?? 1) + col.index : 0 });
  }
}
