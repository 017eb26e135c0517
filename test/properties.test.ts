// Invariants of the rules, over many generated inputs (fast-check).

import fc from 'fast-check';
import { addDays, getDay } from 'date-fns';
import {
  FIRST_SUPPORTED_DAY,
  LAST_SUPPORTED_DAY,
  dayFromSerial,
  dayFromYmd,
  defaultAltRuleset,
  isAltHoliday,
  isWeeklyRestDay,
  isWorkday,
  leaveRemaining,
  payDay,
  payForMonth,
  serialFromDay,
  termPlan,
  weekday,
  ymdFromDay,
  oneYearFrom,
  periodEnd,
  daysInMonth,
  RuleError,
} from '../src/core';

const alt = defaultAltRuleset();
// Leave room for a year of term on either side of the supported range.
const dayArb = fc.integer({ min: FIRST_SUPPORTED_DAY + 400, max: LAST_SUPPORTED_DAY - 800 });
const yearArb = fc.integer({ min: 1, max: 5 });

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

  test('a period of n months ends the day before the same date, or on the last day of a shorter month', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 24 }), (start, months) => {
        const end = periodEnd(start, months);
        const s = ymdFromDay(start);
        const e = ymdFromDay(end + 1);
        const targetMonth = ((s.m - 1 + months) % 12) + 1;
        // The next day is the corresponding date, or the 1st of the month after a short month.
        return s.d <= daysInMonth(ymdFromDay(end).y, targetMonth) ? e.d === s.d && e.m === targetMonth : e.d === 1;
      }),
    );
  });
});

describe('pay', () => {
  test('proration never exceeds the monthly pay, and never falls when service starts earlier', () => {
    fc.assert(
      fc.property(yearArb, dayArb, fc.integer({ min: 0, max: 30 }), (year, start, extra) => {
        const month = start;
        const later = payForMonth(alt, year, month, start);
        const earlier = payForMonth(alt, year, month, start - extra);
        return later <= alt.pay.monthlyByYear[year - 1] && earlier >= later && later >= 0;
      }),
    );
  });

  test('proration never falls when service ends later', () => {
    fc.assert(
      fc.property(yearArb, dayArb, fc.integer({ min: 0, max: 30 }), (year, end, extra) => {
        return payForMonth(alt, year, end, undefined, end + extra) >= payForMonth(alt, year, end, undefined, end);
      }),
    );
  });

  test('a pay day is never a holiday, a weekend or after the 21st, and no working day lies between it and the 21st', () => {
    fc.assert(
      fc.property(dayArb, (anyDay) => {
        const pd = payDay(alt, anyDay);
        const { y, m, d } = ymdFromDay(pd);
        const nominal = dayFromYmd(y, m, 21);
        let between = false;
        for (let x = pd + 1; x <= nominal; x++) if (isWorkday(x)) between = true;
        return isWorkday(pd) && !isWeeklyRestDay(pd) && !isAltHoliday(pd) && d <= 21 && !between && ymdFromDay(anyDay).m === m;
      }),
    );
  });
});

describe('terms', () => {
  test('each term ends after it starts, lasts at most one year, and the next starts the day after', () => {
    const cohort = fc.constantFrom('S1', 'S2', 'A1', 'S3', 'A2') as fc.Arbitrary<'S1' | 'S2' | 'A1' | 'S3' | 'A2'>;
    fc.assert(
      fc.property(fc.integer({ min: FIRST_SUPPORTED_DAY, max: LAST_SUPPORTED_DAY - 6 * 366 }), cohort, fc.constantFrom('USA', 'China', 'Peru', 'Jamaica'), fc.integer({ min: 1, max: 5 }), (arrival, c, country, count) => {
        const { y } = ymdFromDay(arrival);
        // Cohort dates of the arrival's fiscal year, placed as CLAIR places them.
        const fy = ymdFromDay(arrival).m >= 4 ? y : y - 1;
        const s2 = dayFromYmd(fy, 8, 6);
        const a1 = dayFromYmd(fy, 4, 5);
        const arr = c === 'S3' ? Math.max(arrival, s2 + 1) : c === 'A2' ? Math.max(arrival, a1 + 1) : arrival;
        const input = { arrival: arr, cohort: c, country, summer2Arrival: s2, april1Arrival: a1 };
        let plan;
        try {
          plan = termPlan(alt, input, count);
        } catch (e) {
          // Only a cohort date that does not fit the arrival may refuse, with a message.
          return e instanceof RuleError && /Arrival/.test(e.arg + e.message);
        }
        return plan.every((t, i) => t.end >= t.start && t.end <= oneYearFrom(t.start) && (i === 0 || t.start === plan[i - 1].end + 1));
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
        const granted = reappointed || asOf > periodEnd(start, 3) ? 20 : 10;
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
