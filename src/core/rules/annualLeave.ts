// Annual paid leave 年次有給休暇 — docs/rules.md §5 (Art 12, D-4, D-5).

import { Day, assertSupportedDay, isoFromDay, periodEnd } from '../days';
import { RuleError } from '../errors';
import type { AltRuleset } from '../rulesets/schema';
import { Trace } from '../trace';

/** D-4: the day from which the second grant is available (3 months by 民法 Art 143, then the next day). */
export function secondGrantDay(rs: AltRuleset, appointment: Day): Day {
  return periodEnd(appointment, rs.annualLeave.secondGrantAfterMonths) + 1;
}

/** Days granted for the term by `asOf` (Art 12.1). */
export function grantedDays(rs: AltRuleset, termStart: Day, asOf: Day, reappointed: boolean, earlyGrant: boolean, trace?: Trace): number {
  const al = rs.annualLeave;
  if (reappointed) {
    trace?.step('Art 12.1', `re-appointed: all ${al.daysPerTerm} days at the start of the term`, `再任用: 任期の初めに${al.daysPerTerm}日付与`);
    return al.daysPerTerm;
  }
  const second = secondGrantDay(rs, termStart);
  const rest = al.daysPerTerm - al.firstGrantDays;
  if (asOf >= second) {
    trace?.step('Art 12.1, D-4', `first appointment: ${al.firstGrantDays} days at appointment, ${rest} more from ${isoFromDay(second)} (${al.secondGrantAfterMonths} months passed) → ${al.daysPerTerm}`, `初任用: 任用時${al.firstGrantDays}日、${isoFromDay(second)}（${al.secondGrantAfterMonths}か月経過）から残り${rest}日 → ${al.daysPerTerm}日`);
    return al.daysPerTerm;
  }
  if (earlyGrant) {
    trace?.step('Art 12.1', `first appointment: the remaining ${rest} days granted early on request → ${al.daysPerTerm}`, `初任用: 申出により残り${rest}日を前倒し付与 → ${al.daysPerTerm}日`);
    return al.daysPerTerm;
  }
  trace?.step('Art 12.1, D-4', `first appointment: ${al.firstGrantDays} days; the other ${rest} only from ${isoFromDay(second)}`, `初任用: ${al.firstGrantDays}日（残り${rest}日は ${isoFromDay(second)} から）`);
  return al.firstGrantDays;
}

export interface LeaveInput {
  termStart: Day;
  asOf: Day;
  usedHours?: number;
  carriedDays?: number;
  reappointed?: boolean;
  earlyGrant?: boolean;
}

function checkCarried(rs: AltRuleset, carriedDays: number): void {
  if (!Number.isFinite(carriedDays) || carriedDays < 0 || carriedDays > rs.annualLeave.maxCarryDays) {
    throw RuleError.value('carriedDays', `carriedDays must be 0 to ${rs.annualLeave.maxCarryDays} days (Art 12.2); got ${carriedDays}`, `carriedDays は0〜${rs.annualLeave.maxCarryDays}日で指定してください（第12条第2項）。入力: ${carriedDays}`);
  }
}

/**
 * Art 12.2: days carry over only on re-appointment. Carried days with re-appointment left out
 * mean a re-appointment; with re-appointment denied they contradict each other.
 */
export function reappointedWithCarry(carriedDays: number, reappointed: boolean | undefined, trace?: Trace): boolean {
  if (carriedDays > 0 && reappointed === false) {
    throw RuleError.value('carriedDays', `carriedDays ${carriedDays}: days carry over only on re-appointment (Art 12.2), but reappointed is FALSE; a first appointment has 0 carried days`, `carriedDays ${carriedDays}: 繰越は再任用の場合のみです（第12条第2項）が、reappointed が FALSE です。初任用の繰越日数は0です`);
  }
  if (carriedDays > 0 && reappointed === undefined) {
    trace?.step('Art 12.2', `${carriedDays} carried days exist only on re-appointment: taken as a re-appointment`, `繰越${carriedDays}日は再任用の場合のみ: 再任用とみなす`);
    return true;
  }
  return reappointed ?? false;
}

function checkUsed(usedHours: number): void {
  if (!Number.isFinite(usedHours) || usedHours < 0) {
    throw RuleError.value('usedHours', `usedHours must be hours taken, zero or more; got ${usedHours}`, `usedHours は取得時間数（0以上）で指定してください。入力: ${usedHours}`);
  }
}

/**
 * Leave remaining on `asOf`, in days (hours ÷ 7, may be fractional): granted + carried − used
 * (Art 12.1, 12.2). Using more than was available is an error.
 */
export function leaveRemaining(rs: AltRuleset, input: LeaveInput, trace?: Trace): number {
  const { termStart, asOf, usedHours = 0, carriedDays = 0, earlyGrant = false } = input;
  assertSupportedDay(termStart, 'termStart');
  assertSupportedDay(asOf, 'asOf');
  if (asOf < termStart) {
    throw RuleError.value('asOf', `asOf ${isoFromDay(asOf)} is before termStart ${isoFromDay(termStart)}`, `asOf ${isoFromDay(asOf)} が termStart ${isoFromDay(termStart)} より前です`);
  }
  checkUsed(usedHours);
  checkCarried(rs, carriedDays);
  const reappointed = reappointedWithCarry(carriedDays, input.reappointed, trace);
  const hpd = rs.annualLeave.hoursPerDay;
  const granted = grantedDays(rs, termStart, asOf, reappointed, earlyGrant, trace);
  const availableHours = (granted + carriedDays) * hpd;
  if (usedHours > availableHours) {
    throw RuleError.value(
      'usedHours',
      `usedHours ${usedHours} exceeds the ${availableHours} hours available on ${isoFromDay(asOf)} (${granted} granted + ${carriedDays} carried days × ${hpd} h)`,
      `usedHours ${usedHours} が ${isoFromDay(asOf)} 時点の取得可能時間 ${availableHours}時間（付与${granted}日＋繰越${carriedDays}日 × ${hpd}時間）を超えています`,
    );
  }
  const remainingHours = availableHours - usedHours;
  trace?.step('Art 12.1', `(${granted} + ${carriedDays}) days × ${hpd} h − ${usedHours} h used = ${remainingHours} h = ${+(remainingHours / hpd).toFixed(4)} days (${hpd} h a day)`, `(${granted} + ${carriedDays})日 × ${hpd}時間 − 使用${usedHours}時間 = ${remainingHours}時間 = ${+(remainingHours / hpd).toFixed(4)}日（${hpd}時間で1日）`);
  return remainingHours / hpd;
}

/**
 * D-5: how much of a use comes out of the carried-over days and how much out of the term's own
 * grant, given what is left of each (any unit: hours, minutes). Carried first by default.
 */
export function splitUse(rs: AltRuleset, used: number, carriedLeft: number, ownLeft: number): { fromCarried: number; fromOwn: number } {
  const fromCarried = rs.annualLeave.takeCarriedFirst ? Math.min(used, carriedLeft) : Math.max(0, used - ownLeft);
  return { fromCarried, fromOwn: used - fromCarried };
}

/**
 * Days that carry over to the next term on re-appointment (Art 12.2, D-5): days taken come out of
 * the carried-over days first, then out of the term's own grant; what remains of the own grant,
 * at most 20, carries. Carried days never carry again.
 */
export function leaveCarryOver(rs: AltRuleset, usedHours: number, carriedDays = 0, grantedDaysInTerm = rs.annualLeave.daysPerTerm, trace?: Trace): number {
  checkUsed(usedHours);
  checkCarried(rs, carriedDays);
  if (!Number.isFinite(grantedDaysInTerm) || grantedDaysInTerm < 0 || grantedDaysInTerm > rs.annualLeave.daysPerTerm) {
    throw RuleError.value('grantedDays', `grantedDays must be 0 to ${rs.annualLeave.daysPerTerm}; got ${grantedDaysInTerm}`, `grantedDays は0〜${rs.annualLeave.daysPerTerm}で指定してください。入力: ${grantedDaysInTerm}`);
  }
  const hpd = rs.annualLeave.hoursPerDay;
  const carriedHours = carriedDays * hpd;
  const ownHours = grantedDaysInTerm * hpd;
  if (usedHours > carriedHours + ownHours) {
    throw RuleError.value('usedHours', `usedHours ${usedHours} exceeds the ${carriedHours + ownHours} hours of the term`, `usedHours ${usedHours} が任期中の ${carriedHours + ownHours}時間を超えています`);
  }
  const { fromCarried, fromOwn } = splitUse(rs, usedHours, carriedHours, ownHours);
  const ownLeftDays = (ownHours - fromOwn) / hpd;
  const carry = Math.min(rs.annualLeave.maxCarryDays, ownLeftDays);
  trace?.step('D-5', `${usedHours} h used: ${fromCarried} h from carried days, ${fromOwn} h from this term's ${grantedDaysInTerm} days → ${+ownLeftDays.toFixed(4)} own days left`, `使用${usedHours}時間: 繰越分から${fromCarried}時間、当任期付与${grantedDaysInTerm}日から${fromOwn}時間 → 当任期分の残り${+ownLeftDays.toFixed(4)}日`);
  trace?.step('Art 12.2', `carried days do not carry again; at most ${rs.annualLeave.maxCarryDays} → ${+carry.toFixed(4)} days`, `繰越分は再繰越しない。上限${rs.annualLeave.maxCarryDays}日 → ${+carry.toFixed(4)}日`);
  return carry;
}
