// Terms 任期 — docs/rules.md §8 (Art 5, 6, Notes 1–3, D-8).

import { findCountry } from '../countries';
import { Day, assertSupportedDay, dayFromIsoText, dayFromYmd, fiscalYearOf, isoFromDay, periodEnd, ymdFromDay } from '../days';
import { RuleError } from '../errors';
import type { AltRuleset, CohortCode } from '../rulesets/schema';
import { lastItem } from '../items';
import { entriesOf, nameKey } from '../text';
import { Trace } from '../trace';

export type { CohortCode };

const COHORT_NAMES: Record<CohortCode, { en: string; ja: string; aliases: string[] }> = {
  S1: { en: 'summer arrival ①', ja: '夏季来日者①', aliases: ['夏季①', '夏①', '夏季1', 'summer1', 'summer①', 'groupa', 'summera'] },
  S2: { en: 'summer arrival ②', ja: '夏季来日者②', aliases: ['夏季②', '夏②', '夏季2', 'summer2', 'summer②', 'groupb', 'summerb'] },
  S3: { en: 'summer arrival ③ or later', ja: '夏季来日者③・夏以降随時来日者', aliases: ['夏季③', '夏③', '夏季3', 'summer3', 'summer③', '夏以降随時', '夏以降随時来日者', 'later', 'latesummer'] },
  A1: { en: 'April arrival ①', ja: '4月来日者①', aliases: ['4月①', '四月①', '4月1', 'april1', 'april①', 'apr1'] },
  A2: { en: 'April arrival ② or early arrival after April', ja: '4月来日者②・4月以降早期来日者', aliases: ['4月②', '四月②', '4月2', 'april2', 'april②', 'apr2', '4月以降早期', '4月以降早期来日者'] },
};

const COHORT_BY_KEY = new Map<string, CohortCode>();
for (const [code, n] of entriesOf(COHORT_NAMES) as [CohortCode, (typeof COHORT_NAMES)[CohortCode]][]) {
  for (const a of [code, n.ja, ...n.aliases]) COHORT_BY_KEY.set(nameKey(a), code);
}

export function cohortName(code: CohortCode): { en: string; ja: string } {
  return COHORT_NAMES[code];
}

/** S1 S2 S3 A1 A2, or 夏季① 夏季② 夏季③ 4月① 4月② (any width or case). */
export function parseCohort(text: string, arg = 'cohort'): CohortCode {
  const code = COHORT_BY_KEY.get(nameKey(text));
  if (!code) {
    throw RuleError.value(arg, `${arg} "${text}" is not a cohort; use S1, S2, S3, A1 or A2 (夏季①, 夏季②, 夏季③, 4月①, 4月②)`, `${arg}「${text}」は来日区分ではありません。S1、S2、S3、A1、A2（夏季①、夏季②、夏季③、4月①、4月②）のいずれかを指定してください`);
  }
  return code;
}

export interface TermInput {
  arrival: Day;
  /** Left out: S1 for a July–March arrival; an April–June arrival must name it (docs/rules.md §8). */
  cohort?: CohortCode;
  /** Country of recruitment, any name; needed for an April cohort's term 2 or later (Note 2.3). */
  country?: string;
  /** The summer ② arrival date: needed for S3, and for the bridge term (Note 2.2–2.3). */
  summer2Arrival?: Day;
  /** The April ① arrival date: needed for A2 (Note 2.2). */
  april1Arrival?: Day;
}

export interface Term {
  number: number;
  start: Day;
  end: Day;
  /** The short term that moves an April arrival onto the summer cycle (Note 2.3, D-8). */
  bridge: boolean;
  /** D-11: the JET year (来日n年目) of the whole term. */
  jetYear: number;
}

function isApril(c: CohortCode): boolean {
  return c === 'A1' || c === 'A2';
}

/** Note 2.3: April arrivals from countries other than China, South Korea, Brazil and Peru get the bridge term. */
export function hasBridgeTerm(rs: AltRuleset, cohort: CohortCode, countryName: string): boolean {
  if (!isApril(cohort)) return false;
  const c = findCountry(countryName);
  if (!c) {
    throw RuleError.value('country', `country "${countryName}" is not known; it decides whether the bridge term applies (Note 2.3)`, `国籍「${countryName}」が不明です（短期の任期の適否を決めます。注2の3）`);
  }
  return !rs.term.bridgeExemptCountries.includes(c.code);
}

function required(value: Day | undefined, arg: string, why: string, whyJa: string): Day {
  if (value === undefined) throw RuleError.missing(arg, `${arg} is needed ${why}`, `${arg} が必要です（${whyJa}）`);
  return assertSupportedDay(value, arg);
}

/**
 * docs/rules.md §8: a cohort is never guessed for an April–June arrival (the bridge term depends on
 * it); a July–March arrival without one is summer ①.
 */
export function cohortOrDefault(arrival: Day, cohort: CohortCode | undefined, trace?: Trace): CohortCode {
  if (cohort !== undefined) return cohort;
  const { m } = ymdFromDay(arrival);
  if (m >= 4 && m <= 6) {
    throw RuleError.missing(
      'cohort',
      `cohort is needed for an arrival in April–June (${isoFromDay(arrival)}): A1, A2 or a summer cohort decide whether a short bridge term follows (Note 2.2–2.3)`,
      `4〜6月の来日（${isoFromDay(arrival)}）には cohort（来日区分）が必要です。4月①・4月②か夏季かで短期の任期の有無が決まります（注2の2〜3）`,
    );
  }
  trace?.step('Note 2.2', 'no cohort given: a July–March arrival is taken as summer ① (S1)', '来日区分の指定なし: 7〜3月の来日は夏季①（S1）とみなす');
  return 'S1';
}

/**
 * Note 2.2: April cohorts arrive in April (① on the set day, ② early arrivals after it) and summer
 * cohorts from the summer on; a cohort that cannot fit the arrival date is refused, never used.
 */
export function checkCohortFits(rs: AltRuleset, arrival: Day, cohort: CohortCode): void {
  const { m } = ymdFromDay(arrival);
  const w = rs.term.aprilCohortMonths;
  const inApril = w.from <= w.to ? m >= w.from && m <= w.to : m >= w.from || m <= w.to;
  if (inApril === isApril(cohort)) return;
  const name = cohortName(cohort);
  const fits = inApril ? { en: 'A1 or A2', ja: '4月①・4月②' } : { en: 'S1, S2 or S3', ja: '夏季①・夏季②・夏季③' };
  throw RuleError.value('cohort', `cohort ${cohort} (${name.en}) cannot fit an arrival on ${isoFromDay(arrival)}: April cohorts arrive in months ${w.from}–${w.to}, summer cohorts in the others; use ${fits.en} (Note 2.2)`, `来日区分 ${cohort}（${name.ja}）は ${isoFromDay(arrival)} の来日に当てはまりません（4月来日者は${w.from}〜${w.to}月、夏季来日者はそれ以外の月）。${fits.ja}のいずれかを指定してください（注2の2）`);
}

/** Note 2.2: a cohort date from the ruleset's table of CLAIR's announced arrivals, by the arrival's fiscal year. */
export function announcedArrival(rs: AltRuleset, arrival: Day, cohort: 'S2' | 'A1'): Day | undefined {
  const iso = rs.term.cohortArrivals[String(fiscalYearOf(arrival))]?.[cohort];
  return iso === undefined ? undefined : dayFromIsoText(iso);
}

/** The term's length from a start day (Art 5.1, Note 2.3; 民法 Art 143). */
function termFrom(rs: AltRuleset, start: Day): Day {
  return periodEnd(start, rs.term.termMonths);
}

function sameFiscalYear(a: Day, b: Day, argB: string, whatB: string, whatBJa: string): void {
  if (fiscalYearOf(a) !== fiscalYearOf(b)) {
    const fy = fiscalYearOf(a);
    throw RuleError.value(argB, `${argB} ${isoFromDay(b)} must be ${whatB} of the arrival fiscal year (April ${fy} – March ${fy + 1})`, `${argB} ${isoFromDay(b)} は来日年度（${fy}年4月〜${fy + 1}年3月）の${whatBJa}でなければなりません`);
  }
}

/** The limit in words: 5 terms (5 years), or 6 with the bridge term (5 years 4 months). */
export function termLimitText(rs: AltRuleset, bridge: boolean): { en: string; ja: string } {
  const n = maxTerms(rs, bridge);
  if (!bridge) return { en: `at most ${n} terms (${rs.term.maxYears} years; Art 5.3, Note 3, D-8)`, ja: `最大${n}回（${rs.term.maxYears}年。第5条第3項・注3・D-8）` };
  const y = Math.floor(rs.term.maxParticipationMonths / 12);
  const mo = rs.term.maxParticipationMonths % 12;
  return {
    en: `at most ${n} terms with the bridge term (${y} years${mo ? ` ${mo} months` : ''}; Art 5.3, Note 3, D-8)`,
    ja: `短期の任期を含め最大${n}回（${y}年${mo ? `${mo}か月` : ''}。第5条第3項・注3・D-8）`,
  };
}

/** Most terms a participant can have (D-8): 6 with the bridge term, else 5. */
export function maxTerms(rs: AltRuleset, bridge: boolean): number {
  return rs.term.maxYears + (bridge ? 1 : 0);
}

/**
 * The first `count` terms of a participant (Art 5, Note 2): term 1 starts the day after
 * arrival; each later term starts the day after the previous one ends.
 */
export function termPlan(rs: AltRuleset, given: TermInput, count: number, trace?: Trace): Term[] {
  const { arrival } = given;
  assertSupportedDay(arrival, 'arrival');
  const cohort = cohortOrDefault(arrival, given.cohort, trace);
  checkCohortFits(rs, arrival, cohort);
  const fromTable = (k: 'S2' | 'A1'): Day | undefined => {
    const day = announcedArrival(rs, arrival, k);
    if (day !== undefined) trace?.step('Note 2.2', `${k === 'S2' ? 'summer ②' : 'April ①'} arrival of fiscal ${fiscalYearOf(arrival)} from the ruleset's table: ${isoFromDay(day)}`, `ルールセットの表による${fiscalYearOf(arrival)}年度の${k === 'S2' ? '夏季②' : '4月①'}来日日: ${isoFromDay(day)}`);
    return day;
  };
  const input = {
    ...given,
    summer2Arrival: given.summer2Arrival ?? (cohort === 'S3' || (count >= 2 && isApril(cohort)) ? fromTable('S2') : undefined),
    april1Arrival: given.april1Arrival ?? (cohort === 'A2' ? fromTable('A1') : undefined),
  };
  if (!Number.isInteger(count) || count < 1) {
    throw RuleError.value('term', `term must be a whole number from 1; got ${count}`, `term は1以上の整数で指定してください。入力: ${count}`);
  }
  const start1 = arrival + 1; // Note 2.2: the day after arrival
  assertSupportedDay(start1, 'arrival');
  let anchor: Day; // the day the first term's year is counted from
  if (cohort === 'S3') {
    const s2 = required(input.summer2Arrival, 'summer2Arrival', 'for cohort S3: its term ends one year from the day after that year’s summer ② arrival (Note 2.2)', '夏季③の任期は当該年度の夏季②来日日の翌日から1年。注2の2');
    if (s2 > arrival) throw RuleError.value('summer2Arrival', `summer2Arrival ${isoFromDay(s2)} is after the S3 arrival ${isoFromDay(arrival)}; summer ③ arrives after summer ②`, `summer2Arrival ${isoFromDay(s2)} が夏季③の来日日 ${isoFromDay(arrival)} より後です`);
    sameFiscalYear(arrival, s2, 'summer2Arrival', 'the summer ② arrival', '夏季②来日日');
    anchor = s2 + 1;
    trace?.step('Note 2.2', `S3: term 1 runs from ${isoFromDay(start1)} (day after arrival) to one year from ${isoFromDay(anchor)} (day after the summer ② arrival)`, `夏季③: 任期は ${isoFromDay(start1)}（来日日の翌日）から、夏季②来日日の翌日 ${isoFromDay(anchor)} から1年となる日まで`);
  } else if (cohort === 'A2') {
    const a1 = required(input.april1Arrival, 'april1Arrival', 'for cohort A2: its term ends one year from the day after that year’s April ① arrival (Note 2.2)', '4月②の任期は当該年度の4月①来日日の翌日から1年。注2の2');
    if (a1 > arrival) throw RuleError.value('april1Arrival', `april1Arrival ${isoFromDay(a1)} is after the A2 arrival ${isoFromDay(arrival)}; April ② arrives after April ①`, `april1Arrival ${isoFromDay(a1)} が4月②の来日日 ${isoFromDay(arrival)} より後です`);
    sameFiscalYear(arrival, a1, 'april1Arrival', 'the April ① arrival', '4月①来日日');
    anchor = a1 + 1;
    trace?.step('Note 2.2', `A2: term 1 runs from ${isoFromDay(start1)} (day after arrival) to one year from ${isoFromDay(anchor)} (day after the April ① arrival)`, `4月②: 任期は ${isoFromDay(start1)}（来日日の翌日）から、4月①来日日の翌日 ${isoFromDay(anchor)} から1年となる日まで`);
  } else {
    anchor = start1;
    trace?.step('Note 2.2', `${cohort}: term 1 runs one year from ${isoFromDay(start1)}, the day after arrival`, `${cohort}: 任期は来日日の翌日 ${isoFromDay(start1)} から1年`);
  }
  const end1 = termFrom(rs, anchor);
  if (end1 < start1) throw RuleError.value('arrival', `arrival ${isoFromDay(arrival)} is too late for its cohort's term, which ends ${isoFromDay(end1)}`, `来日日 ${isoFromDay(arrival)} は区分の任期終了日 ${isoFromDay(end1)} より後です`);

  let bridge = false;
  if (count >= 2 && isApril(cohort)) {
    if (input.country === undefined || input.country.trim() === '') {
      throw RuleError.missing('country', 'country is needed for an April cohort’s term 2 or later: the short bridge term applies unless China, South Korea, Brazil or Peru (Note 2.3)', '4月来日者の2回目以降の任期には country（国籍）が必要です（中国・韓国・ブラジル・ペルー以外は短期の任期。注2の3）');
    }
    bridge = hasBridgeTerm(rs, cohort, input.country);
  }
  const limit = maxTerms(rs, bridge);
  if (count > limit) {
    throw RuleError.value('term', `term ${count} does not exist: ${termLimitText(rs, bridge).en}`, `${count}回目の任期はありません。${termLimitText(rs, bridge).ja}`);
  }

  const terms: Term[] = [{ number: 1, start: start1, end: end1, bridge: false, jetYear: 1 }];
  trace?.step('Art 5.1', `term 1: ${isoFromDay(start1)} – ${isoFromDay(end1)} (one year ends the day before the same date a year later; 民法 Art 143)`, `1回目: ${isoFromDay(start1)}〜${isoFromDay(end1)}（1年は翌年の応当日の前日まで。民法第143条）`);
  for (let n = 2; n <= count; n++) {
    const start = lastItem(terms, 'term plan').end + 1; // Note 2.3
    let end: Day;
    let isBridge = false;
    if (bridge && n === 2) {
      const s2 = required(input.summer2Arrival, 'summer2Arrival', 'for the bridge term of an April arrival from a country other than China, South Korea, Brazil or Peru: it ends one year from the day after the summer ② arrival of the arrival fiscal year (Note 2.3)', '中国・韓国・ブラジル・ペルー以外の4月来日者の短期の任期は来日年度の夏季②来日日の翌日から1年。注2の3');
      sameFiscalYear(arrival, s2, 'summer2Arrival', 'the summer ② arrival', '夏季②来日日');
      end = termFrom(rs, s2 + 1);
      if (end < start) throw RuleError.value('summer2Arrival', `summer2Arrival ${isoFromDay(s2)} gives a bridge term ending ${isoFromDay(end)}, before it starts on ${isoFromDay(start)}`, `summer2Arrival ${isoFromDay(s2)} では短期の任期の終了日 ${isoFromDay(end)} が開始日 ${isoFromDay(start)} より前になります`);
      isBridge = true;
      trace?.step('Note 2.3, D-8', `term 2 is the bridge term: ${isoFromDay(start)} – ${isoFromDay(end)}, one year from the day after the summer ② arrival ${isoFromDay(s2)}`, `2回目は短期の任期: ${isoFromDay(start)}〜${isoFromDay(end)}（夏季②来日日 ${isoFromDay(s2)} の翌日から1年）`);
    } else {
      end = termFrom(rs, start);
      trace?.step('Note 2.3', `term ${n}: ${isoFromDay(start)} – ${isoFromDay(end)} (the day after the previous term, for one year)`, `${n}回目: ${isoFromDay(start)}〜${isoFromDay(end)}（前の任期満了日の翌日から1年）`);
    }
    assertSupportedDay(end, 'term end');
    // D-11: the bridge term is year 2 and does not count as a new year, so term 3 is year 2 too.
    const jetYear = bridge && n >= 3 && rs.term.jetYearOfTerm === 'bridge-not-a-new-year' ? n - 1 : n;
    terms.push({ number: n, start, end, bridge: isBridge, jetYear });
  }
  return terms;
}

/**
 * D-8, D-11: the terms up to the one a JET year falls in, for a roster that keeps only 年次.
 * Term n is year n, except after an April arrival's bridge term, where term 2 (the bridge) and
 * term 3 are both year 2: there the term's start decides, and without it the term is not known
 * (a `missing` RuleError, never a guess).
 * @example termsToJetYear(rs, { arrival: 2022-08-06 }, 3).at(-1) → term 3, 2024-08-07 – 2025-08-06
 */
export function termsToJetYear(rs: AltRuleset, given: TermInput, jetYear: number, termStart?: Day, trace?: Trace): Term[] {
  if (!Number.isInteger(jetYear) || jetYear < 1 || jetYear > rs.term.maxYears) {
    throw RuleError.value('year', `JET year must be a whole number from 1 to ${rs.term.maxYears}; got ${jetYear}`, `来日年数は1〜${rs.term.maxYears}の整数で指定してください。入力: ${jetYear}`);
  }
  if (jetYear === 1) return termPlan(rs, given, 1, trace);
  const cohort = cohortOrDefault(given.arrival, given.cohort, trace);
  const country = given.country?.trim();
  // Without the country an April arrival's plan past term 1 throws its own "country is needed".
  const bridge = isApril(cohort) && country ? hasBridgeTerm(rs, cohort, country) : false;
  const plan = termPlan(rs, { ...given, cohort }, maxTerms(rs, bridge), trace);
  const candidates = plan.filter((t) => t.jetYear === jetYear);
  const pick =
    candidates.length === 1
      ? candidates[0]
      : termStart === undefined
        ? undefined
        : (candidates.find((t) => t.start === termStart) ?? candidates.find((t) => termStart >= t.start && termStart <= t.end));
  if (!pick) {
    const list = candidates.map((t) => `term ${t.number} (${isoFromDay(t.start)} – ${isoFromDay(t.end)})`).join(' or ');
    const listJa = candidates.map((t) => `${t.number}回目（${isoFromDay(t.start)}〜${isoFromDay(t.end)}）`).join('か');
    throw RuleError.missing('term', `JET year ${jetYear} after the bridge term is ${list} (D-11): give the term number or the term start`, `短期の任期の後の来日${jetYear}年目は${listJa}です（D-11）。任用回数か任期開始日を入力してください`);
  }
  trace?.step('D-8, D-11', `JET year ${jetYear} is term ${pick.number}`, `来日${jetYear}年目は${pick.number}回目の任期`);
  return plan.slice(0, pick.number);
}

/** The last day of the `term`-th appointment (Art 5, Notes 2–3). */
export function termEnd(rs: AltRuleset, input: TermInput, term = 1, trace?: Trace): Day {
  const plan = termPlan(rs, input, term, trace);
  return lastItem(plan, 'term plan').end;
}

/** Art 5.1: the first half 前半任期 ends on the next 31 March on or after the start. */
export function firstHalfEnd(rs: AltRuleset, termStart: Day): Day {
  assertSupportedDay(termStart, 'termStart');
  const { y } = ymdFromDay(termStart);
  const { month, day } = rs.term.firstHalfEnds;
  const thisYear = dayFromYmd(y, month, day);
  return termStart <= thisYear ? thisYear : dayFromYmd(y + 1, month, day);
}

export interface TermSegment {
  half: 'first' | 'second';
  start: Day;
  end: Day;
}

/** The first half and (when the term runs past 31 March) the second half of a term (Art 5.1). */
export function termSegments(rs: AltRuleset, termStart: Day, termEndDay: Day): TermSegment[] {
  assertSupportedDay(termEndDay, 'termEnd');
  if (termEndDay < termStart) {
    throw RuleError.value('termEnd', `termEnd ${isoFromDay(termEndDay)} is before termStart ${isoFromDay(termStart)}`, `termEnd ${isoFromDay(termEndDay)} が termStart ${isoFromDay(termStart)} より前です`);
  }
  const fhe = firstHalfEnd(rs, termStart);
  if (termEndDay <= fhe) return [{ half: 'first', start: termStart, end: termEndDay }];
  return [
    { half: 'first', start: termStart, end: fhe },
    { half: 'second', start: fhe + 1, end: termEndDay },
  ];
}

/**
 * Art 6, D-10: 「退職しようとする日の30日前までに」 counted back with 民法 Art 140–141: the leaving
 * day is not counted and 30 full days lie between, so notice is due by the leaving day − 31.
 * @example lastNoticeDay(rs, 2024-03-31) → 2024-02-29
 */
export function lastNoticeDay(rs: AltRuleset, leavingDay: Day, trace?: Trace): Day {
  assertSupportedDay(leavingDay, 'leavingDay');
  const n = rs.term.resignationNoticeDays;
  const clear = rs.term.noticeCounting === 'full-days-between';
  const day = leavingDay - n - (clear ? 1 : 0);
  assertSupportedDay(day, 'notice day');
  if (clear) {
    trace?.step('Art 6, D-10', `${n} full days must lie between the notice and the leaving day ${isoFromDay(leavingDay)} (民法 Art 140–141): notice by ${isoFromDay(day)}`, `申出日と退職しようとする日 ${isoFromDay(leavingDay)} の間に${n}日が必要（民法第140〜141条）: ${isoFromDay(day)} までに申出`);
  } else {
    trace?.step('Art 6, D-10', `${n} days before ${isoFromDay(leavingDay)}, counted as a plain difference: notice by ${isoFromDay(day)}`, `退職しようとする日 ${isoFromDay(leavingDay)} の${n}日前（日数の差）: ${isoFromDay(day)} までに申出`);
  }
  return day;
}

/**
 * Note 2.1: appointment is conditional for the first month from the first day of each half of the
 * term; the period of each half, cut at the half's end.
 */
export function conditionalPeriods(rs: AltRuleset, termStart: Day, termEndDay: Day): { half: 'first' | 'second'; start: Day; end: Day }[] {
  return termSegments(rs, termStart, termEndDay).map((s) => ({ half: s.half, start: s.start, end: Math.min(s.end, periodEnd(s.start, rs.term.conditionalMonths)) }));
}

/** Art 5.3: re-appointment into JET year 4 or later is an exception (a warning, not an error). */
export function reappointmentIsException(rs: AltRuleset, jetYear: number): boolean {
  return jetYear >= rs.term.reappointmentWarningFromYear;
}

/** Art 5.3: the JET years a re-appointment is an exception for, as a message says them ("years 4 and 5 are exceptions"). */
export function exceptionYears(rs: AltRuleset): { en: string; ja: string } {
  const years: number[] = [];
  for (let y = rs.term.reappointmentWarningFromYear; y <= rs.term.maxYears; y++) years.push(y);
  if (years.length === 0) return { en: 'no year is an exception', ja: '例外の年はありません' };
  const en = years.length === 1 ? `year ${years[0]} is an exception` : `years ${years.slice(0, -1).join(', ')} and ${years[years.length - 1]} are exceptions`;
  return { en, ja: `${years.join('・')}年目は例外` };
}

/** Note 3: the latest day a participation that began on `firstStart` can reach (5 years 4 months). */
export function participationLimit(rs: AltRuleset, firstStart: Day): Day {
  return periodEnd(firstStart, rs.term.maxParticipationMonths);
}
