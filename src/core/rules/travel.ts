// Travel 旅費 — docs/rules.md §9 (Art 9, 9-2, Note 4).

import { Day, assertSupportedDay, isoFromDay, periodEnd } from '../days';
import { RuleError } from '../errors';
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
 * 1 month counted from the day after the term. Art 9.3: an approved early return for reasons not
 * the ALT's fault replaces the first condition; the other two still hold, counted from the day
 * after the last day of service (Note 4: the fare is for an actual return home).
 */
export function returnAirfareEligible(rs: AltRuleset, input: ReturnTravelInput, trace?: Trace): boolean {
  const { termEnd, lastDayOfService, departure, nextEmploymentStart, earlyReturnApproved = false } = input;
  assertSupportedDay(termEnd, 'termEnd');
  assertSupportedDay(lastDayOfService, 'lastDayOfService');
  if (departure !== undefined) assertSupportedDay(departure, 'departure');
  if (nextEmploymentStart !== undefined) assertSupportedDay(nextEmploymentStart, 'nextEmploymentStart');
  if (lastDayOfService > termEnd) {
    throw RuleError.value('lastDayOfService', `lastDayOfService ${isoFromDay(lastDayOfService)} is after the term end ${isoFromDay(termEnd)}`, `lastDayOfService ${isoFromDay(lastDayOfService)} が任期満了日 ${isoFromDay(termEnd)} より後です`);
  }
  const completed = lastDayOfService === termEnd;
  // docs/rules.md §9: leaving Japan before the service ends contradicts a served term.
  if (departure !== undefined && departure < lastDayOfService) {
    throw RuleError.value(
      'departure',
      completed
        ? `departure ${isoFromDay(departure)} is before the term end ${isoFromDay(termEnd)}, yet the term is said to be completed (lastDayOfService = termEnd); check the dates`
        : `departure ${isoFromDay(departure)} is before the last day of service ${isoFromDay(lastDayOfService)}; check the dates`,
      completed
        ? `出国日 ${isoFromDay(departure)} が任期満了日 ${isoFromDay(termEnd)} より前ですが、任期を満了したことになっています。日付を確認してください`
        : `出国日 ${isoFromDay(departure)} が最終勤務日 ${isoFromDay(lastDayOfService)} より前です。日付を確認してください`,
    );
  }
  if (!completed) {
    trace?.step('Art 9.2.1', `service ended ${isoFromDay(lastDayOfService)}, before the term end ${isoFromDay(termEnd)}: the second half was not completed`, `勤務終了 ${isoFromDay(lastDayOfService)} が任期満了日 ${isoFromDay(termEnd)} より前: 後半任期を満了していません`);
    if (!earlyReturnApproved) {
      trace?.step('Art 9.3', 'no approved early return for reasons beyond the ALT’s control: not eligible', '所属長が認めた本人の責によらない帰国ではない: 対象外');
      return false;
    }
    trace?.step('Art 9.3', 'early return for reasons not the ALT’s fault, approved by the head of office: the fare is still for an actual return home', '本人の責によらない理由による帰国で所属長が認めた: 実際に帰国する場合に限る');
  } else {
    trace?.step('Art 9.2.1', `term completed on ${isoFromDay(termEnd)}`, `${isoFromDay(termEnd)} に任期満了`);
  }
  const from = lastDayOfService + 1;
  const noJobUntil = periodEnd(from, rs.travel.noEmploymentMonths);
  if (nextEmploymentStart !== undefined && nextEmploymentStart >= from && nextEmploymentStart <= noJobUntil) {
    trace?.step('Art 9.2.2', `employment in Japan from ${isoFromDay(nextEmploymentStart)}, within ${rs.travel.noEmploymentMonths} month(s) (to ${isoFromDay(noJobUntil)}): not eligible`, `${isoFromDay(nextEmploymentStart)} から日本で雇用（${isoFromDay(noJobUntil)} までの${rs.travel.noEmploymentMonths}か月以内）: 対象外`);
    return false;
  }
  trace?.step('Art 9.2.2', `no employment in Japan up to ${isoFromDay(noJobUntil)}`, `${isoFromDay(noJobUntil)} まで日本での雇用なし`);
  const deadline = returnDeadline(rs, lastDayOfService);
  if (departure === undefined || departure > deadline) {
    trace?.step('Art 9.2.3', `departure ${departure === undefined ? 'not given' : isoFromDay(departure)}; it must be by ${isoFromDay(deadline)}: not eligible`, `出国日 ${departure === undefined ? '未入力' : isoFromDay(departure)}。${isoFromDay(deadline)} までの出国が必要: 対象外`);
    return false;
  }
  trace?.step('Art 9.2.3', `departure ${isoFromDay(departure)} is by ${isoFromDay(deadline)}: eligible`, `出国日 ${isoFromDay(departure)} は ${isoFromDay(deadline)} まで: 対象`);
  return true;
}
