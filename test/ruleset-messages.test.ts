// Messages that quote a number or a choice the ruleset makes say what the ruleset says: each one is
// read with the built-in ruleset and with that parameter overridden, and the message follows.

import { AltRuleset, LedgerEntry, PersonTerm, builtInRuleset, checkLedger, exceptionYears, parseLedgerKind, parseUserRuleset } from '../src/core';
import { invoke } from '../src/functions/registry';
import { Cell } from '../src/validation/fields';
import { validateSheet } from '../src/validation/validate';
import { d } from './helpers';

const alt = builtInRuleset('alt', 'saitama-alt-r5');
const over = (change: object) => parseUserRuleset({ extends: 'saitama-alt-r5', id: 'test-override', ...change }) as AltRuleset;

const HEAD = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay', 'Leave used (hours)', 'Carried leave', 'Sick days'];
const messageOf = (rs: AltRuleset, row: Cell[], field: string) => validateSheet({ name: 'R', rows: [HEAD, row] }, { alt: rs }).findings.find((f) => f.field === field)?.message;

describe('Art 5.3: the years a re-appointment is an exception for', () => {
  test('built in: from year 4 to term.maxYears 5 → "years 4 and 5"; from 3 → "years 3, 4 and 5"; from 5 → "year 5"', () => {
    expect(exceptionYears(alt)).toEqual({ en: 'years 4 and 5 are exceptions', ja: '4・5年目は例外' });
    expect(exceptionYears(over({ term: { reappointmentWarningFromYear: 3 } }))).toEqual({ en: 'years 3, 4 and 5 are exceptions', ja: '3・4・5年目は例外' });
    expect(exceptionYears(over({ term: { reappointmentWarningFromYear: 5 } }))).toEqual({ en: 'year 5 is an exception', ja: '5年目は例外' });
  });

  test('the roster warning on a JET year 4 row says them, and follows the parameter', () => {
    // Year 4, pay 330,000 (Art 7.1, monthlyByYear[3]).
    const row: Cell[] = ['A', 'USA', 'S1', '2020-07-30', 4, 4, '2023-07-31', '2024-07-30', 330000, 0, 0, 0];
    expect(messageOf(alt, row, 'year')).toBe('JET year 4: a participant in year 3 is in principle not re-appointed; years 4 and 5 are exceptions');
    expect(messageOf(over({ term: { reappointmentWarningFromYear: 3 } }), row, 'year')).toBe('JET year 4: a participant in year 2 is in principle not re-appointed; years 3, 4 and 5 are exceptions');
  });
});

describe('Art 26.2.1: the days after which suspension is possible', () => {
  // 21 sick days in the term: more than sickLeave.maxDays 20 (a warning); more than suspensionAfterDays 20 → the suspension note.
  const row: Cell[] = ['A', 'USA', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000, 0, 0, 21];
  test('20 built in, 10 when overridden', () => {
    expect(messageOf(alt, row, 'sickDays')).toMatch(/; more than 20 consecutive days unable to work allow suspension \(休職, Art 26\.2\.1\)$/);
    expect(messageOf(over({ sickLeave: { suspensionAfterDays: 10 } }), row, 'sickDays')).toMatch(/; more than 10 consecutive days unable to work allow suspension/);
  });
});

describe('Art 14-3.1: the partial-leave cap says the minutes the ruleset keeps worked', () => {
  const FIRST: PersonTerm = { start: d('2023-08-07'), end: d('2024-08-06'), jetYear: 1, reappointed: false, carriedDays: 0 };
  const entry = (minutes: number): LedgerEntry => ({ row: 2, name: 'Alex', from: d('2024-04-16'), to: d('2024-04-16'), kind: parseLedgerKind('部分休業')!, minutes });
  const message = (rs: AltRuleset, minutes: number) => checkLedger(rs, [entry(minutes)], new Map([['alex', [FIRST]]])).find((f) => f.rule === 'Art 14-3.1');
  test('7 h less 5 h 45 min = 1 h 15 min built in; 7 h less 5 h = 2 h when minWorkedMinutes is 300', () => {
    // 90 min > 75 min (420 − 345).
    expect([message(alt, 90)?.en, message(alt, 90)?.ja]).toEqual(["partial leave of 1 h 30 min on 2024-04-16 is more than the day's 1 h 15 min (7 h less 5 h 45 min)", '2024-04-16 の部分休業1時間30分は1日の上限1時間15分（7時間 − 5時間45分）を超えています']);
    // 150 min > 120 min (420 − 300); 90 would now be allowed.
    const five = over({ partialLeave: { minWorkedMinutes: 300 } });
    expect([message(five, 150)?.en, message(five, 150)?.ja]).toEqual(["partial leave of 2 h 30 min on 2024-04-16 is more than the day's 2 h (7 h less 5 h)", '2024-04-16 の部分休業2時間30分は1日の上限2時間（7時間 − 5時間）を超えています']);
    expect(message(five, 90)).toBeUndefined();
  });
});

describe("Art 27.2.2: one day's average pay is kept to the sen, rounded as the ruleset says", () => {
  const steps = (lang: 'EN' | 'JA', rs?: AltRuleset) => JSON.stringify(invoke(`ALT.EXPLAIN${lang}`, ['MONTHPAY', 1, '2024-07-01', '2023-08-07', null, null, null, 1, null, null, rs ? JSON.stringify(rs) : null] as never[]));
  test('floor built in (銭未満切捨て); ceil when overridden (銭未満切上げ)', () => {
    expect(steps('EN')).toContain('(to the sen, rounded down)');
    expect(steps('JA')).toContain('（銭未満切捨て）');
    const ceil = { ...over({ monthPay: { dailyAverageSenRounding: 'ceil' } }), id: 'test-ceil' };
    expect(steps('EN', ceil)).toContain('(to the sen, rounded up)');
    expect(steps('JA', ceil)).toContain('（銭未満切上げ）');
    expect(steps('JA', ceil)).not.toContain('銭未満切捨て');
  });
});
