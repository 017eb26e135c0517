// ALT.MONTHPAY, ALT.LEDGERBALANCE and ALT.PARTIALLEAVECAP through the path Excel and the CLI use.

import { error, value } from './helpers';


describe('ALT.MONTHPAY', () => {
  test('a full month, and RULES.md §12 with h:mm text', () => {
    expect(value('ALT.MONTHPAY', 1, '2024-06-15')).toBe(280000);
    expect(value('ALT.MONTHPAY', 1, '2024-07-01', '2023-08-07', null, '2:30')).toBe(274462);
    // 2 h 25 min rounds down to 2 h: 2 × 1,846 = 3,692.
    expect(value('ALT.MONTHPAY', 1, '2024-07-01', null, null, '2:25')).toBe(280000 - 3692);
  });

  test('ratedDays: childcare leave 2024-07-01..12 at 0 → 280,000 × 13/23 = ¥158,260 (D-12)', () => {
    expect(value('ALT.MONTHPAY', 1, '2024-07-01', null, null, null, [['2024-07-01', '2024-07-12', 0]])).toBe(158260);
    // One day at 0.5 among 23: 280,000 × 22.5/23 = 273,913.04 → ¥273,913.
    expect(value('ALT.MONTHPAY', 1, '2024-07-01', null, null, null, [['2024-07-03', 0.5]])).toBe(273913);
  });

  test('pay cuts: the three-month daily average, a given one, and the cap of a tenth', () => {
    expect(value('ALT.MONTHPAY', 1, '2024-07-01', '2023-08-07', null, null, null, 1)).toBe(275385); // half of 9,230.76
    expect(value('ALT.MONTHPAY', 1, '2024-07-01', '2023-08-07', null, null, null, 7, 9000)).toBe(252000); // 31,500 capped at 28,000
  });

  test('a service start within the month prorates (Art 7.3) and carries nothing', () => {
    expect(value('ALT.MONTHPAY', 1, '2023-08-01', '2023-08-07')).toBe(231304);
  });

  test('bad rates and hours are #VALUE! with a message', () => {
    expect(error('ALT.MONTHPAY', 1, '2024-07-01', null, null, null, [['2024-07-01', '2024-07-12', 1.5]]).message).toMatch(/rate must be 0 to 1/);
    expect(error('ALT.MONTHPAY', 1, '2024-07-01', null, null, -1).message).toMatch(/unpaidHoursLastMonth: -1 h is below zero/);
  });

  test('EXPLAIN shows the deduction steps with their clauses', () => {
    const lines = (value('ALT.EXPLAIN', 'MONTHPAY', 1, '2024-07-01', '2023-08-07', null, 2.5) as string[][]).map((r) => r[0]);
    expect(lines).toContain("D-9: last month's deduction ¥5,538 is taken from this month's pay (翌月精算) — 2024-06: unpaid 2 h 30 min, rounded up to 3 h × ¥1,846 (Art 8.2, D-13) = ¥5,538");
    expect(lines.some((l) => /^D-13, Art 8\.2: 2024-06: unpaid time 2 h 30 min; 30 min or more counts as an hour → 3 h; 3 h × ¥1,846/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toBe('result = ¥274,462');
  });
});

describe('ALT.LEDGERBALANCE', () => {
  test('re-appointed with 3 carried days, in Japanese; a header row is skipped', () => {
    const ledger = [['From', 'To', 'Kind', 'Hours'], ['2024-08-19', '2024-08-23', '年休', null], ['2024-08-26', null, '年休', '3:00'], ['2024-08-27', null, '特休10', '1:30']];
    const rows = value('ALT.LEDGERBALANCE', ledger, '2024-08-07', null, true, 3, 'ja') as unknown[][];
    // 23 days; 5 days → 18; 3 h → 18 − 3/7.
    expect(rows.map((r) => [r[2], r[3], r[4]])).toEqual([
      ['年休', 35, 18],
      ['年休', 3, +(18 - 3 / 7).toFixed(6)],
      ['特別休暇第10号', 1.5, +(18 - 3 / 7).toFixed(6)],
    ]);
    expect(rows[2][5]).toMatch(/^Art 14\.1\.10: .*1日の上限1時間を超えています/);
  });

  test('an unknown kind is a #VALUE! naming the row', () => {
    expect(error('ALT.LEDGERBALANCE', [['2024-08-19', null, 'holiday']], '2024-08-07').message).toMatch(/^ledger row 1: unknown kind "holiday"/);
  });
});

describe('ALT.PARTIALLEAVECAP', () => {
  test.each([
    [[], 1.25],
    [[0.5], 1.25],
    [[1], 1],
    [['1:30'], 0.5],
    [['2:00'], 0],
  ])('%j → %d hours', (args, hours) => expect(value('ALT.PARTIALLEAVECAP', ...args)).toBe(hours));

  test('an 8-hour ruleset: 8 h − 5 h 45 = 2 h 15', () => {
    const rs = JSON.stringify({ extends: 'saitama-alt-r5', id: 'eight', workingTime: { dailyHours: 8, weeklyHours: 40 } });
    expect(value('ALT.PARTIALLEAVECAP', null, rs)).toBe(2.25);
  });
});
