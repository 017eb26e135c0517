// A blank cell gives one answer whether Excel delivers it as null, 0 (older Excel desktop builds,
// OfficeDev/office-js#4702; inside ranges too, #5262) or "" — through the adapter's argument
// handling and the one invoke path. test/runtime.test.ts runs the same cases through Microsoft's
// shipped runtime.

import { argumentsFromExcel } from '../src/functions/excel';
import { invoke, fullName } from '../src/functions/registry';
import { blankCases } from './support/blanks';
import { value } from './helpers';

const INVOCATION = { address: 'Sheet1!A1' };

function answer(c: ReturnType<typeof blankCases>[number]['calls']['null']) {
  const args = argumentsFromExcel(c.fn, [...c.excel, INVOCATION]);
  return [invoke(fullName(c.fn), args, { lang: 'en' }), invoke(fullName(c.fn), args, { lang: 'ja' })];
}

test('every argument and range cell of every example: null, 0 and "" give the same answer', () => {
  const cases = blankCases();
  expect(cases.length).toBeGreaterThan(200);
  const differ = cases.filter((k) => {
    const a = JSON.stringify(answer(k.calls.null));
    return JSON.stringify(answer(k.calls['0'])) !== a || JSON.stringify(answer(k.calls['""'])) !== a;
  });
  expect(differ.map((k) => `${k.label}: ${JSON.stringify(answer(k.calls.null))} vs 0: ${JSON.stringify(answer(k.calls['0']))}`).slice(0, 5)).toEqual([]);
});

test('the issue\'s repro: =ALT.TERMEND(arrival, "S1", 1, "USA", M4) with M4 empty', () => {
  // Arrival 2023-07-30 (serial 45137) → term from 2023-07-31 (45138) for one year (Art 5):
  // to 2024-07-30 = 45138 + 365 (2023-07-31 → 2024-07-31 is 366 days with 29 Feb) − 1 = 45503.
  expect(value('ALT.TERMEND', 45137, 'S1', 1, 'USA', 0)).toBe(45503);
  expect(value('ALT.TERMEND', 45137, 'S1', 1, 'USA', null)).toBe(45503);
});

test('a 0 that is no value is omitted: ruleset, lang, dates, months, unit', () => {
  expect(value('ALT.PAY', 1, 0, 0, 0, 0)).toBe(280000); // Art 7.1: the monthly amount, year 1
  expect(value('ALT.DEDUCT', 1, '2:30', 0, 0)).toBe(5538); // 2 h 30 → 3 h × ¥1,846 (Art 8.2)
  expect(value('CLAIR.STIPENDCAP', 'New York', 0)).toBe(value('CLAIR.STIPENDCAP', 'New York'));
  expect(value('CLAIR.OFFICENAME', 'Paris', 0)).toBe('Paris');
  // grantedDays 0 is blank, so the default 20: 70 h = 10 days, 5 carried used first → 20 − 5 = 15 (D-5).
  expect(value('ALT.LEAVECARRY', 70, 5, 0)).toBe(15);
});

test('where 0 is a value, a blank reads as 0', () => {
  expect(value('ALT.DEDUCT', 1, null)).toBe(0); // no absence, no deduction
  expect(value('ALT.SICKCERT', null)).toBe(false); // 0 days need no certificate (Art 30.3: more than 3)
  // A blank rate is rate 0: all of July 2024 at 0 (childcare leave) → ¥0 (D-12).
  const july = (rate: unknown) => value('ALT.MONTHPAY', 1, '2024-07-01', '2023-08-07', null, null, [['2024-07-01', '2024-07-31', rate]]);
  expect(july('')).toBe(0);
  expect(july(0)).toBe(0);
  expect(july(null)).toBe(0);
});

test('blank "to" cells and blank rows in ranges', () => {
  // Sick leave 1–5 Oct, then 12 Oct with a blank end (one day): 6 days apart joins them (D-6) →
  // 20 − (5 + 1) = 14; a blank row of zeros is no period.
  for (const blank of [null, 0, '']) {
    expect(value('ALT.SICKLEFT', [['2023-10-01', '2023-10-05'], ['2023-10-12', blank], [blank, blank]])).toBe(14);
  }
  // WORKCHECK: a blank date with blank hours is no day worked.
  for (const blank of [null, 0, '']) {
    expect(value('ALT.WORKCHECK', [['2023-09-04'], [blank]], [[7], [blank]])).toEqual([['OK']]);
  }
});
