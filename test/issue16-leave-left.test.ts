// Issue 16 item 4: the roster's 年休残日数 (leave left: days, `9日5時間30分`, a decimal) against the
// balance the rules give on the check day (Art 12.1, 12.2), and a ledger's 日数 against the working
// days From–To (Art 10.2, 11). Workbooks as a Japanese office keeps them: title row, 和暦 dates.

import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SheetInput, validateWorkbook } from '../src/validation/validate';
import { readLeaveAmount } from '../src/core';
import { book, sheetData, worksheet } from './xlsx-fixtures';
import { d } from './helpers';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'altrules.js');
const run = (args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });

beforeAll(() => {
  if (!existsSync(join(ROOT, 'lib', 'src', 'cli', 'pay.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT });
});

test('readLeaveAmount: days, 日時間分 and decimals, a day of 7 hours', () => {
  // 9 × 7 × 60 + 5 × 60 + 30 = 3,780 + 300 + 30 = 4,110 minutes.
  expect(readLeaveAmount('9日5時間30分', 7)).toEqual({ ok: true, value: { minutes: 4110, toleranceMinutes: 0 } });
  expect(readLeaveAmount('９日', 7)).toEqual({ ok: true, value: { minutes: 3780, toleranceMinutes: 0 } });
  // 16.43 days: 16.43 × 420 = 6,900.6 minutes, written to the hundredth: ± 0.005 × 420 = 2.1 minutes.
  const dec = readLeaveAmount('16.43', 7);
  expect(dec.ok && dec.value.minutes).toBeCloseTo(6900.6, 6);
  expect(dec.ok && dec.value.toleranceMinutes).toBeCloseTo(2.1, 6);
  expect(readLeaveAmount('9日7時間', 7).ok).toBe(false); // 7 hours are a day
  expect(readLeaveAmount('たくさん', 7).ok).toBe(false);
  expect(readLeaveAmount(-1, 7).ok).toBe(false);
});

// Emily: third term from 2024-08-07 (re-appointed: all 20 days at once, Art 12.1) with 5 carried days.
// Sara: second term from 2024-07-31 (re-appointed), nothing carried. Aki: first term from 2024-08-02,
// 10 days until 3 months have passed (D-4: the second 10 from 2024-11-02). Check day 2024-09-30.
const rosterRows = [
  ['令和6年度 ALT名簿'],
  ['氏名', '来日日', '年次', '任期開始', '任期終了', '年休使用時間', '繰越日数', '年休残日数'],
  // (20 + 5) × 7 − 52.5 = 122.5 h = 17 days 3 h 30 min: right.
  ['Emily Brown', 'R4.8.6', 3, 'R6.8.7', 'R7.8.6', 52.5, 5, '17日3時間30分'],
  // 20 × 7 − 14 = 126 h = 18 days exactly: 18日5時間 is wrong.
  ['Sara Kim', 'R5.7.30', 2, 'R6.7.31', 'R7.7.30', 14, 0, '18日5時間'],
  // No hours used given: at most 10 days by 2024-09-30; 12 is more than the term has given.
  ['Aki Mori', 'R6.8.1', 1, 'R6.8.2', 'R7.8.1', null, null, 12],
  // 122.5 h ÷ 7 = 17.5 days as a decimal: right.
  ['Ben Ito', 'R4.8.6', 3, 'R6.8.7', 'R7.8.6', 52.5, 5, 17.5],
];
const ledgerRows = [
  ['令和6年度 休暇簿'],
  ['氏名', '開始日', '終了日', '種別', '日数'],
  // Fri 13 – Tue 17 Sept 2024: 14 Sat, 15 Sun, 16 敬老の日 → 2 working days.
  ['Emily Brown', 'R6.9.13', 'R6.9.17', '年休', 2], // row 3: right
  ['Sara Kim', 'R6.9.13', 'R6.9.17', '年休', 5], // row 4: 5 calendar days, but annual leave counts working days
  // Thu 10 – Sat 12 Oct 2024: 3 calendar days, 2 working days; sick leave counts calendar days (Art 13.1).
  ['Ben Ito', 'R6.10.10', 'R6.10.12', '病休', 3], // row 5: right
  // Tue 22 – Wed 23 Oct 2024: 2 days either way.
  ['Ben Ito', 'R6.10.22', 'R6.10.23', '病休', 1], // row 6: wrong
];
const roster: SheetInput = { name: '名簿', rows: rosterRows };
const ledger: SheetInput = { name: '休暇簿', rows: ledgerRows };

test('年休残日数 against the balance on the check day', () => {
  const [r] = validateWorkbook([roster], { asOf: d('2024-09-30') });
  const left = r.findings.filter((f) => f.field === 'leaveLeft');
  expect(left.map((f) => [f.row, f.severity, f.rule])).toEqual([
    [4, 'error', 'Art 12.1, 12.2'],
    [5, 'error', 'Art 12.1, 12.2'],
  ]);
  expect(left[0].message).toMatch(/18 days 0 h 0 min/);
  expect(left[0].message_ja).toMatch(/18日0時間0分/);
  expect(left[1].message).toMatch(/10 days 0 h 0 min/);
});

test('日数 against the working days From–To', () => {
  const [, l] = validateWorkbook([roster, ledger], { asOf: d('2024-09-30') });
  const days = l.findings.filter((f) => f.field === ('days' as never));
  expect(days.map((f) => [f.row, f.severity, f.column])).toEqual([
    [4, 'error', '日数'],
    [6, 'error', '日数'],
  ]);
  expect(days[0].message).toMatch(/2024-09-13 – 2024-09-17 has 2 working days/);
  expect(days[1].message_ja).toMatch(/勤務日は2日/);
});

test('through the CLI: the same findings (the terms have ended, so the balance is the one on each term end)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'altrules-16b-left-'));
  const file = join(dir, 'leave.xlsx');
  writeFileSync(file, book({ sheets: [{ name: '名簿', xml: worksheet(sheetData(rosterRows as never)) }, { name: '休暇簿', xml: worksheet(sheetData(ledgerRows as never)) }] }));
  const r = run(['validate', file, '--json']);
  expect(r.status).toBe(0);
  const { findings } = JSON.parse(r.stdout);
  const pick = (field: string) => findings.filter((f: { field: string }) => f.field === field).map((f: { sheet: string; row: number }) => [f.sheet, f.row]);
  // At each term's end every grant has been made: Emily 17.5 and Sara 18 as before; Aki (first
  // appointment) has her full 20 by 2025-08-01, so 12 is no longer more than the term gave.
  expect(pick('leaveLeft')).toEqual([['名簿', 4]]);
  expect(pick('days')).toEqual([
    ['休暇簿', 4],
    ['休暇簿', 6],
  ]);
});
