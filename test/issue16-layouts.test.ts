// Issue 16 item 8: a ledger kept one sheet per person (the paper 休暇簿: the title or the sheet name
// names the person; 月日 / 種別 / 時間 / 残日数, the 残日数 checked against the balance on the row's
// date), and the month-columns pay sheet (氏名, 4月 … 3月, 合計; the fiscal year from the title or
// the sheet name). Through the validation API and the CLI, figures worked by hand below.

import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SheetInput, validateWorkbook } from '../src/validation/validate';
import { PaySheetResult, fiscalYearOfText, ledgerKindOfSheet } from '../src/validation/ledger';
import { checkMonthSheets, checkedMonth } from '../src/taskpane/monthCheck';
import { book, sheetData, worksheet } from './xlsx-fixtures';
import { d } from './helpers';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'altrules.js');
const run = (args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });

beforeAll(() => {
  if (!existsSync(join(ROOT, 'lib', 'src', 'cli', 'pay.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT });
});

// Emily: term 3 from 2024-08-07 (re-appointed, 20 days at once, Art 12.1) + 5 carried = 25 days.
// Aki: first appointment from 2024-08-02: 10 days, the other 10 from 2024-11-02 (D-4).
// Tom: JET year 3 from 2024-08-07 without an arrival: his August cannot be priced.
const rosterRows = [
  ['令和6年度 外国語指導助手（ALT）名簿'],
  ['氏名', '来日日', '年次', '任期開始', '任期終了', '繰越日数'],
  ['Emily Brown', 'R4.8.6', 3, 'R6.8.7', 'R7.8.6', 5],
  ['Aki Mori', 'R6.8.1', 1, 'R6.8.2', 'R7.8.1', 0],
  ['Tom Lee', null, 3, 'R6.8.7', 'R7.8.6', 0],
];
// The sheet's name is the person's.
const emilyRows = [
  ['年次休暇簿（令和6年度）'],
  ['月日', '種別', '時間', '残日数'],
  ['R6.9.13', '年休', null, 24], // row 3: 25 − 1 = 24 ✓
  ['令和6年10月1日', '年休', '3:00', '23日4時間'], // row 4: 24 days − 3 h = 23 days 4 h ✓
  ['R6.10.15', '病休', null, '23日4時間'], // row 5: sick leave leaves it ✓
  ['R6.11.1', '年休', 2, '23日4時間'], // row 6: − 2 h = 23 days 2 h ✗
  ['R6.11.5', '年休', null, 22.29], // row 7: − 1 day = 22 days 2 h = 22.2857… days, written to the hundredth ✓
];
// The title names the person (the sheet name does not) and the fiscal year of its 月日 without a year.
const akiRows = [
  ['休暇簿　氏名：Aki Mori（令和6年度）'],
  ['月日', '種別', '時間', '残日数'],
  ['9/2', '年休', null, 9], // row 3: 2024-09-02: 10 − 1 = 9 ✓
  ['11月5日', '年休', null, 18], // row 4: 2024-11-05, from 2024-11-02 all 20: 20 − 2 = 18 ✓
  ['11/6', '年休', null, 18], // row 5: 20 − 3 = 17 ✗
  ['2/3', '年休', null, 16], // row 6: 2025-02-03 (January–March are the next year's): 20 − 4 = 16 ✓
];
const nobodyRows = [['休暇簿'], ['月日', '種別', '時間', '残日数'], ['R6.9.2', '年休', null, 9]];
// August 2024: 22 days requiring work (weekends 3,4,10,11,17,18,24,25,31).
// Emily: Apr–Jul are term 2 (year 2) whole: ¥300,000; Aug (300,000 × 4 + 325,000 × 18) ÷ 22 = ¥320,454; Sep, Oct ¥325,000.
// Aki: from Fri 2 Aug: 21 of 22 days at ¥280,000: 5,880,000 ÷ 22 = 267,272.7… → ¥267,272; Sep, Oct ¥280,000.
const payRows = [
  ['令和6年度 ALT報酬支給一覧'],
  ['氏名', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月', '合計'],
  ['Emily Brown', 300000, 300000, 300000, 300000, 265909, 325000, 325000, null, null, null, null, null, 2115909], // row 3: August ✗
  ['Aki Mori', null, null, null, null, 267272, 280000, '¥280,000', null, null, null, null, null, 827272], // row 4 ✓
  ['Tom Lee', null, null, null, null, 265909, 325000, null, null, null, null, null, null, 590909], // row 5: August refused
  ['合計', null, null, null, null, null, null, null, null, null, null, null, null, 3534090], // row 6: not a person
];
const sheets: SheetInput[] = [
  { name: '名簿', rows: rosterRows },
  { name: 'Emily Brown', rows: emilyRows },
  { name: '個人別2', rows: akiRows },
  { name: '個人別3', rows: nobodyRows },
  { name: '報酬支給一覧', rows: payRows },
];

test('fiscal years as titles and sheet names state them', () => {
  expect(fiscalYearOfText('令和6年度 ALT報酬支給一覧')).toBe(2024);
  expect(fiscalYearOfText('Ｒ６年度')).toBe(2024);
  expect(fiscalYearOfText('2025年度')).toBe(2025);
  expect(fiscalYearOfText('平成31年度')).toBe(2019);
  expect(fiscalYearOfText('R6')).toBe(2024);
  expect(fiscalYearOfText('報酬')).toBeUndefined();
});

test('both layouts are recognised by their headers', () => {
  expect(ledgerKindOfSheet({ name: 'x', rows: emilyRows })).toBe('ledger');
  expect(ledgerKindOfSheet({ name: 'x', rows: payRows })).toBe('pay');
});

describe('through the validation API', () => {
  const results = validateWorkbook(sheets, { asOf: d('2024-12-01') });
  const of = (sheet: string) => results.find((r) => r.sheet === sheet)!;

  test('per-person ledgers: the person from the sheet name or the title; 残日数 checked on each row', () => {
    expect(of('Emily Brown').kind).toBe('ledger');
    expect(of('Emily Brown').findings.map((f) => [f.row, f.severity, f.column, f.rule])).toEqual([[6, 'error', '残日数', 'Art 12.1, 12.2']]);
    expect(of('Emily Brown').findings[0].message).toMatch(/23 days 2 h 0 min/);
    expect(of('Emily Brown').findings[0].message_ja).toMatch(/23日2時間0分/);
    expect(of('個人別2').findings.map((f) => [f.row, f.severity, f.column])).toEqual([[5, 'error', '残日数']]);
    expect(of('個人別2').findings[0].message).toMatch(/17 days 0 h 0 min/);
    expect(of('個人別2').findings[0].message).toMatch(/on 2024-11-06/);
    // Nobody named: one warning, nothing checked.
    expect(of('個人別3').findings.map((f) => [f.severity, f.rule])).toEqual([['warning', 'input']]);
    expect(of('個人別3').findings[0].message_ja).toMatch(/氏名がありません/);
  });

  test('month-columns pay sheet: fiscal year from the title, each month cell judged, 合計 ignored', () => {
    const pay = of('報酬支給一覧') as PaySheetResult;
    expect(pay.kind).toBe('pay');
    expect(pay.layout).toBe('month-columns');
    expect(pay.status?.en).toBe('fiscal year 2024 (April 2024 – March 2025), from the title "令和6年度 ALT報酬支給一覧"');
    expect(pay.status?.ja).toMatch(/2024年度/);
    expect(pay.dataRows).toBe(3);
    expect(pay.findings.map((f) => [f.row, f.column, f.severity, f.rule])).toEqual([
      [3, '8月', 'error', 'Art 7, 8, D-12, D-13'],
      [5, '8月', 'warning', 'D-11, D-12'],
    ]);
    expect(pay.findings[0].message).toMatch(/expected ¥320,454 for 2024-08/);
    const wrong = pay.expected.filter((e) => e.paid !== e.expected).map((e) => [e.row, e.column, e.expected]);
    expect(wrong).toEqual([[3, '8月', 320454]]);
    expect(pay.expected.find((e) => e.row === 4 && e.column === '8月')?.expected).toBe(267272);
  });

  test('the fiscal year from the sheet name; dated month headers need none; without one, nothing is judged', () => {
    const byName = validateWorkbook([sheets[0], { name: '令和6年度報酬', rows: [['氏名', '9月', '10月'], ['Aki Mori', 280000, 280000]] }])[1] as PaySheetResult;
    expect(byName.findings).toEqual([]);
    expect(byName.status?.en).toMatch(/from the sheet name "令和6年度報酬"/);
    const dated = validateWorkbook([sheets[0], { name: '支給額', rows: [['氏名', 'R6.8', '2024-09'], ['Aki Mori', 267272, 280000]] }])[1] as PaySheetResult;
    expect(dated.findings).toEqual([]);
    expect(dated.expected.map((e) => e.expected)).toEqual([267272, 280000]);
    const none = validateWorkbook([sheets[0], { name: '支給額', rows: [['氏名', '8月', '9月'], ['Aki Mori', 267272, 280000]] }])[1] as PaySheetResult;
    expect(none.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(none.expected).toEqual([]);
  });

  test('the same shape without a word of pay (days worked a month) is not taken for a pay sheet', () => {
    const days: SheetInput = { name: '勤務日数', rows: [['令和6年度 勤務日数'], ['氏名', '4月', '5月', '合計'], ['Aki Mori', 20, 21, 41]] };
    expect(ledgerKindOfSheet(days)).toBeUndefined();
    // Nor a 日付 / 種別 list that is not about leave.
    expect(ledgerKindOfSheet({ name: '行事予定', rows: [['令和6年度 行事予定'], ['日付', '種別', '備考'], ['R6.9.2', '始業式', null]] })).toBeUndefined();
    expect(validateWorkbook([sheets[0], days])[1].kind).toBe('unknown');
  });

  test("the pane's month check: the month-columns sheet gets no expected column to write", () => {
    const r = checkMonthSheets({ sheets: sheets.slice(1), rosters: [sheets[0]] });
    expect(r.results.find((x) => x.sheet === '報酬支給一覧')?.findings).toHaveLength(2);
    expect(r.expected.filter((e) => e.sheet === '報酬支給一覧')).toEqual([]);
    // A per-person ledger's findings are about its owner, as in the CLI.
    const checked = checkedMonth({ sheets: sheets.slice(1), rosters: [sheets[0]] });
    expect(checked.findings.filter((f) => f.sheet === '個人別2').map((f) => checked.who(f))).toEqual(['Aki Mori']);
  });
});

test('through the CLI: validate finds the same; the status names the fiscal year; pay reads the per-person ledgers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'altrules-16b-layout-'));
  const file = join(dir, 'layouts.xlsx');
  writeFileSync(file, book({ sheets: sheets.map((s) => ({ name: s.name, xml: worksheet(sheetData(s.rows as never)) })) }));
  const r = run(['validate', file, '--json']);
  expect(r.status).toBe(0);
  const { findings } = JSON.parse(r.stdout);
  const on = (sheet: string) => findings.filter((f: { sheet: string }) => f.sheet === sheet).map((f: { row: number; severity: string; column: string }) => [f.row, f.severity, f.column]);
  expect(on('Emily Brown')).toEqual([[6, 'error', '残日数']]);
  expect(on('個人別2')).toEqual([[5, 'error', '残日数']]);
  expect(on('報酬支給一覧')).toEqual([
    [3, 'error', '8月'],
    [5, 'warning', '8月'],
  ]);
  const text = run(['validate', file]);
  expect(text.stdout).toMatch(/fiscal year 2024 \(April 2024 – March 2025\), from the title/);
  expect(text.stdout).toMatch(/D5 +error +\[Art 12.1, 12.2\] Aki Mori: leave left 18 days/);
  // November 2024: Emily's 3 h of annual leave are paid (Art 12): ¥325,000; Aki ¥280,000.
  const pay = run(['pay', file, '--month', '2024-11', '--json']);
  expect(JSON.parse(pay.stdout).pay.map((p: { name: string; expected: number }) => [p.name, p.expected])).toEqual([
    ['Emily Brown', 325000],
    ['Aki Mori', 280000],
    ['Tom Lee', 325000],
  ]);
});
