// Sick leave 病気休暇 — docs/rules.md §6 (Art 13, 26.2.1, 30.3, D-6).

import { Day, assertSupportedDay, isoFromDay } from '../days';
import { RuleError } from '../errors';
import { NonEmpty, lastItem } from '../items';
import type { AltRuleset } from '../rulesets/schema';
import { Trace } from '../trace';

export interface Period {
  start: Day;
  end: Day;
}

/** Calendar days strictly between two periods (D-6). */
export function gapBetween(earlierEnd: Day, laterStart: Day): number {
  return laterStart - earlierEnd - 1;
}

/** Art 13.2, D-6: two periods fewer than 7 calendar days apart are one continuous period. */
export function periodsJoin(rs: AltRuleset, earlierEnd: Day, laterStart: Day): boolean {
  return gapBetween(earlierEnd, laterStart) < rs.sickLeave.joinIfGapLessThanDays;
}

function checkPeriods(periods: Period[]): Period[] {
  periods.forEach((p, i) => {
    assertSupportedDay(p.start, `start[${i + 1}]`);
    assertSupportedDay(p.end, `end[${i + 1}]`);
    if (p.end < p.start) {
      throw RuleError.value(`periods[${i + 1}]`, `period ${i + 1} ends (${isoFromDay(p.end)}) before it starts (${isoFromDay(p.start)})`, `${i + 1}番目の期間の終了日（${isoFromDay(p.end)}）が開始日（${isoFromDay(p.start)}）より前です`);
    }
  });
  const sorted = [...periods].sort((a, b) => a.start - b.start);
  let previous: Period | undefined;
  for (const p of sorted) {
    if (previous && p.start <= previous.end) {
      throw RuleError.value('periods', `periods overlap: ${isoFromDay(previous.start)}–${isoFromDay(previous.end)} and ${isoFromDay(p.start)}–${isoFromDay(p.end)}`, `期間が重複しています: ${isoFromDay(previous.start)}〜${isoFromDay(previous.end)} と ${isoFromDay(p.start)}〜${isoFromDay(p.end)}`);
    }
    previous = p;
  }
  return sorted;
}

/** Periods joined by D-6, and the days the chain counts (the periods' calendar days). */
export interface SickChain {
  periods: NonEmpty<Period>;
  days: number;
}

/** Chains of joined periods (D-6), each with the days it counts (the periods' calendar days). */
export function sickLeaveChains(rs: AltRuleset, periods: Period[]): SickChain[] {
  const chains: SickChain[] = [];
  let chain: SickChain | undefined;
  let previous: Period | undefined; // sorted and apart, so the previous period ends the current chain
  for (const p of checkPeriods(periods)) {
    const days = p.end - p.start + 1;
    if (chain && previous && periodsJoin(rs, previous.end, p.start)) {
      chain.periods.push(p);
      chain.days += days;
    } else {
      chain = { periods: [p], days };
      chains.push(chain);
    }
    previous = p;
  }
  return chains;
}

/**
 * Sick-leave days left in the latest chain of periods (Art 13.2): 20 less the calendar days of
 * the joined periods (D-6). More than 20 is an error: the rules do not allow it.
 */
export function sickLeaveLeft(rs: AltRuleset, periods: Period[], trace?: Trace): number {
  if (periods.length === 0) return rs.sickLeave.maxDays;
  const chain = lastItem(sickLeaveChains(rs, periods), 'sick-leave chains'); // periods are not empty, nor are the chains
  if (trace) {
    const shown = chain.periods.map((p) => `${isoFromDay(p.start)}–${isoFromDay(p.end)} (${p.end - p.start + 1})`).join(', ');
    trace.step('Art 13.2, D-6', `periods fewer than ${rs.sickLeave.joinIfGapLessThanDays} days apart are one: ${shown} → ${chain.days} days`, `間が${rs.sickLeave.joinIfGapLessThanDays}日未満の期間は連続とみなす: ${shown} → ${chain.days}日`);
  }
  if (chain.days > rs.sickLeave.maxDays) {
    throw RuleError.value('periods', `the joined sick leave from ${isoFromDay(chain.periods[0].start)} counts ${chain.days} days, more than the ${rs.sickLeave.maxDays} allowed (Art 13.2)`, `${isoFromDay(chain.periods[0].start)} からの連続する病気休暇は ${chain.days}日で、上限${rs.sickLeave.maxDays}日を超えています（第13条第2項）`);
  }
  trace?.step('Art 13.2', `${rs.sickLeave.maxDays} − ${chain.days} = ${rs.sickLeave.maxDays - chain.days} days left`, `${rs.sickLeave.maxDays} − ${chain.days} = 残り${rs.sickLeave.maxDays - chain.days}日`);
  return rs.sickLeave.maxDays - chain.days;
}

/** Art 30.3: more than 3 consecutive days of sick leave need a doctor's certificate. */
export function needsCertificate(rs: AltRuleset, consecutiveDays: number): boolean {
  if (!Number.isInteger(consecutiveDays) || consecutiveDays < 0) {
    throw RuleError.value('days', `days must be a whole number of consecutive days, zero or more; got ${consecutiveDays}`, `days は0以上の整数（連続日数）で指定してください。入力: ${consecutiveDays}`);
  }
  return consecutiveDays > rs.sickLeave.certificateAfterDays;
}
