// What the CLI's marked copy and the task pane both write: cell addresses and the findings sheet.

import type { Finding } from './validate';

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
