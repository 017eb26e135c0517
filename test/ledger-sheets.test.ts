// Ledger and pay sheets (CONTRACT §4) through validateWorkbook: recognised by their headers in
// either language, people matched by name against the roster of the same workbook or of other files.

import { validateWorkbook, SheetInput } from '../src/validation/validate';
import { PaySheetResult, minutesOfHoursCell, monthOfCell } from '../src/validation/ledger';

const roster: SheetInput = {
  name: 'Roster',
  rows: [
    ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Carried leave'],
    ['Alex Smith', 'USA', 'S1', '2023-08-06', 1, 1, '2023-08-07', '2024-08-06', 0],
    ['Brianna Lee', 'Canada', 'S2', '2022-08-06', 2, 2, '2023-08-07', '2024-08-06', 5],
  ],
};

const ledger: SheetInput = {
  name: '休暇簿',
  firstRow: 3,
  rows: [
    ['令和6年度 休暇簿'],
    ['氏名', '日付', '終了日', '種別', '時間', '備考'],
    ['Alex Smith', '2024-06-10', null, '欠勤', '1:10', null], // row 5
    ['ALEX  SMITH', '2024-06-24', null, '欠勤', '1:20', null], // row 6: the name any case and spacing
    ['Zed Nobody', '2024-06-11', null, '年休', null, null], // row 7: not on the roster
    ['Brianna Lee', '2024-06-12', null, 'vacation', null, null], // row 8: unknown kind
    ['Brianna Lee', '2024-06-13', null, '部分休業', '0:45', null], // row 9: not 30-minute units
    ['Brianna Lee', 'soon', null, '年休', null, null], // row 10: not a date
  ],
};

describe('ledger sheets', () => {
  test('recognised by Japanese headers; each finding on its row and column', () => {
    const [, l] = validateWorkbook([roster, ledger]);
    expect(l.kind).toBe('ledger');
    expect(l.headerRow).toBe(4);
    expect(l.dataRows).toBe(6);
    expect(l.findings.map((f) => [f.row, f.column, f.severity, f.rule])).toEqual([
      [7, '氏名', 'error', 'input'],
      [8, '種別', 'error', 'input'],
      [9, '時間', 'error', 'Art 14-3.2'],
      [10, '日付', 'error', 'input'],
    ]);
    expect(l.findings[0].columnIndex).toBe(1);
    expect(l.findings[1].message).toMatch(/unknown kind "vacation"/);
    expect(l.findings[1].message_ja).toMatch(/種別「vacation」は不明です/);
  });

  test('entries with an error are left out of the pay (Brianna’s 0:45 partial leave is not deducted)', () => {
    const [p] = validateWorkbook([{ name: 'Pay', rows: [['Name', 'Month'], ['Brianna Lee', '2024-07']] }], { related: [roster, ledger] }) as PaySheetResult[];
    expect(p.expected[0].expected).toBe(300000);
  });

  test('without a roster: one warning, and the checks that need none still run', () => {
    const [l] = validateWorkbook([ledger]);
    expect(l.findings.map((f) => [f.row, f.severity])).toEqual([
      [4, 'warning'],
      [8, 'error'],
      [9, 'error'],
      [10, 'error'],
    ]);
  });

  test('hours: h:mm text or a number of hours', () => {
    expect(minutesOfHoursCell('1:30')).toBe(90);
    expect(minutesOfHoursCell('１：１５')).toBe(75);
    expect(minutesOfHoursCell(1.5)).toBe(90);
    expect(minutesOfHoursCell('2')).toBe(120);
    expect(minutesOfHoursCell('x')).toMatchObject({ en: expect.stringMatching(/"x" is not a time; write h:mm/) });
    expect(minutesOfHoursCell(25)).toMatchObject({ en: expect.stringMatching(/25 h is more than one day \(24:00\)/) });
  });
});

describe('pay sheets', () => {
  const pay = (paid: boolean): SheetInput => ({
    name: 'Pay',
    rows: [
      paid ? ['Name', 'Month', 'Paid'] : ['氏名', '支給月'],
      ['Alex Smith', '2024-06', ...(paid ? [280000] : [])], // row 2
      ['Alex Smith', '令和6年7月', ...(paid ? [280000] : [])], // row 3: should be 274,462 (RULES.md §12)
      ['Brianna Lee', 45474, ...(paid ? [300000] : [])], // row 4: serial 45474 = 2024-07-01; year 2 full month
      ['Nobody', '2024-07', ...(paid ? [1] : [])], // row 5
    ],
  });

  test('RULES.md §12 worked example: July paid ¥280,000 is an error stating ¥274,462 and its steps', () => {
    const [, , p] = validateWorkbook([roster, ledger, pay(true)]) as PaySheetResult[];
    expect(p.kind).toBe('pay');
    expect(p.findings.map((f) => [f.row, f.column, f.severity])).toEqual([
      [3, 'Paid', 'error'],
      [5, 'Name', 'error'],
    ]);
    expect(p.findings[0].message).toMatch(/^paid ¥280,000 differs from the expected ¥274,462 for 2024-07: .*D-9: last month's deduction ¥5,538 is taken/);
    expect(p.findings[0].message_ja).toMatch(/計算額 274,462円/);
    expect(p.expected.map((e) => [e.row, e.expected])).toEqual([
      [2, 280000],
      [3, 274462],
      [4, 300000],
    ]);
  });

  test('without Paid the expected amounts are reported and nothing is judged', () => {
    const [, , p] = validateWorkbook([roster, ledger, pay(false)]) as PaySheetResult[];
    expect(p.findings.map((f) => f.row)).toEqual([5]); // only the person not on the roster
    expect(p.expected.map((e) => e.expected)).toEqual([280000, 274462, 300000]);
  });

  test('the roster and the ledger may come from other files', () => {
    const [p] = validateWorkbook([pay(true)], { related: [roster, ledger] }) as PaySheetResult[];
    expect(p.expected[1].expected).toBe(274462);
  });

  test('months as clerks write them', () => {
    expect(monthOfCell('2024-07')).toBe(2024 * 12 + 6);
    expect(monthOfCell('２０２４年７月')).toBe(2024 * 12 + 6);
    expect(monthOfCell('R6.7')).toBe(2024 * 12 + 6);
    expect(monthOfCell('平成31年4月')).toBe(2019 * 12 + 3);
    expect(monthOfCell('2024-07-21')).toBe(2024 * 12 + 6);
    expect(monthOfCell(45474)).toBe(2024 * 12 + 6);
    expect(monthOfCell('2024-13')).toBeUndefined();
    expect(monthOfCell('July')).toBeUndefined();
  });
});
