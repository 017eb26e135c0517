// One reader for dates and one for numbers typed as text, shared by the worksheet functions
// (src/functions/coerce.ts), the sheet validator (src/validation/fields.ts) and the task pane,
// so that a text a clerk types means the same everywhere (README "The worksheet functions").

import { InvariantError } from './items';
import { zeroPad } from './text';
import { Day, dayFromYmd, isValidYmd, isoFromDay, ymdFromDay } from './days';

/** A reading that failed for a reason worth telling (not merely "not this kind of text"). */
export type TextRead<T> = { ok: true; value: T } | { ok: false; en: string; ja: string };

/** Longer text cannot be a number or a date; refuse it before any work on it. */
export const MAX_VALUE_TEXT = 64;

/** Japanese eras that reach into the supported years (D-1: 1980–2099), first and last day. */
const ERAS: { names: string[]; ja: string; en: string; base: number; first: [number, number, number]; last?: [number, number, number] }[] = [
  { names: ['令和', 'r'], ja: '令和', en: 'Reiwa', base: 2018, first: [2019, 5, 1] },
  { names: ['平成', 'h'], ja: '平成', en: 'Heisei', base: 1988, first: [1989, 1, 8], last: [2019, 4, 30] },
  { names: ['昭和', 's'], ja: '昭和', en: 'Showa', base: 1925, first: [1926, 12, 25], last: [1989, 1, 7] },
];

const WEEKDAY = '(?:[(（][日月火水木金土](?:曜日?)?[)）])?';
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const KANJI = new RegExp(`^(\\d{4})年(\\d{1,2})月(\\d{1,2})日?${WEEKDAY}$`);
const ERA_KANJI = new RegExp(`^(令和|平成|昭和)(\\d{1,2}|元)年(\\d{1,2})月(\\d{1,2})日?${WEEKDAY}$`);
const ERA_LETTER = /^(令和|平成|昭和|[rhs])(\d{1,2}|元)[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** The era a pattern's first group names (the patterns list only the eras of ERAS). */
function eraNamed(name: string | undefined): (typeof ERAS)[number] {
  const era = ERAS.find((e) => name !== undefined && e.names.includes(name));
  if (!era) throw new InvariantError(`an era pattern matched "${name}", which no era of ERAS has`);
  return era;
}

/** Full-width digits and letters, ㍻ / ㋿ and spaces: NFKC, lower case, no white space. */
function normalise(text: string): string {
  return (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC')).toLowerCase().replace(/\s+/g, '');
}

function western(y: number, m: number, d: number, shown: string): TextRead<Day> {
  if (!isValidYmd(y, m, d)) return { ok: false, en: `${shown} is not a day of the calendar`, ja: `${shown} は存在しない日付です` };
  return { ok: true, value: dayFromYmd(y, m, d) };
}

/**
 * A date typed as text: `2023-07-30`, `2023/7/30`, `2023年7月30日`, `令和5年7月30日`, `令和元年…`,
 * `R5.7.30`, `R05/08/01`, `H27.4.8`, `平成27年4月8日`, in full width too. An era date outside its
 * era (令和1年4月30日, 平成31年5月1日) is an error, not a guess. `undefined`: not date text at all.
 * @example readDateText('R5.7.30') // { ok: true, value: day of 2023-07-30 }
 */
export function readDateText(text: string): TextRead<Day> | undefined {
  if (text.length > MAX_VALUE_TEXT) return undefined;
  const t = normalise(text);
  let m = ISO.exec(t) ?? KANJI.exec(t);
  if (m) return western(Number(m[1]), Number(m[2]), Number(m[3]), text.trim());
  m = ERA_KANJI.exec(t) ?? ERA_LETTER.exec(t);
  if (!m) return undefined;
  const era = eraNamed(m[1]);
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  const [y, mo, d] = [era.base + eraYear, Number(m[3]), Number(m[4])];
  const shown = text.trim();
  if (eraYear < 1) return { ok: false, en: `${shown}: an era year starts at 1 (元年)`, ja: `${shown}: 元号の年は1（元年）からです` };
  const read = western(y, mo, d, shown);
  if (!read.ok) return read;
  const first = dayFromYmd(...era.first);
  const last = era.last ? dayFromYmd(...era.last) : undefined;
  if (read.value < first || (last !== undefined && read.value > last)) {
    const span = `${isoFromDay(first)}${last !== undefined ? ` – ${isoFromDay(last)}` : ' onward'}`;
    const spanJa = `${isoFromDay(first)}${last !== undefined ? `〜${isoFromDay(last)}` : ' 以降'}`;
    return { ok: false, en: `${shown} does not exist: ${era.en} (${era.ja}) runs ${span}`, ja: `${shown} は存在しない日付です（${era.ja}は ${spanJa}）` };
  }
  return read;
}

const ISO_MONTH = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?$/;
const ERA_MONTH = /^(令和|平成|昭和|[rhs])(\d{1,2}|元)(?:[-/.]|年)(\d{1,2})月?$/;

/**
 * A month as clerks type it: `2024-07`, `2024/7`, `2024年7月`, `令和6年7月`, `令和元年5月`, `R6.7`,
 * `H31/4`, full width too — or any date text of that month (`2024-07-15`, `R6.7.15`). The value is
 * the month's first day. An era month outside its era (令和1年4月, 平成31年5月) is an error, not a
 * guess. `undefined`: not month text at all.
 * @example readMonthText('令和6年7月') // { ok: true, value: day of 2024-07-01 }
 */
export function readMonthText(text: string): TextRead<Day> | undefined {
  if (text.length > MAX_VALUE_TEXT) return undefined;
  const t = normalise(text);
  const shown = text.trim();
  const bad = { ok: false as const, en: `${shown} is not a month of the calendar (months run 1–12)`, ja: `${shown} は存在しない月です（月は1〜12）` };
  let m = ISO_MONTH.exec(t);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { ok: true, value: dayFromYmd(Number(m[1]), Number(m[2]), 1) } : bad;
  m = ERA_MONTH.exec(t);
  if (m) {
    const era = eraNamed(m[1]);
    const eraYear = m[2] === '元' ? 1 : Number(m[2]);
    const [y, mo] = [era.base + eraYear, Number(m[3])];
    if (eraYear < 1) return { ok: false, en: `${shown}: an era year starts at 1 (元年)`, ja: `${shown}: 元号の年は1（元年）からです` };
    if (mo < 1 || mo > 12) return bad;
    // The month exists in the era when any of its days does.
    const first = dayFromYmd(y, mo, 1);
    const last = (mo === 12 ? dayFromYmd(y + 1, 1, 1) : dayFromYmd(y, mo + 1, 1)) - 1;
    const eraFirst = dayFromYmd(...era.first);
    const eraLast = era.last ? dayFromYmd(...era.last) : undefined;
    if (last < eraFirst || (eraLast !== undefined && first > eraLast)) {
      const span = `${isoFromDay(eraFirst)}${eraLast !== undefined ? ` – ${isoFromDay(eraLast)}` : ' onward'}`;
      const spanJa = `${isoFromDay(eraFirst)}${eraLast !== undefined ? `〜${isoFromDay(eraLast)}` : ' 以降'}`;
      return { ok: false, en: `${shown} does not exist: ${era.en} (${era.ja}) runs ${span}`, ja: `${shown} は存在しない月です（${era.ja}は ${spanJa}）` };
    }
    return { ok: true, value: first };
  }
  const day = readDateText(text);
  if (!day?.ok) return day;
  const ymd = ymdFromDay(day.value);
  return { ok: true, value: dayFromYmd(ymd.y, ymd.m, 1) };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * A number typed as text: `280000`, `280,000`, `¥280,000`, `280,000円`, `２８００００`, `-1.5`, `1e3`.
 * Thousands separators only in groups of three. `undefined` when the text is not a number.
 * @example readNumberText('¥280,000') // 280000
 */
export function readNumberText(text: string): number | undefined {
  if (text.length > MAX_VALUE_TEXT) return undefined;
  let t = normalise(text).replace(/[\u2212\u2012\u2013]/g, '-');
  t = t.replace(/^([+-]?)[¥\\]/, '$1').replace(/円$/, '');
  if (t.includes(',')) {
    if (!GROUPED.test(t)) return undefined;
    t = t.replace(/,/g, '');
  }
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

// ---- hours ----------------------------------------------------------------------------------

/**
 * What an amount of time may be where it is asked for: at least `least` and at most `most`
 * minutes, `en` / `ja` naming the upper bound for the message ("one day (24:00)").
 */
export interface HoursSpan {
  least: number;
  most: number;
  en: string;
  ja: string;
}

/** One day's time taken (nursing or care time, a day's partial leave cap): 0:00 to 24:00. */
export const HOURS_OF_A_DAY: HoursSpan = { least: 0, most: 24 * 60, en: 'one day (24:00)', ja: '1日（24:00）' };

/** An hourly ledger entry (README "The leave ledger"): some time, within its one day — 0:01 to 24:00. */
export const HOURS_OF_AN_ENTRY: HoursSpan = { ...HOURS_OF_A_DAY, least: 1 };

/** How a bare number is meant: hours (2.5, the default), minutes (150), or an Excel time value (a fraction of a day). */
export type HoursUnit = 'hours' | 'minutes' | 'time';

const MINUTES_PER: Record<HoursUnit, number> = { hours: 60, minutes: 1, time: 24 * 60 };

const H_MM = /^(\d{1,4}):(\d{1,2})(?::(\d{1,2}))?$/; // Excel reads 1:5 as 1:05, [h]:mm:ss as well
const JA_HOURS = /^(?:(\d+(?:\.\d+)?)時間)?(?:(\d+)分|(半))?$/;
const EN_HOURS = /^(?:(\d+(?:\.\d+)?)(?:h|hr|hrs|hours?))?(?:(\d+)(?:m|min|mins|minutes?))?$/;
const PLAIN = /^([+-]?)(\d+\.?\d*|\.\d+)$/;

const HOURS_HELP = { en: 'write h:mm (1:15), hours (1.25) or 1時間15分', ja: 'h:mm（1:15）、時間数（1.25）または 1時間15分 で入力してください' };

/** A float's noise (2 + 25/60 hours is 144.99999999999997 minutes) settled on a millionth of a minute; nothing coarser. */
function settle(minutes: number): number {
  return Math.abs(minutes) < 1e12 ? Math.round(minutes * 1e6) / 1e6 : minutes;
}

function hoursShown(minutes: number): string {
  return `${+(minutes / 60).toPrecision(6)} h`;
}

/**
 * The one reader of an amount of time, for worksheet functions, sheets and pane alike: a number in
 * `unit` (hours by default), or text `1:15`, `1:15:00`, `1.25`, `1時間15分`, `1時間半`, `75分`,
 * `1h15m`, in full width too. Whole minutes within `span`; a fraction of a minute (1.01 h), a
 * negative time or more than the span allows is refused with its reason, never rounded.
 * @example readHours('1:15', HOURS_OF_A_DAY) // { ok: true, value: 75 }
 */
export function readHours(v: number | string, span: HoursSpan, unit: HoursUnit = 'hours'): TextRead<number> {
  let minutes: number | undefined;
  let shown: string;
  if (typeof v === 'number') {
    shown = unit === 'hours' ? `${v} h` : unit === 'minutes' ? `${v} min` : `${v} (time value)`;
    if (Number.isFinite(v)) minutes = v * MINUTES_PER[unit];
  } else {
    shown = `"${v.length > 40 ? `${v.slice(0, 40)}…` : v.trim()}"`;
    const t = v.length > MAX_VALUE_TEXT ? '' : normalise(v).replace(/[\u2212\u2012\u2013]/g, '-');
    const hm = H_MM.exec(t);
    const ja = JA_HOURS.exec(t);
    const en = EN_HOURS.exec(t);
    const plain = PLAIN.exec(t);
    if (hm) {
      if (Number(hm[2]) > 59 || Number(hm[3] ?? 0) > 59) return { ok: false, en: `${shown} is not a time: minutes and seconds run 0–59; ${HOURS_HELP.en}`, ja: `${shown} は時間ではありません（分・秒は0〜59）。${HOURS_HELP.ja}` };
      minutes = Number(hm[1]) * 60 + Number(hm[2]) + Number(hm[3] ?? 0) / 60;
    } else if (ja && t !== '' && (ja[1] !== undefined || ja[2] !== undefined) && !(ja[1] === undefined && ja[3])) {
      if (ja[1] !== undefined && Number(ja[2] ?? 0) > 59) return { ok: false, en: `${shown}: minutes after hours run 0–59; ${HOURS_HELP.en}`, ja: `${shown}: 時間の後の分は0〜59です。${HOURS_HELP.ja}` };
      minutes = Number(ja[1] ?? 0) * 60 + (ja[3] ? 30 : Number(ja[2] ?? 0));
    } else if (en && t !== '') {
      if (en[1] !== undefined && Number(en[2] ?? 0) > 59) return { ok: false, en: `${shown}: minutes after hours run 0–59; ${HOURS_HELP.en}`, ja: `${shown}: 時間の後の分は0〜59です。${HOURS_HELP.ja}` };
      minutes = Number(en[1] ?? 0) * 60 + Number(en[2] ?? 0);
    } else if (plain) {
      minutes = Number(`${plain[1]}${plain[2]}`) * MINUTES_PER[unit];
    }
  }
  if (minutes === undefined || !Number.isFinite(minutes)) return { ok: false, en: `${shown} is not a time; ${HOURS_HELP.en}`, ja: `${shown} は時間ではありません。${HOURS_HELP.ja}` };
  if (minutes < 0) return { ok: false, en: `${shown} is below zero; a time is zero or more`, ja: `${shown} は0未満です。時間は0以上で入力してください` };
  if (minutes > span.most) {
    const h = hoursShown(minutes);
    return { ok: false, en: `${shown === h ? h : `${shown} (${h})`} is more than ${span.en}`, ja: `${shown === h ? h.replace(' h', '時間') : `${shown}（${h.replace(' h', '時間')}）`}は${span.ja}を超えています` };
  }
  const whole = settle(minutes);
  if (!Number.isInteger(whole)) {
    const m = Math.floor(whole);
    return { ok: false, en: `${shown} is ${+whole.toFixed(4)} minutes, not a whole minute: give whole minutes, e.g. ${Math.floor(m / 60)}:${zeroPad(m % 60, 2)} (nothing is rounded here; Art 8.2 rounds the month's total)`, ja: `${shown} は${+whole.toFixed(4)}分で、分単位ではありません。${Math.floor(m / 60)}:${zeroPad(m % 60, 2)} のように分単位で入力してください（ここでは端数処理しません。端数処理は月の合計で第8条第2項による）` };
  }
  if (whole < span.least) return { ok: false, en: `${shown} is no time; give the time taken, ${span.least} minute${span.least === 1 ? '' : 's'} or more`, ja: `${shown} では時間がありません。${span.least}分以上を入力してください` };
  return { ok: true, value: whole };
}

// ---- leave balances -------------------------------------------------------------------------

/** A balance of annual leave as clerks keep it: minutes, and how far off the written figure may be. */
export interface LeaveAmount {
  minutes: number;
  /** Half the last unit written: a decimal 16.43 days is 16.425–16.435 days; `9日5時間30分` is exact. */
  toleranceMinutes: number;
}

const JA_LEAVE = /^(?:(\d+)日)?(?:(\d+)時間)?(?:(\d+)分)?$/;
const EN_LEAVE = /^(?:(\d+)(?:d|days?))?(?:(\d+)(?:h|hours?))?(?:(\d+)(?:m|min|minutes?))?$/;

/**
 * Days of leave left as written on a roster or a 休暇簿 (CONTRACT §3, §4): days as a number or text
 * (`9.5`), or `9日5時間30分`, `9日`, `5時間30分`, `9d 5h 30m`, full width too; a day is `hoursPerDay`
 * hours (Art 12.1: 7). Negative or unreadable amounts are refused with the forms allowed.
 * @example readLeaveAmount('9日5時間30分', 7) // { ok: true, value: { minutes: 4110, toleranceMinutes: 0 } }
 */
export function readLeaveAmount(v: number | string, hoursPerDay: number): TextRead<LeaveAmount> {
  const perDay = hoursPerDay * 60;
  const shown = typeof v === 'number' ? String(v) : `"${v.length > 40 ? `${v.slice(0, 40)}…` : v.trim()}"`;
  const refuse = { ok: false as const, en: `${shown} is not an amount of leave; write days (9.5) or 9日5時間30分`, ja: `${shown} は休暇の日数ではありません。日数（9.5）か 9日5時間30分 のように入力してください` };
  const fromDecimal = (n: number, text: string): TextRead<LeaveAmount> => {
    if (!Number.isFinite(n) || n < 0) return refuse;
    const decimals = /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
    return { ok: true, value: { minutes: n * perDay, toleranceMinutes: decimals === 0 ? 0 : (0.5 * perDay) / 10 ** decimals } };
  };
  if (typeof v === 'number') return fromDecimal(v, String(v));
  if (v.length > MAX_VALUE_TEXT) return refuse;
  const t = normalise(v).replace(/\s+/g, '').toLowerCase();
  if (t === '') return refuse;
  const plain = /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
  if (plain !== undefined) return fromDecimal(plain, t);
  const m = JA_LEAVE.exec(t) ?? EN_LEAVE.exec(t);
  if (!m) return refuse;
  // Each part is optional: a part not written is 0.
  const [days, hours, minutes] = [Number(m[1] ?? 0), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  if (hours >= hoursPerDay || minutes > 59) return { ok: false, en: `${shown}: hours run 0–${hoursPerDay - 1} (a day is ${hoursPerDay} h) and minutes 0–59`, ja: `${shown}: 時間は0〜${hoursPerDay - 1}（1日は${hoursPerDay}時間）、分は0〜59です` };
  return { ok: true, value: { minutes: days * perDay + hours * 60 + minutes, toleranceMinutes: 0 } };
}

/** Minutes of leave as clerks write them: `9日5時間30分` (a day of `hoursPerDay` hours). */
export function leaveAmountText(minutes: number, hoursPerDay: number): { en: string; ja: string } {
  const perDay = hoursPerDay * 60;
  const whole = Math.round(minutes);
  const d = Math.floor(whole / perDay);
  const h = Math.floor((whole % perDay) / 60);
  const m = whole % 60;
  return { en: `${d} days ${h} h ${m} min`, ja: `${d}日${h}時間${m}分` };
}
