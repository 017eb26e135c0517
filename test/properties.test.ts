// Invariants of the rules, over many generated inputs (fast-check).

import fc from 'fast-check';
import { addDays, getDay } from 'date-fns';
import holidayJp from '@holiday-jp/holiday_jp/lib/holidays';
import {
  FIRST_SUPPORTED_DAY,
  LAST_SUPPORTED_DAY,
  dayFromSerial,
  dayFromYmd,
  builtInRuleset,
  leaveRemaining,
  payDay,
  payForMonth,
  serialFromDay,
  termPlan,
  weekday,
  ymdFromDay,
  periodEnd,
  RuleError,
} from '../src/core';

const alt = builtInRuleset('alt', 'saitama-alt-r5');
// Leave room for a year of term on either side of the supported range.
const dayArb = fc.integer({ min: FIRST_SUPPORTED_DAY + 400, max: LAST_SUPPORTED_DAY - 800 });
const yearArb = fc.integer({ min: 1, max: 5 });

// ---- Oracles written here, independent of src/core: JS Date in UTC, the rule text by hand ----
const MS_PER_DAY = 86_400_000;
const utc = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY; // JS normalises overflow
const utcParts = (day: number) => {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), dow: t.getUTCDay() };
};
const utcIso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const isWeekend = (day: number) => utcParts(day).dow === 0 || utcParts(day).dow === 6;
/** Art 7.1 table as docs/rules.md §2 states it. */
const MONTHLY_BY_HAND = [280_000, 300_000, 325_000, 330_000, 330_000];

/**
 * 民法 Art 143 by hand: `months` months counted from a start day end the day before the same
 * date `months` later; when that date does not exist, on the last day of that month.
 */
function civilPeriodEnd(start: number, months: number): number {
  const { y, m, d } = utcParts(start);
  const same = utcParts(utc(y, m + months, d));
  const targetMonth = ((m - 1 + months) % 12) + 1;
  if (same.m === targetMonth) return utc(y, m + months, d) - 1;
  return utc(y, m + months + 1, 0); // day 0 of the next month = the last day of the target month
}
const civilOneYear = (start: number) => civilPeriodEnd(start, 12);

describe('calendar arithmetic', () => {
  test('day ⇄ y/m/d round-trips, and weekdays agree with date-fns in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), (day) => {
        const { y, m, d } = ymdFromDay(day);
        const jsDate = addDays(new Date(Date.UTC(1970, 0, 1)), day);
        return dayFromYmd(y, m, d) === day && jsDate.getUTCFullYear() === y && jsDate.getUTCMonth() + 1 === m && jsDate.getUTCDate() === d && getDay(jsDate) === weekday(day);
      }),
    );
  });

  test('Excel serials: 1900 and 1904 systems round-trip and differ by 1462 days', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const s1900 = serialFromDay(day, '1900');
        const s1904 = serialFromDay(day, '1904');
        return dayFromSerial(s1900, '1900') === day && dayFromSerial(s1904, '1904') === day && s1900 - s1904 === 1462;
      }),
    );
    expect(serialFromDay(dayFromYmd(1900, 3, 1))).toBe(61);
    expect(serialFromDay(dayFromYmd(2023, 8, 1))).toBe(45139);
    expect(() => dayFromSerial(60)).toThrow(RuleError);
    expect(() => dayFromSerial(60)).toThrow(/1900-02-29/);
  });

  test('the civil-code oracle itself gives RULES.md §5 and §8 hand-worked dates', () => {
    expect(utcIso(civilPeriodEnd(utc(2023, 8, 1), 3) + 1)).toBe('2023-11-01'); // D-4
    expect(utcIso(civilPeriodEnd(utc(2023, 11, 29), 3) + 1)).toBe('2024-02-29');
    expect(utcIso(civilPeriodEnd(utc(2023, 11, 30), 3) + 1)).toBe('2024-03-01');
    expect(utcIso(civilOneYear(utc(2023, 3, 1)))).toBe('2024-02-29'); // §8: arrival 2023-02-28
    expect(utcIso(civilOneYear(utc(2024, 2, 29)))).toBe('2025-02-28'); // Art 143.2
    expect(utcIso(civilOneYear(utc(2015, 4, 9)))).toBe('2016-04-08'); // §8 D-8 example
    expect(utcIso(civilOneYear(utc(2015, 8, 3)))).toBe('2016-08-02');
  });

  test('a period of n months ends where the civil-code oracle says (民法 Art 143)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 64 }), (start, months) => {
        expect(utcIso(periodEnd(start, months))).toBe(utcIso(civilPeriodEnd(start, months)));
      }),
    );
  });
});

describe('pay', () => {
  /** First and last day of the month containing `day`, by JS Date. */
  const monthOf = (day: number) => {
    const { y, m } = utcParts(day);
    return { first: utc(y, m, 1), last: utc(y, m + 1, 0) };
  };
  /** Art 7.3 by hand: days that are not Saturday or Sunday (holidays are not subtracted). */
  const daysRequiringWork = (from: number, to: number) => {
    let n = 0;
    for (let x = from; x <= to; x++) if (!isWeekend(x)) n++;
    return n;
  };

  test('a month wholly in service pays the Art 7.1 table amount', () => {
    fc.assert(
      fc.property(yearArb, dayArb, fc.integer({ min: 0, max: 300 }), fc.option(fc.integer({ min: 0, max: 400 })), (year, anyDay, before, after) => {
        const { first, last } = monthOf(anyDay);
        const end = after === null ? undefined : last + after;
        expect(payForMonth(alt, year, anyDay, first - before, end)).toBe(MONTHLY_BY_HAND[year - 1]);
        expect(payForMonth(alt, year, anyDay)).toBe(MONTHLY_BY_HAND[year - 1]);
      }),
    );
  });

  test('a part month pays monthly × days served ÷ days of the month requiring work, rounded down (Art 7.3, D-2)', () => {
    fc.assert(
      fc.property(yearArb, dayArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (year, anyDay, a, b) => {
        const { first, last } = monthOf(anyDay);
        const start = Math.min(first + a, last);
        const end = Math.max(start, Math.min(last - b, last));
        const served = daysRequiringWork(start, end);
        const base = daysRequiringWork(first, last);
        const monthly = MONTHLY_BY_HAND[year - 1];
        const expected = start === first && end === last ? monthly : Number((BigInt(monthly) * BigInt(served)) / BigInt(base));
        expect(payForMonth(alt, year, anyDay, start, end)).toBe(expected);
      }),
    );
  });

  test('a month split between two service periods pays the whole month, less at most 1 yen of rounding', () => {
    fc.assert(
      fc.property(yearArb, dayArb, fc.integer({ min: 0, max: 29 }), (year, anyDay, k) => {
        const { first, last } = monthOf(anyDay);
        const split = Math.min(first + k, last - 1); // the first part ends here, the second starts the next day
        const monthly = MONTHLY_BY_HAND[year - 1];
        const sum = payForMonth(alt, year, anyDay, undefined, split) + payForMonth(alt, year, anyDay, split + 1);
        // Two amounts rounded down whose exact values add up to the monthly pay.
        const exact = (BigInt(monthly) * BigInt(daysRequiringWork(first, split))) % BigInt(daysRequiringWork(first, last)) === 0n;
        expect(sum).toBe(exact ? monthly : monthly - 1);
      }),
    );
  });

  test('a month outside the service pays 0', () => {
    fc.assert(
      fc.property(yearArb, dayArb, fc.integer({ min: 1, max: 300 }), (year, anyDay, gap) => {
        const { first, last } = monthOf(anyDay);
        expect(payForMonth(alt, year, anyDay, last + gap)).toBe(0);
        expect(payForMonth(alt, year, anyDay, undefined, first - gap)).toBe(0);
      }),
    );
  });

  test('proration never falls when service starts earlier or ends later', () => {
    fc.assert(
      fc.property(yearArb, dayArb, fc.integer({ min: 0, max: 30 }), (year, day, extra) => {
        expect(payForMonth(alt, year, day, day - extra)).toBeGreaterThanOrEqual(payForMonth(alt, year, day, day));
        expect(payForMonth(alt, year, day, undefined, day + extra)).toBeGreaterThanOrEqual(payForMonth(alt, year, day, undefined, day));
      }),
    );
  });

  test('every pay day 1980–2050 is the 21st or the nearest earlier day that is no weekend, national holiday or 12/29–1/3 (Art 7.2)', () => {
    // Independent calendar: the @holiday-jp/holiday_jp dataset (1970–2050) and JS weekdays.
    const holidays = new Set(Object.keys(holidayJp as Record<string, unknown>));
    const restDay = (day: number) => {
      const { m, d } = utcParts(day);
      return isWeekend(day) || holidays.has(utcIso(day)) || (m === 12 && d >= 29) || (m === 1 && d <= 3);
    };
    let months = 0;
    for (let y = 1980; y <= 2050; y++) {
      for (let m = 1; m <= 12; m++, months++) {
        let expected = utc(y, m, 21);
        while (restDay(expected)) expected--;
        const got = payDay(alt, utc(y, m, 5));
        if (got !== expected) expect(`${y}-${m}: ${utcIso(got)}`).toBe(`${y}-${m}: ${utcIso(expected)}`);
      }
    }
    expect(months).toBe(71 * 12);
  });
});

describe('terms', () => {
  const BRIDGE_EXEMPT = new Set(['China', 'Peru']); // of the countries drawn below (Note 2.3)
  type Cohort = 'S1' | 'S2' | 'S3' | 'A1' | 'A2';

  /** docs/rules.md §8 by hand, with the civil-code oracle: each term's [start, end]. */
  function termsByHand(c: Cohort, arrival: number, s2: number, a1: number, country: string, count: number): [string, string][] {
    const start1 = arrival + 1; // Note 2.2
    const anchor = c === 'S3' ? s2 + 1 : c === 'A2' ? a1 + 1 : start1;
    const terms: [number, number][] = [[start1, civilOneYear(anchor)]];
    const bridge = (c === 'A1' || c === 'A2') && !BRIDGE_EXEMPT.has(country);
    for (let n = 2; n <= count; n++) {
      const start = terms[n - 2][1] + 1; // Note 2.3
      terms.push([start, bridge && n === 2 ? civilOneYear(s2 + 1) : civilOneYear(start)]);
    }
    return terms.map(([a, b]) => [utcIso(a), utcIso(b)]);
  }

  test('the hand computation gives RULES.md §8’s examples', () => {
    expect(termsByHand('A1', utc(2015, 4, 8), utc(2015, 8, 2), utc(2015, 4, 8), 'USA', 3)).toEqual([
      ['2015-04-09', '2016-04-08'],
      ['2016-04-09', '2016-08-02'],
      ['2016-08-03', '2017-08-02'],
    ]);
    expect(termsByHand('A1', utc(2015, 4, 8), utc(2015, 8, 2), utc(2015, 4, 8), 'China', 2)[1]).toEqual(['2016-04-09', '2017-04-08']);
    expect(termsByHand('S1', utc(2023, 2, 28), 0, 0, 'USA', 1)).toEqual([['2023-03-01', '2024-02-29']]);
  });

  test('every term of every cohort starts and ends where RULES.md §8 and 民法 Art 143 say', () => {
    // Arrivals placed as CLAIR places its cohorts in a fiscal year: April ① early April, summer ② early August.
    const input = fc
      .record({
        fy: fc.integer({ min: 1981, max: 2090 }),
        a1Day: fc.integer({ min: 1, max: 10 }),
        s2Day: fc.integer({ min: 1, max: 9 }),
        cohort: fc.constantFrom<Cohort>('S1', 'S2', 'S3', 'A1', 'A2'),
        offset: fc.integer({ min: 0, max: 200 }),
        country: fc.constantFrom('USA', 'China', 'Peru', 'Jamaica'),
        count: fc.integer({ min: 1, max: 5 }),
      })
      .map(({ fy, a1Day, s2Day, cohort, offset, country, count }) => {
        const a1 = utc(fy, 4, a1Day);
        const s2 = utc(fy, 8, s2Day);
        const arrival = {
          S1: s2 - 1 - (offset % 14), // late July / early August
          S2: s2,
          S3: Math.min(s2 + 1 + offset, utc(fy + 1, 3, 31)),
          A1: a1,
          A2: Math.min(a1 + 1 + (offset % 80), utc(fy, 6, 30)),
        }[cohort];
        return { cohort, arrival, a1, s2, country, count };
      });
    fc.assert(
      fc.property(input, ({ cohort, arrival, a1, s2, country, count }) => {
        const plan = termPlan(alt, { arrival, cohort, country, summer2Arrival: s2, april1Arrival: a1 }, count);
        expect(plan.map((t) => [utcIso(t.start), utcIso(t.end)])).toEqual(termsByHand(cohort, arrival, s2, a1, country, count));
        expect(plan.map((t) => t.bridge)).toEqual(plan.map((_, i) => i === 1 && (cohort === 'A1' || cohort === 'A2') && !BRIDGE_EXEMPT.has(country)));
      }),
    );
  });
});

describe('annual leave', () => {
  test('remaining = granted + carried − used ÷ 7', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 140 }), fc.integer({ min: 0, max: 20 }), fc.boolean(), (start, offset, used, carried, reappointed) => {
        const asOf = start + offset;
        // Art 12.2: carried days exist only on re-appointment.
        if (carried > 0 && !reappointed) {
          expect(() => leaveRemaining(alt, { termStart: start, asOf, usedHours: used, carriedDays: carried, reappointed })).toThrow(/only on re-appointment/);
          return true;
        }
        const granted = reappointed || asOf > civilPeriodEnd(start, 3) ? 20 : 10; // D-4 by hand
        const available = (granted + carried) * 7;
        if (used > available) {
          expect(() => leaveRemaining(alt, { termStart: start, asOf, usedHours: used, carriedDays: carried, reappointed })).toThrow(/exceeds/);
          return true;
        }
        return Math.abs(leaveRemaining(alt, { termStart: start, asOf, usedHours: used, carriedDays: carried, reappointed }) - (granted + carried - used / 7)) < 1e-9;
      }),
    );
  });
});
