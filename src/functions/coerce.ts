// Excel arguments → typed values, the same for a worksheet cell and a CLI call.
// Every refusal is a RuleError naming the argument and what is allowed.

import { Day, zeroPad, FIRST_SUPPORTED_DAY, HoursSpan, HoursUnit, readHours, LAST_SUPPORTED_DAY, RuleError, assertSupportedDay, dayFromSerial, dayFromYmd, isSupportedDay, isValidYmd, readDateText, readMonthText, readNumberText, serialFromDay, ymdFromDay } from '../core';

/** A serial outside D-1's range, in the user's own terms: the number typed, never an internal day. */
function outOfRangeSerial(serial: number, arg: string): RuleError {
  const lo = serialFromDay(FIRST_SUPPORTED_DAY);
  const hi = serialFromDay(LAST_SUPPORTED_DAY);
  // 20230801 is most likely 2023-08-01 typed as digits.
  const w = Math.trunc(serial);
  const y = Math.floor(w / 10000);
  const m = Math.floor((w % 10000) / 100);
  const d = w % 100;
  const digits = Number.isInteger(serial) && isValidYmd(y, m, d) && isSupportedDay(dayFromYmd(y, m, d)) ? `${y}-${zeroPad(m, 2)}-${zeroPad(d, 2)}` : undefined;
  const hint = digits ? `; if you meant ${digits}, enter it as a date or as text "${digits}"` : '';
  const hintJa = digits ? `。${digits} の意味なら日付か文字列「${digits}」で入力してください` : '';
  return RuleError.value(
    arg,
    `${arg} ${serial} is not a date from 1980-01-01 to 2099-12-31 (D-1): as an Excel date it must be ${lo} to ${hi}${hint}`,
    `${arg} ${serial} は 1980-01-01〜2099-12-31 の日付ではありません（D-1）。Excel の日付値は ${lo}〜${hi} です${hintJa}`,
  );
}

/** A raw argument as Excel (or a JSON line) passes it. */
export type Raw = number | string | boolean | null | undefined | Raw[][] | Raw[];

export function isMissing(v: Raw): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * A blank cell of a range whose cells are dates, names or hours (no meaningful 0): null, "" or the 0
 * older Excel desktop builds pass for an empty cell, inside ranges too (OfficeDev/office-js#5262).
 */
export function blankCell(v: Raw): boolean {
  return v === 0 || isMissing(v);
}

function describe(v: Raw): string {
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (Array.isArray(v)) return 'a range';
  return String(v);
}

/** Longer text cannot be a number or a date; refuse it before any work on it. */
const MAX_VALUE_TEXT = 64;

/** Numbers typed as text (`¥280,000`, full width): the one reader the validator uses too. */
function numericText(s: string): number | undefined {
  return s.length > MAX_VALUE_TEXT ? undefined : readNumberText(s);
}

export function toNumber(v: Raw, arg: string): number {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw RuleError.value(arg, `${arg} must be a finite number`, `${arg} は有限の数値でなければなりません`);
    return v;
  }
  if (typeof v === 'string') {
    const n = numericText(v);
    if (n !== undefined) return n;
  }
  throw RuleError.value(arg, `${arg} must be a number; got ${describe(v)}`, `${arg} は数値で指定してください。入力: ${describe(v)}`);
}

export function toInteger(v: Raw, arg: string, min: number, max: number, what = 'a whole number', whatJa = '整数'): number {
  const n = toNumber(v, arg);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw RuleError.value(arg, `${arg} must be ${what} from ${min} to ${max}; got ${describe(v)}`, `${arg} は${min}〜${max}の${whatJa}で指定してください。入力: ${describe(v)}`);
  }
  return n;
}

/** A date: an Excel serial (1900 system) or text YYYY-MM-DD / YYYY/MM/DD, within 1980–2099 (D-1). */
export function toDay(v: Raw, arg: string): Day {
  let day: Day | undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw RuleError.value(arg, `${arg} must be a date`, `${arg} は日付で指定してください`);
    try {
      day = dayFromSerial(v);
    } catch (e) {
      const err = e as RuleError;
      throw RuleError.value(arg, `${arg}: ${err.message}`, `${arg}: ${err.messageJa}`);
    }
    if (!isSupportedDay(day)) throw outOfRangeSerial(v, arg);
  } else if (typeof v === 'string' && v.length <= MAX_VALUE_TEXT) {
    // The same date reader as the sheets: ISO, 2023年7月30日, 令和5年7月30日, R5.7.30 (README "The worksheet functions").
    const read = readDateText(v);
    if (read && !read.ok) throw RuleError.value(arg, `${arg} must be a date: ${read.en}`, `${arg} は日付で指定してください: ${read.ja}`);
    day = read?.value;
    if (day === undefined) {
      const serial = numericText(v);
      if (serial !== undefined) return toDay(serial, arg);
    }
  }
  if (day === undefined) {
    throw RuleError.value(arg, `${arg} must be a date: an Excel date or text YYYY-MM-DD (or 令和5年7月30日); got ${describe(v)}`, `${arg} は日付（Excel の日付、YYYY-MM-DD 形式、または 令和5年7月30日 のような和暦）で指定してください。入力: ${describe(v)}`);
  }
  return assertSupportedDay(day, arg);
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'はい', '真', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'いいえ', '偽', 'off']);

export function toBoolean(v: Raw, arg: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && (v === 0 || v === 1)) return v === 1;
  if (typeof v === 'string' && v.length <= MAX_VALUE_TEXT) {
    const k = v.normalize('NFKC').trim().toLowerCase();
    if (TRUE_WORDS.has(k)) return true;
    if (FALSE_WORDS.has(k)) return false;
  }
  throw RuleError.value(arg, `${arg} must be TRUE or FALSE; got ${describe(v)}`, `${arg} は TRUE か FALSE で指定してください。入力: ${describe(v)}`);
}

export function toText(v: Raw, arg: string, maxLength = 200): string {
  if (typeof v === 'string') {
    if (v.length > maxLength) throw RuleError.value(arg, `${arg} is too long (${v.length} characters; at most ${maxLength})`, `${arg} が長すぎます（${v.length}文字。${maxLength}文字以内）`);
    return v.trim();
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw RuleError.value(arg, `${arg} must be text; got ${describe(v)}`, `${arg} は文字列で指定してください。入力: ${describe(v)}`);
}

/** A range (rows of cells); a single value counts as a 1 × 1 range. */
export function toRows(v: Raw, arg: string): Raw[][] {
  if (Array.isArray(v)) {
    if (v.length > 10000) throw RuleError.value(arg, `${arg} has too many rows (at most 10,000)`, `${arg} の行が多すぎます（10,000行以内）`);
    return v.map((r) => (Array.isArray(r) ? (r as Raw[]) : [r as Raw]));
  }
  return [[v]];
}

/** An amount of time in whole minutes, by the one hours reader (src/core/read.ts): a number in `unit`, or text 1:15, 1.25, 1時間15分. */
export function toMinutes(v: Raw, arg: string, span: HoursSpan, unit: HoursUnit = 'hours'): number {
  if (isMissing(v)) throw RuleError.value(arg, `${arg} is required: ${arg === 'absent' ? 'the time not worked, ' : ''}h:mm (1:15) or hours (1.25)`, `${arg} が必要です: h:mm（1:15）または時間数（1.25）`);
  if (typeof v !== 'number' && typeof v !== 'string') throw RuleError.value(arg, `${arg} must be a time: h:mm (1:15) or hours (1.25); got ${describe(v)}`, `${arg} は時間（h:mm（1:15）または時間数（1.25））で指定してください。入力: ${describe(v)}`);
  const r = readHours(v, span, unit);
  if (!r.ok) throw RuleError.value(arg, `${arg}: ${r.en}`, `${arg}: ${r.ja}`);
  return r.value;
}

/**
 * A month, the first day of it: text as clerks type it (2024-07, 2024/7, 2024年7月, 令和6年7月, R6.7)
 * by the core's one month reader, or any date (serial or text) in it — as `altrules pay --month`.
 */
export function toMonth(v: Raw, arg: string): Day {
  if (typeof v === 'string' && v.length <= MAX_VALUE_TEXT) {
    const read = readMonthText(v);
    if (read && !read.ok) throw RuleError.value(arg, `${arg} must be a month: ${read.en}`, `${arg} は月で指定してください: ${read.ja}`);
    if (read) return assertSupportedDay(read.value, arg);
    if (numericText(v) === undefined) {
      throw RuleError.value(arg, `${arg} must be a month: 2024-07, 2024/7, 2024年7月, 令和6年7月, R6.7, or a date in it; got ${describe(v)}`, `${arg} は月（2024-07、2024/7、2024年7月、令和6年7月、R6.7、またはその月の日付）で指定してください。入力: ${describe(v)}`);
    }
  }
  const { y, m } = ymdFromDay(toDay(v, arg));
  return dayFromYmd(y, m, 1);
}
