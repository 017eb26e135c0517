// Partial leave 部分休業 — docs/rules.md §3 (Art 14-3) — and care time's daily cap (Art 14.1.16).

import { zeroPad } from '../text';
import { RuleError } from '../errors';
import type { AltRuleset } from '../rulesets/schema';
import { Trace } from '../trace';

const hm = (minutes: number): string => `${Math.floor(minutes / 60)} h ${zeroPad(minutes % 60, 2)}`;
const hmJa = (minutes: number): string => `${Math.floor(minutes / 60)}時間${minutes % 60}分`;

/**
 * Art 14-3.1 「1日につき、参加者について定められた勤務時間から5時間45分を減じた時間を超えない範囲内で
 * （…保育時間又は…介護時間の承認を受けて勤務しない場合にあつては、当該時間を超えない範囲内で、かつ、
 * 2時間から保育時間又は介護時間の承認を受けて勤務しない時間を減じた時間を超えない範囲内で）」
 *
 * The day's cap in minutes: the daily hours less 5 h 45 (1 h 15 for the 7-hour day); with
 * nursing or care time that day, also at most 2 h less that time. Never below zero.
 * @example partialLeaveCapMinutes(alt, 0) === 75; partialLeaveCapMinutes(alt, 60) === 60
 */
export function partialLeaveCapMinutes(rs: AltRuleset, nursingOrCareMinutes = 0, trace?: Trace): number {
  if (!Number.isFinite(nursingOrCareMinutes) || nursingOrCareMinutes < 0 || nursingOrCareMinutes > 24 * 60) {
    throw RuleError.value('nursingOrCareHours', `nursing or care time must be 0 to 24 hours; got ${nursingOrCareMinutes / 60}`, `保育時間・介護時間は0〜24時間で指定してください。入力: ${nursingOrCareMinutes / 60}`);
  }
  const pl = rs.partialLeave;
  const daily = Math.round(rs.workingTime.dailyHours * 60);
  const base = Math.max(0, daily - pl.minWorkedMinutes);
  trace?.step('Art 14-3.1', `${hm(daily)} a day less ${hm(pl.minWorkedMinutes)} = ${hm(base)}`, `勤務時間${hmJa(daily)} − ${hmJa(pl.minWorkedMinutes)} = ${hmJa(base)}`);
  if (nursingOrCareMinutes <= 0) return base;
  const other = Math.max(0, pl.withNursingOrCareMaxMinutes - Math.round(nursingOrCareMinutes));
  const cap = Math.min(base, other);
  trace?.step('Art 14-3.1', `with ${hm(Math.round(nursingOrCareMinutes))} of nursing or care time that day: at most ${hm(pl.withNursingOrCareMaxMinutes)} less it = ${hm(other)}, and still at most ${hm(base)} → ${hm(cap)}`, `保育時間・介護時間${hmJa(Math.round(nursingOrCareMinutes))}がある日: ${hmJa(pl.withNursingOrCareMaxMinutes)}からその時間を減じた${hmJa(other)}以内、かつ${hmJa(base)}以内 → ${hmJa(cap)}`);
  return cap;
}

/** Art 14-3.2: partial leave is taken in units of 30 minutes. */
export function isPartialLeaveUnit(rs: AltRuleset, minutes: number): boolean {
  return Number.isInteger(minutes) && minutes > 0 && minutes % rs.partialLeave.unitMinutes === 0;
}
