// Pay sheets 給与点検 with a row per person and month: each Paid against the expected pay.

import {
  monthLabel,
  nameKey,
} from '../core';
import { PayField, isEmptyCell, readCell, textSchema, yenSchema } from './fields';
import type { ColumnMapping } from './store';
import type { SheetInput, SheetResult } from './validate';
import { M, Out, headerOf } from './sheetFindings';
import { monthOfCell } from './months';
import { ExpectedPay, PayBook, PaySheetResult, judgeMonth } from './payBook';
import { monthColumnsPaySheet, validateMonthColumnsSheet } from './monthColumnsPay';

/**
 * Checks a pay sheet: each row's Paid against the expected pay (a differing amount is an error
 * that states the expected amount and its steps); without Paid, the expected amounts are reported
 * and nothing is judged.
 */
export function validatePaySheet(sheet: SheetInput, book: PayBook | undefined, mappings?: readonly ColumnMapping[], hint: 'cli' | 'pane' = 'cli'): PaySheetResult {
  const rows = sheet.rows ?? [];
  const header = headerOf<PayField>(sheet, 'pay', mappings);
  if (!header) {
    const monthColumns = monthColumnsPaySheet(sheet);
    return monthColumns ? validateMonthColumnsSheet(sheet, monthColumns, book) : { sheet: sheet.name, kind: 'unknown', headerRow: 0, dataRows: 0, findings: [], expected: [] };
  }
  const out = new Out<PayField>(sheet, header);
  out.missingColumns('pay', [['paid', 'Art 7, 8, D-12, D-13', M('judging the amounts paid (the expected pay is only reported)', '支給額の点検（計算額を示すだけにします）')]], hint);
  const expected: ExpectedPay[] = [];
  if (!book) out.add(header.row, 'name', 'warning', 'input', M('no roster sheet found (in this workbook or the files given with it): the expected pay cannot be computed', '名簿シートが見つかりません（このブック・同時に指定したファイル）。支給額を計算できません'));
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (const { index: i, cell } of out.personRows(rows)) {
    dataRows++;
    const nameRead = isEmptyCell(cell('name')) ? undefined : readCell(textSchema, cell('name'));
    if (!nameRead?.ok) {
      out.add(i, 'name', 'error', 'input', nameRead ? nameRead.msg : M('Name is empty; it is required', '氏名が空欄です（必須）'));
      continue;
    }
    const name = nameRead.value;
    const monthKey = monthOfCell(cell('month') ?? null, sheet.dateSystem);
    if (monthKey === undefined) {
      out.add(i, 'month', 'error', 'input', M(`"${String(cell('month') ?? '')}" is not a month; write a date, YYYY-MM or 令和6年7月`, `「${String(cell('month') ?? '')}」は月ではありません。日付・YYYY-MM・令和6年7月 のように入力してください`));
      continue;
    }
    let paid: number | undefined;
    if (header.columns.has('paid') && !isEmptyCell(cell('paid'))) {
      const got = readCell(yenSchema, cell('paid'));
      if (!got.ok) {
        out.add(i, 'paid', 'error', 'input', got.msg);
        continue;
      }
      paid = got.value;
    }
    const dup = `${nameKey(name)}|${monthKey}`;
    if (seen.has(dup)) {
      out.add(i, 'month', 'error', 'input', M(`a second row for ${name}, ${monthLabel(monthKey)} (first on row ${seen.get(dup)})`, `${name}・${monthLabel(monthKey)} の行が重複しています（最初は${seen.get(dup)}行目）`));
      continue;
    }
    seen.set(dup, out.row(i));
    if (!book) continue;
    const judged = judgeMonth(book, name, monthKey, paid, (field, severity, rule, msg) => out.add(i, field === 'paid' && paid === undefined ? 'month' : field, severity, rule, msg));
    if (judged) expected.push({ row: out.row(i), ...judged });
  }
  out.findings.sort((a, b) => a.row - b.row || a.columnIndex - b.columnIndex);
  return { sheet: sheet.name, kind: 'pay' as SheetResult['kind'], headerRow: (sheet.firstRow ?? 1) + header.row, dataRows, findings: out.findings, notes: out.notes, expected };
}
