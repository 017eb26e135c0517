// The worksheet functions through the same path Excel and the CLI use.

import { FUNCTIONS, fullName } from '../src/functions/registry';
import { error, value } from './helpers';
import { numbersIn, steps } from './support/explain';


describe('every declared example gives its hand-worked result', () => {
  test.each(FUNCTIONS.map((f) => [fullName(f), f] as const))('%s', (name, f) => {
    expect(value(name, ...f.example.args)).toEqual(f.example.result);
  });
});

describe('CONTRACT.md §1 signatures', () => {
  test('ALT.PAY: serials or ISO text, prorated, monthly without month, 0 outside service', () => {
    expect(value('ALT.PAY', 1, 45139, '2023-08-07')).toBe(231304);
    expect(value('ALT.PAY', 1, '2023/08/01', '2023-08-02')).toBe(267826);
    expect(value('ALT.PAY', 3)).toBe(325000);
    expect(value('ALT.PAY', 1, '2023-07-01', '2023-08-07')).toBe(0);
    expect(value('ALT.PAY', 1, '2023-08-01', '2023-08-07', null, 'saitama-alt-r5')).toBe(231304);
  });

  test('ALT.PAYDATE returns a serial', () => {
    expect(value('ALT.PAYDATE', '2023-10-05')).toBe(45219); // 2023-10-20
  });

  test('ALT.DEDUCT units: hours, h:mm, minutes, Excel time', () => {
    expect(value('ALT.DEDUCT', 1, 2.5)).toBe(5538);
    expect(value('ALT.DEDUCT', 1, '2:25')).toBe(3692);
    expect(value('ALT.DEDUCT', 1, 145, 'minutes')).toBe(3692);
    expect(value('ALT.DEDUCT', 1, 150 / 1440, 'time')).toBe(5538);
    expect(value('ALT.DEDUCT', 1, 2 + 25 / 60)).toBe(3692);
  });

  test('ALT.LEAVE: #VALUE! when usage exceeds what was available', () => {
    expect(value('ALT.LEAVE', '2024-08-01', '2024-08-02', 10, 5, true)).toBeCloseTo(25 - 10 / 7, 12);
    expect(error('ALT.LEAVE', '2023-08-01', '2023-09-01', 71)).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/usedHours 71 exceeds/) });
  });

  test('ALT.TERMEND: cohorts in any script, defaults, and a missing needed date named', () => {
    expect(value('ALT.TERMEND', '2023-07-30')).toBe(45503); // 2024-07-30
    expect(value('ALT.TERMEND', '2015-04-08', '4月①', 2, '韓国')).toBe(42833); // 2017-04-08
    expect(value('ALT.TERMEND', '2015-04-08', 'Ａ１', 3, 'United States', '2015-08-02')).toBe(42949); // 2017-08-02
    expect(error('ALT.TERMEND', '2015-04-08', 'A1', 2, 'USA').message).toMatch(/summer2Arrival is needed/);
    expect(error('ALT.TERMEND', '2023-09-10', 'S3').message).toMatch(/summer2Arrival is needed/);
    expect(error('ALT.TERMEND', '2023-05-20', '4月②').message).toMatch(/april1Arrival is needed/);
    expect(error('ALT.TERMEND', '2015-04-08', 'A1', 2).message).toMatch(/country is needed/);
    expect(error('ALT.TERMEND', '2023-07-30', 'X9').message).toMatch(/cohort "X9" is not a cohort; use S1, S2, S3, A1 or A2/);
  });

  test('ALT.HOLIDAY, ALT.ISWORKDAY, ALT.WORKDAYS', () => {
    expect(value('ALT.HOLIDAY', '2023-08-11')).toBe('山の日');
    expect(value('ALT.HOLIDAY', '2023-08-10')).toBe('');
    expect(value('ALT.HOLIDAY', '2023-12-30')).toBe('年末年始');
    expect(value('ALT.ISWORKDAY', '2023-12-29')).toBe(false);
    expect(value('ALT.ISWORKDAY', 45139)).toBe(true);
    expect(value('ALT.WORKDAYS', '2023-12-25', '2024-01-05')).toBe(6); // 25–28, 4, 5
    expect(value('ALT.WORKDAYS', '2023-08-31', '2023-08-01')).toBe(-22);
  });

  test('CLAIR.STIPENDCAP and CLAIR.OFFICE in both languages and any width', () => {
    expect(value('CLAIR.STIPENDCAP', 'ロンドン')).toBe(5040000);
    expect(value('CLAIR.STIPENDCAP', 'sydney', 6)).toBe(1620000);
    expect(value('CLAIR.OFFICE', 'ＵＳＡ')).toBe('New York');
    expect(value('CLAIR.OFFICE', 'Vietnam')).toBe('Singapore');
    expect(error('CLAIR.OFFICE', 'Brazil')).toMatchObject({ error: '#N/A' });
    expect(error('CLAIR.STIPENDCAP', 'Tokyo')).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/not a CLAIR overseas office/) });
    expect(error('CLAIR.STIPENDCAP', 'Paris', 13).message).toMatch(/months must be a whole number from 1 to 12/);
    expect(value('CLAIR.STIPENDCAP', 'Paris', 0)).toBe(3870000); // 0 months is a blank cell: the full cap
  });
});

describe('Excel semantics for bad input', () => {
  test.each([
    [['ALT.PAY', 0], /year is required/], // a 0 year is the blank cell older Excel builds pass
    [['ALT.PAY', 6], /year must be a whole JET year from 1 to 5/],
    [['ALT.PAY', 'one'], /year must be a number; got "one"/],
    [['ALT.PAY'], /year is required/],
    [['ALT.PAY', 1, 'tomorrow'], /month must be a month: 2024-07, 2024\/7, 2024年7月, 令和6年7月, R6.7, or a date in it; got "tomorrow"/],
    [['ALT.PAY', 1, 60], /1900-02-29/],
    [['ALT.PAY', 1, '2100-01-01'], /outside the supported range/],
    [['ALT.PAY', 1, '2023-02-30'], /month must be a month: 2023-02-30 is not a day of the calendar/],
    [['ALT.PAY', 1, null, '2023-08-07'], /month is needed when serviceStart or serviceEnd is given/],
    [['ALT.PAY', 1, 2, 3, 4, 5, 6], /takes at most 5 arguments/],
    [['ALT.PAY', 1, null, null, null, 'osaka-2024'], /ruleset "osaka-2024" is unknown/],
    [['ALT.PAY', true], /year must be a number; got true/],
    [['ALT.DEDUCT', 1, -1], /absent: -1 h is below zero; a time is zero or more/],
    [['ALT.DEDUCT', 1, 2, 'days'], /unit must be "hours", "minutes" or "time"/],
    [['ALT.LEAVE', '2023-08-01', '2023-07-01'], /asOf 2023-07-01 is before termStart/],
    [['ALT.LEAVE', '2023-08-01', '2023-09-01', 0, 25, true], /carriedDays must be 0 to 20/],
    [['ALT.NOPE'], /no function "ALT.NOPE"/],
  ] as [unknown[], RegExp][])('%j', ([name, ...args], pattern) => {
    const out = error(name as string, ...args);
    expect(out.message).toMatch(pattern);
    expect(out.messageJa.length).toBeGreaterThan(0);
  });

  test('omitted and empty arguments mean "not given"', () => {
    expect(value('ALT.PAY', 2, '', '', '')).toBe(300000);
    expect(value('ALT.PAY', 2, undefined)).toBe(300000);
  });

  test('text that Excel users type: full-width digits, numeric text', () => {
    expect(value('ALT.PAY', '１')).toBe(280000);
    expect(value('ALT.HOLIDAY', '２０２６/０５/０５')).toBe('こどもの日');
    expect(value('ALT.ISWORKDAY', '45139')).toBe(true);
  });
});

describe('explanations', () => {
  test('ALT.EXPLAIN("PAY", 1, "2023-08-01", "2023-08-07") shows each step with its clause, and the figures worked by hand', () => {
    const lines = (value('ALT.EXPLAINEN', 'PAY', 1, '2023-08-01', '2023-08-07') as string[][]).map((r) => r[0]);
    expect(lines[0]).toBe('ALT.PAY(1, "2023-08-01", "2023-08-07")');
    const s = steps(lines);
    expect(s.map((x) => x.clause)).toEqual(['Art 7.1', 'Art 7.3', 'Art 7.3', 'D-2']);
    expect(numbersIn(s[0].text)).toEqual([1, 280000]);
    // August 2023: 23 weekdays (31 days less 8 Sat/Sun); Mon 7th–31st: 19 of them.
    expect(numbersIn(s[1].text)).toEqual(expect.arrayContaining([23, 19]));
    // 280,000 × 19 ÷ 23 = 231,304.347…; rounded down → 231,304.
    expect(numbersIn(s[2].text)).toEqual([280000, 19, 23, 231304.35]);
    expect(numbersIn(s[3].text)).toEqual([231304]);
    expect(lines[lines.length - 1]).toBe('result = ¥231,304');
  });

  test('in Japanese, and an error explained rather than thrown', () => {
    const ja = (value('ALT.EXPLAINJA', 'PAY', 1, '2023-08-01', '2023-08-07') as string[][]).map((r) => r[0]);
    expect(steps(ja).map((x) => x.clause)).toEqual(['第7条第1項', '第7条第3項', '第7条第3項', '判断D-2']);
    expect(steps(ja)[3].text).toMatch(/^円未満切り捨て/);
    expect(numbersIn(steps(ja)[3].text)).toEqual([231304]);
    const bad = (value('ALT.EXPLAINEN', 'LEAVE', '2023-08-01', '2023-09-01', 71) as string[][]).map((r) => r[0]);
    expect(bad[bad.length - 1]).toMatch(/^#VALUE! usedHours 71 exceeds/);
  });
});
