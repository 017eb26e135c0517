// The exceljs adapter: workbook cells → the validator's cells, and findings → a marked copy.

import ExcelJS from 'exceljs';
import { DateSystem, serialFromDay } from '../core';
import { Cell } from '../validation/fields';
import { Finding, SheetInput, SheetResult } from '../validation/validate';
import { REPORT_SHEET, reportRows } from '../validation/report';

const MS_PER_DAY = 86_400_000;

/** exceljs reads date cells as UTC instants; back to a serial in the workbook's own system. */
function serialOfDate(d: Date, system: DateSystem): number {
  return serialFromDay(Math.floor(d.getTime() / MS_PER_DAY), system);
}

export function cellValue(v: ExcelJS.CellValue, system: DateSystem): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#VALUE!' } : serialOfDate(v, system);
  if (typeof v === 'object') {
    if ('error' in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : cellValue(result as ExcelJS.CellValue, system);
    }
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return String(v);
}

export function dateSystemOf(wb: ExcelJS.Workbook): DateSystem {
  return (wb.properties as { date1904?: boolean }).date1904 ? '1904' : '1900';
}

/** Every worksheet as rows of cells from A1 to the last used cell. */
export function sheetsOf(wb: ExcelJS.Workbook): SheetInput[] {
  const system = dateSystemOf(wb);
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = cellValue(cell.value, system);
      });
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    return { name: ws.name, rows, firstRow: 1, firstColumn: 1, dateSystem: system };
  });
}

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const FILL = {
  error: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE7E9' } },
  warning: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4CE' } },
} as const;

/** Marks each finding's cell (fill and a note) and adds a report sheet. Cell values stay as they are. */
export function markWorkbook(wb: ExcelJS.Workbook, results: SheetResult[], lang: 'en' | 'ja'): void {
  for (const r of results) {
    const ws = wb.getWorksheet(r.sheet);
    if (!ws) continue;
    const byCell = new Map<string, Finding[]>();
    for (const f of r.findings) {
      if (!f.columnIndex) continue;
      const key = `${f.row}:${f.columnIndex}`;
      byCell.set(key, [...(byCell.get(key) ?? []), f]);
    }
    for (const [key, fs] of byCell) {
      const [row, col] = key.split(':').map(Number);
      const cell = ws.getCell(row, col);
      cell.fill = fs.some((f) => f.severity === 'error') ? { ...FILL.error } : { ...FILL.warning };
      cell.note = fs.map((f) => `${f.severity === 'error' ? '✖' : '⚠'} ${f.rule}: ${lang === 'ja' ? f.message_ja : f.message}`).join('\n');
    }
  }
  const existing = wb.getWorksheet(REPORT_SHEET);
  if (existing) wb.removeWorksheet(existing.id);
  const report = wb.addWorksheet(REPORT_SHEET);
  report.addRows(reportRows(results.flatMap((r) => r.findings)));
  report.getRow(1).font = { bold: true };
  [16, 9, 18, 14, 22, 70, 70].forEach((w, i) => (report.getColumn(i + 1).width = w));
}
