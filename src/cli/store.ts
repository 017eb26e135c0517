// The workbook's `_altrules` store on the command line: the clerk's column mappings and accepted
// findings, read with the pane's own parser (src/validation/store.ts), and `--columns MAP.json`.

import { readFileSync } from 'fs';
import type { Cell, Field } from '../validation/fields';
import { ALL_FIELDS, headerKey } from '../validation/fields';
import type { Finding, SheetInput, SheetResult } from '../validation/validate';
import { Acceptance, ColumnMapping, STORE_SHEET, Store, acceptanceOf, emptyStore, mapColumn, parseStore } from '../validation/store';
import { Refusal } from './zip';

/** Rows searched for a header text, as the validator does. */
const HEADER_ROWS = 20;
const FIELDS = ALL_FIELDS;

/** The sheets to check (never the store itself) and the store they carry. */
export function splitStore<S extends SheetInput>(sheets: S[]): { sheets: S[]; store: Store } {
  const own = sheets.find((s) => s.name === STORE_SHEET);
  // The store is written from A1 (header row first); a sheet read from further down gets its blank rows back.
  const rows = own ? [...Array(Math.max(0, (own.firstRow ?? 1) - 1)).fill([]), ...own.rows] : [];
  return { sheets: sheets.filter((s) => s !== own), store: own ? parseStore(rows.length ? rows : [[]]) : emptyStore() };
}

/** `--columns` as given: field → header text, column letter or null (not kept), for all sheets or per sheet. */
export interface ColumnsSpec {
  all: [Field, string | null][];
  bySheet: Map<string, [Field, string | null][]>;
}

const LETTERS = /^[A-Z]{1,3}$/;

function fieldsOf(where: string, o: Record<string, unknown>, file: string): [Field, string | null][] {
  const out: [Field, string | null][] = [];
  for (const [k, v] of Object.entries(o)) {
    if (!FIELDS.includes(k as Field))
      throw new Refusal(`${file}: unknown field "${k}"${where}; fields: ${FIELDS.join(', ')}`, `${file}: "${k}" という項目はありません${where}。項目: ${FIELDS.join(', ')}`);
    if (v !== null && (typeof v !== 'string' || v.trim() === ''))
      throw new Refusal(`${file}: "${k}"${where} must be a header text, a column letter such as "H", or null (not kept)`, `${file}: "${k}"${where} には見出しの文字列、列の文字（"H" など）、または null（この列はない）を指定してください`);
    out.push([k as Field, v === null ? null : (v as string).trim()]);
  }
  return out;
}

/** Reads and checks a `--columns` file; a bad file throws a bilingual Refusal. */
export function readColumnsFile(file: string): ColumnsSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Refusal(`--columns: cannot read ${file} (${code})`, `--columns: ${file} を読めません（${code}）`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Refusal(`--columns: ${file} is not valid JSON: ${(e as Error).message}`, `--columns: ${file} は正しい JSON ではありません: ${(e as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new Refusal(`--columns: ${file} must hold an object such as {"termStart": "Start", "sickDays": "H"}`, `--columns: ${file} には {"termStart": "Start", "sickDays": "H"} のようなオブジェクトを書いてください`);
  const spec: ColumnsSpec = { all: [], bySheet: new Map() };
  const top: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    // A known field maps for every sheet; any other key with an object is a sheet's own map.
    if (!FIELDS.includes(k as Field) && v !== null && typeof v === 'object' && !Array.isArray(v)) spec.bySheet.set(k, fieldsOf(` (sheet "${k}")`, v as Record<string, unknown>, file));
    else top[k] = v;
  }
  spec.all = fieldsOf('', top, file);
  return spec;
}

const letterColumn = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The 1-based column whose header (in the first rows) reads `text`, or undefined. */
function columnHeaded(sheet: SheetInput, text: string): number | undefined {
  const key = headerKey(text);
  for (const row of sheet.rows.slice(0, HEADER_ROWS)) {
    const i = (row ?? []).findIndex((c: Cell) => typeof c === 'string' && headerKey(c) === key);
    if (i >= 0) return (sheet.firstColumn ?? 1) + i;
  }
  return undefined;
}

/** The columns `--columns` names, for the reader to keep past the header rows (see KeepColumns). */
export function keepOf(spec: ColumnsSpec | undefined): { headers: Set<string>; columns: Set<number> } {
  const keep = { headers: new Set<string>(), columns: new Set<number>() };
  for (const [, v] of [...(spec?.all ?? []), ...[...(spec?.bySheet.values() ?? [])].flat()]) {
    if (v === null) continue;
    if (LETTERS.test(v)) keep.columns.add(letterColumn(v));
    else keep.headers.add(headerKey(v));
  }
  return keep;
}

/**
 * The store's mappings with `--columns` laid over them (the command line wins). A mapping applies
 * on every sheet whose header it names (or, for a column letter, every sheet); what matched no
 * sheet of this file is returned in `unmatched`, and the caller reports it only when it matched
 * nothing in any file given together. A named sheet the workbook lacks is unmatched too.
 */
/** A `--columns` entry that matched nothing in one file. */
export interface Unmatched {
  key: string;
  en: string;
  ja: string;
}

export function mappingsFor(store: Store, spec: ColumnsSpec | undefined, sheets: SheetInput[]): { mappings: ColumnMapping[]; unmatched: Unmatched[] } {
  if (!spec) return { mappings: store.mappings, unmatched: [] };
  let merged = store;
  const unmatched: Unmatched[] = [];
  const apply = (sheet: SheetInput, field: Field, v: string | null): boolean => {
    if (v === null) merged = mapColumn(merged, { sheet: sheet.name, field, column: 0, header: '' });
    else if (LETTERS.test(v)) merged = mapColumn(merged, { sheet: sheet.name, field, column: letterColumn(v), header: '' });
    else {
      const column = columnHeaded(sheet, v);
      if (column === undefined) return false;
      merged = mapColumn(merged, { sheet: sheet.name, field, column, header: v });
    }
    return true;
  };
  for (const [field, v] of spec.all) {
    let found = false;
    for (const s of sheets) found = apply(s, field, v) || found;
    if (!found) unmatched.push({ key: `${field}=${v}`, en: `--columns maps ${field} to "${v}", but no sheet has a column headed "${v}"`, ja: `--columns で ${field} を「${v}」にしていますが、その見出しの列がどのシートにもありません` });
  }
  for (const [name, fields] of spec.bySheet) {
    const sheet = sheets.find((s) => s.name === name);
    for (const [field, v] of fields) {
      if (!sheet) unmatched.push({ key: `${name}.${field}=${v}`, en: `--columns names sheet "${name}", which the workbook does not have`, ja: `--columns のシート「${name}」がブックにありません` });
      else if (!apply(sheet, field, v)) unmatched.push({ key: `${name}.${field}=${v}`, en: `--columns maps ${field} to "${v}", but sheet "${name}" has no column headed "${v}"`, ja: `--columns で ${field} を「${v}」にしていますが、シート「${name}」にその見出しの列がありません` });
    }
  }
  return { mappings: merged.mappings, unmatched };
}

/** Findings the clerk accepted whose cell still holds the accepted value. */
export function acceptedFindings(store: Store, results: SheetResult[], sheets: SheetInput[]): Map<Finding, Acceptance> {
  const out = new Map<Finding, Acceptance>();
  if (!store.acceptances.length) return out;
  for (const r of results) {
    const s = sheets.find((x) => x.name === r.sheet);
    if (!s) continue;
    for (const f of r.findings) {
      if (!f.columnIndex) continue;
      const cell = s.rows[f.row - (s.firstRow ?? 1)]?.[f.columnIndex - (s.firstColumn ?? 1)];
      const a = acceptanceOf(store, f, cell);
      if (a) out.set(f, a);
    }
  }
  return out;
}
