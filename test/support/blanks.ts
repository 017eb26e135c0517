// Blank cells, the three ways Excel delivers them: null (current builds), 0 (older Excel desktop
// builds, scalars and range cells alike: Microsoft in OfficeDev/office-js#4702, #5262, #1951) and
// "" (a formula answering empty text). From each registry example, every argument and every range
// cell is blanked in turn, and the omitted arguments are sent blank too; a range gets a blank row.

import type { Raw } from '../../src/functions/coerce';
import { FUNCTIONS, FnDecl } from '../../src/functions/registry';
import { CorpusCall, exampleCall, shapes } from './corpus';

export const BLANKS = [null, 0, ''] as const;
export type Blank = (typeof BLANKS)[number];

/** One blanked spot of one example, delivered the three ways. */
export interface BlankCase {
  label: string;
  calls: Record<'null' | '0' | '""', CorpusCall>;
}

const KEY = (b: Blank): keyof BlankCase['calls'] => (b === null ? 'null' : b === 0 ? '0' : '""');

/** The example's declared values: one per parameter, a repeating one as one array. */
function declaredOf(fn: FnDecl): Raw[] {
  return exampleCall(fn).excel.map((v) => (Array.isArray(v) ? (v as Raw[]).map((r) => (Array.isArray(r) ? [...(r as Raw[])] : r)) : v)) as Raw[];
}

function clone(x: Raw[]): Raw[] {
  return JSON.parse(JSON.stringify(x)) as Raw[];
}

export function blankCases(fns: FnDecl[] = FUNCTIONS): BlankCase[] {
  const out: BlankCase[] = [];
  for (const fn of fns) {
    const base = declaredOf(fn);
    const make = (label: string, blankOut: (d: Raw[], b: Blank) => void) => {
      const calls = {} as BlankCase['calls'];
      for (const b of BLANKS) {
        const d = clone(base);
        blankOut(d, b);
        calls[KEY(b)] = shapes(fn, d);
      }
      out.push({ label: `${fn.addin}.${fn.name} ${label}`, calls });
    };
    // Every omitted argument sent as a blank cell.
    make('omitted arguments', (d, b) => d.forEach((v, i) => v === null && (d[i] = b)));
    fn.params.forEach((p, i) => {
      const v = base[i];
      if (p.repeating) {
        // EXPLAIN's arguments: each of the target's arguments blanked in turn.
        (v as Raw[]).forEach((_, k) => make(`${p.name}[${k}] blank`, (d, b) => ((d[i] as Raw[])[k] = b)));
        return;
      }
      if (Array.isArray(v)) {
        const rows = v as Raw[][];
        rows.forEach((row, r) =>
          row.forEach((_, c) => {
            make(`${p.name} cell (${r + 1},${c + 1}) blank`, (d, b) => ((d[i] as Raw[][])[r][c] = b));
            // The other cells of the row still blank as null: the case under test is this one cell.
          }),
        );
        make(`${p.name} with a blank row`, (d, b) => (d[i] as Raw[][]).push(rows[0].map(() => b)));
        return;
      }
      make(`${p.name} blank`, (d, b) => (d[i] = b));
    });
  }
  return out;
}
