// Writes examples/roster.xlsx and examples/claims.xlsx: small workbooks with ALT.* / CLAIR.*
// formulas saved as Excel saves them (_xldudf_ALT_PAY(…), src/functions/stored-formula.ts) with
// their cached values, so they open and recalculate in Excel with the add-in, and a few
// planted problems for the validator to find. Run: npm run examples

import ExcelJS from 'exceljs';
import { mkdirSync } from 'fs';
import { join } from 'path';
import { dayFromIsoText, serialFromDay } from '../src/core';
import { invoke } from '../src/functions/registry';
import { storedFormula } from '../src/functions/stored-formula';
import { Raw } from '../src/functions/coerce';

const DATE_FMT = 'yyyy-mm-dd';

function cached(name: string, args: Raw[]): number | string | boolean {
  const out = invoke(name, args);
  if (!('value' in out) || Array.isArray(out.value)) return '#VALUE!';
  return out.value;
}

function serial(iso: string): number {
  const day = dayFromIsoText(iso);
  if (day === undefined) throw new Error(`make-examples: ${iso} is not a date`);
  return serialFromDay(day);
}

type Row = [string, string, string, string, number, number, string, string, number, number, number, number, string];

// name, country, cohort, arrival, term, year, term start, term end, pay, leave h, carried, sick, summer② arrival
const ALTS: [Row, string][] = [
  [['Alex Smith', 'USA', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000, 35, 0, 2, ''], 'correct'],
  [['Brianna Lee', 'Canada', 'S2', '2022-08-06', 2, 2, '2023-08-07', '2024-08-06', 280000, 70, 5, 0, ''], 'pay for year 2 should be 300,000 (Art 7.1)'],
  [['Chen Wei', '中国', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-31', 280000, 14, 0, 0, ''], 'term end one day late'],
  [['Dana Brown', 'United States', 'A1', '2023-04-05', 2, 2, '2024-04-06', '2024-08-06', 300000, 0, 8, 0, '2023-08-06'], 'correct bridge term (Note 2.3)'],
  [['Eamon Kelly', 'Ireland', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000, 21, 0, 22, ''], 'sick days over 20 (Art 13.2)'],
  [['Fiona Walsh', 'New Zealand', 'S2', '2021-08-06', 3, 3, '2023-08-07', '2024-08-06', 325000, 220, 10, 5, ''], 'leave over the 30 days available; certificate reminder'],
  [['Gus Ortega', 'Narnia', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000, 0, 0, 0, ''], 'unknown country'],
  [['Hana Kim', '韓国', 'A1', '2020-04-05', 4, 4, '2023-04-06', '2024-04-05', 330000, 0, 20, 0, ''], 'year 4: Art 5.3 warning'],
  [['Alex Smith', 'USA', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000, 35, 0, 2, ''], 'the same person twice'],
];

async function roster(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'altrules';
  const ws = wb.addWorksheet('Roster 名簿');
  ws.getCell('A1').value = 'ALT roster FY2023 / 令和5年度 ALT 名簿 (sample data)';
  ws.getCell('A1').font = { bold: true, size: 13 };
  const headers = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay', 'Leave used (hours)', 'Carried leave', 'Sick days', 'Summer 2 arrival', 'Rules: term end', 'Rules: monthly pay', 'Note'];
  ws.getRow(3).values = headers;
  ws.getRow(3).font = { bold: true };
  ALTS.forEach(([r, note], i) => {
    const n = 4 + i;
    const row = ws.getRow(n);
    row.values = [r[0], r[1], r[2], serial(r[3]), r[4], r[5], serial(r[6]), serial(r[7]), r[8], r[9], r[10], r[11], r[12] ? serial(r[12]) : null];
    for (const c of [4, 7, 8, 13]) ws.getCell(n, c).numFmt = DATE_FMT;
    const termEndArgs: Raw[] = [r[3], r[2], r[4], r[1], r[12] || null];
    ws.getCell(n, 14).value = { formula: storedFormula('ALT.TERMEND', [`D${n}`, `C${n}`, `E${n}`, `B${n}`, `M${n}`]), result: cached('ALT.TERMEND', termEndArgs) } as ExcelJS.CellFormulaValue;
    ws.getCell(n, 14).numFmt = DATE_FMT;
    ws.getCell(n, 15).value = { formula: storedFormula('ALT.PAY', [`F${n}`]), result: cached('ALT.PAY', [r[5]]) } as ExcelJS.CellFormulaValue;
    ws.getCell(n, 16).value = note;
  });
  // Text where a date belongs: a clerk's placeholder.
  const n = 4 + ALTS.length;
  ws.getRow(n).values = ['Ivy Chen', 'Australia', '夏季②', 'TBD', 1, 1, null, null, 280000, 0, 0, 0, null, null, null, 'arrival not yet known'];
  ws.columns.forEach((c) => (c.width = 14));
  const notes = wb.addWorksheet('Notes メモ');
  notes.getCell('A1').value = 'This sheet has no roster headers and is not checked. / このシートは点検対象外です。';
  await wb.xlsx.writeFile(path);
}

async function claims(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'altrules';
  const ws = wb.addWorksheet('Claims 請求');
  ws.getRow(1).values = ['Office', 'Fiscal year', 'Claimed', 'Months', 'Name', 'Cap (rules)', 'Note'];
  ws.getRow(1).font = { bold: true };
  const rows: [string, string | number, number, number, string, string][] = [
    ['New York', 2026, 4_800_000, 12, 'Sato Ichiro', 'within the cap'],
    ['ロンドン', '令和8年度', 2_600_000, 6, 'Suzuki Hanako', 'over the 6-month cap 2,520,000 (D-7)'],
    ['Paris', 2026, 3_870_000, 12, 'Takahashi Jiro', 'exactly the cap'],
    ['Tokyo', 2026, 1_000_000, 12, 'Tanaka Saburo', 'not an overseas office'],
    ['Seoul', 2026, 3_000_000, 14, 'Ito Shiro', 'months out of range'],
    ['Paris', 2026, 100_000, 12, 'Takahashi Jiro', 'a second claim for the same year'],
    ['北京', 2025, 3_500_000, 12, 'Watanabe Goro', 'over the Beijing cap 3,420,000'],
  ];
  rows.forEach(([office, fy, claimed, months, name, note], i) => {
    const n = 2 + i;
    ws.getRow(n).values = [office, fy, claimed, months, name, null, note];
    ws.getCell(n, 3).numFmt = '#,##0';
    ws.getCell(n, 6).value = { formula: storedFormula('CLAIR.STIPENDCAP', [`A${n}`, `IF(D${n}<12,D${n},"")`]), result: cached('CLAIR.STIPENDCAP', [office, months < 12 ? months : null]) } as ExcelJS.CellFormulaValue;
    ws.getCell(n, 6).numFmt = '#,##0';
  });
  ws.columns.forEach((c) => (c.width = 16));
  await wb.xlsx.writeFile(path);
}

// name, from, to, kind, hours, note, what is planted (the Comment column is not a ledger column)
type LedgerRow = [string, string, string | null, string, string | null, string | null, string];
const LEDGER: LedgerRow[] = [
  ['Alex Smith', '2023-09-04', '2023-09-08', '年休', null, null, 'ok: 5 of the first 10 days'],
  ['Alex Smith', '2023-10-02', '2023-10-06', '年休', null, null, 'ok: 10 of 10 days'],
  ['Alex Smith', '2023-10-11', null, '年休', '2:00', null, 'overdraws: the second 10 days only from 2023-10-31 (Art 12.1, D-4)'],
  ['Alex Smith', '2024-05-13', '2024-05-16', '病休', null, null, '4 days without a certificate noted (Art 30.3, warning)'],
  ['Alex Smith', '2024-06-10', null, '欠勤', '1:10', null, 'the worked example of the rules (docs/rules.md §12)'],
  ['Alex Smith', '2024-06-24', null, '欠勤', '1:20', null, 'the worked example of the rules (docs/rules.md §12)'],
  ['Brianna Lee', '2024-04-15', null, '部分休業', '0:45', null, 'not in 30-minute units (Art 14-3.2)'],
  ['Brianna Lee', '2024-04-16', null, '特休10', '1:00', null, 'ok: nursing time, unpaid'],
  ['Brianna Lee', '2024-04-16', null, '部分休業', '1:00', null, 'ok: 2 h − 1 h of nursing time'],
  ['Brianna Lee', '2024-04-17', null, '部分休業', '1:30', null, 'over the 1 h 15 daily cap (Art 14-3.1)'],
  ['Brianna Lee', '2024-04-22', null, '特休23', null, null, 'no such item (Art 14.1)'],
  ['Brianna Lee', '2024-07-01', '2024-07-05', '特休21', null, null, 'summer leave 5 days, 4 allowed (Art 14.1.21)'],
  ['Chen Wei', '2024-07-10', null, '減給', null, null, 'ok: a pay cut (Art 27.2.2)'],
  ['Dana Brown', '2023-04-05', null, '年休', null, null, 'before the term: the arrival day; term 1 starts the next day (Art 5.1, Note 2.2)'],
  ['Dana Brown', '2024-06-03', null, '欠勤', '7:00', null, 'ok: 7 h by the hour (D-13), deducted from July'],
  ['Dana Brown', '2024-06-04', null, '欠勤', '7:00', null, 'ok: 14 h in June, deducted from July (a whole-day entry would be a day at rate 0 in June, D-14)'],
  ['Eamon Kelly', '2024-01-10', '2024-01-29', '病休', null, '診断書あり', 'ok: 20 days'],
  ['Eamon Kelly', '2024-01-30', '2024-03-31', '休職（病気）', null, '診断書提出済', 'ok: illness suspension after 20 days of sick leave (Art 26.2.1), certificate noted (Art 30.3); Art 28.2 rates'],
  ['Fiona Walsh', '2024-02-12', null, '年休', null, null, 'a holiday (振替休日): no work required'],
  ['Fiona Walsh', '2024-03-05', null, '年休', null, null, 'ok'],
  ['Fiona Walsh', '2024-03-05', null, '病休', null, null, 'the same day as the row above'],
  ['Gus Ortega', '2024-05-07', '2024-05-20', '病休', null, '診断書あり', 'ok: 14 days'],
  ['Gus Ortega', '2024-05-23', '2024-05-31', '病休', null, '診断書あり', 'joined (2 days apart): 23 days, past 20 (Art 13.2, 26.2.1)'],
  ['Hana Kim', '2024-02-01', '2024-02-29', '育児休業', null, null, 'ok: childcare leave, unpaid'],
  ['Zoe Park', '2024-05-08', null, '年休', null, null, 'not on the roster'],
];

// name, month, paid, what is planted
const PAY: [string, string, number, string][] = [
  ['Alex Smith', '2024-06', 280000, 'ok'],
  ['Alex Smith', '2024-07', 274462, 'term ends 07-30: 280,000 × 22/23 = 267,826 − 5,538 = 262,288'],
  ['Brianna Lee', '2024-05', 300000, "April's 2 h unpaid (nursing + partial) × ¥1,978: 296,044"],
  ['Brianna Lee', '2024-07', 300000, 'ok'],
  ['Chen Wei', '2024-07', 275385, 'ok: half of 840,000 ÷ 91 days cut'],
  ['Dana Brown', '2024-07', 272308, 'ok: 300,000 − 14 × 1,978'],
  ['Eamon Kelly', '2024-02', 280000, 'half pay from day 31 (2024-02-09): 180,000'],
  ['Eamon Kelly', '2024-03', 40000, 'ok'],
  ['Fiona Walsh', '2024-07', 325000, 'ok'],
  ['Hana Kim', '2024-02', 0, 'ok: childcare leave all month'],
  ['Hana Kim', '2024-03', 330000, 'ok'],
  ['Zoe Park', '2024-07', 300000, 'not on the roster'],
];

/** examples/ledger.xlsx (Japanese headers) and examples/pay.xlsx (English headers) for the sample roster. */
async function ledgerAndPay(dir: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'altrules';
  const ws = wb.addWorksheet('休暇簿 Leave ledger');
  ws.getCell('A1').value = '休暇簿 令和5〜6年度 / Leave ledger (sample data for examples/roster.xlsx)';
  ws.getCell('A1').font = { bold: true };
  ws.getRow(2).values = ['氏名', '開始日', '終了日', '種別', '時間', '備考', 'Comment'];
  ws.getRow(2).font = { bold: true };
  LEDGER.forEach(([name, from, to, kind, hours, note, comment], i) => {
    const n = 3 + i;
    ws.getRow(n).values = [name, serial(from), to ? serial(to) : null, kind, hours, note, comment];
    ws.getCell(n, 2).numFmt = DATE_FMT;
    ws.getCell(n, 3).numFmt = DATE_FMT;
    ws.getCell(n, 5).numFmt = '@';
  });
  [14, 12, 12, 12, 8, 12, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  await wb.xlsx.writeFile(join(dir, 'ledger.xlsx'));

  const pb = new ExcelJS.Workbook();
  pb.creator = 'altrules';
  const ps = pb.addWorksheet('Pay check 給与点検');
  ps.getRow(1).values = ['Name', 'Month', 'Paid', 'Comment'];
  ps.getRow(1).font = { bold: true };
  PAY.forEach(([name, month, paid, comment], i) => {
    ps.getRow(2 + i).values = [name, month, paid, comment];
    ps.getCell(2 + i, 2).numFmt = '@';
    ps.getCell(2 + i, 3).numFmt = '#,##0';
  });
  [14, 10, 12, 70].forEach((w, i) => (ps.getColumn(i + 1).width = w));
  await pb.xlsx.writeFile(join(dir, 'pay.xlsx'));
}

async function main(): Promise<void> {
  const dir = join(__dirname, '..', '..', 'examples');
  mkdirSync(dir, { recursive: true });
  await roster(join(dir, 'roster.xlsx'));
  await claims(join(dir, 'claims.xlsx'));
  await ledgerAndPay(dir);
  console.log(`wrote ${join(dir, 'roster.xlsx')} and ${join(dir, 'claims.xlsx')}`);
}

if (require.main === module) void main();
