// A corpus of workbooks kept the way Japanese boards of education and finance sections keep them:
// merged title rows, a date line, headers in their own words (氏　名, 任用⏎回数, 報酬月額（円）,
// 任用期間 over 自/至, a single 任用期間 column), 和暦 and full-width values, group label rows,
// 合計 rows with =SUM(), ※ notes, one sheet per school, claims in finance's words, a ledger and a
// pay sheet in header form. Three producers: hand-written XML with inline strings, XML with a
// shared-string table and LibreOffice-style cell styles and merges, and exceljs.
// The findings each workbook should give are written by hand in expected.ts, beside this file.

import ExcelJS from 'exceljs';
import { CellSpec, MAIN, book, sheetData, worksheet } from '../xlsx-fixtures';
import type { CorpusBook, CorpusSheet } from './data';

export { BOOKS, serial } from './data';
export type { CorpusBook, CorpusSheet } from './data';

const mergeXml = (merges?: string[]) => (merges?.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '');

/** Inline strings become shared strings (as Excel, LibreOffice and openpyxl write them). */
function sharedStrings(sheets: CorpusSheet[]): { xml: string[]; sst: string } {
  const table: string[] = [];
  const at = (s: string) => {
    let i = table.indexOf(s);
    if (i < 0) i = table.push(s) - 1;
    return i;
  };
  const xml = sheets.map((s) => worksheet(sheetData(s.rows.map((r) => r.map((c): CellSpec => (typeof c === 'string' ? { t: 's', v: at(c), s: 0 } : c)))), '', mergeXml(s.merges)));
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${table.length}" uniqueCount="${table.length}">${table.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('')}</sst>`;
  return { xml, sst };
}

async function viaExcelJs(sheets: CorpusSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((cells, i) => {
      cells.forEach((c, j) => {
        if (c === null || c === undefined) return;
        const cell = ws.getCell(i + 1, j + 1);
        if (typeof c !== 'object') cell.value = c;
        else if ('f' in c) cell.value = { formula: c.f, result: c.v as number };
        else if (c.s === 1 && typeof c.v === 'number') {
          // A date cell: exceljs writes a Date as its serial with a date format.
          cell.value = new Date((c.v - 25_569) * 86_400_000);
          cell.numFmt = 'yyyy/m/d';
        } else cell.value = c.v ?? null;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook's bytes, made by its producer. */
export async function bytesOf(b: CorpusBook): Promise<Buffer> {
  if (b.producer === 'exceljs') return viaExcelJs(b.sheets);
  if (b.producer === 'shared-strings') {
    const { xml, sst } = sharedStrings(b.sheets);
    return book({ sheets: b.sheets.map((s, i) => ({ name: s.name, xml: xml[i] })), sharedStrings: sst });
  }
  return book({ sheets: b.sheets.map((s) => ({ name: s.name, xml: worksheet(sheetData(s.rows), '', mergeXml(s.merges)) })) });
}
