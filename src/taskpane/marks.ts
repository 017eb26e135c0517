// Which cells to mark, as few addresses as possible. DOM-free and Office-free: the Worker
// computes them beside the findings, the pane only hands the addresses to Excel.

import type { Finding, Severity } from '../validation/validate';
import { cellAddress } from '../validation/report';

/** One column's marked rows as addresses, consecutive rows as one range. */
function runsOfRows(column: number, rows: number[]): string[] {
  rows.sort((a, b) => a - b);
  const runs: { first: number; last: number }[] = [];
  for (const row of rows) {
    const run = runs[runs.length - 1];
    if (run && row === run.last + 1) run.last = row;
    else runs.push({ first: row, last: row });
  }
  return runs.map(({ first, last }) => (last > first ? `${cellAddress(first, column)}:${cellAddress(last, column)}` : cellAddress(first, column)));
}

/**
 * The cells to mark as runs by severity, the worst severity of a cell winning. Plain numbers, not
 * 200,000 mark objects: collecting those cost the Worker 500 ms.
 */
export function markRuns(findings: Finding[]): Record<Severity, string[]> {
  // A number per cell (columns stop at 16,384) → 2 error, 1 warning.
  const worst = new Map<number, number>();
  for (const f of findings) {
    if (!f.columnIndex) continue;
    const key = f.row * COLUMN_KEY + f.columnIndex;
    const rank = f.severity === 'error' ? 2 : 1;
    if ((worst.get(key) ?? 0) < rank) worst.set(key, rank);
  }
  const columns = new Map<number, { error: number[]; warning: number[] }>();
  for (const [key, rank] of worst) {
    const column = key % COLUMN_KEY;
    let rows = columns.get(column);
    if (!rows) columns.set(column, (rows = { error: [], warning: [] }));
    (rank === 2 ? rows.error : rows.warning).push(Math.floor(key / COLUMN_KEY));
  }
  const out: Record<Severity, string[]> = { error: [], warning: [] };
  for (const [column, rows] of [...columns].sort(([a], [b]) => a - b)) {
    for (const run of runsOfRows(column, rows.error)) out.error.push(run);
    for (const run of runsOfRows(column, rows.warning)) out.warning.push(run);
  }
  return out;
}

const COLUMN_KEY = 16_385;

/** Address lists kept short enough for one RangeAreas. */
export function chunks(addresses: string[], maxChars = 2000): string[][] {
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
