// Issue "rule fidelity, round two": each fixed rule through the Excel path, with the expected
// value worked out by hand from the clause (the working is in the comments).

import { invoke } from '../src/functions/registry';
import { Raw } from '../src/functions/coerce';
import fc from 'fast-check';
import { eachDayOfInterval, getDaysInMonth, isWeekend } from 'date-fns';
import { checkWorkingTime, builtInRuleset, participationLimit, payForMonth, serialFromDay, suspensionPossible, termPlan } from '../src/core';
import { validateSheet } from '../src/validation/validate';
import { d, iso } from './helpers';

const value = (name: string, ...args: Raw[]) => {
  const out = invoke(name, args);
  if (!('value' in out)) throw new Error(`${name}: ${out.error} ${out.message}`);
  return out.value;
};
const error = (name: string, ...args: Raw[]) => {
  const out = invoke(name, args);
  if ('value' in out) throw new Error(`${name} gave ${JSON.stringify(out.value)}, expected an error`);
  return out;
};
const s = (iso: string) => serialFromDay(d(iso));
const rs = (over: object) => JSON.stringify({ extends: 'saitama-alt-r5', id: 'test-rs', ...over });

describe('care time (Art 14.1.16): at most 2 h, or the daily hours less 5 h 45 if that is less', () => {
  test('7-hour day: 7 h − 5 h 45 = 1 h 15 = 1.25 h', () => {
    expect(value('ALT.SPECIALLEAVE', 16)).toBe(1.25);
  });
  test('derived from the ruleset: 8 h − 5 h 45 = 2 h 15 → capped at 2; 7.5 h → 1 h 45 = 1.75', () => {
    expect(value('ALT.SPECIALLEAVE', 16, null, null, rs({ workingTime: { dailyHours: 8 } }))).toBe(2);
    expect(value('ALT.SPECIALLEAVE', 16, null, null, rs({ workingTime: { dailyHours: 7.5 } }))).toBe(1.75);
  });
});

describe('pay across terms (D-11, CONTRACT §1 PAYSCHEDULE)', () => {
  test('a period longer than one term at one JET year is refused', () => {
    const e = error('ALT.PAYSCHEDULE', 1, '2023-08-07', '2025-08-06');
    expect(e.error).toBe('#VALUE!');
    expect(e.message).toMatch(/at most one term .*to 2024-08-06.*D-11/);
    // Exactly one term (to 2024-08-06) is still one schedule.
    expect((value('ALT.PAYSCHEDULE', 1, '2023-08-07', '2024-08-06') as unknown[]).length).toBe(13);
  });

  test('TERMPAYSCHEDULE steps the JET year at the term start and prorates both parts of that month', () => {
    // Arrival 2023-08-06: term 1 2023-08-07 … 2024-08-06 (year 1), term 2 2024-08-07 … 2025-08-06 (year 2).
    const rows = value('ALT.TERMPAYSCHEDULE', '2023-08-06', 'S1', 2) as number[][];
    expect(rows).toHaveLength(25);
    // August 2023: 280,000 × 19/23 = 231,304.35 → 231,304 (docs/rules.md §2).
    expect(rows[0]).toEqual([s('2023-08-01'), s('2023-08-21'), 231304, 1]);
    // August 2024 has 22 weekdays: 1, 2, 5, 6 in term 1 and 18 from the 7th in term 2.
    // (280,000 × 4 + 300,000 × 18) ÷ 22 = 6,520,000 ÷ 22 = 296,363.6 → 296,363; pay day 21 Aug (Wed).
    expect(rows[12]).toEqual([s('2024-08-01'), s('2024-08-21'), 296363, 2]);
    expect(rows[13]).toEqual([s('2024-09-01'), s('2024-09-20'), 300000, 2]); // 21 Sep 2024 is a Saturday
    // August 2025, to the 6th: Fri 1, Mon 4, Tue 5, Wed 6 = 4 of 21 weekdays → 300,000 × 4/21 = 57,142.86 → 57,142.
    expect(rows[24]).toEqual([s('2025-08-01'), s('2025-08-21'), 57142, 2]);
  });

  test('no pay day before the service starts: the first month is paid on the next pay day (Art 7.2)', () => {
    // Service from Fri 2023-08-25: August's pay day, the 21st, has passed. 5 of 23 weekdays:
    // 280,000 × 5/23 = 60,869.57 → 60,869, paid with September on 2023-09-21.
    expect(value('ALT.PAYSCHEDULE', 1, '2023-08-25', '2023-09-30')).toEqual([
      [s('2023-08-01'), s('2023-09-21'), 60869],
      [s('2023-09-01'), s('2023-09-21'), 280000],
    ]);
  });
});

describe('April arrivals without a cohort (RULES.md §8)', () => {
  test('an April–June arrival without a cohort is a #VALUE! asking for it; July–March is S1', () => {
    const e = error('ALT.TERMEND', '2015-04-08', '', 2, 'USA');
    expect(e.message).toMatch(/cohort is needed for an arrival in April–June/);
    expect(e.messageJa).toMatch(/来日区分/);
    // S1: one year from the day after arrival, 2023-07-31 → 2024-07-30.
    expect(value('ALT.TERMEND', '2023-07-30')).toBe(s('2024-07-30'));
  });

  test("the term functions read the ruleset's cohort-arrival table", () => {
    const table = rs({ term: { cohortArrivals: { '2015': { S2: '2015-08-02' } } } });
    // Bridge term: one year from the day after the summer ② arrival 2015-08-02 → 2016-08-02.
    expect(value('ALT.TERMEND', '2015-04-08', 'A1', 2, 'USA', null, null, table)).toBe(s('2016-08-02'));
    expect(error('ALT.TERMEND', '2015-04-08', 'A1', 2, 'USA').message).toMatch(/summer2Arrival is needed/);
  });
});

test('ALT.NOTICEBY: the leaving day − 31 (D-10)', () => {
  expect(value('ALT.NOTICEBY', '2024-03-31')).toBe(s('2024-02-29'));
  expect(value('ALT.NOTICEBY', '2024-03-01')).toBe(s('2024-01-30'));
});

test('ALT.LEAVE: carried days mean a re-appointment; carried days with reappointed FALSE are refused', () => {
  // Re-appointed: 20 days at the start + 5 carried = 25.
  expect(value('ALT.LEAVE', '2023-08-01', '2023-08-02', 0, 5)).toBe(25);
  expect(value('ALT.LEAVE', '2023-08-01', '2023-08-02', 0, 5, true)).toBe(25);
  expect(error('ALT.LEAVE', '2023-08-01', '2023-08-02', 0, 5, false).message).toMatch(/only on re-appointment/);
});

test('special leave by an ambiguous name is refused with the candidates', () => {
  const e = error('ALT.SPECIALLEAVE', 'leave');
  expect(e.message).toMatch(/matches \d+ kinds: 6 Pre-natal leave, 7 Post-natal leave/);
  expect(error('ALT.SPECIALLEAVE', '休暇').messageJa).toMatch(/種類に当てはまります/);
  expect(value('ALT.SPECIALLEAVE', '夏季')).toBe(4); // only 夏季休暇 contains it
  expect(value('ALT.SPECIALLEAVE', 'Summer leave')).toBe(4);
});

describe('small items', () => {
  test('CLAIR.OFFICE accepts official names and tells an unknown name from an uncovered country', () => {
    expect(value('CLAIR.OFFICE', 'Republic of Ireland')).toBe('London');
    expect(value('CLAIR.OFFICE', 'United Kingdom of Great Britain and Northern Ireland')).toBe('London');
    expect(value('CLAIR.OFFICE', 'Republic of Korea')).toBe('Seoul');
    expect(value('CLAIR.OFFICE', 'the French Republic')).toBe('Paris');
    const unknown = error('CLAIR.OFFICE', 'Narnia');
    expect(unknown.error).toBe('#VALUE!');
    expect(unknown.message).toMatch(/not a country name this add-in recognises/);
    const uncovered = error('CLAIR.OFFICE', 'Brazil');
    expect(uncovered.error).toBe('#N/A');
    expect(uncovered.message).toBe('no CLAIR overseas office covers Brazil');
  });

  test('CLAIR.PAYER keeps （クレア着任時）; CLAIR.LANGTARGET names no HSK', () => {
    expect(value('CLAIR.PAYER', 'headquarters', '赴任旅費', 'ja')).toBe('クレア負担（クレア着任時）');
    expect(value('CLAIR.LANGTARGET', '中国語', 'ja')).toBe('中国語能力試験 4級');
    expect(String(value('CLAIR.LANGTARGET', 'Chinese'))).not.toMatch(/HSK/);
    expect(error('CLAIR.LANGTARGET', 'HSK').error).toBe('#N/A');
  });

  test('ALT.AIRFARE: a departure before the term end of a completed term is refused', () => {
    expect(error('ALT.AIRFARE', '2024-08-01', '2024-08-01', '2024-07-20').message).toMatch(/before the term end 2024-08-01, yet the term is said to be completed/);
    expect(value('ALT.AIRFARE', '2024-08-01', '2024-08-01', '2024-08-01')).toBe(true);
  });

  test('ALT.AIRFARE: an approved early return still needs an actual return home (Art 9.3, Note 4)', () => {
    // Left 2024-03-15: one month from 2024-03-16 ends 2024-04-15.
    expect(value('ALT.AIRFARE', '2024-08-01', '2024-03-15', '2024-03-20', null, true)).toBe(true);
    expect(value('ALT.AIRFARE', '2024-08-01', '2024-03-15', '2024-04-15', null, true)).toBe(true);
    expect(value('ALT.AIRFARE', '2024-08-01', '2024-03-15', '2024-04-16', null, true)).toBe(false);
    expect(value('ALT.AIRFARE', '2024-08-01', '2024-03-15', '2024-03-20', '2024-04-01', true)).toBe(false); // a job in Japan
    expect(value('ALT.AIRFARE', '2024-08-01', '2024-03-15', '2024-03-20', null, false)).toBe(false);
  });

  test("the term limit: 5 terms (5 years), or 6 with the bridge term (5 years 4 months)", () => {
    expect(error('ALT.TERMEND', '2019-07-30', 'S1', 6).message).toBe('term 6 does not exist: at most 5 terms (5 years; Art 5.3, Note 3, D-8)');
    expect(() => termPlan(builtInRuleset('alt', 'saitama-alt-r5'), { arrival: d('2015-04-08'), cohort: 'A1', country: 'USA', summer2Arrival: d('2015-08-02') }, 7)).toThrow('term 7 does not exist: at most 6 terms with the bridge term (5 years 4 months; Art 5.3, Note 3, D-8)');
  });

  test('ALT.PAY says holidays count in Art 7.3', () => {
    const out = invoke('ALT.EXPLAIN', ['PAY', 1, '2023-08-01', '2023-08-07']);
    expect(JSON.stringify(out)).toMatch(/national holidays are not subtracted/);
  });

  test('CLAIR.SUBSIDY: the lesser of the actual expenses and the cap', () => {
    expect(value('CLAIR.SUBSIDY', 'London', 5_200_000)).toBe(5_040_000);
    expect(value('CLAIR.SUBSIDY', 'London', 5_040_000)).toBe(5_040_000);
    expect(value('CLAIR.SUBSIDY', 'London', 5_039_999)).toBe(5_039_999);
    // Paris for 5 months: 3,870,000 × 5 ÷ 12 = 1,612,500.
    expect(value('CLAIR.SUBSIDY', 'Paris', 2_000_000, 5)).toBe(1_612_500);
    expect(error('CLAIR.SUBSIDY', 'Paris', -1).message).toMatch(/actualExpenses/);
  });
});

describe('rules that were data no function returned', () => {
  test('Art 8.1 carry and D-9: June’s deduction is taken from July’s pay; what a pay cannot cover carries on', () => {
    expect(value('ALT.DEDUCTPAYDAY', '2024-06-10')).toBe(s('2024-07-19')); // 21 Jul 2024 is a Sunday
    expect(value('ALT.DEDUCTPAYDAY', '2024-12-05')).toBe(s('2025-01-21'));
    expect(value('ALT.DEDUCTCARRY', 280000, 5538)).toEqual([[5538, 0]]);
    expect(value('ALT.DEDUCTCARRY', 5000, 5538)).toEqual([[5000, 538]]);
  });

  test('Art 27.2.3: suspension from duty at most 7 days', () => {
    expect(value('ALT.DUTYSUSPENSIONOK', 7)).toBe(true);
    expect(value('ALT.DUTYSUSPENSIONOK', 8)).toBe(false);
  });

  test('Art 30: approval, approval with the reason, or a report only', () => {
    expect(value('ALT.SPECIALLEAVENOTICE', 1)).toMatch(/obtain approval \(Art 30\.1\)/);
    expect(value('ALT.SPECIALLEAVENOTICE', 22)).toMatch(/and the reason/);
    expect(value('ALT.SPECIALLEAVENOTICE', 7)).toMatch(/no approval \(Art 30\.2\)/);
    expect(value('ALT.SPECIALLEAVENOTICE', 7, 'ja')).toMatch(/承認不要/);
  });

  test('special-leave windows of items 8, 9, 15, 18, 21', () => {
    expect(value('ALT.SPECIALLEAVEWINDOW', 8)).toMatch(/2 weeks after the birth/);
    expect(value('ALT.SPECIALLEAVEWINDOW', 9)).toMatch(/6 weeks before the due date \(14 weeks/);
    expect(value('ALT.SPECIALLEAVEWINDOW', 15)).toMatch(/93 days/);
    expect(value('ALT.SPECIALLEAVEWINDOW', 18)).toMatch(/every 4 weeks|once every 4 weeks/);
    expect(value('ALT.SPECIALLEAVEWINDOW', 21, 'ja')).toMatch(/7月から9月/);
    expect(value('ALT.SPECIALLEAVEWINDOW', 2)).toBe('');
  });

  test('Note 2.1: conditional appointment, the first month of each half', () => {
    // Term from 2023-08-07: one month ends 2023-09-06; the second half from 2024-04-01 to 2024-04-30.
    expect(value('ALT.CONDITIONAL', '2023-08-07', '2024-08-06')).toEqual([
      ['first', s('2023-08-07'), s('2023-09-06')],
      ['second', s('2024-04-01'), s('2024-04-30')],
    ]);
    // A second half shorter than a month is cut at the term's end.
    expect(value('ALT.CONDITIONAL', '2023-04-11', '2024-04-10')).toEqual([
      ['first', s('2023-04-11'), s('2023-05-10')],
      ['second', s('2024-04-01'), s('2024-04-10')],
    ]);
  });
});

describe('inputs that must be refused (issue 12)', () => {
  test.each([
    [1e300, 'time'],
    [1e15, 'minutes'],
    [744, undefined],
    [161.5, undefined],
  ])('ALT.DEDUCT 1 %p %p: more than a month can hold', (absent, unit) => {
    const e = error('ALT.DEDUCT', 1, absent, unit);
    expect(e.message).toMatch(/more than one month can hold: at most 23 working days × 7 h = 161 h/);
  });

  test('ALT.DEDUCT at the bound: 161 h × ¥1,846 = ¥297,206', () => {
    expect(value('ALT.DEDUCT', 1, 161)).toBe(297206);
    expect(value('ALT.DEDUCT', 1, '160:30')).toBe(297206); // 30 min count as an hour (Art 8.2)
    expect(value('ALT.DEDUCT', 1, '160:29')).toBe(295360); // 29 min dropped: 160 × 1,846
  });

  test('user rulesets: dates that do not exist and ranges out of bounds are refused', () => {
    const feb = error('ALT.TERMEND', '2023-07-30', 'S1', 1, null, null, null, rs({ term: { cohortArrivals: { '2023': { S2: '2023-02-31' } } } }));
    expect(feb.message).toMatch(/term\.cohortArrivals\.2023\.S2: a date that exists/);
    expect(error('ALT.RETURNBY', '2024-08-01', rs({ travel: { departWithinMonths: 1e9 } })).message).toMatch(/travel\.departWithinMonths/);
  });

  test('ALT.NOTICEBY 20230801 names the number typed, not an internal day, and suggests the date', () => {
    const e = error('ALT.NOTICEBY', 20230801);
    expect(e.message).toMatch(/^leavingDay 20230801 is not a date from 1980-01-01 to 2099-12-31/);
    expect(e.message).toMatch(/if you meant 2023-08-01/);
    expect(e.message).not.toMatch(/20205232/);
    expect(e.messageJa).not.toMatch(/20205232/);
  });
});

describe('both sides of every boundary', () => {
  const alt = builtInRuleset('alt', 'saitama-alt-r5');
  test('Art 26.2.1: suspension only after more than 20 consecutive days', () => {
    expect(suspensionPossible(alt, 20)).toBe(false);
    expect(suspensionPossible(alt, 21)).toBe(true);
  });
  test('Art 13.2: a chain of 20 days leaves 0; 21 is refused', () => {
    expect(value('ALT.SICKLEFT', [['2023-10-01', '2023-10-20']])).toBe(0);
    expect(error('ALT.SICKLEFT', [['2023-10-01', '2023-10-21']]).message).toMatch(/21 days, more than the 20 allowed/);
  });
  test('Art 9.2: term ending 2024-08-01 — leaving on 2024-09-01 is in time, 2024-09-02 is not; a job from 2024-09-01 counts, from 2024-09-02 not', () => {
    expect(value('ALT.AIRFARE', '2024-08-01', '2024-08-01', '2024-09-01')).toBe(true);
    expect(value('ALT.AIRFARE', '2024-08-01', '2024-08-01', '2024-09-02')).toBe(false);
    expect(value('ALT.AIRFARE', '2024-08-01', '2024-08-01', '2024-08-20', '2024-09-01')).toBe(false);
    expect(value('ALT.AIRFARE', '2024-08-01', '2024-08-01', '2024-08-20', '2024-09-02')).toBe(true);
  });
  test('Art 10.3: four weeks of 140 h average 35 h (no finding); 141 h average 35.25 h', () => {
    // Weeks from Sunday 2023-09-03: week 1 has 42 h (Mon–Sat 7 h), weeks 2–4 make up the rest.
    const weeks = (extra: number) => [
      ...[1, 2, 3, 4, 5, 6].map((i) => ({ day: d('2023-09-03') + i, hours: 7 })),
      ...[1, 2, 3, 4].map((i) => ({ day: d('2023-09-10') + i, hours: 7 })),
      ...[1, 2, 3, 4, 5].map((i) => ({ day: d('2023-09-17') + i, hours: 7 })),
      ...[1, 2, 3, 4, 5].map((i) => ({ day: d('2023-09-24') + i, hours: i === 5 ? 7 + extra : 7 })),
    ];
    const avg = (extra: number) => checkWorkingTime(alt, weeks(extra)).filter((f) => f.clause === 'Art 10.3' && /average/.test(f.en));
    expect(avg(0)).toEqual([]); // 42 + 28 + 35 + 35 = 140
    expect(avg(1).map((f) => f.en)).toEqual(['weeks 2023-09-03 to 2023-09-30 average 35.25 h, more than 35 h a week']);
  });
  test('Note 3: participation from 2023-08-01 may reach 2028-11-30 (5 years 4 months), not a day more', () => {
    expect(iso(participationLimit(alt, d('2023-08-01')))).toBe('2028-11-30');
  });
  test('duplicate people: zero-width and full-width variants of a name are the same person', () => {
    const HEAD = ['Name', 'Arrival', 'Term', 'Year'];
    const r = validateSheet({ name: 'R', rows: [HEAD, ['Alex Smith', '2023-07-30', 1, 1], ['Alex\u200b Smith', '2023-07-30', 1, 1], ['ＡＬＥＸ　ＳＭＩＴＨ', '2023-07-30', 1, 1]] });
    expect(r.findings.filter((f) => f.field === 'name').map((f) => f.row)).toEqual([3, 4]);
  });
});

describe('Art 7.3 against an independent count (date-fns)', () => {
  const alt = builtInRuleset('alt', 'saitama-alt-r5');
  test('a part month is floor(monthly × weekdays served ÷ weekdays in the month), holidays counted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1981, max: 2098 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, y, m, dd) => {
        const last = getDaysInMonth(new Date(Date.UTC(y, m - 1, 1)));
        const start = Math.min(dd, last);
        const weekdays = (from: number) => eachDayOfInterval({ start: new Date(Date.UTC(y, m - 1, from)), end: new Date(Date.UTC(y, m - 1, last)) }).filter((x) => !isWeekend(x)).length;
        const monthly = alt.pay.monthlyByYear[year - 1];
        const expected = start === 1 ? monthly : Math.floor((monthly * weekdays(start)) / weekdays(1));
        const day = d(`${y}-${String(m).padStart(2, '0')}-${String(start).padStart(2, '0')}`);
        return payForMonth(alt, year, day, day) === expected;
      }),
      { numRuns: 2000 },
    );
  });
});
