// Every worked example of docs/rules.md, as a test. Expected values are the document's, not the code's.

import {
  Trace,
  absenceDeduction,
  deductibleHours,
  builtInRuleset,
  disciplinaryCut,
  headquartersDailyMinutes,
  hourlyRate,
  languageTarget,
  leaveCarryOver,
  leaveRemaining,
  officeOfCountry,
  payDay,
  payForMonth,
  periodsJoin,
  returnAirfareEligible,
  secondGrantDay,
  sickLeaveLeft,
  needsCertificate,
  specialLeaveLimit,
  specialLeavePaid,
  splitDeduction,
  stipendCap,
  suspensionPayPercent,
  termEnd,
  termPlan,
  whoPays,
  firstHalfEnd,
  termSegments,
  lastNoticeDay,
  checkWorkingTime,
  monthlyPay,
  oneYearFrom,
  participationLimit,
} from '../src/core';
import { d, iso } from './helpers';

const alt = builtInRuleset('alt', 'saitama-alt-r5');
const clair = builtInRuleset('clair', 'clair-r8');

describe('§2 Pay (Art 7)', () => {
  test.each([
    [1, 280000],
    [2, 300000],
    [3, 325000],
    [4, 330000],
    [5, 330000],
  ])('year %i monthly pay is %i (Art 7.1)', (year, amount) => {
    expect(monthlyPay(alt, year)).toBe(amount);
  });

  test.each([0, 6, 1.5, -1])('year %p is invalid input', (year) => {
    expect(() => monthlyPay(alt, year)).toThrow(/whole JET year from 1 to 5/);
  });

  test.each([
    ['2023-10-01', '2023-10-20'], // 21st is a Saturday
    ['2025-07-01', '2025-07-18'], // 7/21 海の日
    ['2026-03-01', '2026-03-19'], // 3/21 Saturday, 3/20 春分の日
    ['2026-09-01', '2026-09-18'], // 9/21 敬老の日, 9/20 Sunday, 9/19 Saturday
  ])('pay day of %s is %s (Art 7.2)', (month, expected) => {
    expect(iso(payDay(alt, d(month)))).toBe(expected);
  });

  test('year 1 from Mon 2023-08-07: 280,000 × 19/23 → ¥231,304 (Art 7.3, D-2)', () => {
    expect(payForMonth(alt, 1, d('2023-08-01'), d('2023-08-07'))).toBe(231304);
  });

  test('year 1 from Wed 2023-08-02: 22/23 → ¥267,826', () => {
    expect(payForMonth(alt, 1, d('2023-08-15'), d('2023-08-02'))).toBe(267826);
  });

  test('the explanation names the clauses and the figures', () => {
    const t = new Trace();
    payForMonth(alt, 1, d('2023-08-01'), d('2023-08-07'), undefined, t);
    const text = t.steps.map((s) => `${s.clause}: ${s.en}`).join('\n');
    expect(text).toMatch(/Art 7\.3: .*23 days requiring work.*19 of them/);
    expect(text).toMatch(/D-2: round down to the yen → ¥231,304/);
  });

  test('a month the service does not touch pays 0; a whole month pays in full', () => {
    expect(payForMonth(alt, 1, d('2023-07-01'), d('2023-08-07'))).toBe(0);
    expect(payForMonth(alt, 2, d('2023-09-10'), d('2023-08-07'))).toBe(300000);
    expect(payForMonth(alt, 2, d('2023-09-10'))).toBe(300000);
  });

  test.each([
    [1, 1846],
    [2, 1978],
    [3, 2143],
    [4, 2176],
    [5, 2176],
  ])('hourly rate, year %i: ¥%i (Art 7.4, D-3)', (year, rate) => {
    expect(hourlyRate(alt, year)).toBe(rate);
  });
});

describe('§3 Deductions (Art 8, 27)', () => {
  test('2 h 25 min → 2 h; 2 h 30 min → 3 h (Art 8.2)', () => {
    expect(deductibleHours(alt, 145)).toBe(2);
    expect(deductibleHours(alt, 150)).toBe(3);
  });

  test('year 1, 3 h → 3 × ¥1,846 = ¥5,538 (Art 8.1)', () => {
    expect(absenceDeduction(alt, 1, 150)).toBe(5538);
  });

  test('what the month cannot cover moves to the next month (Art 8.1)', () => {
    expect(splitDeduction(5000, 5538)).toEqual({ thisMonth: 5000, nextMonth: 538 });
    expect(splitDeduction(280000, 5538)).toEqual({ thisMonth: 5538, nextMonth: 0 });
  });

  test('each cut is half a day’s average pay; all cuts in a month at most a tenth of its pay (Art 27.2.2)', () => {
    expect(disciplinaryCut(alt, 9000, 1, 280000)).toBe(4500);
    expect(disciplinaryCut(alt, 9000, 3, 280000)).toBe(13500);
    expect(disciplinaryCut(alt, 9000, 7, 280000)).toBe(28000); // 31,500 capped at 28,000
    expect(disciplinaryCut(alt, 9001, 1, 280000)).toBe(4500); // 4,500.5 rounded down (D-2)
  });

  test('unpaid special leave: items 10–17 (Art 14.2)', () => {
    const unpaid = alt.specialLeave.filter((s) => !s.paid).map((s) => s.item);
    expect(unpaid).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    expect(alt.specialLeave).toHaveLength(22);
  });
});

describe('§4 Working time (Art 10)', () => {
  const week = (sunday: string, hours: number[]) => hours.map((h, i) => ({ day: d(sunday) + i, hours: h }));

  test('a normal week of 5 × 7 h is fine', () => {
    expect(checkWorkingTime(alt, week('2023-09-03', [0, 7, 7, 7, 7, 7, 0]))).toEqual([]);
  });

  test('9 h in a day and 41 h in a week are refused (Art 10.4)', () => {
    const f = checkWorkingTime(alt, week('2023-09-03', [0, 9, 8, 8, 8, 8, 0]));
    expect(f.map((x) => x.clause)).toEqual(['Art 10.4', 'Art 10.4', 'Art 10.3']);
    expect(f[0].en).toMatch(/9 h worked, more than 8 h in a day/);
    expect(f[1].en).toMatch(/41 h, more than 40 h in a week/);
    expect(f[2].en).toMatch(/days off must balance it by the week of 2023-09-24/);
  });

  test('no day off in a week is refused (Art 10.4)', () => {
    const f = checkWorkingTime(alt, week('2023-09-03', [4, 6, 6, 6, 6, 6, 4]));
    expect(f.some((x) => /no day off/.test(x.en))).toBe(true);
  });

  test('a 40 h week must be balanced within 4 weeks: average ≤ 35 (Art 10.3)', () => {
    const balanced = [
      ...week('2023-09-03', [0, 8, 8, 8, 8, 8, 0]),
      ...week('2023-09-10', [0, 0, 7, 7, 7, 7, 0]),
      ...week('2023-09-17', [0, 7, 7, 7, 7, 7, 0]),
      ...week('2023-09-24', [0, 7, 7, 7, 7, 7, 0]),
    ];
    expect(checkWorkingTime(alt, balanced)).toEqual([]);
    const unbalanced = [...week('2023-09-03', [0, 8, 8, 8, 8, 8, 0]), ...week('2023-09-10', [0, 7, 7, 7, 7, 7, 0]), ...week('2023-09-17', [0, 7, 7, 7, 7, 7, 0]), ...week('2023-09-24', [0, 7, 7, 7, 7, 7, 0])];
    const f = checkWorkingTime(alt, unbalanced);
    expect(f).toHaveLength(1);
    expect(f[0].clause).toBe('Art 10.3');
    expect(f[0].en).toMatch(/average 36\.25 h/);
  });
});

describe('§5 Annual leave (Art 12)', () => {
  test.each([
    ['2023-08-01', '2023-11-01'],
    ['2023-11-29', '2024-02-29'],
    ['2023-11-30', '2024-03-01'],
  ])('appointed %s → second 10 days from %s (D-4)', (appointed, from) => {
    expect(iso(secondGrantDay(alt, d(appointed)))).toBe(from);
  });

  test('first appointment: 10 days until the second grant, then 20 (Art 12.1)', () => {
    expect(leaveRemaining(alt, { termStart: d('2023-08-01'), asOf: d('2023-10-31') })).toBe(10);
    expect(leaveRemaining(alt, { termStart: d('2023-08-01'), asOf: d('2023-11-01') })).toBe(20);
    expect(leaveRemaining(alt, { termStart: d('2023-08-01'), asOf: d('2023-10-31'), earlyGrant: true })).toBe(20);
  });

  test('re-appointed: 20 at once plus carried days, less hours ÷ 7 (Art 12.1, 12.2)', () => {
    expect(leaveRemaining(alt, { termStart: d('2024-08-01'), asOf: d('2024-08-02'), usedHours: 10, carriedDays: 5, reappointed: true })).toBeCloseTo(25 - 10 / 7, 12);
  });

  test('using more than was available is an error naming usedHours', () => {
    expect(() => leaveRemaining(alt, { termStart: d('2023-08-01'), asOf: d('2023-09-01'), usedHours: 71 })).toThrow(/usedHours 71 exceeds the 70 hours available/);
  });

  test('carry-over: taken from carried days first; own grant left, at most 20, carries (Art 12.2, D-5)', () => {
    expect(leaveCarryOver(alt, 35, 5, 20)).toBe(20); // 5 days used = the 5 carried
    expect(leaveCarryOver(alt, 70, 5, 20)).toBe(15);
    expect(leaveCarryOver(alt, 0, 20, 20)).toBe(20); // carried days never carry again
  });
});

describe('§6 Sick leave (Art 13, 30.3)', () => {
  test('periods fewer than 7 days apart join (D-6)', () => {
    expect(periodsJoin(alt, d('2023-10-05'), d('2023-10-12'))).toBe(true); // 6 days between
    expect(periodsJoin(alt, d('2023-10-05'), d('2023-10-13'))).toBe(false); // 7 days between
  });

  test('a joined chain counts the calendar days of its periods, not the days between', () => {
    const periods = [
      { start: d('2023-10-01'), end: d('2023-10-05') }, // 5 days
      { start: d('2023-10-12'), end: d('2023-10-14') }, // 3 days, joined
    ];
    expect(sickLeaveLeft(alt, periods)).toBe(12);
    expect(sickLeaveLeft(alt, [...periods, { start: d('2023-11-01'), end: d('2023-11-02') }])).toBe(18); // a new chain
  });

  test('more than 20 days is refused (Art 13.2)', () => {
    expect(() => sickLeaveLeft(alt, [{ start: d('2023-10-01'), end: d('2023-10-21') }])).toThrow(/21 days, more than the 20 allowed/);
  });

  test('a certificate is needed past 3 consecutive days (Art 30.3)', () => {
    expect(needsCertificate(alt, 3)).toBe(false);
    expect(needsCertificate(alt, 4)).toBe(true);
  });
});

describe('§7 Special leave (Art 14)', () => {
  test.each([
    [1, undefined, 10],
    [1, 'sibling-grandparent', 5],
    [2, undefined, 5],
    [5, undefined, 5],
    [5, 'ivf', 10],
    [6, undefined, 6],
    [6, 'multiple', 14],
    [7, undefined, 8],
    [8, undefined, 2],
    [9, undefined, 5],
    [10, undefined, 60],
    [11, undefined, 5],
    [11, 'two-or-more', 10],
    [14, undefined, 5],
    [14, 'two-or-more', 10],
    [15, undefined, 93],
    [16, undefined, 1.25], // min(2 h, 7 h − 5 h 45) = 1 h 15 (Art 14.1.16)
    [21, undefined, 4],
  ] as [number, string | undefined, number][])('item %i (%s): limit %i', (item, variant, limit) => {
    expect(specialLeaveLimit(alt, item, variant)).toBe(limit);
  });

  test('kinds are found by Japanese or English name', () => {
    expect(specialLeaveLimit(alt, '夏季休暇')).toBe(4);
    expect(specialLeaveLimit(alt, 'summer leave')).toBe(4);
    expect(specialLeavePaid(alt, '介護休暇')).toBe(false);
    expect(specialLeavePaid(alt, 'Own wedding')).toBe(true);
    expect(specialLeaveLimit(alt, 3)).toBeNull();
  });
});

describe('§8 Terms (Art 5, 6, Notes 1–3, D-8)', () => {
  test('one year from a start ends the day before the same date; arrival 2023-02-28 → end 2024-02-29', () => {
    expect(iso(termEnd(alt, { arrival: d('2023-02-28'), cohort: 'S1' }))).toBe('2024-02-29');
    expect(iso(oneYearFrom(d('2024-02-29')))).toBe('2025-02-28');
  });

  test('April ① arrival 2015-04-08 from the USA: term 1 ends 2016-04-08, bridge 2016-04-09–2016-08-02, term 3 ends 2017-08-02', () => {
    const plan = termPlan(alt, { arrival: d('2015-04-08'), cohort: 'A1', country: 'USA', summer2Arrival: d('2015-08-02') }, 3);
    expect(plan.map((t) => [iso(t.start), iso(t.end), t.bridge])).toEqual([
      ['2015-04-09', '2016-04-08', false],
      ['2016-04-09', '2016-08-02', true],
      ['2016-08-03', '2017-08-02', false],
    ]);
  });

  test('the same arrival from South Korea: term 2 ends 2017-04-08', () => {
    expect(iso(termEnd(alt, { arrival: d('2015-04-08'), cohort: 'A1', country: '韓国' }, 2))).toBe('2017-04-08');
  });

  test('bridge participants have up to 6 terms, lasting 5 years 4 months at most (Note 3)', () => {
    const input = { arrival: d('2015-04-08'), cohort: 'A1' as const, country: 'United States', summer2Arrival: d('2015-08-02') };
    const plan = termPlan(alt, input, 6);
    expect(iso(plan[5].end)).toBe('2020-08-02');
    // Note 3 by hand: 5 years 4 months from 2015-04-09 end the day before 2020-08-09.
    expect(iso(participationLimit(alt, plan[0].start))).toBe('2020-08-08');
    expect(plan.map((t) => t.jetYear)).toEqual([1, 2, 2, 3, 4, 5]);
    expect(() => termPlan(alt, input, 7)).toThrow(/at most 6 terms/);
    expect(() => termPlan(alt, { arrival: d('2015-07-30'), cohort: 'S1' }, 6)).toThrow(/at most 5 terms/);
  });

  test('S3 ends one year from the day after the summer ② arrival; A2 from the April ① arrival', () => {
    expect(iso(termEnd(alt, { arrival: d('2023-09-10'), cohort: 'S3', summer2Arrival: d('2023-08-06') }))).toBe('2024-08-06');
    expect(iso(termEnd(alt, { arrival: d('2023-05-20'), cohort: 'A2', april1Arrival: d('2023-04-05') }))).toBe('2024-04-05');
    expect(() => termEnd(alt, { arrival: d('2023-09-10'), cohort: 'S3' })).toThrow(/summer2Arrival is needed/);
    expect(() => termEnd(alt, { arrival: d('2023-05-20'), cohort: 'A2' })).toThrow(/april1Arrival is needed/);
  });

  test('first half to 31 March, second half from 1 April (Art 5.1)', () => {
    expect(iso(firstHalfEnd(alt, d('2023-08-07')))).toBe('2024-03-31');
    const segs = termSegments(alt, d('2023-08-07'), d('2024-08-06'));
    expect(segs.map((s) => [s.half, iso(s.start), iso(s.end)])).toEqual([
      ['first', '2023-08-07', '2024-03-31'],
      ['second', '2024-04-01', '2024-08-06'],
    ]);
  });

  test('resignation notice: 30 full days between notice and leaving, so leaving − 31 (Art 6, D-10)', () => {
    // Leaving 2024-03-31: the 30 days 03-01 … 03-30 lie between, so notice by 02-29 (a leap year).
    expect(iso(lastNoticeDay(alt, d('2024-03-31')))).toBe('2024-02-29');
    // Leaving 2023-05-01: 04-01 … 04-30 lie between → notice by 03-31.
    expect(iso(lastNoticeDay(alt, d('2023-05-01')))).toBe('2023-03-31');
  });
});

describe('§9 Travel (Art 9)', () => {
  const base = { termEnd: d('2024-08-01'), lastDayOfService: d('2024-08-01') };
  test('all three conditions hold → eligible (Art 9.2)', () => {
    expect(returnAirfareEligible(alt, { ...base, departure: d('2024-08-20') })).toBe(true);
    expect(returnAirfareEligible(alt, { ...base, departure: d('2024-09-01') })).toBe(true); // 1 month from 8/2 ends 9/1
  });
  test('a late departure, a job within a month or an unfinished term → not eligible', () => {
    expect(returnAirfareEligible(alt, { ...base, departure: d('2024-09-02') })).toBe(false);
    expect(returnAirfareEligible(alt, { ...base, departure: d('2024-08-20'), nextEmploymentStart: d('2024-08-15') })).toBe(false);
    expect(returnAirfareEligible(alt, { ...base, lastDayOfService: d('2024-06-30'), departure: d('2024-07-02') })).toBe(false);
  });
  test('Art 9.3: an approved early return for reasons not the ALT’s fault is eligible', () => {
    expect(returnAirfareEligible(alt, { ...base, lastDayOfService: d('2024-06-30'), departure: d('2024-07-02'), earlyReturnApproved: true })).toBe(true);
  });
});

describe('§10 Suspension pay (Art 28)', () => {
  const first = d('2024-01-10');
  test.each([
    [0, 100],
    [29, 100], // day 30
    [30, 50], // day 31
    [59, 50], // day 60
    [60, 0], // day 61
  ])('illness, %i days after the first day → %i %%', (offset, pct) => {
    expect(suspensionPayPercent(alt, 'illness', first, first + offset)).toBe(pct);
  });
  test('work-related 100 % (less benefits), indictment 60 %', () => {
    expect(suspensionPayPercent(alt, 'work-related', first, first + 90)).toBe(100);
    expect(suspensionPayPercent(alt, 'indictment', first, first + 90)).toBe(60);
  });
});

describe('§11 CLAIR', () => {
  test.each([
    ['New York', 4950000],
    ['London', 5040000],
    ['Paris', 3870000],
    ['Singapore', 4230000],
    ['Seoul', 3240000],
    ['Sydney', 3240000],
    ['Beijing', 3420000],
    ['ニューヨーク', 4950000],
    ['ｌｏｎｄｏｎ', 5040000],
    ['北京事務所', 3420000],
  ])('cap for %s is %i', (office, cap) => {
    expect(stipendCap(clair, office)).toBe(cap);
  });

  test('months prorate: cap × months ÷ 12, rounded down (D-7)', () => {
    expect(stipendCap(clair, 'New York', 7)).toBe(2887500);
    expect(stipendCap(clair, 'Paris', 5)).toBe(1612500);
    expect(stipendCap(clair, 'Singapore', 1)).toBe(352500);
    expect(stipendCap(clair, 'Beijing', 12)).toBe(3420000);
    expect(() => stipendCap(clair, 'Paris', 13)).toThrow(/months must be whole months/);
  });

  test.each([
    ['USA', 'New York'],
    ['United States', 'New York'],
    ['アメリカ合衆国', 'New York'],
    ['Trinidad and Tobago', 'New York'],
    ['Ireland', 'London'],
    ['Finland', 'London'],
    ['Monaco', 'Paris'],
    ['Sri Lanka', 'Singapore'],
    ['New Zealand', 'Sydney'],
    ['大韓民国', 'Seoul'],
    ['中華人民共和国', 'Beijing'],
  ])('%s → %s office', (country, office) => {
    expect(officeOfCountry(clair, country).en).toBe(office);
  });

  test('a country no office covers is #N/A', () => {
    expect(() => officeOfCountry(clair, 'Brazil')).toThrow(/no CLAIR overseas office covers/);
  });

  test('who pays what', () => {
    expect(whoPays(clair, 'headquarters', 'salary')).toBe('clair');
    expect(whoPays(clair, 'overseas', 'salary')).toBe('sending');
    expect(whoPays(clair, 'overseas', 'stayExpenses')).toBe('sending-subsidised');
    expect(whoPays(clair, 'headquarters', 'stayExpenses')).toBe('none');
    expect(whoPays(clair, 'headquarters', 'relocationTravel')).toBe('clair-on-joining'); // クレア負担（クレア着任時）
    expect(whoPays(clair, 'overseas', 'relocationTravel')).toBe('sending');
    expect(whoPays(clair, 'overseas', 'businessTravel')).toBe('clair');
  });

  test('language targets and headquarters hours', () => {
    expect(languageTarget(clair, 'English').level.en).toBe('730 points');
    expect(languageTarget(clair, '仏語').level.ja).toBe('4級');
    expect(languageTarget(clair, 'Chinese').test.ja).toBe('中国語能力試験');
    expect(languageTarget(clair, 'Korean').test.ja).toBe('ハングル能力検定試験');
    expect(headquartersDailyMinutes(clair)).toBe(7 * 60 + 45);
  });
});
