// The month's pay (docs/rules.md §12): D-12 rates per day, D-13 unpaid hours taken as D-9 says,
// Art 27.2.2 pay cuts, Art 8.1 carry. Every expected figure is worked out by hand in the comments.

import { LedgerEntry, PayTerm, builtInRuleset, monthKeyOf, monthPaySchedule, parseLedgerKind, parseUserRuleset, payLedgerOf, ratedMonthAmount, AltRuleset } from '../src/core';
import { d } from './helpers';

const alt = builtInRuleset('alt', 'saitama-alt-r5');
const YEAR1: PayTerm[] = [{ start: d('2023-08-07'), end: d('2024-08-06'), jetYear: 1 }];
let row = 1;
const entry = (from: string, to: string | null, kind: string, minutes?: number, note?: string): LedgerEntry => ({ row: row++, name: 'Alex', from: d(from), to: d(to ?? from), kind: parseLedgerKind(kind)!, minutes, note });
const schedule = (rs: AltRuleset, terms: PayTerm[], entries: LedgerEntry[], from: string, to: string) => monthPaySchedule(rs, payLedgerOf(rs, terms, entries), monthKeyOf(d(from)), monthKeyOf(d(to)));

describe('RULES.md §12 worked example', () => {
  test('absence 1 h 10 on 2024-06-10 and 1 h 20 on 2024-06-24: June ¥280,000, July ¥274,462', () => {
    // June's total 2 h 30 rounds to 3 h (Art 8.2); 3 × ¥1,846 = ¥5,538, taken from July's pay (D-9).
    const rows = schedule(alt, YEAR1, [entry('2024-06-10', null, 'absence', 70), entry('2024-06-24', null, '欠勤', 80)], '2024-06-01', '2024-07-01');
    expect(rows.map((r) => r.expected)).toEqual([280000, 274462]);
    expect(rows[0]).toMatchObject({ unpaidMinutes: 150, unpaidHours: 3, deduction: 5538, taken: 0 });
    expect(rows[1]).toMatchObject({ taken: 5538, carried: 0 });
    expect(rows[1].steps.map((s) => s.clause)).toContain('D-9');
  });

  test('D-9 same-month: the deduction comes out of June itself', () => {
    const same = parseUserRuleset({ extends: 'saitama-alt-r5', id: 'same-month', deduction: { takenFrom: 'same-month' } }) as AltRuleset;
    const rows = schedule(same, YEAR1, [entry('2024-06-10', null, 'absence', 70), entry('2024-06-24', null, 'absence', 80)], '2024-06-01', '2024-07-01');
    expect(rows.map((r) => r.expected)).toEqual([274462, 280000]);
  });
});

describe('D-12: a rate per day', () => {
  test('every rate 100 %: Art 7.3 — service from Mon 2023-08-07 is 280,000 × 19/23 = 231,304', () => {
    expect(ratedMonthAmount(alt, d('2023-08-15'), YEAR1, () => undefined)).toBe(231304);
  });

  test('childcare leave 2024-07-01..07-12: 10 of July’s 23 days at 0 → 280,000 × 13/23 = 158,260.87 → ¥158,260', () => {
    // July 2024: 31 days less 8 weekend days = 23 (海の日 7/15 counts, Art 7.3).
    expect(schedule(alt, YEAR1, [entry('2024-07-01', '2024-07-12', 'childcare')], '2024-07-01', '2024-07-01')[0].gross).toBe(158260);
  });

  test('illness suspension after 20 days of sick leave: Art 28.2 full to day 30, half to day 60, then nothing', () => {
    // First day unable to work 2024-01-10: day 31 = 2024-02-09, day 60 = 2024-03-09.
    // February 2024: 21 days requiring work; 6 at 100 % (1, 2, 5–8) and 15 at 50 %: 280,000 × 1,350/2,100 = 180,000.
    // March 2024: 21 days; 6 at 50 % (1, 4–8), 15 at 0: 280,000 × 300/2,100 = 40,000.
    const rows = schedule(alt, YEAR1, [entry('2024-01-10', '2024-01-29', 'sick'), entry('2024-01-30', '2024-03-31', '休職（病気）')], '2024-01-01', '2024-04-01');
    expect(rows.map((r) => r.gross)).toEqual([280000, 180000, 40000, 280000]);
  });

  test('indictment suspension for all of April 2024: 60 % → ¥168,000 (Art 28.3)', () => {
    expect(schedule(alt, YEAR1, [entry('2024-04-01', '2024-04-30', 'suspension indictment')], '2024-04-01', '2024-04-01')[0].gross).toBe(168000);
  });

  test('a month straddling two terms pays each part at its JET year (D-11)', () => {
    // August 2024: 22 days requiring work; 1, 2, 5, 6 in term 1 (¥280,000), 18 in term 2 (¥300,000):
    // (4 × 280,000 + 18 × 300,000) / 22 = 296,363.6 → ¥296,363.
    const terms: PayTerm[] = [...YEAR1, { start: d('2024-08-07'), end: d('2025-08-06'), jetYear: 2 }];
    expect(ratedMonthAmount(alt, d('2024-08-01'), terms, () => undefined)).toBe(296363);
  });
});

describe('Art 27.2.2 pay cut (daily average pay)', () => {
  test('one instance in July 2024: half of (840,000 ÷ 91 days = 9,230.76) = 4,615.38 → ¥4,615', () => {
    expect(schedule(alt, YEAR1, [entry('2024-07-10', null, 'paycut')], '2024-07-01', '2024-07-01')[0]).toMatchObject({ cut: 4615, expected: 275385 });
  });

  test('seven instances: 32,307.66 is capped at a tenth of ¥280,000', () => {
    const cuts = Array.from({ length: 7 }, (_, i) => entry(`2024-07-${String(10 + i).padStart(2, '0')}`, null, '減給'));
    expect(schedule(alt, YEAR1, cuts, '2024-07-01', '2024-07-01')[0]).toMatchObject({ cut: 28000, expected: 252000 });
  });
});

describe('Art 8.1: never below zero, the rest carried', () => {
  // Term 2023-07-03..2024-07-02. June 2024 has 20 days requiring work (June 1 is a Saturday), all absent.
  const terms: PayTerm[] = [{ start: d('2023-07-03'), end: d('2024-07-02'), jetYear: 1 }];
  const byHours = parseUserRuleset({ extends: 'saitama-alt-r5', id: 'by-hours', monthPay: { unpaidWholeDays: 'hours' } }) as AltRuleset;
  test('D-14 (default rate-zero): a month of whole absent days pays 0 and costs nothing more', () => {
    // June: 20 days at rate 0 of 20 → ¥0 (D-12). July: 2 of 23 days → 280,000 × 2/23 = 24,347.8 → ¥24,347, nothing to take.
    const rows = schedule(alt, terms, [entry('2024-06-03', '2024-06-28', 'absence')], '2024-06-01', '2024-08-01');
    expect(rows.map((r) => [r.gross, r.expected, r.carried])).toEqual([
      [0, 0, 0],
      [24347, 24347, 0],
      [0, 0, 0],
    ]);
    expect(rows[0].unpaidHours).toBe(0);
  });

  test('D-14 hours, next-month (D-9 default): 140 h × ¥1,846 = ¥258,440 from July, never below zero', () => {
    // July ¥24,347 is all taken; 258,440 − 24,347 = 234,093 carried.
    const rows = schedule(byHours, terms, [entry('2024-06-03', '2024-06-28', 'absence')], '2024-06-01', '2024-08-01');
    expect(rows.map((r) => [r.gross, r.expected, r.carried])).toEqual([
      [280000, 280000, 0],
      [24347, 0, 234093],
      [0, 0, 234093],
    ]);
    expect(rows[0].unpaidHours).toBe(140);
  });

  test('unpaid special leave (item 11): whole days at rate 0 (D-14), or 7 h a day with hours; paid special leave (item 21) none', () => {
    // D-14 rate-zero: 2 of June's 20 days at 0 → 280,000 × 18/20 = ¥252,000; July untouched.
    const list = () => [entry('2024-06-03', '2024-06-04', '特休11'), entry('2024-06-05', null, 'special 21')];
    expect(schedule(alt, YEAR1, list(), '2024-06-01', '2024-07-01').map((r) => r.expected)).toEqual([252000, 280000]);
    // hours: 2024-06-03 and 06-04: 14 h × 1,846 = 25,844 from July's pay.
    expect(schedule(byHours, YEAR1, list(), '2024-06-01', '2024-07-01').map((r) => r.expected)).toEqual([280000, 280000 - 25844]);
  });

  test('days already at rate 0 are not deducted again (D-13)', () => {
    const rows = schedule(alt, YEAR1, [entry('2024-06-03', '2024-06-28', 'childcare'), entry('2024-06-10', null, 'absence', 120)], '2024-06-01', '2024-07-01');
    expect(rows[0].unpaidMinutes).toBe(0);
    expect(rows[1].taken).toBe(0);
  });
});

describe('the steps say where a deduction comes from and where it goes (D-9, D-13)', () => {
  test('July shows June’s 2 h 30 → 3 h × ¥1,846 taken from it; its own 0:20 is labelled for August', () => {
    // June: 1:10 + 1:20 = 2 h 30 → 3 h (Art 8.2) × ¥1,846 = ¥5,538, from July (D-9). July: 0:20 → 0 h.
    const rows = schedule(alt, YEAR1, [entry('2024-06-10', null, 'absence', 70), entry('2024-06-24', null, 'absence', 80), entry('2024-07-03', null, 'absence', 20)], '2024-06-01', '2024-08-01');
    expect(rows.map((r) => r.expected)).toEqual([280000, 274462, 50909]); // August: the term ends 8/6, 280,000 × 4/22 (D-12)
    const july = rows[1].steps.map((s) => `${s.clause}: ${s.en}`);
    expect(july).toContain("D-9: last month's deduction ¥5,538 is taken from this month's pay (翌月精算) — 2024-06: unpaid 2 h 30 min, rounded up to 3 h × ¥1,846 (Art 8.2, D-13) = ¥5,538");
    // July's own time comes last, after July's result, and says it belongs to August.
    expect(july[july.length - 1]).toBe("D-13, Art 8.2: 2024-07: unpaid time 0 h 20 min; under 30 min is dropped → 0 h; 0 h × ¥1,846 (Art 7.4, D-3) = ¥0, nothing to take from 2024-08's pay (D-9)");
    expect(july[july.length - 2]).toMatch(/¥280,000 − deductions ¥5,538 = ¥274,462$/);
    expect(rows[1].steps.find((s) => s.clause === 'D-9')!.ja).toMatch(/2024-06: 無給の不勤務 2時間30分、3時間に切り上げ × ¥1,846（第8条第2項・D-13）= ¥5,538/);
  });

  test('0:40 in July is rounded up to 1 h and said to be taken from August', () => {
    const rows = schedule(alt, YEAR1, [entry('2024-07-03', null, 'absence', 40)], '2024-07-01', '2024-08-01');
    expect(rows.map((r) => r.expected)).toEqual([280000, 49063]); // August 280,000 × 4/22 = 50,909 − 1 × 1,846
    expect(rows[0].steps[rows[0].steps.length - 1].en).toBe("2024-07: unpaid time 0 h 40 min; 30 min or more counts as an hour → 1 h; 1 h × ¥1,846 (Art 7.4, D-3) = ¥1,846, to be taken from 2024-08's pay (D-9), not from this month's");
    expect(rows[1].steps.find((s) => s.clause === 'D-9')!.en).toMatch(/— 2024-07: unpaid 0 h 40 min, rounded up to 1 h × ¥1,846/);
  });
});
