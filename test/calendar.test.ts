import holidayJp from '@holiday-jp/holiday_jp/lib/holidays';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JapaneseHolidays = require('japanese-holidays');
import {
  holidayName,
  holidaysOfYear,
  isAltHoliday,
  isNationalHoliday,
  isWorkday,
  workingDaysBetween,
} from '../src/core/calendar';
import { dayFromYmd, isoFromDay, ymdFromDay } from '../src/core/days';

const d = (iso: string) => {
  const [y, m, dd] = iso.split('-').map(Number);
  return dayFromYmd(y, m, dd);
};

describe('national holidays against independent datasets', () => {
  test('1980–2050: the same holiday/non-holiday status as @holiday-jp/holiday_jp on every day', () => {
    const listed = new Set(Object.keys(holidayJp as Record<string, unknown>));
    const diffs: string[] = [];
    let days = 0;
    for (let day = d('1980-01-01'); day <= d('2050-12-31'); day++, days++) {
      const iso = isoFromDay(day);
      if (listed.has(iso) !== isNationalHoliday(day)) diffs.push(`${iso}: dataset ${listed.has(iso)}, ours ${isNationalHoliday(day)}`);
    }
    expect(days).toBe(71 * 365 + 18); // 1980–2050 has 18 leap years
    expect(diffs).toEqual([]);
  });

  test('2051–2099: the same status as japanese-holidays on every day', () => {
    const diffs: string[] = [];
    for (let y = 2051; y <= 2099; y++) {
      const theirs = new Set<string>(
        JapaneseHolidays.getHolidaysOf(y).map((h: { month: number; date: number }) => `${y}-${String(h.month).padStart(2, '0')}-${String(h.date).padStart(2, '0')}`),
      );
      for (let day = d(`${y}-01-01`); day <= d(`${y}-12-31`); day++) {
        const iso = isoFromDay(day);
        if (theirs.has(iso) !== isNationalHoliday(day)) diffs.push(`${iso}: dataset ${theirs.has(iso)}, ours ${isNationalHoliday(day)}`);
      }
    }
    expect(diffs).toEqual([]);
  });

  test('names agree with @holiday-jp for every statutory holiday 1980–2050 (substitute and citizens\u2019 days are 休日)', () => {
    const mismatches: string[] = [];
    for (const [iso, h] of Object.entries(holidayJp as Record<string, { name: string }>)) {
      const y = Number(iso.slice(0, 4));
      if (y < 1980 || y > 2050) continue;
      const ours = holidayName(d(iso));
      const theirs = /振替休日$/.test(h.name) ? '休日' : h.name;
      if (ours !== theirs) mismatches.push(`${iso}: ${theirs} vs ${ours}`);
    }
    // Only these differ: one-off days carry the names of their own laws.
    expect(mismatches).toEqual([
      '1989-02-24: 大喪の礼 vs 昭和天皇の大喪の礼',
      '2019-05-01: 休日（祝日扱い） vs 天皇の即位の日',
      '2019-10-14: 体育の日（スポーツの日） vs 体育の日', // renamed only from 2020
      '2019-10-22: 休日（祝日扱い） vs 即位礼正殿の儀',
    ]);
  });
});

describe('the special and changed years of RULES.md §1', () => {
  test.each([
    ['1989-02-24', '昭和天皇の大喪の礼'],
    ['1990-11-12', '即位礼正殿の儀'],
    ['1993-06-09', '結婚の儀'],
    ['2019-04-30', '休日'],
    ['2019-05-01', '天皇の即位の日'],
    ['2019-05-02', '休日'],
    ['2019-10-22', '即位礼正殿の儀'],
    ['2020-07-23', '海の日'],
    ['2020-07-24', 'スポーツの日'],
    ['2020-08-10', '山の日'],
    ['2021-07-22', '海の日'],
    ['2021-07-23', 'スポーツの日'],
    ['2021-08-08', '山の日'],
    ['2021-08-09', '休日'],
    ['2020-02-24', '休日'],
    ['2026-09-22', '休日'],
    ['2006-05-04', '休日'],
    ['2007-05-04', 'みどりの日'],
    ['2008-05-06', '休日'],
    ['1988-04-29', '天皇誕生日'],
    ['1989-04-29', 'みどりの日'],
    ['2007-04-29', '昭和の日'],
    ['2018-12-23', '天皇誕生日'],
    ['2016-08-11', '山の日'],
    ['1999-01-15', '成人の日'],
    ['2000-01-10', '成人の日'],
    ['2026-03-20', '春分の日'],
    ['2026-09-23', '秋分の日'],
  ])('%s is %s', (iso, name) => {
    expect(holidayName(d(iso))).toBe(name);
  });

  test.each(['2019-12-23', '2015-08-11', '1985-05-04', '2021-10-11', '2020-10-12', '2021-07-19', '2002-07-15'])('%s is not a national holiday', (iso) => {
    expect(isNationalHoliday(d(iso))).toBe(false);
  });

  test('year-end days 12/29–1/3 are ALT holidays (Art 11.1.2) but not national holidays', () => {
    for (const iso of ['2023-12-29', '2023-12-30', '2023-12-31', '2024-01-02', '2024-01-03']) {
      expect(isAltHoliday(d(iso))).toBe(true);
      expect(isNationalHoliday(d(iso))).toBe(false);
      expect(holidayName(d(iso))).toBe('年末年始');
    }
    expect(holidayName(d('2024-01-01'))).toBe('元日');
    expect(isAltHoliday(d('2023-12-28'))).toBe(false);
    expect(isAltHoliday(d('2024-01-04'))).toBe(false);
  });
});

describe('working days', () => {
  test('weekends, holidays and year-end days are not working days', () => {
    expect(isWorkday(d('2023-08-11'))).toBe(false); // 山の日, a Friday
    expect(isWorkday(d('2023-08-12'))).toBe(false); // Saturday
    expect(isWorkday(d('2023-12-28'))).toBe(true);
    expect(isWorkday(d('2023-12-29'))).toBe(false); // Friday, year-end
  });

  test('August 2023 has 22 working days (23 weekdays less 山の日)', () => {
    expect(workingDaysBetween(d('2023-08-01'), d('2023-08-31'))).toBe(22);
  });

  test('the count equals a day-by-day loop for many spans', () => {
    const from = d('1980-01-01');
    const to = d('2099-12-31');
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 300; i++) {
      const a = from + Math.floor(rand() * (to - from));
      const b = Math.min(to, a + Math.floor(rand() * 800));
      let loop = 0;
      for (let x = a; x <= b; x++) if (isWorkday(x)) loop++;
      expect(workingDaysBetween(a, b)).toBe(loop);
    }
    expect(workingDaysBetween(d('2023-08-31'), d('2023-08-01'))).toBe(0);
  });

  test('outside 1980–2099 is an error naming the range', () => {
    expect(() => isWorkday(d('1979-12-31'))).toThrow(/1980-01-01 to 2099-12-31/);
    expect(() => isWorkday(d('2100-01-01'))).toThrow(/outside the supported range/);
    expect(() => holidaysOfYear(2100)).toThrow(/outside/);
  });

  test('holidaysOfYear lists 2026 in order with both languages', () => {
    const list = holidaysOfYear(2026);
    const days = list.map((h) => h.day);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    const sep = list.find((h) => isoFromDay(h.day) === '2026-09-22');
    expect(sep).toMatchObject({ ja: '休日', en: "Citizens' Holiday" });
    expect(ymdFromDay(list[0].day)).toEqual({ y: 2026, m: 1, d: 1 });
  });
});
