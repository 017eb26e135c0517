// A small workbook for the pane's "leave ledger and pay" mode: a roster, a leave ledger and a pay
// sheet with planted problems. Shared by test/pane.test.ts and the browser harness. Each planted
// finding is worked out by hand from docs/rules.md §12 (see MONTH_FINDINGS).

import { FakeWorkbookModel } from '../fakes/excel-fake';

const serial = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25569;

export const MONTH_SHEETS = { roster: '名簿 Roster', ledger: '休暇簿 Ledger', pay: '給与 Pay' };

/**
 * Roster: three first-term, JET-year-1 ALTs (¥280,000, Art 7.1), none re-appointed, nothing carried.
 * Ledger (header on row 2; A name, B from, C to, D kind, E hours, F note):
 *   3  Alex Smith  2023-09-04–2023-09-15 annual: 10 working days = his first 10 days (Art 12.1)
 *   4  Alex Smith  2023-09-20 annual: nothing left before the second 10 days of 2023-10-31 (D-4) → B4 error
 *   5  Eamon Kelly 2024-01-09–2024-01-31 sick: 23 days, past 20 (Art 13.2, 26.2.1) → C5 error;
 *      more than 3 days without a certificate noted (Art 30.3) → F5 warning
 *   6  Kai Tanaka  2024-06-10 absence 1:10; 7 Kai Tanaka 2024-06-24 absence 1:20 (docs/rules.md §12's worked example)
 *   8  Zoe Park    not on the roster → A8 error
 * Pay (header on row 1; A name, B month, C paid):
 *   2  Kai Tanaka  2024-06 ¥280,000 — right (June's deduction is taken in July, D-9)
 *   3  Kai Tanaka  2024-07 ¥280,000 — the worked example says ¥274,462 → C3 error
 *   4  Alex Smith  2024-06 ¥280,000 — right (annual leave is paid)
 *   5  Zoe Park    not on the roster → A5 error
 */
export function addMonthSheets(model: FakeWorkbookModel): void {
  const roster = model.addSheet(MONTH_SHEETS.roster, [
    ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay'],
    ['Alex Smith', 'USA', 'S1', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-30'), 280000],
    ['Kai Tanaka', 'USA', 'S2', serial('2023-08-06'), 1, 1, serial('2023-08-07'), serial('2024-08-06'), 280000],
    ['Eamon Kelly', 'Ireland', 'S1', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-30'), 280000],
  ]);
  dated(roster, [4, 7, 8]);
  const ledger = model.addSheet(MONTH_SHEETS.ledger, [
    ['令和5年度 休暇簿'],
    ['氏名', '開始日', '終了日', '種別', '時間', '備考'],
    ['Alex Smith', serial('2023-09-04'), serial('2023-09-15'), '年休', null, null],
    ['Alex Smith', serial('2023-09-20'), null, '年休', null, null],
    ['Eamon Kelly', serial('2024-01-09'), serial('2024-01-31'), '病休', null, null],
    ['Kai Tanaka', serial('2024-06-10'), null, '欠勤', '1:10', null],
    ['Kai Tanaka', serial('2024-06-24'), null, '欠勤', '1:20', null],
    ['Zoe Park', serial('2024-06-03'), null, '年休', null, null],
  ]);
  dated(ledger, [2, 3]);
  model.addSheet(MONTH_SHEETS.pay, [
    ['Name', 'Month', 'Paid'],
    ['Kai Tanaka', '2024-06', 280000],
    ['Kai Tanaka', '2024-07', 280000],
    ['Alex Smith', '2024-06', 280000],
    ['Zoe Park', '2024-06', 280000],
  ]);
}

/** Date cells shown as dates, as a clerk's sheet has them. */
function dated(sheet: ReturnType<FakeWorkbookModel['addSheet']>, columns: number[]): void {
  for (const [k, c] of sheet.cells) if (columns.includes(Number(k.split(',')[1])) && typeof c.value === 'number') c.numberFormat = 'yyyy-mm-dd';
}

/** The findings planted above: sheet, cell, severity, rule — worked out by hand. */
export const MONTH_FINDINGS = [
  [MONTH_SHEETS.ledger, 'B4', 'error', 'Art 12.1, D-4'],
  [MONTH_SHEETS.ledger, 'C5', 'error', 'Art 13.2, 26.2.1'],
  [MONTH_SHEETS.ledger, 'F5', 'warning', 'Art 30.3'],
  [MONTH_SHEETS.ledger, 'A8', 'error', 'input'],
  [MONTH_SHEETS.pay, 'C3', 'error', 'Art 7, 8, D-12, D-13'],
  [MONTH_SHEETS.pay, 'A5', 'error', 'input'],
];
