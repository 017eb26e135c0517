// Childcare leave 育児休業 — docs/rules.md §3 (Art 14-2). Unpaid (Art 14-2.2): a day of it is paid at rate 0 (D-12).

import { Day, assertSupportedDay, isoFromDay, periodEnd } from '../days';
import { RuleError } from '../errors';
import type { AltRuleset } from '../rulesets/schema';
import { Trace } from '../trace';

/**
 * The day a child born on `birth` reaches `months` of age: the day before the same date that
 * many months later (年齢計算ニ関スル法律, 民法 Art 143), which is the last day leave may cover.
 */
export function childReachesAgeOn(birth: Day, months: number): Day {
  return periodEnd(birth, months);
}

export interface ChildcareLeaveInput {
  childBirth: Day;
  start: Day;
  end: Day;
  /** Last day of the current term (after any re-appointment already decided). */
  termEnd: Day;
  /** TRUE when a re-appointment is not clearly ruled out: the term is not "clearly ending". */
  reappointmentPossible?: boolean;
  /** The ordinance's case for 2 years (Art 14-2.1 括弧書). */
  extended?: boolean;
  /** Earlier childcare leaves for this child, not counting the two exceptions of Art 14-2.1. */
  earlierLeaves?: number;
}

/**
 * Art 14-2.1 「養育する子が1歳6か月に達する日（…2歳に達する日）までに、その任期…が満了すること及び
 * 引き続き任用されないことが明らかでない参加者は…育児休業をすることができる。ただし、当該子について、
 * 既に2回の育児休業…をしたことがあるときは…この限りでない。」
 *
 * The reasons a childcare leave is not allowed, each with its clause; empty when it is.
 */
export function childcareLeaveProblems(rs: AltRuleset, input: ChildcareLeaveInput, trace?: Trace): { clause: string; en: string; ja: string }[] {
  const { childBirth, start, end, termEnd, reappointmentPossible = false, extended = false, earlierLeaves = 0 } = input;
  for (const [arg, v] of [['childBirth', childBirth], ['start', start], ['end', end], ['termEnd', termEnd]] as const) assertSupportedDay(v, arg);
  if (end < start) throw RuleError.value('end', `end ${isoFromDay(end)} is before start ${isoFromDay(start)}`, `end ${isoFromDay(end)} が start ${isoFromDay(start)} より前です`);
  if (!Number.isInteger(earlierLeaves) || earlierLeaves < 0) throw RuleError.value('earlierLeaves', `earlierLeaves must be a whole number, zero or more; got ${earlierLeaves}`, `earlierLeaves は0以上の整数で指定してください。入力: ${earlierLeaves}`);
  const cl = rs.childcareLeave;
  const months = extended ? cl.extendedUntilChildMonths : cl.untilChildMonths;
  const limit = childReachesAgeOn(childBirth, months);
  trace?.step('Art 14-2.1', `the child reaches ${Math.floor(months / 12)} y ${months % 12} m on ${isoFromDay(limit)}`, `子が${Math.floor(months / 12)}歳${months % 12}か月に達する日は ${isoFromDay(limit)}`);
  const problems: { clause: string; en: string; ja: string }[] = [];
  if (start < childBirth) problems.push({ clause: 'Art 14-2.1', en: `the leave starts ${isoFromDay(start)}, before the child's birth ${isoFromDay(childBirth)}`, ja: `休業開始 ${isoFromDay(start)} が子の出生日 ${isoFromDay(childBirth)} より前です` });
  if (end > limit) problems.push({ clause: 'Art 14-2.1', en: `the leave runs to ${isoFromDay(end)}, past the day the child reaches ${Math.floor(months / 12)} y ${months % 12} m (${isoFromDay(limit)})`, ja: `休業終了 ${isoFromDay(end)} が子の${Math.floor(months / 12)}歳${months % 12}か月に達する日（${isoFromDay(limit)}）を過ぎています` });
  if (termEnd < limit && !reappointmentPossible) problems.push({ clause: 'Art 14-2.1', en: `the term ends ${isoFromDay(termEnd)}, before ${isoFromDay(limit)}, and no re-appointment follows: not eligible`, ja: `任期が ${isoFromDay(termEnd)} に満了し（${isoFromDay(limit)} より前）、再度の任用がないことが明らかなため対象外です` });
  if (end > termEnd) problems.push({ clause: 'Art 14-2.1', en: `the leave runs past the term's last day ${isoFromDay(termEnd)}`, ja: `休業が任期の末日 ${isoFromDay(termEnd)} を過ぎています` });
  if (earlierLeaves >= cl.maxTimesPerChild) problems.push({ clause: 'Art 14-2.1', en: `already ${earlierLeaves} childcare leaves for this child; at most ${cl.maxTimesPerChild} apart from the two exceptions`, ja: `この子について既に${earlierLeaves}回取得しています（例外を除き${cl.maxTimesPerChild}回まで）` });
  return problems;
}
