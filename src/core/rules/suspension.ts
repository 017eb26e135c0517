// Suspension 休職 and its pay — docs/rules.md §10 (Art 26, 28, 29).

import { Day, assertSupportedDay, isoFromDay } from '../days';
import { RuleError } from '../errors';
import type { AltRuleset } from '../rulesets/schema';
import { entriesOf, nameKey } from '../text';
import { Trace } from '../trace';

export type SuspensionCause = 'work-related' | 'illness' | 'indictment';

const CAUSES: Record<SuspensionCause, string[]> = {
  'work-related': ['work-related', 'work', 'duty', 'occupational', '公務', '公務災害', '職務', '職務上'],
  illness: ['illness', 'sick', 'sickness', 'injury', 'other', '病気', '私傷病', '負傷', '勤務禁止', 'contagious', 'art29'],
  indictment: ['indictment', 'indicted', 'prosecution', '起訴', '刑事'],
};

export function parseSuspensionCause(text: string): SuspensionCause {
  const key = nameKey(text);
  for (const [cause, names] of entriesOf(CAUSES) as [SuspensionCause, string[]][]) {
    if (names.some((n) => nameKey(n) === key)) return cause;
  }
  throw RuleError.value('cause', `cause "${text}" is not known; use "work-related" (公務), "illness" (病気) or "indictment" (起訴)`, `cause「${text}」は不明です。"work-related"（公務）、"illness"（病気）、"indictment"（起訴）のいずれかを指定してください`);
}

/**
 * Share of pay (percent) on `day` of a suspension (Art 28) or a bar from work (Art 29.2):
 * work-related — full pay less compensation benefits; other illness — full to day 30 counted
 * from the first day unable to work, half to day 60, nothing after; indictment — 60 %.
 */
export function suspensionPayPercent(rs: AltRuleset, cause: SuspensionCause, firstDayUnableToWork: Day, day: Day, trace?: Trace): number {
  assertSupportedDay(firstDayUnableToWork, 'firstDay');
  assertSupportedDay(day, 'date');
  if (day < firstDayUnableToWork) {
    throw RuleError.value('date', `date ${isoFromDay(day)} is before the first day unable to work ${isoFromDay(firstDayUnableToWork)}`, `date ${isoFromDay(day)} が勤務できなくなった初日 ${isoFromDay(firstDayUnableToWork)} より前です`);
  }
  const sp = rs.suspensionPay;
  if (cause === 'work-related') {
    trace?.step('Art 28.1', `work-related: ${sp.workRelatedPercent} % less compensation benefits`, `公務上の負傷・疾病: ${sp.workRelatedPercent}%（公務災害補償等の給付を差し引く）`);
    return sp.workRelatedPercent;
  }
  if (cause === 'indictment') {
    trace?.step('Art 28.3', `indictment: ${sp.indictmentPercent} %`, `起訴休職: ${sp.indictmentPercent}%`);
    return sp.indictmentPercent;
  }
  const n = day - firstDayUnableToWork + 1;
  const pct = n <= sp.illnessFullUntilDay ? 100 : n <= sp.illnessHalfUntilDay ? sp.illnessReducedPercent : 0;
  trace?.step('Art 28.2', `day ${n} counted from ${isoFromDay(firstDayUnableToWork)}: full to day ${sp.illnessFullUntilDay}, ${sp.illnessReducedPercent} % to day ${sp.illnessHalfUntilDay}, none after → ${pct} %`, `${isoFromDay(firstDayUnableToWork)} から${n}日目: ${sp.illnessFullUntilDay}日まで全額、${sp.illnessHalfUntilDay}日まで${sp.illnessReducedPercent}%、以後なし → ${pct}%`);
  return pct;
}

/** Art 26.2.1: suspension is possible after more than 20 consecutive days unable to work. */
export function suspensionPossible(rs: AltRuleset, consecutiveDaysUnableToWork: number): boolean {
  return consecutiveDaysUnableToWork > rs.sickLeave.suspensionAfterDays;
}
