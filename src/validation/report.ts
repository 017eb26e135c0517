// What the CLI's marked copy and the task pane both write: cell addresses and the findings sheet.

import type { Finding } from './validate';
import type { Cell } from './fields';
import { CLAIMS_BY_HEADER, ROSTER_BY_HEADER, headerKey, isEmptyCell } from './fields';

export const REPORT_SHEET = '点検結果 Findings';

export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** Where a finding is: its cell, or its row for a sheet-wide finding. */
export function whereOf(f: Finding): string {
  return f.columnIndex ? cellAddress(f.row, f.columnIndex) : String(f.row);
}

/** The findings sheet: a bilingual header row, then one row per finding, both messages. */
export function reportRows(findings: Finding[]): string[][] {
  const rows = [['Sheet シート', 'Cell セル', 'Column 列', 'Severity 重要度', 'Rule 条項', 'Message', 'メッセージ']];
  for (const f of findings) rows.push([f.sheet, whereOf(f), f.column, f.severity === 'error' ? 'error エラー' : 'warning 警告', f.rule, f.message, f.message_ja]);
  return rows;
}

export interface CheckedRows {
  rows: Cell[][];
  firstRow: number;
  headerRow: number;
  /** The one person of a per-person 休暇簿 sheet (it has no name column). */
  owner?: string;
}

/**
 * Who each row is about: the Name (氏名) cell, else the row's first value (its key). The header
 * row itself and rows outside the data are nobody.
 */
export function whoReader(block: CheckedRows): (row: number) => string {
  const header = block.rows[block.headerRow - block.firstRow] ?? [];
  const nameIndex = header.findIndex((c) => typeof c === 'string' && (ROSTER_BY_HEADER.get(headerKey(c)) === 'name' || CLAIMS_BY_HEADER.get(headerKey(c)) === 'name'));
  const text = (c: Cell) => (typeof c === 'object' && c !== null ? c.error : String(c).trim());
  return (row) => {
    if (row <= block.headerRow) return '';
    if (block.owner) return block.owner;
    const cells = block.rows[row - block.firstRow];
    if (!cells) return '';
    if (nameIndex >= 0 && !isEmptyCell(cells[nameIndex])) return text(cells[nameIndex]);
    const first = cells.find((c) => !isEmptyCell(c));
    return first === undefined ? '' : text(first);
  };
}
