// The add-in's own records inside a workbook, so that they travel with it and the command line
// can honour them too: column mappings the clerk chose, and findings the clerk accepted.
//
// Format: a very hidden sheet named "_altrules". Row 1 names the columns; every later row is one
// record, all cells text:
//   A kind      "mapping" | "accepted"        (rows of any other kind are kept and ignored)
//   B sheet     the checked sheet's name
//   mapping:  C field (canonical name, docs/fields.md)   D header text of the chosen column ("" = not kept)
//             E sheet column number, 1-based ("0" = not kept)
//   accepted: C cell (A1 address)   D rule (as in findings)   E value the cell held, as JSON
//             F who   G when (ISO 8601, UTC)   H why
// Pure: reading and writing the sheet is the adapters' work.

import type { Cell, Field } from './fields';
import { ALL_FIELDS, headerKey } from './fields';
import type { Finding } from './validate';
import { cellAddress } from './report';

export const STORE_SHEET = '_altrules';
export const STORE_HEADER = ['kind', 'sheet', 'field / cell', 'header / rule', 'column / value', 'who', 'when', 'why'];

export interface ColumnMapping {
  sheet: string;
  field: Field;
  /** 1-based sheet column; 0 when the sheet does not keep this field. */
  column: number;
  /** The chosen column's header text, so the mapping follows the column when columns move. */
  header: string;
}

export interface Acceptance {
  sheet: string;
  cell: string;
  rule: string;
  /** The cell's value when accepted, as JSON: a changed value brings the finding back. */
  value: string;
  who: string;
  when: string;
  why: string;
}

export interface Store {
  mappings: ColumnMapping[];
  acceptances: Acceptance[];
  /** Rows of kinds this version does not know, written back unchanged. */
  other: string[][];
}

export const emptyStore = (): Store => ({ mappings: [], acceptances: [], other: [] });

const FIELDS = new Set<string>(ALL_FIELDS);
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The store from the sheet's values (header row first); malformed rows are skipped, never fatal. */
export function parseStore(rows: unknown[][]): Store {
  const store = emptyStore();
  for (const raw of rows.slice(1)) {
    const r = raw.map(text);
    // A short row (cut by hand, or by another program) reads its missing cells as empty.
    const [kind = '', sheet = '', c2 = '', c3 = '', c4 = '', c5 = '', c6 = '', c7 = ''] = r;
    if (kind === 'mapping' && FIELDS.has(c2) && /^\d+$/.test(c4)) store.mappings.push({ sheet, field: c2 as Field, header: c3, column: Number(c4) });
    else if (kind === 'accepted' && /^[A-Z]{1,3}\d+$/.test(c2)) store.acceptances.push({ sheet, cell: c2, rule: c3, value: c4, who: c5, when: c6, why: c7 });
    else if (r.some((c) => c !== '')) store.other.push(r);
  }
  return store;
}

export function storeRows(store: Store): string[][] {
  return [
    STORE_HEADER,
    ...store.mappings.map((m) => ['mapping', m.sheet, m.field, m.header, String(m.column), '', '', '']),
    ...store.acceptances.map((a) => ['accepted', a.sheet, a.cell, a.rule, a.value, a.who, a.when, a.why]),
    ...store.other,
  ];
}

/** A cell's value as compared for acceptance: the same text for the same value. */
export function valueKey(cell: Cell): string {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return '""';
  return JSON.stringify(typeof cell === 'string' ? cell.trim() : cell);
}

/** The acceptance that still holds for this finding: same sheet, cell and rule, and the same value. */
export function acceptanceOf(store: Store, f: Finding, cell: Cell): Acceptance | undefined {
  if (!f.columnIndex) return undefined;
  const at = cellAddress(f.row, f.columnIndex);
  const key = valueKey(cell);
  return store.acceptances.find((a) => a.sheet === f.sheet && a.cell === at && a.rule === f.rule && a.value === key);
}

/** Adds (or renews) an acceptance, replacing an earlier one for the same sheet, cell and rule. */
export function accept(store: Store, a: Acceptance): Store {
  return { ...store, acceptances: [...store.acceptances.filter((x) => !(x.sheet === a.sheet && x.cell === a.cell && x.rule === a.rule)), a] };
}

/** Sets the column of one field on one sheet (0 = not kept), replacing an earlier choice. */
export function mapColumn(store: Store, m: ColumnMapping): Store {
  return { ...store, mappings: [...store.mappings.filter((x) => !(x.sheet === m.sheet && x.field === m.field)), m] };
}

/**
 * The stored mappings of a sheet as the validator takes them: field → index into the header row
 * (null = not kept). A mapping follows its header text when the column has moved.
 */
export function columnsFor(store: Store, sheet: string, headerRow: Cell[], firstColumn: number): Partial<Record<Field, number | null>> {
  const out: Partial<Record<Field, number | null>> = {};
  for (const m of store.mappings) {
    if (m.sheet !== sheet) continue;
    if (m.column === 0) {
      out[m.field] = null;
      continue;
    }
    const byHeader = m.header ? headerRow.findIndex((c) => typeof c === 'string' && headerKey(c) === headerKey(m.header)) : -1;
    const index = byHeader >= 0 ? byHeader : m.column - firstColumn;
    if (index >= 0 && index < headerRow.length) out[m.field] = index;
  }
  return out;
}
