// Pay 報酬 — docs/rules.md §2 (Art 7).

import { lastItem } from '../items';
import { zeroPad } from '../text';
import { isWeeklyRestDay, isWorkday, holidayName } from '../calendar';
import { Day, assertSupportedDay, dayFromYmd, daysInMonth, isoFromDay, periodEnd, ymdFromDay } from '../days';
import { RuleError } from '../errors';
import { roundDiv, roundingText } from '../money';
import type { AltRuleset } from '../rulesets/schema';
import { Trace, yen } from '../trace';

/** A JET year (来日n年目) must be a whole number from 1 to the ruleset's maximum (Art 5.3, Note 3). */
export function assertJetYear(rs: AltRuleset, year: number, arg = 'year'): number {
  if (!Number.isInteger(year) || year < 1 || year > rs.term.maxYears) {
    throw RuleError.value(
      arg,
      `${arg} must be a whole JET year from 1 to ${rs.term.maxYears} (Art 5.3, Note 3); got ${year}`,
      `${arg} は1〜${rs.term.maxYears}の整数（来日年数）で指定してください（第5条第3項・注3）。入力: ${year}`,
    );
  }
  return year;
}

/**
 * The pay table's amount for a JET year (Art 7.1). The schema gives every year up to term.maxYears
 * an amount; a ruleset built past the schema without one is refused, never paid NaN.
 */
export function monthlyPayOfYear(rs: AltRuleset, year: number): number {
  const amount = rs.pay.monthlyByYear[year - 1];
  if (amount === undefined) {
    throw RuleError.value('ruleset', `the ruleset ${rs.id} has no monthly pay for JET year ${year} (pay.monthlyByYear, Art 7.1)`, `ルールセット ${rs.id} に来日${year}年目の月額（pay.monthlyByYear・第7条第1項）がありません`);
  }
  return amount;
}

/** Monthly pay for a JET year (Art 7.1). */
export function monthlyPay(rs: AltRuleset, year: number, trace?: Trace): number {
  assertJetYear(rs, year);
  const amount = monthlyPayOfYear(rs, year);
  trace?.step('Art 7.1', `JET year ${year}: monthly pay ${yen(amount)}`, `来日${year}年目: 月額 ${yen(amount)}`);
  return amount;
}

/**
 * Pay day of the month that contains `anyDayOfMonth` (Art 7.2): the 21st, or when that is a
 * 休日 or 勤務を要しない日, the nearest earlier day that is neither.
 */
export function payDay(rs: AltRuleset, anyDayOfMonth: Day, trace?: Trace): Day {
  assertSupportedDay(anyDayOfMonth, 'month');
  const { y, m } = ymdFromDay(anyDayOfMonth);
  const nominal = dayFromYmd(y, m, rs.pay.payDay);
  const step = rs.pay.payDayShift === 'earlier' ? -1 : 1;
  let day = nominal;
  while (!isWorkday(day)) day += step;
  if (trace) {
    if (day === nominal) {
      trace.step('Art 7.2', `${isoFromDay(nominal)} is a working day: pay day`, `${isoFromDay(nominal)} は勤務日: 支給日`);
    } else {
      const reasons: string[] = [];
      for (let x = nominal; x !== day; x += step) {
        const name = holidayName(x, 'en');
        reasons.push(`${isoFromDay(x)} ${name || (isWeeklyRestDay(x) ? 'weekly rest day' : '')}`.trim());
      }
      trace.step('Art 7.2', `not a working day: ${reasons.join(', ')} → pay on ${isoFromDay(day)}`, `休日又は勤務を要しない日（${reasons.join('、')}）のため ${isoFromDay(day)} に支給`);
    }
  }
  return day;
}

/** Days that are not 週休日 in [from, to] (Art 7.3: 勤務を要しない日 are subtracted, 休日 are not). */
function daysRequiringWork(from: Day, to: Day): number {
  if (to < from) return 0;
  // Whole weeks hold 5 each; the remaining days are counted one by one (at most 6).
  const total = to - from + 1;
  let n = Math.floor(total / 7) * 5;
  for (let d = from + total - (total % 7); d <= to; d++) if (!isWeeklyRestDay(d)) n++;
  return n;
}

/**
 * Pay for the month containing `anyDayOfMonth` for service from `serviceStart` to
 * `serviceEnd` (either open). Art 7.3 日割計算 when service starts or ends part-way; D-2
 * rounding, once, at the end; 0 when service does not touch the month.
 */
export function payForMonth(
  rs: AltRuleset,
  year: number,
  anyDayOfMonth: Day,
  serviceStart?: Day,
  serviceEnd?: Day,
  trace?: Trace,
): number {
  const monthly = monthlyPay(rs, year, trace);
  assertSupportedDay(anyDayOfMonth, 'month');
  if (serviceStart !== undefined) assertSupportedDay(serviceStart, 'serviceStart');
  if (serviceEnd !== undefined) assertSupportedDay(serviceEnd, 'serviceEnd');
  if (serviceStart !== undefined && serviceEnd !== undefined && serviceEnd < serviceStart) {
    throw RuleError.value(
      'serviceEnd',
      `serviceEnd ${isoFromDay(serviceEnd)} is before serviceStart ${isoFromDay(serviceStart)}`,
      `serviceEnd ${isoFromDay(serviceEnd)} が serviceStart ${isoFromDay(serviceStart)} より前です`,
    );
  }
  const { y, m } = ymdFromDay(anyDayOfMonth);
  const first = dayFromYmd(y, m, 1);
  const last = dayFromYmd(y, m, daysInMonth(y, m));
  const from = Math.max(first, serviceStart ?? first);
  const to = Math.min(last, serviceEnd ?? last);
  const label = `${y}-${zeroPad(m, 2)}`;
  if (from > to) {
    trace?.step('Art 7.3', `service does not touch ${label}: nothing is due`, `${label} に勤務期間がないため支給なし`);
    return 0;
  }
  if (from === first && to === last) {
    trace?.step('Art 7.1', `service covers all of ${label}: the full monthly pay`, `${label} は全期間勤務: 月額全額`);
    return monthly;
  }
  const served = daysRequiringWork(from, to);
  const base = daysRequiringWork(first, last);
  const amount = roundDiv(monthly * served, base, rs.pay.prorationRounding);
  if (trace) {
    trace.step(
      'Art 7.3',
      `${label}: ${base} days requiring work in the month (${last - first + 1} days less weekly rest days; national holidays are not subtracted); ${served} of them from ${isoFromDay(from)} to ${isoFromDay(to)}`,
      `${label}: 月の要勤務日数 ${base}日（暦日${last - first + 1}日から週休日を除く。祝日は除かない）、うち ${isoFromDay(from)}〜${isoFromDay(to)} は ${served}日`,
    );
    const exact = (monthly * served) / base;
    trace.step('Art 7.3', `${yen(monthly)} × ${served} ÷ ${base} = ${exact.toFixed(2)}`, `${yen(monthly)} × ${served} ÷ ${base} = ${exact.toFixed(2)}`);
    const r = roundingText[rs.pay.prorationRounding];
    trace.step('D-2', `${r.en} → ${yen(amount)}`, `${r.ja} → ${yen(amount)}`);
  }
  return amount;
}

/** Hourly rate (Art 7.4): monthly × 12 ÷ (weekly hours × 52), rounded by D-3. */
export function hourlyRate(rs: AltRuleset, year: number, trace?: Trace): number {
  const monthly = monthlyPay(rs, year, trace);
  const hoursPerYear = rs.workingTime.weeklyHours * rs.pay.weeksPerYear;
  // Weekly hours may be fractional in a user ruleset: scale to whole minutes for exactness.
  const rate = roundDiv(monthly * 12 * 60, Math.round(hoursPerYear * 60), rs.pay.hourlyRounding);
  if (trace) {
    const exact = (monthly * 12) / hoursPerYear;
    trace.step('Art 7.4', `${yen(monthly)} × 12 ÷ (${rs.workingTime.weeklyHours} h × ${rs.pay.weeksPerYear}) = ${exact.toFixed(4)}`, `${yen(monthly)} × 12 ÷ (${rs.workingTime.weeklyHours}時間 × ${rs.pay.weeksPerYear}) = ${exact.toFixed(4)}`);
    const r = roundingText[rs.pay.hourlyRounding];
    trace.step('D-3', `${r.en} → ${yen(rate)}`, `${r.ja} → ${yen(rate)}`);
  }
  return rate;
}

export interface PayScheduleRow {
  month: Day; // first day of the month
  payDay: Day;
  amount: number;
}

/** A stretch of service at one JET year (a term, D-11). */
export interface ServiceAtYear {
  start: Day;
  end: Day;
  jetYear: number;
}

function checkPeriod(serviceStart: Day, serviceEnd: Day): void {
  assertSupportedDay(serviceStart, 'serviceStart');
  assertSupportedDay(serviceEnd, 'serviceEnd');
  if (serviceEnd < serviceStart) {
    throw RuleError.value('serviceEnd', `serviceEnd ${isoFromDay(serviceEnd)} is before serviceStart ${isoFromDay(serviceStart)}`, `serviceEnd ${isoFromDay(serviceEnd)} が serviceStart ${isoFromDay(serviceStart)} より前です`);
  }
}

/**
 * Pay for one month of service that may change JET year part-way (D-11: at a term start): each
 * day requiring work is paid at its own year's monthly pay, Art 7.3's 日割 over the month's days
 * requiring work, rounded once (D-2). Equals payForMonth when one year covers the month.
 */
function payForMonthAcross(rs: AltRuleset, parts: ServiceAtYear[], first: Day, last: Day): number {
  let only: ServiceAtYear | undefined;
  let count = 0;
  for (const p of parts) {
    if (p.start <= last && p.end >= first) {
      only = p;
      count++;
    }
  }
  if (!only) return 0;
  if (count === 1) {
    // Art 7.1: a month wholly served at one year is the monthly pay; else Art 7.3 日割.
    if (only.start <= first && only.end >= last) return monthlyPay(rs, only.jetYear);
    return payForMonth(rs, only.jetYear, first, only.start, only.end);
  }
  let num = 0;
  for (const p of parts) if (p.start <= last && p.end >= first) num += monthlyPay(rs, p.jetYear) * daysRequiringWork(Math.max(first, p.start), Math.min(last, p.end));
  return roundDiv(num, daysRequiringWork(first, last), rs.pay.prorationRounding);
}

/**
 * The pay of every month that the service touches: month, pay day, amount. Art 7.2: no pay day
 * lies before the service starts — a first month whose pay day has passed is paid on the next
 * pay day.
 */
export function payScheduleAcross(rulesets: AltRuleset | ((day: Day) => AltRuleset), parts: ServiceAtYear[]): PayScheduleRow[] {
  // A history of rulesets: each month is paid under the one in force on its first day of service.
  const rsOn = typeof rulesets === 'function' ? rulesets : () => rulesets;
  const [firstPart] = parts;
  if (!firstPart) return [];
  const serviceStart = firstPart.start;
  const serviceEnd = lastItem(parts, 'service parts').end;
  for (const p of parts) checkPeriod(p.start, p.end);
  const rows: PayScheduleRow[] = [];
  let { y, m } = ymdFromDay(serviceStart);
  let first = dayFromYmd(y, m, 1);
  while (first <= serviceEnd) {
    const last = first + daysInMonth(y, m) - 1;
    const rs = rsOn(Math.max(first, serviceStart));
    let pay = payDay(rs, first);
    if (pay < serviceStart) pay = payDay(rs, last + 1);
    rows.push({ month: first, payDay: pay, amount: payForMonthAcross(rs, parts, first, last) });
    first = last + 1;
    m === 12 ? ((y += 1), (m = 1)) : (m += 1);
  }
  return rows;
}

/**
 * The pay schedule of a service period at one JET year. D-11 fixes the JET year for one term, so
 * a period longer than one term (Art 5.1: `term.termMonths` from its start) is refused: paying
 * one year's rate across two terms would be wrong.
 */
export function paySchedule(rs: AltRuleset, year: number, serviceStart: Day, serviceEnd: Day): PayScheduleRow[] {
  checkPeriod(serviceStart, serviceEnd);
  assertJetYear(rs, year);
  const oneTerm = periodEnd(serviceStart, rs.term.termMonths);
  if (serviceEnd > oneTerm) {
    throw RuleError.value(
      'serviceEnd',
      `a pay schedule at one JET year covers at most one term (${rs.term.termMonths} months from ${isoFromDay(serviceStart)}, to ${isoFromDay(oneTerm)}); ${isoFromDay(serviceEnd)} is later. The JET year changes at each term start (D-11): use ALT.TERMPAYSCHEDULE, or one schedule per term`,
      `1つの来日年数による支給予定表は1任期（${isoFromDay(serviceStart)} から${rs.term.termMonths}か月、${isoFromDay(oneTerm)} まで）に限ります。${isoFromDay(serviceEnd)} はその後です。来日年数は任期の初日ごとに変わります（D-11）: ALT.TERMPAYSCHEDULE を使うか任期ごとに作成してください`,
    );
  }
  return payScheduleAcross(rs, [{ start: serviceStart, end: serviceEnd, jetYear: year }]);
}
