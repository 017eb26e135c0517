// Deductions 報酬の減額 — docs/rules.md §3 (Art 8, 14.2, 14-2.2, 14-3.3, 27).

import { Day, assertSupportedDay, dayFromYmd, isoFromDay, ymdFromDay } from '../days';
import type { HoursSpan } from '../read';
import { RuleError } from '../errors';
import { roundDiv, roundingText } from '../money';
import type { AltRuleset } from '../rulesets/schema';
import { Trace, yen } from '../trace';
import { hourlyRate } from './pay';

/** The most days requiring work a month can have: 31 days less at least 8 weekend days (Art 10.2). */
export const MAX_WORKDAYS_IN_A_MONTH = 23;

/** Art 8.1: absence is time not worked when work was required, so a month holds at most 23 days × the daily hours. */
export function maxAbsentMinutesInMonth(rs: AltRuleset): number {
  return Math.round(MAX_WORKDAYS_IN_A_MONTH * rs.workingTime.dailyHours * 60);
}

/** A month's total time not worked, as the hours reader bounds it (Art 8.1): zero up to what the month can hold. */
export function monthAbsenceSpan(rs: AltRuleset): HoursSpan {
  const most = maxAbsentMinutesInMonth(rs);
  return {
    least: 0,
    most,
    en: `one month can hold: at most ${MAX_WORKDAYS_IN_A_MONTH} working days × ${rs.workingTime.dailyHours} h = ${most / 60} h (Art 8.1 counts only time when work was required); give one month's total`,
    ja: `1か月に収まる時間（勤務日${MAX_WORKDAYS_IN_A_MONTH}日 × ${rs.workingTime.dailyHours}時間 = ${most / 60}時間。第8条第1項: 勤務を要する時間のみ）`,
  };
}

/** Whole hours to deduct for a month's total absent minutes (Art 8.2). */
export function deductibleHours(rs: AltRuleset, totalAbsentMinutes: number, trace?: Trace): number {
  if (!Number.isFinite(totalAbsentMinutes) || totalAbsentMinutes < 0) {
    throw RuleError.value('absent', `absent time must be zero or more; got ${totalAbsentMinutes}`, `不勤務時間は0以上で指定してください。入力: ${totalAbsentMinutes}`);
  }
  const most = maxAbsentMinutesInMonth(rs);
  if (totalAbsentMinutes > most) {
    const shown = +(totalAbsentMinutes / 60).toPrecision(6);
    throw RuleError.value(
      'absent',
      `absent time ${shown} h is more than one month can hold: at most ${MAX_WORKDAYS_IN_A_MONTH} working days × ${rs.workingTime.dailyHours} h = ${most / 60} h (Art 8.1 counts only time when work was required); give one month's total`,
      `不勤務時間 ${shown}時間は1か月に収まりません。上限は勤務日${MAX_WORKDAYS_IN_A_MONTH}日 × ${rs.workingTime.dailyHours}時間 = ${most / 60}時間です（第8条第1項: 勤務を要する時間のみ）。1か月の合計を指定してください`,
    );
  }
  // Float inputs such as 2.41666… hours: settle on a millionth of a minute first.
  const minutes = Math.round(totalAbsentMinutes * 1e6) / 1e6;
  const whole = Math.floor(minutes / 60);
  const remainder = minutes - whole * 60;
  const hours = remainder >= rs.deduction.roundUpFromMinutes ? whole + 1 : whole;
  trace?.step(
    'Art 8.2',
    `the month's absent time in total: ${whole} h ${+remainder.toFixed(4)} min; ${remainder >= rs.deduction.roundUpFromMinutes ? `${rs.deduction.roundUpFromMinutes} min or more counts as an hour` : `under ${rs.deduction.roundUpFromMinutes} min is dropped`} → ${hours} h`,
    `月の不勤務時間の合計 ${whole}時間${+remainder.toFixed(4)}分。${remainder >= rs.deduction.roundUpFromMinutes ? `${rs.deduction.roundUpFromMinutes}分以上は1時間` : `${rs.deduction.roundUpFromMinutes}分未満は切り捨て`} → ${hours}時間`,
  );
  return hours;
}

/** Deduction for a month's total absent minutes: rounded hours × the hourly rate (Art 8.1, 8.2). */
export function absenceDeduction(rs: AltRuleset, year: number, totalAbsentMinutes: number, trace?: Trace): number {
  const hours = deductibleHours(rs, totalAbsentMinutes, trace);
  const rate = hourlyRate(rs, year, trace);
  const amount = hours * rate;
  trace?.step('Art 8.1', `${hours} h × ${yen(rate)} = ${yen(amount)}`, `${hours}時間 × ${yen(rate)} = ${yen(amount)}`);
  return amount;
}

/**
 * D-9: the month whose pay a month's deduction is taken from. Art 8.2 rounds the month's total,
 * known only once the month has ended (after its pay day, Art 7.2), so by default the next month;
 * `same-month` for an employer whose pay run follows the month's end.
 */
export function deductionPayMonth(rs: AltRuleset, absenceMonth: Day, trace?: Trace): Day {
  assertSupportedDay(absenceMonth, 'month');
  const { y, m } = ymdFromDay(absenceMonth);
  const same = rs.deduction.takenFrom === 'same-month';
  const month = same ? dayFromYmd(y, m, 1) : m === 12 ? dayFromYmd(y + 1, 1, 1) : dayFromYmd(y, m + 1, 1);
  assertSupportedDay(month, 'month');
  trace?.step('Art 8.1, D-9', same ? `the deduction for ${isoFromDay(absenceMonth).slice(0, 7)} is taken from that month's pay` : `the month's total is known only after it ends: the deduction for ${isoFromDay(absenceMonth).slice(0, 7)} is taken from the pay of ${isoFromDay(month).slice(0, 7)}`, same ? `${isoFromDay(absenceMonth).slice(0, 7)} 分の減額は同月の報酬から` : `月の合計は月末後に確定: ${isoFromDay(absenceMonth).slice(0, 7)} 分の減額は ${isoFromDay(month).slice(0, 7)} の報酬から`);
  return month;
}

/**
 * Art 8.1: what a pay cannot cover is deducted from the next month's pay; no pay goes below zero
 * and nothing is lost.
 * @example splitDeduction(5000, 5538) → { thisMonth: 5000, nextMonth: 538 }
 */
export function splitDeduction(monthPay: number, deduction: number): { thisMonth: number; nextMonth: number } {
  for (const [arg, v] of [['monthPay', monthPay], ['deduction', deduction]] as const) {
    if (!Number.isInteger(v) || v < 0) throw RuleError.value(arg, `${arg} must be whole yen, zero or more; got ${v}`, `${arg} は0以上の円単位の整数で指定してください。入力: ${v}`);
  }
  const thisMonth = Math.min(monthPay, deduction);
  return { thisMonth, nextMonth: deduction - thisMonth };
}

/**
 * Disciplinary pay cut 減給 (Art 27.2.2): each instance cuts half of one day's average pay; all
 * cuts within one month together at most one tenth of that month's pay. Rounded once, down to
 * the yen like every fractional pay amount (D-2).
 */
export function disciplinaryCut(rs: AltRuleset, dailyAveragePay: number, instances: number, monthPay: number, trace?: Trace): number {
  if (!Number.isInteger(dailyAveragePay) || dailyAveragePay <= 0) {
    throw RuleError.value('dailyAveragePay', `dailyAveragePay must be whole yen above zero (平均報酬の1日分); got ${dailyAveragePay}`, `dailyAveragePay（平均報酬の1日分）は1以上の円単位の整数で指定してください。入力: ${dailyAveragePay}`);
  }
  if (!Number.isInteger(instances) || instances < 1 || instances > 31) {
    throw RuleError.value('instances', `instances must be a whole number of cuts in the month, 1 to 31; got ${instances}`, `instances は月内の減給回数（1〜31の整数）で指定してください。入力: ${instances}`);
  }
  if (!Number.isInteger(monthPay) || monthPay <= 0) {
    throw RuleError.value('monthPay', `monthPay must be whole yen above zero; got ${monthPay}`, `monthPay は1以上の円単位の整数で指定してください。入力: ${monthPay}`);
  }
  const per = rs.discipline.cutPerInstance;
  const cap = rs.discipline.monthlyCap;
  // Compare exact fractions on a common denominator, round once.
  const cutNum = dailyAveragePay * per.numerator * instances * cap.denominator;
  const capNum = monthPay * cap.numerator * per.denominator;
  const den = per.denominator * cap.denominator;
  const capped = capNum < cutNum;
  const amount = roundDiv(capped ? capNum : cutNum, den, rs.pay.prorationRounding);
  if (trace) {
    trace.step('Art 27.2.2', `${instances} × ${per.numerator}/${per.denominator} × ${yen(dailyAveragePay)} = ${(cutNum / den).toFixed(2)}`, `${instances}回 × ${per.numerator}/${per.denominator} × ${yen(dailyAveragePay)} = ${(cutNum / den).toFixed(2)}`);
    trace.step('Art 27.2.2', `cap: ${cap.numerator}/${cap.denominator} of ${yen(monthPay)} = ${(capNum / den).toFixed(2)}${capped ? ' — the cap applies' : ''}`, `上限: ${yen(monthPay)} の ${cap.numerator}/${cap.denominator} = ${(capNum / den).toFixed(2)}${capped ? '（上限を適用）' : ''}`);
    const r = roundingText[rs.pay.prorationRounding];
    trace.step('D-2', `${r.en} → ${yen(amount)}`, `${r.ja} → ${yen(amount)}`);
  }
  return amount;
}

/** Art 27.2.3: suspension from duty 停職 lasts at most 7 days, unpaid. */
export function dutySuspensionAllowed(rs: AltRuleset, days: number, trace?: Trace): boolean {
  if (!Number.isInteger(days) || days < 1) {
    throw RuleError.value('days', `days must be a whole number of days of suspension, 1 or more; got ${days}`, `days は停職の日数（1以上の整数）で指定してください。入力: ${days}`);
  }
  const max = rs.discipline.maxSuspensionDays;
  trace?.step('Art 27.2.3', `suspension from duty 停職 for at most ${max} days, unpaid: ${days} days ${days <= max ? 'is allowed' : 'is too long'}`, `停職は${max}日以内（無給）: ${days}日は${days <= max ? '可' : '上限超過'}`);
  return days <= max;
}
