// Deductions 報酬の減額 — RULES.md §3 (Art 8, 14.2, 14-2.2, 14-3.3, 27).

import { RuleError } from '../errors';
import { roundDiv, roundingText } from '../money';
import type { AltRuleset } from '../rulesets/schema';
import { Trace, yen } from '../trace';
import { hourlyRate } from './pay';

/** Whole hours to deduct for a month's total absent minutes (Art 8.2). */
export function deductibleHours(rs: AltRuleset, totalAbsentMinutes: number, trace?: Trace): number {
  if (!Number.isFinite(totalAbsentMinutes) || totalAbsentMinutes < 0) {
    throw RuleError.value('absent', `absent time must be zero or more; got ${totalAbsentMinutes}`, `不勤務時間は0以上で指定してください。入力: ${totalAbsentMinutes}`);
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

/** Art 8.1: what a month's pay cannot cover is deducted from the next month's pay. */
export function splitDeduction(monthPay: number, deduction: number): { thisMonth: number; nextMonth: number } {
  for (const [arg, v] of [['monthPay', monthPay], ['deduction', deduction]] as const) {
    if (!Number.isInteger(v) || v < 0) throw RuleError.value(arg, `${arg} must be whole yen, zero or more; got ${v}`, `${arg} は0以上の円単位の整数で指定してください。入力: ${v}`);
  }
  const thisMonth = Math.min(monthPay, deduction);
  return { thisMonth, nextMonth: deduction - thisMonth };
}

/**
 * Disciplinary pay cut 減給 (Art 27.2.2): each instance cuts half of one day's average pay; all
 * cuts within one month together at most one tenth of that month's pay. P-1 rounding.
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
  const amount = roundDiv(capped ? capNum : cutNum, den, rs.discipline.cutRounding);
  if (trace) {
    trace.step('Art 27.2.2', `${instances} × ${per.numerator}/${per.denominator} × ${yen(dailyAveragePay)} = ${(cutNum / den).toFixed(2)}`, `${instances}回 × ${per.numerator}/${per.denominator} × ${yen(dailyAveragePay)} = ${(cutNum / den).toFixed(2)}`);
    trace.step('Art 27.2.2', `cap: ${cap.numerator}/${cap.denominator} of ${yen(monthPay)} = ${(capNum / den).toFixed(2)}${capped ? ' — the cap applies' : ''}`, `上限: ${yen(monthPay)} の ${cap.numerator}/${cap.denominator} = ${(capNum / den).toFixed(2)}${capped ? '（上限を適用）' : ''}`);
    const r = roundingText[rs.discipline.cutRounding];
    trace.step('P-1', `${r.en} → ${yen(amount)}`, `${r.ja} → ${yen(amount)}`);
  }
  return amount;
}
