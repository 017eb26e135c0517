// The one header reader of every sheet kind (roster, claims, leave ledger, pay sheet): the words
// clerks write (docs/fields.md), two-row headers, a single period column, and the clerk's column
// mapping laid over what the words say. Pure: rows of cells in, columns out.

import { Cell, FieldIndex, Field, SheetKindName, SHEET_FIELDS, headerKey, isEmptyCell } from './fields';
import { ColumnMapping, columnsFor } from './store';

export const HEADER_SCAN_ROWS = 20;

export interface HeaderColumn {
  /** 0-based index into the row. */
  index: number;
  /** The header text as the sheet writes it (parent・child for a two-row header). */
  text: string;
}

export interface FoundHeader {
  kind: SheetKindName;
  /** Index into rows of the (last) header row: data starts on the next row. */
  row: number;
  /** Index of the first header row (row - 1 for a two-row header). */
  top: number;
  columns: Map<Field, HeaderColumn>;
  /** A single period column (任用期間: R6.8.7～R7.8.6) that gives termStart and termEnd; undefined when none. */
  period?: HeaderColumn | undefined;
  /** Header cells no field claimed: the candidates a missing-column message names. */
  unclaimed: HeaderColumn[];
  /** Fields the clerk marked "not kept": no missing-column warning for them. */
  notKept: Set<Field>;
  /** Fields whose column the clerk chose. */
  mapped: Set<Field>;
}

/** What each kind needs before a row counts as its header. */
const NEEDS: Record<SheetKindName, { all: Field[]; score: (cols: Map<Field, HeaderColumn>, period: boolean) => number }> = {
  // Roster and claims: at least two of their own columns (the name is shared by every kind); a
  // period column counts once although it gives two fields, so 自 / 至 under it read as more.
  roster: { all: [], score: (c, p) => [...c.keys()].filter((f) => f !== 'name' && SHEET_FIELDS.roster.includes(f)).length - (p ? 1 : 0) },
  claims: { all: [], score: (c) => [...c.keys()].filter((f) => f !== 'name').length },
  ledger: { all: ['name', 'from', 'kind'], score: (c) => c.size },
  pay: { all: ['name', 'month'], score: (c) => c.size },
};

/** Two-row header words: a parent such as 任用期間 over 自 / 至. */
function cellText(c: Cell): string | undefined {
  return typeof c === 'string' && c.trim() !== '' ? c.trim() : undefined;
}

/** The texts of one header row, or of two rows read as parent + child (merged parents fill right). */
function headerTexts(rows: Cell[][], r: number, twoRows: boolean): (string | undefined)[] {
  const top = rows[r] ?? [];
  if (!twoRows) return top.map(cellText);
  const below = rows[r + 1] ?? [];
  const width = Math.max(top.length, below.length);
  const out: (string | undefined)[] = [];
  let parent: string | undefined;
  for (let i = 0; i < width; i++) {
    const t = cellText(top[i]);
    const b = cellText(below[i]);
    // A merged parent is written in its first cell only: it covers the empty cells to its right that have a child.
    if (t !== undefined) parent = t;
    else if (b === undefined) parent = undefined;
    if (b === undefined) out.push(t);
    else if (t === undefined && parent === undefined) out.push(b);
    else out.push(`${t ?? parent}${PAIR_MARK}${b}`);
  }
  return out;
}

/** Joins a parent and a child header (a character no header contains). */
const PAIR_MARK = '\u241f';
const PAIR = new RegExp(PAIR_MARK);

interface Reading {
  columns: Map<Field, HeaderColumn>;
  period?: HeaderColumn | undefined;
  unclaimed: HeaderColumn[];
}

function readTexts(texts: (string | undefined)[], index: FieldIndex): Reading {
  const columns = new Map<Field, HeaderColumn>();
  const unclaimed: HeaderColumn[] = [];
  let period: HeaderColumn | undefined;
  texts.forEach((text, i) => {
    if (text === undefined) return;
    // parent・child: the pair first, then the child alone (a group title over plain headers), then the parent.
    const [parent, child, ...more] = text.split(PAIR);
    const tries = parent !== undefined && child !== undefined && more.length === 0 ? [text.replace(PAIR, '・'), child, parent] : [text];
    for (const t of tries) {
      const f = index.get(headerKey(t));
      if (f === 'termPeriod') {
        period ??= { index: i, text: t };
        return;
      }
      if (f) {
        // The first column of a name wins; a duplicate header is ignored.
        if (!columns.has(f)) columns.set(f, { index: i, text: t });
        return;
      }
    }
    if (headerKey(text) !== '') unclaimed.push({ index: i, text: text.replace(PAIR, '・') });
  });
  return { columns, period, unclaimed };
}

export interface HeaderOptions {
  /** The kinds to look for, in order of preference; default all. */
  kinds?: readonly SheetKindName[] | undefined;
  /** The clerk's column choices (the `_altrules` store, `--columns`). */
  mappings?: readonly ColumnMapping[] | undefined;
  sheet?: string | undefined;
  /** 1-based sheet column of rows[n][0]. */
  firstColumn?: number | undefined;
  /** The columns a header must name, instead of the kind's own (a person's 休暇簿 has no name column). */
  needs?: readonly Field[] | undefined;
}

/**
 * The header row of a sheet: the first of the top rows whose words name enough columns of one
 * kind (a title row or a date line above it names none). A second header row under it (任用期間
 * over 自 / 至) is read with it when that names more. The clerk's mapping, where it applies to
 * this sheet, overrides the words.
 */
export function findHeader(rows: Cell[][], options: HeaderOptions = {}): FoundHeader | undefined {
  const kinds = options.kinds ?? (['ledger', 'pay', 'roster', 'claims'] as const);
  const mapped = (options.mappings ?? []).filter((m) => m.sheet === options.sheet);
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const found = bestAt(rows, r, kinds, mapped, options);
    if (found) return found;
  }
  return undefined;
}

function bestAt(rows: Cell[][], r: number, kinds: readonly SheetKindName[], mapped: readonly ColumnMapping[], options: HeaderOptions): FoundHeader | undefined {
  const one = bestOf(rows, r, false, kinds, mapped, options);
  if (r + 1 >= rows.length) return one?.h;
  // Two rows read together only when they name more than either row alone (a title row over the
  // header, or a data row under it, adds nothing).
  const two = bestOf(rows, r, true, kinds, mapped, options);
  const next = bestOf(rows, r + 1, false, kinds, mapped, options);
  if (two && two.score > (one?.score ?? 0) && two.score > (next?.score ?? 0)) return two.h;
  return one?.h;
}

function bestOf(rows: Cell[][], r: number, twoRows: boolean, kinds: readonly SheetKindName[], mapped: readonly ColumnMapping[], options: HeaderOptions): { h: FoundHeader; score: number } | undefined {
  let best: { h: FoundHeader; score: number } | undefined;
  const texts = headerTexts(rows, r, twoRows);
  for (const kind of kinds) {
    const read = readTexts(texts, INDEXES[kind]);
    const h: FoundHeader = { kind, row: r + (twoRows ? 1 : 0), top: r, columns: read.columns, period: kind === 'roster' ? read.period : undefined, unclaimed: read.unclaimed, notKept: new Set(), mapped: new Set() };
    if (mapped.length) applyMappings(h, texts, mapped, options.firstColumn ?? 1);
    // A single period column gives the term's start and end where no column of their own does.
    if (h.period) {
      const p = h.period;
      if (!h.columns.has('termStart')) h.columns.set('termStart', p);
      if (!h.columns.has('termEnd')) h.columns.set('termEnd', p);
      if (h.columns.get('termStart') !== p && h.columns.get('termEnd') !== p) h.period = undefined;
    }
    const need = NEEDS[kind];
    const all = options.needs ?? need.all;
    if (!all.every((f) => h.columns.has(f))) continue;
    const score = need.score(h.columns, h.period !== undefined);
    if (all.length === 0 && score < 2) continue;
    if (!best || score > best.score) best = { h, score };
  }
  return best;
}

const INDEXES: Record<SheetKindName, FieldIndex> = {
  roster: new FieldIndex('roster'),
  claims: new FieldIndex('claims'),
  ledger: new FieldIndex('ledger'),
  pay: new FieldIndex('pay'),
};

/** The clerk's column choices override what the headers say; "not kept" silences the warning. */
function applyMappings(h: FoundHeader, texts: (string | undefined)[], mappings: readonly ColumnMapping[], firstColumn: number): void {
  const own = new Set<Field>(SHEET_FIELDS[h.kind]);
  const headerCells: Cell[] = texts.map((t) => t ?? null);
  for (const [field, index] of Object.entries(columnsFor({ mappings: [...mappings], acceptances: [], other: [] }, mappings[0]?.sheet ?? '', headerCells, firstColumn)) as [Field, number | null][]) {
    if (!own.has(field)) continue;
    if (field === 'termPeriod') {
      if (index !== null) h.period = { index, text: texts[index] ?? field };
      continue;
    }
    if (index === null) {
      h.columns.delete(field);
      h.notKept.add(field);
    } else {
      const text = (texts[index] ?? field).replace(PAIR, '・');
      h.columns.set(field, { index, text });
      h.mapped.add(field);
      h.unclaimed = h.unclaimed.filter((u) => u.index !== index);
      if (h.period?.index === index && (field === 'termStart' || field === 'termEnd')) h.period = undefined;
    }
  }
}

/** Whether a row of the table is a person's or something else: blank, a total, a label, a ※ note, the header again. */
export type RowSort = 'person' | 'blank' | 'total' | 'label' | 'note' | 'header';

const TOTAL = /^(合計|小計|計|総計|総合計|累計|total|subtotal|grandtotal|sum)$/;
const LABEL_MARK = /^[【■□◆◇●○▼▲◎★☆〔]|】$/;

/** Sorts a data row; `nameIndex` is the name column (if any). */
export function sortRow(cells: Cell[] | undefined, h: Pick<FoundHeader, 'columns'>, headerTexts: readonly (string | undefined)[]): RowSort {
  if (!cells) return 'blank';
  const filled = cells.map((c, i) => ({ c, i })).filter((x) => !isEmptyCell(x.c));
  const [firstFilled] = filled;
  if (!firstFilled) return 'blank';
  const text = (c: Cell) => (typeof c === 'string' ? c : typeof c === 'number' ? String(c) : '');
  const first = text(firstFilled.c).normalize('NFKC').trim();
  if (/^(※|\*|注[:：)）\d]|\(注\)|（注）|note[:：s])/i.test(first)) return 'note';
  const nameCol = h.columns.get('name');
  const nameText = nameCol ? text(cells[nameCol.index] ?? null) : '';
  // 合計 in the name cell, or in a cell before it (a No. column).
  const beforeName = filled.filter((x) => !nameCol || x.i <= nameCol.index).map((x) => headerKey(text(x.c)));
  if (TOTAL.test(headerKey(nameText)) || beforeName.some((k) => TOTAL.test(k))) return 'total';
  // One text cell alone: a group label (【小学校（兼務）】, ■中学校), or a merged cell across the table.
  if (filled.length === 1 && typeof firstFilled.c === 'string') return 'label';
  // A marked label with a count beside it (■中学校 3名); a row with more filled cells is a person's.
  if (filled.length <= 2 && LABEL_MARK.test(first)) return 'label';
  // The header written again (a table per school under one header).
  const same = filled.filter((x) => typeof x.c === 'string' && headerTexts[x.i] !== undefined && headerKey(x.c) === headerKey(headerTexts[x.i] ?? '')).length;
  if (same >= 2) return 'header';
  return 'person';
}

/** The texts of a found header row (the two rows read together when it has two). */
export function textsOf(rows: Cell[][], h: Pick<FoundHeader, 'row' | 'top'>): (string | undefined)[] {
  return headerTexts(rows, h.top, h.row > h.top).map((t) => t?.replace(PAIR, '・'));
}

/** A row skipped because it is not a person's: said once, never a finding. */
export interface RowNote {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  message: string;
  message_ja: string;
}

/** The note for a skipped row; none for a blank row after the table's last filled row. */
export function noteOf(sort: Exclude<RowSort, 'person'>, sheet: string, sheetRow: number, rows: Cell[][], rowIndex: number): RowNote | undefined {
  const first = (rows[rowIndex] ?? []).find((c) => !isEmptyCell(c));
  const shown = first === undefined ? '' : (typeof first === 'object' && first !== null ? first.error : String(first)).trim().slice(0, 40);
  if (sort === 'blank' && !rows.slice(rowIndex + 1).some((r) => (r ?? []).some((c) => !isEmptyCell(c)))) return undefined;
  const text = {
    blank: { en: 'blank row, skipped', ja: '空白行のため読み飛ばしました' },
    total: { en: `total row "${shown}", skipped`, ja: `合計行「${shown}」のため読み飛ばしました` },
    label: { en: `label row "${shown}", skipped (not a person)`, ja: `見出し・区分の行「${shown}」のため読み飛ばしました（人の行ではありません）` },
    note: { en: `note "${shown}", skipped`, ja: `注記「${shown}」のため読み飛ばしました` },
    header: { en: 'the header repeated, skipped', ja: '見出しの繰り返しのため読み飛ばしました' },
  }[sort];
  return { sheet, row: sheetRow, message: text.en, message_ja: text.ja };
}
