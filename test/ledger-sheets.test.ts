// Ledger and pay sheets (README "The leave ledger") through validateWorkbook: recognised by their headers in
// either language, people matched by name against the roster of the same workbook or of other files.

import { validateWorkbook, SheetInput } from '../src/validation/validate';
import { PaySheetResult, minutesOfHoursCell, monthOfCell, rosterPeople } from '../src/validation/ledger';
import { dayFromIsoText, builtInRuleset, isoFromDay, nameKey, termPlan, ymdFromDay } from '../src/core';
import { iso } from './helpers';
import fc from 'fast-check';

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
      ['Alex Smith', '令和6年7月', ...(paid ? [280000] : [])], // row 3: should be 274,462 (docs/rules.md §12)
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

describe('review of issue 11: a re-appointed ALT’s earlier term, left-out rows', () => {
  const liamRoster: SheetInput = {
    name: 'Roster',
    rows: [
      ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Carried leave'],
      ["Liam O'Brien", 'Ireland', 'S1', '2023-07-30', 2, 2, '2024-07-31', '2025-07-30', 5],
    ],
  };
  const day = (s: string) => dayFromIsoText(s)!;

  test('one roster row of term 2 also gives term 1: from the day after arrival to the day before term 2 (Note 2.2–2.3), JET year 1', () => {
    const liam = rosterPeople([liamRoster]).get(nameKey("Liam O'Brien"))!;
    expect(liam.terms).toEqual([
      { start: day('2023-07-31'), end: day('2024-07-30'), jetYear: 1, reappointed: false, carriedDays: 0 },
      { start: day('2024-07-31'), end: day('2025-07-30'), jetYear: 2, reappointed: true, carriedDays: 5 },
    ]);
    // Two explicit rows give the same two terms, not four.
    const both: SheetInput = { name: 'Roster', rows: [...liamRoster.rows!, ["Liam O'Brien", 'Ireland', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 0]] };
    expect(rosterPeople([both]).get(nameKey("Liam O'Brien"))!.terms).toEqual(liam.terms);
    // Term 3 from an arrival two years earlier: terms 1 and 2 at years 1 and 2.
    const three: SheetInput = { name: 'Roster', rows: [liamRoster.rows![0], ['Ann', 'USA', 'S1', '2022-07-30', 3, 3, '2024-07-31', '2025-07-30', 0]] };
    expect(rosterPeople([three]).get('ann')!.terms.map((t) => [iso(t.start), iso(t.end), t.jetYear, t.reappointed])).toEqual([
      ['2022-07-31', '2023-07-30', 1, false],
      ['2023-07-31', '2024-07-30', 2, true],
      ['2024-07-31', '2025-07-30', 3, true],
    ]);
  });

  test('July 2024 straddles the terms: (280,000 × 22 + 300,000 × 1) ÷ 23 = 280,869.56 → ¥280,869 (D-11, D-12, D-2)', () => {
    // July 2024 has 23 days requiring work (31 less 8 weekend days; 海の日 7/15 counts); 7/1–7/30 hold 22, 7/31 (Wed) is term 2.
    const [p] = validateWorkbook([{ name: 'Pay', rows: [['Name', 'Month', 'Paid'], ["Liam O'Brien", '2024-07', 13043]] }], { related: [liamRoster] }) as PaySheetResult[];
    expect(p.expected.map((e) => e.expected)).toEqual([280869]);
    expect(p.findings[0].message).toMatch(/22 day\(s\) at 100 % of ¥280,000 \(JET year 1\).*1 day\(s\) at 100 % of ¥300,000 \(JET year 2\)/);
    expect(p.findings[0].message).not.toMatch(/outside the term/);
  });

  test('a ledger entry of 2024-07-16 lies in term 1, not outside the term; 2024-07-15 is 海の日', () => {
    const l: SheetInput = { name: 'Ledger', rows: [['Name', 'From', 'Kind'], ["Liam O'Brien", '2024-07-16', 'annual'], ["Liam O'Brien", '2024-07-15', 'annual'], ["Liam O'Brien", '2023-07-28', 'annual']] };
    const [r] = validateWorkbook([l], { related: [liamRoster] });
    expect(r.findings.map((f) => [f.row, f.severity, f.rule])).toEqual([
      [3, 'error', 'Art 10.2, 11'], // a holiday, not "outside the term"
      [4, 'error', 'Art 5.1'], // before term 1 starts on 2023-07-31
    ]);
  });

  test('rows left out of the pay are named in the mismatch and in the expected amount', () => {
    // Alex's 1:10 (row 5) and 1:20 (row 6) are sound; a third absence row 7 has a bad hours cell and an
    // absence row 8 lies on a Sunday: both are left out. June: 2 h 30 → 3 h → ¥5,538 from July: ¥274,462.
    // Row 9, annual leave on a Sunday, is left out too but never touches pay: not named.
    const l: SheetInput = {
      name: '休暇簿',
      firstRow: 3,
      rows: [
        ['令和6年度 休暇簿'],
        ['氏名', '日付', '終了日', '種別', '時間', '備考'],
        ['Alex Smith', '2024-06-10', null, '欠勤', '1:10', null],
        ['Alex Smith', '2024-06-24', null, '欠勤', '1:20', null],
        ['Alex Smith', '2024-06-25', null, '欠勤', 'x', null],
        ['Alex Smith', '2024-06-23', null, '欠勤', '1:00', null],
        ['Alex Smith', '2024-06-30', null, '年休', null, null],
        ['Alex Smith', '2024-09-02', null, '欠勤', 'y', null], // after July: not named for July
      ],
    };
    const [p] = validateWorkbook([{ name: 'Pay', rows: [['Name', 'Month', 'Paid'], ['Alex Smith', '2024-07', 280000]] }], { related: [roster, l] }) as PaySheetResult[];
    expect(p.expected[0].expected).toBe(274462);
    expect(p.findings[0].message).toMatch(/ledger rows 7, 8 \(sheet 休暇簿\) of this person have errors and were not counted/);
    expect(p.findings[0].message_ja).toMatch(/この人の休暇簿（シート「休暇簿」）の7行目・8行目は誤りがあるため計算に入れていません/);
    expect(p.expected[0].steps[p.expected[0].steps.length - 1]).toMatch(/^ledger rows 7, 8 /);
    expect(p.expected[0].steps_ja[p.expected[0].steps_ja.length - 1]).toMatch(/7行目・8行目/);
  });
});

test('a roster row per term of one person is not a duplicate; the same term twice is', () => {
  const head = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end'];
  const term1 = ["Liam O'Brien", 'Ireland', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30'];
  const term2 = ["Liam O'Brien", 'Ireland', 'S1', '2023-07-30', 2, 2, '2024-07-31', '2025-07-30'];
  const dup = (rows: unknown[][]) => validateWorkbook([{ name: 'Roster', rows: rows as SheetInput['rows'] }])[0].findings.filter((f) => /appears twice/.test(f.message)).map((f) => f.row);
  expect(dup([head, term2, term1])).toEqual([]);
  expect(dup([head, term2, term2])).toEqual([3]);
});

test('property: a row of term n (S1) gives terms 1…n that follow each other day by day at years 1…n', () => {
  const rs = builtInRuleset('alt', 'saitama-alt-r5');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 365 * 10 }), fc.integer({ min: 2, max: 5 }), (offset, n) => {
      const arrival = dayFromIsoText('2015-07-01')! + offset;
      const { m } = ymdFromDay(arrival);
      if (m >= 4 && m <= 6) return true; // an April–June arrival needs its cohort: not this property
      const plan = termPlan(rs, { arrival, cohort: 'S1' }, n);
      const row = ['P', 'USA', 'S1', isoFromDay(arrival), n, n, isoFromDay(plan[n - 1].start), isoFromDay(plan[n - 1].end)];
      const terms = rosterPeople([{ name: 'R', rows: [['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end'], row] }], rs).get('p')!.terms;
      return terms.length === n && terms.every((t, i) => t.jetYear === i + 1 && t.reappointed === i > 0 && (i === 0 ? t.start === arrival + 1 : t.start === terms[i - 1].end + 1));
    }),
    { numRuns: 200 },
  );
});
