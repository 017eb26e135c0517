// Formula cells: our own ALT./CLAIR. functions are recomputed with the registry (a stale cached
// value is a finding); for any other formula, a finding on the cell says its value is the cache.

import { Value, findFunction, fullName, invoke } from '../functions/registry';
import { functionOfStoredName } from '../functions/stored-formula';
import { Raw } from '../functions/coerce';
import { CLAIMS_BY_HEADER, Cell, ROSTER_BY_HEADER, headerKey } from '../validation/fields';
import { Finding, SheetResult } from '../validation/validate';
import { FormulaCell, ReadSheet, parseRef } from './workbook';

type Arg = { literal: Raw } | { ref: { row: number; col: number; absRow: boolean; absCol: boolean } };

export interface OwnCall {
  name: string;
  args: Arg[];
}

/** One call at the top of a formula: its name token (as saved, see stored-formula.ts) and its arguments. */
const CALL = /^\s*([^\s("]+)\s*\(([\s\S]*)\)\s*$/;

function splitArgs(s: string): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      cur += c;
      if (c === '"') {
        if (s[i + 1] === '"') cur += s[++i];
        else inString = false;
      }
    } else if (c === '"') {
      inString = true;
      cur += c;
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else if (c === '(' || c === ')' || c === '{' || c === '}') return undefined; // nested: not resolvable
    else cur += c;
  }
  if (inString) return undefined;
  out.push(cur);
  return out;
}

/** An ALT./CLAIR. call whose arguments are literals or same-sheet cell references; else undefined. */
export function parseOwnCall(text: string): OwnCall | undefined {
  const [, token, argText] = CALL.exec(text) ?? [];
  const f = token !== undefined ? functionOfStoredName(token) : undefined;
  if (!f || argText === undefined) return undefined;
  const name = fullName(f);
  const parts = argText.trim() === '' ? [] : splitArgs(argText);
  if (!parts) return undefined;
  const args: Arg[] = [];
  for (const p0 of parts) {
    const p = p0.trim();
    if (p === '') args.push({ literal: null });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(p)) args.push({ literal: Number(p) });
    else if (/^"([^"]|"")*"$/.test(p)) args.push({ literal: p.slice(1, -1).replace(/""/g, '"') });
    else if (/^(TRUE|FALSE)$/i.test(p)) args.push({ literal: p.toUpperCase() === 'TRUE' });
    else {
      const at = parseRef(p);
      if (!at) return undefined;
      const dollars = /^(\$?)[A-Za-z]+(\$?)/.exec(p);
      if (!dollars) return undefined;
      args.push({ ref: { row: at[0], col: at[1], absCol: dollars[1] === '$', absRow: dollars[2] === '$' } });
    }
  }
  return { name, args };
}

function sameValue(cached: Cell, v: Value): boolean {
  if (typeof cached === 'number' && typeof v === 'number') return Math.abs(cached - v) <= 1e-9 * Math.max(1, Math.abs(v));
  return cached === v;
}

function shown(c: Cell | Value): string {
  if (c === null || c === undefined) return '(empty)';
  if (typeof c === 'object' && c !== null && 'error' in c) return c.error;
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return typeof c === 'string' ? `"${c}"` : String(c);
}

function headerOf(rows: Cell[][], headerRow: number, col: number): { column: string; field: Finding['field'] } {
  const h = headerRow > 0 ? rows[headerRow - 1]?.[col - 1] : undefined;
  if (typeof h !== 'string') return { column: '', field: '' };
  const key = headerKey(h);
  return { column: h.trim(), field: ROSTER_BY_HEADER.get(key) ?? CLAIMS_BY_HEADER.get(key) ?? '' };
}

export interface FormulaReview {
  /** Cells whose value the validator saw is a formula's cache: position → formula text. */
  cached: Map<number, string>;
  /** Stale caches of our own functions, to add to the sheet's findings after validation. */
  staleCells: { row: number; col: number; name: string; cached: Cell; value: Value }[];
}

const key = (row: number, col: number) => row * 16_384 + col;

/**
 * Recomputes our own functions where every argument can be resolved and puts the recomputed value
 * in the cell the validator will read; remembers the other formula cells.
 */
export function reviewFormulas(sheet: ReadSheet, lang: 'en' | 'ja'): FormulaReview {
  const cached = new Map<number, string>();
  const staleCells: FormulaReview['staleCells'] = [];
  const parsed = new Map<string, OwnCall | null>();
  const rows = sheet.rows;
  const valueAt = (row: number, col: number): Cell => rows[row - 1]?.[col - 1];
  const recomputed = new Map<number, Value>();
  for (const fc of sheet.formulas) {
    let call = parsed.get(fc.text);
    if (call === undefined) {
      call = parseOwnCall(fc.text) ?? null;
      parsed.set(fc.text, call);
    }
    const value = call ? evaluate(call, { ...fc, folded: sheet.foldedFrom }, valueAt, recomputed, lang) : undefined;
    if (!call || value === undefined) {
      cached.set(key(fc.row, fc.col), fc.shared && (fc.dRow || fc.dCol) ? '' : fc.text);
      continue;
    }
    recomputed.set(key(fc.row, fc.col), value);
    const cell: Cell = typeof value === 'object' && value !== null && 'error' in (value as object) ? (value as unknown as Cell) : (value as Cell);
    if (fc.cached !== null && fc.cached !== undefined && !sameValue(fc.cached, value)) staleCells.push({ row: fc.row, col: fc.col, name: call.name, cached: fc.cached, value });
    // The validator judges the value Excel will show after recalculating.
    const row = rows[fc.row - 1];
    if (!row || Object.isFrozen(row)) continue;
    row[fc.col - 1] = cell;
  }
  return { cached, staleCells };
}

function evaluate(call: OwnCall, fc: FormulaCell & { folded?: number | undefined }, valueAt: (r: number, c: number) => Cell, recomputed: Map<number, Value>, lang: 'en' | 'ja'): Value | undefined {
  const args: Raw[] = [];
  for (const a of call.args) {
    if ('literal' in a) {
      args.push(a.literal);
      continue;
    }
    const row = a.ref.absRow ? a.ref.row : a.ref.row + fc.dRow;
    const col = a.ref.absCol ? a.ref.col : a.ref.col + fc.dCol;
    if (fc.folded !== undefined && col >= fc.folded) return undefined; // a cell the reader did not keep
    const done = recomputed.get(key(row, col));
    const v = done !== undefined ? done : valueAt(row, col);
    if (Array.isArray(v)) return undefined;
    if (v !== null && typeof v === 'object') return undefined; // an error in an argument: Excel passes it on
    args.push(v === undefined ? null : (v as Raw));
  }
  const out = invoke(call.name, args, { lang });
  if (!('value' in out)) return { error: out.error } as unknown as Value;
  return Array.isArray(out.value) ? undefined : out.value;
}

/** Adds the stale-cache findings and the cached-value remark to a sheet's findings. */
export function applyReview(result: SheetResult, sheet: ReadSheet, review: FormulaReview): void {
  for (const s of review.staleCells) {
    const { column, field } = headerOf(sheet.rows, result.headerRow, s.col);
    const f = findFunction(s.name);
    const name = f ? fullName(f) : s.name;
    result.findings.push({
      sheet: result.sheet,
      row: s.row,
      column,
      field,
      severity: 'error',
      rule: name,
      message: `the saved value ${shown(s.cached)} is out of date: ${name} gives ${shown(s.value)} for these arguments; recalculate the workbook (Ctrl+Alt+F9) with the add-in`,
      message_ja: `保存されている値 ${shown(s.cached)} は古くなっています。この引数では ${name} は ${shown(s.value)} です。アドインを入れた Excel で再計算（Ctrl+Alt+F9）してください`,
      columnIndex: s.col,
    });
  }
  for (const f of result.findings) {
    if (!f.columnIndex) continue;
    const text = review.cached.get(key(f.row, f.columnIndex));
    if (text === undefined) continue;
    const formula = text ? ` =${text}` : '';
    f.message += ` (this value is the last saved result of the cell's formula${formula}; Excel may show another after recalculating)`;
    f.message_ja += `（この値はセルの数式${formula}を最後に保存したときの結果です。再計算すると変わることがあります）`;
  }
  result.findings.sort((a, b) => a.row - b.row || a.columnIndex - b.columnIndex);
}
