// The Japanese calendar of docs/rules.md §1: national holidays under 国民の祝日に関する法律,
// the ALT year-end days (Art 11.1.2) and working days, precomputed once into day tables so
// that every question is a lookup and a working-day count is two.

import {
  Day,
  FIRST_SUPPORTED_DAY,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_DAY,
  LAST_SUPPORTED_YEAR,
  assertSupportedDay,
  dayFromYmd,
  weekday,
  ymdFromDay,
} from './days';
import { RuleError } from './errors';
import { itemAt } from './items';

export interface HolidayName {
  ja: string;
  en: string;
}

/** Names of 国民の祝日 and the other 休日; index 0 means "not a holiday". */
const NAMES: HolidayName[] = [
  { ja: '', en: '' },
  { ja: '元日', en: "New Year's Day" },
  { ja: '成人の日', en: 'Coming of Age Day' },
  { ja: '建国記念の日', en: 'National Foundation Day' },
  { ja: '天皇誕生日', en: "The Emperor's Birthday" },
  { ja: '春分の日', en: 'Vernal Equinox Day' },
  { ja: 'みどりの日', en: 'Greenery Day' },
  { ja: '昭和の日', en: 'Showa Day' },
  { ja: '憲法記念日', en: 'Constitution Memorial Day' },
  { ja: 'こどもの日', en: "Children's Day" },
  { ja: '海の日', en: 'Marine Day' },
  { ja: '山の日', en: 'Mountain Day' },
  { ja: '敬老の日', en: 'Respect for the Aged Day' },
  { ja: '秋分の日', en: 'Autumnal Equinox Day' },
  { ja: '体育の日', en: 'Health and Sports Day' },
  { ja: 'スポーツの日', en: 'Sports Day' },
  { ja: '文化の日', en: 'Culture Day' },
  { ja: '勤労感謝の日', en: 'Labor Thanksgiving Day' },
  // 振替休日 and 国民の休日: the Cabinet Office lists both simply as 休日.
  { ja: '休日', en: 'Substitute Holiday' },
  { ja: '休日', en: "Citizens' Holiday" },
  { ja: '昭和天皇の大喪の礼', en: 'Funeral of Emperor Showa' },
  { ja: '即位礼正殿の儀', en: 'Enthronement Ceremony' },
  { ja: '結婚の儀', en: 'Wedding of Crown Prince Naruhito' },
  { ja: '天皇の即位の日', en: 'Enthronement Day' },
  { ja: '年末年始', en: 'Year-end holidays' },
];
const N = {
  ganjitsu: 1, seijin: 2, kenkoku: 3, tenno: 4, shunbun: 5, midori: 6, showa: 7, kenpo: 8, kodomo: 9,
  umi: 10, yama: 11, keiro: 12, shubun: 13, taiiku: 14, sports: 15, bunka: 16, kinro: 17,
  furikae: 18, kokumin: 19, taiso: 20, sokuirei: 21, kekkon: 22, sokui: 23, nenmatsu: 24,
} as const;

/** The n-th given weekday (0 = Sunday) of a month, as a day of the month. */
function nthWeekday(y: number, m: number, n: number, wd: number): number {
  const first = weekday(dayFromYmd(y, m, 1));
  return 1 + ((wd - first + 7) % 7) + 7 * (n - 1);
}

/**
 * 春分の日 and 秋分の日 are announced each February for the next year; this formula
 * reproduces every announced date from 1980 and is valid to 2099. Integer arithmetic in
 * millionths keeps it exact.
 */
export function vernalEquinoxDay(y: number): number {
  return Math.floor((20843100 + 242194 * (y - 1980)) / 1e6) - Math.floor((y - 1980) / 4);
}
export function autumnalEquinoxDay(y: number): number {
  return Math.floor((23248800 + 242194 * (y - 1980)) / 1e6) - Math.floor((y - 1980) / 4);
}

/** The 国民の祝日 of a year (Art 2 of the holiday law, as amended), day of year → name index. */
function statutoryHolidays(y: number): Map<Day, number> {
  const h = new Map<Day, number>();
  const add = (m: number, d: number, name: number) => h.set(dayFromYmd(y, m, d), name);
  const monday = 1;

  add(1, 1, N.ganjitsu);
  add(1, y >= 2000 ? nthWeekday(y, 1, 2, monday) : 15, N.seijin); // Happy Monday from 2000
  add(2, 11, N.kenkoku);
  if (y >= 2020) add(2, 23, N.tenno); // 天皇誕生日 moved with the 2019 accession
  add(3, vernalEquinoxDay(y), N.shunbun);
  add(4, 29, y <= 1988 ? N.tenno : y <= 2006 ? N.midori : N.showa);
  add(5, 3, N.kenpo);
  if (y >= 2007) add(5, 4, N.midori);
  add(5, 5, N.kodomo);
  if (y === 2020) add(7, 23, N.umi); // Olympic special years
  else if (y === 2021) add(7, 22, N.umi);
  else if (y >= 2003) add(7, nthWeekday(y, 7, 3, monday), N.umi);
  else if (y >= 1996) add(7, 20, N.umi);
  if (y === 2020) add(8, 10, N.yama);
  else if (y === 2021) add(8, 8, N.yama);
  else if (y >= 2016) add(8, 11, N.yama);
  add(9, y >= 2003 ? nthWeekday(y, 9, 3, monday) : 15, N.keiro);
  add(9, autumnalEquinoxDay(y), N.shubun);
  if (y === 2020) add(7, 24, N.sports);
  else if (y === 2021) add(7, 23, N.sports);
  else if (y >= 2022) add(10, nthWeekday(y, 10, 2, monday), N.sports);
  else if (y >= 2000) add(10, nthWeekday(y, 10, 2, monday), N.taiiku);
  else add(10, 10, N.taiiku);
  add(11, 3, N.bunka);
  add(11, 23, N.kinro);
  if (y >= 1989 && y <= 2018) add(12, 23, N.tenno);

  // One-off holidays made by their own laws, treated as 国民の祝日.
  if (y === 1989) add(2, 24, N.taiso);
  if (y === 1990) add(11, 12, N.sokuirei);
  if (y === 1993) add(6, 9, N.kekkon);
  if (y === 2019) {
    add(5, 1, N.sokui);
    add(10, 22, N.sokuirei);
  }
  return h;
}

/** All 休日 of the holiday law for a year: 国民の祝日, 振替休日 (Art 3.2) and 国民の休日 (Art 3.3). */
export function nationalHolidaysOfYear(y: number): Map<Day, number> {
  if (!Number.isInteger(y) || y < FIRST_SUPPORTED_YEAR || y > LAST_SUPPORTED_YEAR) {
    throw RuleError.value('year', `year ${y} is outside the supported range 1980–2099 (D-1)`, `${y}年は対応範囲（1980〜2099年）の外です（D-1）`);
  }
  // Neighbouring years too: a substitute day of 12/31 or a 国民の休日 across New Year would cross.
  const shuku = statutoryHolidays(y);
  const all = new Map(shuku);
  const sunday = 0;
  // Art 3.2 振替休日: before 2007 the next day; from 2007 the next day that is not a 国民の祝日.
  for (const day of shuku.keys()) {
    if (weekday(day) !== sunday) continue;
    let sub = day + 1;
    if (y >= 2007) while (shuku.has(sub)) sub++;
    if (!shuku.has(sub)) all.set(sub, N.furikae);
  }
  // Art 3.3 国民の休日 (from 1986): a day between two 国民の祝日. Before 2007 a Sunday or a
  // 振替休日 is excluded; from 2007 only days that are not 国民の祝日 themselves.
  if (y >= 1986) {
    for (const day of shuku.keys()) {
      const between = day + 1;
      if (!shuku.has(between + 1) || shuku.has(between)) continue;
      if (y < 2007 && (weekday(between) === sunday || all.has(between))) continue;
      if (!all.has(between)) all.set(between, N.kokumin);
    }
  }
  return all;
}

// ---- day tables ----------------------------------------------------------------------------

const FLAG_NATIONAL = 1; // 休日 under the holiday law
const FLAG_YEAR_END = 2; // 12/29–1/3 (Art 11.1.2)
const FLAG_WEEKEND = 4; // 週休日: Saturday and Sunday (Art 10.2)

interface Tables {
  flags: Uint8Array;
  names: Uint8Array;
  /** workingBefore[i] = working days among the first i days of the range. */
  workingBefore: Int32Array;
}

let tables: Tables | undefined;

function buildTables(): Tables {
  const size = TABLE_SIZE;
  const flags = new Uint8Array(size);
  const names = new Uint8Array(size);
  for (let y = FIRST_SUPPORTED_YEAR; y <= LAST_SUPPORTED_YEAR; y++) {
    for (const [day, name] of nationalHolidaysOfYear(y)) {
      const i = day - FIRST_SUPPORTED_DAY;
      if (i < 0 || i >= size) continue;
      flags[i] = FLAG_NATIONAL; // the first flag a day gets
      names[i] = name;
    }
  }
  const workingBefore = new Int32Array(size + 1);
  let working = 0;
  flags.forEach((national, i) => {
    const day = FIRST_SUPPORTED_DAY + i;
    const { m, d } = ymdFromDay(day);
    let f = national;
    if ((m === 12 && d >= 29) || (m === 1 && d <= 3)) {
      f |= FLAG_YEAR_END;
      if (names[i] === 0) names[i] = N.nenmatsu;
    }
    const wd = weekday(day);
    if (wd === 0 || wd === 6) f |= FLAG_WEEKEND;
    flags[i] = f;
    if (f === 0) working++;
    workingBefore[i + 1] = working;
  });
  return { flags, names, workingBefore };
}

function getTables(): Tables {
  return (tables ??= buildTables());
}

const TABLE_SIZE = LAST_SUPPORTED_DAY - FIRST_SUPPORTED_DAY + 1;

/** Index into the day tables; a day outside D-1's range (or not a whole day) is an error. */
function indexOf(day: Day, what: string): number {
  const i = day - FIRST_SUPPORTED_DAY;
  // `i >>> 0 === i` is true only for whole numbers from 0: one test on the hot path.
  if (i >>> 0 !== i || i >= TABLE_SIZE) assertSupportedDay(day, what);
  return i;
}

/** A day's flags; the day is checked against D-1's range first. */
function flagsOf(day: Day): number {
  return itemAt(getTables().flags, indexOf(day, 'date'), 'calendar flags');
}

/** A holiday's name by its number in the table (0: not a holiday). */
function nameOf(n: number): HolidayName {
  return itemAt(NAMES, n, 'holiday names');
}

/** A 休日 of the holiday law (国民の祝日, 振替休日, 国民の休日). Art 11.1.1. */
export function isNationalHoliday(day: Day): boolean {
  return (flagsOf(day) & FLAG_NATIONAL) !== 0;
}

/** A 休日 of the ALT rules: a national holiday or a year-end day 12/29–1/3. Art 11.1. */
export function isAltHoliday(day: Day): boolean {
  return (flagsOf(day) & (FLAG_NATIONAL | FLAG_YEAR_END)) !== 0;
}

/** 週休日: Saturday or Sunday. Art 10.2. */
export function isWeeklyRestDay(day: Day): boolean {
  const wd = weekday(day);
  return wd === 0 || wd === 6;
}

/** A working day: neither a 週休日 nor a 休日 (Art 10.2, 11). */
export function isWorkday(day: Day): boolean {
  return flagsOf(day) === 0;
}

/**
 * The holiday's name: a national holiday's Japanese (or English) name, 年末年始 for the other
 * year-end days of Art 11.1.2, or '' on any other day.
 */
export function holidayName(day: Day, lang: 'ja' | 'en' = 'ja'): string {
  return nameOf(itemAt(getTables().names, indexOf(day, 'date'), 'holiday name numbers'))[lang];
}

/** Working days from `start` to `end`, both included, in O(1); 0 when end is before start. */
export function workingDaysBetween(start: Day, end: Day): number {
  const a = indexOf(start, 'start');
  const b = indexOf(end, 'end');
  if (b < a) return 0;
  const w = getTables().workingBefore;
  return itemAt(w, b + 1, 'working days before') - itemAt(w, a, 'working days before');
}

/** Every holiday of a year (national and year-end), in date order. */
export function holidaysOfYear(y: number): { day: Day; ja: string; en: string }[] {
  const out: { day: Day; ja: string; en: string }[] = [];
  const t = getTables();
  const from = Math.max(dayFromYmd(y, 1, 1), FIRST_SUPPORTED_DAY);
  const to = Math.min(dayFromYmd(y, 12, 31), LAST_SUPPORTED_DAY);
  if (from > to) throw RuleError.value('year', `year ${y} is outside the supported range 1980–2099 (D-1)`, `${y}年は対応範囲（1980〜2099年）の外です（D-1）`);
  for (let day = from; day <= to; day++) {
    const name = itemAt(t.names, day - FIRST_SUPPORTED_DAY, 'holiday name numbers');
    if (name !== 0) out.push({ day, ...nameOf(name) });
  }
  return out;
}

/** For benchmarks: the raw flag table and its first day (the floor a lookup can reach). */
export function rawFlagTable(): { flags: Uint8Array; firstDay: Day } {
  return { flags: getTables().flags, firstDay: FIRST_SUPPORTED_DAY };
}
