// The month-columns pay sheet: one row per person, a column per month (4月 … 3月).

import {
  MonthKey,
  nameKey,
} from '../core';
import { Cell, Msg, PAY_BY_HEADER, headerKey, PayField, isEmptyCell, readCell, textSchema, yenSchema } from './fields';
import { HEADER_SCAN_ROWS } from './header';
import type { SheetInput, SheetResult } from './validate';
import { Header, M, Out } from './sheetFindings';
import { definedOnly } from './strict';
import { monthOfCell, statedFiscalYear } from './months';
import { ExpectedPay, PayBook, PaySheetResult, judgeMonth } from './payBook';


export interface MonthColumnsHeader {
  row: number;
  name: { index: number; text: string };
  months: MonthColumn[];
}

interface MonthColumn {
  index: number;
  text: string;
  /** `4月` names a month of the sheet's fiscal year; `2024-04`, `R6.4`, a date name one outright. */
  month?: MonthKey;
  monthOfYear?: number;
}

/** The header of a month-columns pay sheet: a name column and at least two month columns (合計 and the rest ignored). */
function monthColumnsHeader(rows: Cell[][]): MonthColumnsHeader | undefined {
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const cells = rows[r] ?? [];
    const nameAt = cells.findIndex((c) => typeof c === 'string' && PAY_BY_HEADER.get(headerKey(c)) === 'name');
    if (nameAt < 0) continue;
    const months: MonthColumn[] = [];
    cells.forEach((c, index) => {
      if (index === nameAt || isEmptyCell(c)) return;
      const text = typeof c === 'string' ? c.trim() : String(c);
      const bare = typeof c === 'string' ? /^(\d{1,2})月(?:分)?$/.exec(c.normalize('NFKC').replace(/\s+/g, '')) : null;
      if (bare && Number(bare[1]) >= 1 && Number(bare[1]) <= 12) months.push({ index, text, monthOfYear: Number(bare[1]) });
      else if (typeof c === 'string' || typeof c === 'number') {
        const month = monthOfCell(c);
        if (month !== undefined) months.push({ index, text, month });
      }
    });
    if (months.length >= 2) return { row: r, name: { index: nameAt, text: String(cells[nameAt]).trim() }, months };
  }
  return undefined;
}

const PAY_WORDS = /報酬|給与|給料|支給|賃金|pay|salar|wage/i;

/**
 * A month-columns sheet is a pay sheet when its title or name says so (報酬, 給与, 支給, pay…):
 * offices keep days worked or leave taken in the same 氏名 / 4月 … 3月 shape, and those are not yen.
 */
export function monthColumnsPaySheet(sheet: SheetInput): MonthColumnsHeader | undefined {
  const rows = sheet.rows ?? [];
  const h = monthColumnsHeader(rows);
  if (!h) return undefined;
  const titles = rows.slice(0, h.row).flatMap((r) => r.filter((c): c is string => typeof c === 'string'));
  return [sheet.name, ...titles].some((t) => PAY_WORDS.test(t.normalize('NFKC'))) ? h : undefined;
}

const NOT_A_PERSON = /^(合計|小計|計|総計|total|subtotal)$/i;

/**
 * The month-columns pay sheet (CONTRACT §4): one row per person, a column per month. 4月 … 3月 are
 * months of the fiscal year the title or the sheet name states (April to March); each month cell
 * is judged like a pay row; empty cells and a 合計 column or row are not judged.
 */
export function validateMonthColumnsSheet(sheet: SheetInput, h: MonthColumnsHeader, book: PayBook | undefined): PaySheetResult {
  const rows = sheet.rows ?? [];
  const header: Header<PayField> = { row: h.row, top: h.row, columns: new Map([['name', h.name]]), unclaimed: [], notKept: new Set() };
  const out = new Out<PayField>(sheet, header);
  const expected: ExpectedPay[] = [];
  const base = { sheet: sheet.name, kind: 'pay' as SheetResult['kind'], headerRow: (sheet.firstRow ?? 1) + h.row, layout: 'month-columns' as const };
  let status: Msg | undefined;
  let fy: number | undefined;
  if (h.months.some((m) => m.month === undefined)) {
    const source = statedFiscalYear(sheet, h.row);
    if (!source) {
      out.add(h.row, '', 'warning', 'input', M(`the month columns (${h.months.map((m) => m.text).join(', ')}) need the fiscal year: write it in the title (令和6年度) or the sheet name; nothing was judged`, `月の列（${h.months.map((m) => m.text).join('・')}）の年度が分かりません。表題（令和6年度）かシート名に年度を書いてください。点検していません`));
      return { ...base, dataRows: 0, findings: out.findings, expected };
    }
    fy = source.year;
    status = M(`fiscal year ${fy} (April ${fy} – March ${fy + 1}), from ${source.where.en}`, `${fy}年度（${fy}年4月〜${fy + 1}年3月）: ${source.where.ja}による`);
  }
  // Every column names a month outright or a month of the fiscal year, now known.
  const months = h.months.flatMap((m) => {
    const month = m.month ?? (m.monthOfYear !== undefined && fy !== undefined ? (m.monthOfYear >= 4 ? fy : fy + 1) * 12 + m.monthOfYear - 1 : undefined);
    return month === undefined ? [] : [{ index: m.index, text: m.text, month }];
  });
  if (!book) out.add(h.row, 'name', 'warning', 'input', M('no roster sheet found (in this workbook or the files given with it): the expected pay cannot be computed', '名簿シートが見つかりません（このブック・同時に指定したファイル）。支給額を計算できません'));
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (const [i, cells] of rows.entries()) {
    if (i <= h.row || !cells || cells.every(isEmptyCell)) continue;
    const nameRead = isEmptyCell(cells[h.name.index]) ? undefined : readCell(textSchema, cells[h.name.index]);
    // Label, total and note rows are not people.
    if (!nameRead?.ok || NOT_A_PERSON.test(nameRead.value.replace(/\s+/g, '')) || nameRead.value.startsWith('※')) continue;
    dataRows++;
    const name = nameRead.value;
    if (seen.has(nameKey(name))) {
      out.add(i, 'name', 'error', 'input', M(`a second row for ${name} (first on row ${seen.get(nameKey(name))})`, `${name} の行が重複しています（最初は${seen.get(nameKey(name))}行目）`));
      continue;
    }
    seen.set(nameKey(name), out.row(i));
    for (const m of months) {
      const c = cells[m.index];
      if (isEmptyCell(c)) continue;
      const col = { index: m.index, text: m.text };
      const got = readCell(yenSchema, c);
      if (!got.ok) {
        out.addIn(i, col, 'error', 'input', got.msg);
        continue;
      }
      if (!book) continue;
      const judged = judgeMonth(book, name, m.month, got.value, (field, severity, rule, msg) => (field === 'name' ? out.add(i, 'name', severity, rule, msg) : out.addIn(i, col, severity, rule, msg)));
      if (judged) expected.push({ row: out.row(i), column: m.text, ...judged });
      if (!judged && !book.people.has(nameKey(name))) break; // one "not on the roster" a row
    }
  }
  out.findings.sort((a, b) => a.row - b.row || a.columnIndex - b.columnIndex);
  return { ...base, dataRows, findings: out.findings, expected, ...definedOnly({ status }) };
}
