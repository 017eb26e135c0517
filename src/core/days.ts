// Calendar days as plain integers: days since 1970-01-01 (proleptic Gregorian).
// No Date objects, no time zones: a day is a day.

import { zeroPad } from './text';
import { RuleError } from './errors';

/** Days since 1970-01-01. */
export type Day = number;

export interface Ymd {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}

/** D-1: the supported range. */
export const FIRST_SUPPORTED_YEAR = 1980;
export const LAST_SUPPORTED_YEAR = 2099;

// Howard Hinnant's days_from_civil / civil_from_days: exact integer arithmetic.
export function dayFromYmd(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdFromDay(day: Day): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isoFromDay(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${zeroPad(y, 4)}-${zeroPad(m, 2)}-${zeroPad(d, 2)}`;
}

export const FIRST_SUPPORTED_DAY: Day = dayFromYmd(FIRST_SUPPORTED_YEAR, 1, 1);
export const LAST_SUPPORTED_DAY: Day = dayFromYmd(LAST_SUPPORTED_YEAR, 12, 31);

export function isSupportedDay(day: Day): boolean {
  return Number.isInteger(day) && day >= FIRST_SUPPORTED_DAY && day <= LAST_SUPPORTED_DAY;
}

/** D-1: a date outside 1980-01-01 … 2099-12-31 is an error, never a guess. */
export function assertSupportedDay(day: Day, what = 'date'): Day {
  if (!isSupportedDay(day)) {
    const shown = Number.isInteger(day) && Math.abs(day) < 1e7 ? isoFromDay(day) : String(day);
    throw RuleError.value(
      what,
      `${what} ${shown} is outside the supported range 1980-01-01 to 2099-12-31 (D-1)`,
      `${what} ${shown} は対応範囲（1980-01-01〜2099-12-31）の外です（D-1）`,
    );
  }
  return day;
}

/**
 * 民法 Art 143: a period of `months` months counted from `start` (the start day itself
 * counted, as for a term that begins at the start of a day) ends the day before the
 * corresponding date in the last month; when that month has no corresponding date, it ends
 * on that month's last day.
 */
export function periodEnd(start: Day, months: number): Day {
  const { y, m, d } = ymdFromDay(start);
  const total = y * 12 + (m - 1) + months;
  const ey = Math.floor(total / 12);
  const em = (total % 12) + 1;
  if (d > daysInMonth(ey, em)) return dayFromYmd(ey, em, daysInMonth(ey, em));
  return dayFromYmd(ey, em, d) - 1;
}

/** "The day that is one year from `start`" (Art 5.1, Note 2; 民法 Art 143). */
export function oneYearFrom(start: Day): Day {
  return periodEnd(start, 12);
}

/** The fiscal year (April–March) that contains a day, named by the year of its April. */
export function fiscalYearOf(day: Day): number {
  const { y, m } = ymdFromDay(day);
  return m >= 4 ? y : y - 1;
}

// ---- Excel serials ----------------------------------------------------------------------

/** 1900 system: serial 25569 is 1970-01-01. Serial 60 is Excel's fictitious 1900-02-29. */
const EXCEL_1900_OFFSET = 25569;
/** 1904 system: serial 0 is 1904-01-01 = day -24107. */
const EXCEL_1904_OFFSET = 24107;
/** The first serial that means the same day in Excel and in the real calendar (1900-03-01). */
export const FIRST_TRUE_1900_SERIAL = 61;

export type DateSystem = '1900' | '1904';

/** Excel serial → day. Fractions (times of day) are cut: a date cell is its day. */
export function dayFromSerial(serial: number, system: DateSystem = '1900'): Day {
  if (!Number.isFinite(serial)) throw RuleError.value('date', 'a date serial must be a finite number', '日付のシリアル値は有限の数値でなければなりません');
  const whole = Math.floor(serial);
  if (system === '1900') {
    if (whole < FIRST_TRUE_1900_SERIAL) {
      throw RuleError.value(
        'date',
        `serial ${serial} is before 1900-03-01; Excel's 1900 system is wrong there (it counts a 1900-02-29 that never existed)`,
        `シリアル値 ${serial} は 1900-03-01 より前です（Excel の1900年方式は存在しない 1900-02-29 を数えるため使えません）`,
      );
    }
    return whole - EXCEL_1900_OFFSET;
  }
  if (whole < 0) throw RuleError.value('date', `serial ${serial} is negative; the 1904 system starts at 0 = 1904-01-01`, `シリアル値 ${serial} は負です（1904年方式は 0 = 1904-01-01 から）`);
  return whole - EXCEL_1904_OFFSET;
}

export function serialFromDay(day: Day, system: DateSystem = '1900'): number {
  return system === '1900' ? day + EXCEL_1900_OFFSET : day + EXCEL_1904_OFFSET;
}

const ISO_DATE = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/;

/** `YYYY-MM-DD` or `YYYY/MM/DD` (full-width digits allowed) → day, or undefined when not such text. */
export function dayFromIsoText(text: string): Day | undefined {
  const match = ISO_DATE.exec(/^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC'));
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (!isValidYmd(y, m, d)) return undefined;
  return dayFromYmd(y, m, d);
}
