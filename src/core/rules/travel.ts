// Travel 旅費 — RULES.md §9 (Art 9, 9-2, Note 4).

import { Day, assertSupportedDay, isoFromDay, periodEnd } from '../days';
import type { AltRuleset } from '../rulesets/schema';
import { Trace } from '../trace';

export interface ReturnTravelInput {
  /** Last day of the term (the end of the second half). */
  termEnd: Day;
  /** Last day actually served. */
  lastDayOfService: Day;
  /** Day of departure from Japan for home; undefined if not yet known. */
  departure?: Day;
  /** First day of any employment in Japan after the term (with the prefecture or anyone else). */
  nextEmploymentStart?: Day;
  /** Art 9.3: left early for reasons not the ALT's fault, approved by the head of the office. */
  earlyReturnApproved?: boolean;
}

/** Art 9.2.2–9.2.3: the last day of the month that follows the term (民法 Art 143 from the day after). */
export function returnDeadline(rs: AltRuleset, termEnd: Day): Day {
  return periodEnd(termEnd + 1, rs.travel.departWithinMonths);
}

/**
 * Return airfare is paid only if all hold (Art 9.2): the second half of the term completed; no
 * employment in Japan within 1 month from the day after the term; departure for home within
 * 1 month counted from the day after the term. Art 9.3: or an approved early return for
 * reasons not the ALT's fault.
 */
export function returnAirfareEligible(rs: AltRuleset, input: ReturnTravelInput, trace?: Trace): boolean {
  const { termEnd, lastDayOfService, departure, nextEmploymentStart, earlyReturnApproved = false } = input;
  assertSupportedDay(termEnd, 'termEnd');
  assertSupportedDay(lastDayOfService, 'lastDayOfService');
  if (departure !== undefined) assertSupportedDay(departure, 'departure');
  if (nextEmploymentStart !== undefined) assertSupportedDay(nextEmploymentStart, 'nextEmploymentStart');
  const completed = lastDayOfService >= termEnd;
  if (!completed) {
    trace?.step('Art 9.2.1', `service ended ${isoFromDay(lastDayOfService)}, before the term end ${isoFromDay(termEnd)}: the second half was not completed`, `勤務終了 ${isoFromDay(lastDayOfService)} が任期満了日 ${isoFromDay(termEnd)} より前: 後半任期を満了していません`);
    trace?.step('Art 9.3', earlyReturnApproved ? 'early return for reasons not the ALT’s fault, approved by the head of office: eligible' : 'no approved early return for reasons beyond the ALT’s control: not eligible', earlyReturnApproved ? '本人の責によらない理由による帰国で所属長が認めた: 対象' : '所属長が認めた本人の責によらない帰国ではない: 対象外');
    return earlyReturnApproved;
  }
  trace?.step('Art 9.2.1', `term completed on ${isoFromDay(termEnd)}`, `${isoFromDay(termEnd)} に任期満了`);
  const noJobUntil = periodEnd(termEnd + 1, rs.travel.noEmploymentMonths);
  if (nextEmploymentStart !== undefined && nextEmploymentStart > termEnd && nextEmploymentStart <= noJobUntil) {
    trace?.step('Art 9.2.2', `employment in Japan from ${isoFromDay(nextEmploymentStart)}, within 1 month (to ${isoFromDay(noJobUntil)}): not eligible`, `${isoFromDay(nextEmploymentStart)} から日本で雇用（${isoFromDay(noJobUntil)} までの1か月以内）: 対象外`);
    return false;
  }
  trace?.step('Art 9.2.2', `no employment in Japan up to ${isoFromDay(noJobUntil)}`, `${isoFromDay(noJobUntil)} まで日本での雇用なし`);
  const deadline = returnDeadline(rs, termEnd);
  if (departure === undefined || departure > deadline) {
    trace?.step('Art 9.2.3', `departure ${departure === undefined ? 'not given' : isoFromDay(departure)}; it must be by ${isoFromDay(deadline)}: not eligible`, `出国日 ${departure === undefined ? '未入力' : isoFromDay(departure)}。${isoFromDay(deadline)} までの出国が必要: 対象外`);
    return false;
  }
  trace?.step('Art 9.2.3', `departure ${isoFromDay(departure)} is by ${isoFromDay(deadline)}: eligible`, `出国日 ${isoFromDay(departure)} は ${isoFromDay(deadline)} まで: 対象`);
  return true;
}
