// Every worksheet function, declared once: name, parameters and help in English and Japanese,
// an example, and the implementation over the rules core. Excel's metadata, the CLI, the
// README and the tests all come from this table.

import {
  AltRuleset,
  HoursUnit,
  monthAbsenceSpan,
  ClairRuleset,
  Day,
  RuleError,
  ReturnTravelInput,
  TermInput,
  Trace,
  itemAt,
  lastItem,
  absenceDeduction,
  checkWorkingTime,
  disciplinaryCut,
  findSpecialLeave,
  firstHalfEnd,
  headquartersDailyMinutes,
  holidayName,
  holidaysOfYear,
  hourlyRate,
  isWorkday,
  languageTarget,
  lastNoticeDay,
  leaveCarryOver,
  leaveRemaining,
  monthlyPay,
  needsCertificate,
  officeOfCountry,
  parseCohort,
  parseCostItem,
  parseDispatchForm,
  parseSuspensionCause,
  payDay,
  payForMonth,
  paySchedule,
  payerNames,
  periodsJoin,
  requireOffice,
  resolveRuleset,
  returnAirfareEligible,
  returnDeadline,
  secondGrantDay,
  serialFromDay,
  sickLeaveLeft,
  specialLeaveLimit,
  stipendCap,
  suspensionPayPercent,
  termPlan,
  termSegments,
  whoPays,
  workingDaysBetween,
  ymdFromDay,
  noticeNames,
  specialLeaveNotice,
  conditionalPeriods,
  dutySuspensionAllowed,
  deductionPayMonth,
  splitDeduction,
  stayExpenseSubsidy,
  dispatchForm,
  dayFromIsoText,
  payScheduleAcross,
  builtInInForce,
  defaultAltRuleset,
  leaveText,
} from '../core';
import { Raw, blankCell, isMissing, toBoolean, toDay, toInteger, toMinutes, toMonth, toNumber, toRows, toText } from './coerce';
import { P } from './params';
import { hoursPerDayOf, shownDate, shownValue } from './shown';
import { LEDGER_FUNCTIONS } from './ledgerFunctions';
import { clauseTag, explainLine, inJapaneseWords } from '../core/clauseLabel';

/** The numbers the descriptions quote: those of the default ruleset (a ruleset argument may change them). */
const DOC_RULESET = defaultAltRuleset();

export type AddIn = 'ALT' | 'CLAIR';
export type Lang = 'en' | 'ja';

/** How an argument is read. All reach Excel as `any`, so that every refusal carries our message. */
export type ParamKind = 'date' | 'number' | 'integer' | 'text' | 'boolean' | 'ruleset' | 'range' | 'any';

export interface ParamDecl {
  name: string;
  kind: ParamKind;
  optional?: boolean;
  /** The last parameter may repeat (ALT.EXPLAIN's arguments). */
  repeating?: boolean;
  en: string;
  ja: string;
  /** The parameter's name as Japanese Excel shows it. */
  jaName: string;
  /**
   * What a 0 means. Older Excel desktop builds pass an empty cell as 0, not null (Microsoft in
   * OfficeDev/office-js#4702), so by default a 0 is read as a blank cell: omitted, or missing when
   * required — right wherever 0 is no meaningful value (a date, a JET year, a language, a ruleset).
   * 'value': 0 is a meaningful value here (hours, days, yen that may be none), and then a blank
   * cell, whichever way it arrives, reads as 0, as Excel's own arithmetic reads it.
   * Range parameters are read cell by cell by their own readers (see `blankCell`).
   */
  zero?: 'value';
}

/** What a result is, for the reader: `leave` is days of leave (hours ÷ the ruleset's hours a day). */
export type ResultKind = 'number' | 'yen' | 'date' | 'leave' | 'text' | 'boolean' | 'spill' | 'any';
/** What each column of a spilled table is (a reader shows dates as dates, yen with separators). */
export type ColumnKind = Exclude<ResultKind, 'spill'> | 'hours';

export type Scalar = number | string | boolean;
export type Value = Scalar | Scalar[][];

export interface CallContext {
  /** Language of messages and of text results that have one. */
  lang: Lang;
  trace?: Trace;
}

export interface FnDecl {
  addin: AddIn;
  name: string;
  en: string;
  ja: string;
  params: ParamDecl[];
  result: ResultKind;
  /** For a spill: what each column holds, left to right. */
  columns?: ColumnKind[];
  /** An example call and its result, worked out by hand from docs/rules.md (checked by the tests). */
  example: { args: Raw[]; result: Value; en?: string; ja?: string };
  run(args: Raw[], ctx: CallContext): Value;
}

// ---- parameter helpers --------------------------------------------------------------------


const opt = (v: Raw): boolean => !isMissing(v);
const altRs = (v: Raw): AltRuleset => resolveRuleset('alt', isMissing(v) ? undefined : toText(v, 'ruleset', 100_000));
/** The ALT ruleset for a call about `day`: given → that one; omitted → the one in force on the day. */
const altRsOn = (v: Raw, day: Day, ctx: CallContext): AltRuleset => resolveRuleset('alt', isMissing(v) ? undefined : toText(v, 'ruleset', 100_000), day, ctx.trace);
const clairRs = (v: Raw): ClairRuleset => resolveRuleset('clair', isMissing(v) ? undefined : toText(v, 'ruleset', 100_000));
const dayOpt = (v: Raw, arg: string): Day | undefined => (opt(v) ? toDay(v, arg) : undefined);
const serial = (day: Day): number => serialFromDay(day);

/**
 * Dates from a range: each non-empty row gives [start, end]. Every cell is a date, so a 0 is a
 * blank cell (older Excel builds pass blanks as 0); a blank end is a one-day period, as the ledger
 * reads a blank "to".
 */
function periodsFrom(v: Raw, arg: string): { start: Day; end: Day }[] {
  const rows = toRows(v, arg).filter((r) => r.some((c) => !blankCell(c)));
  return rows.map((r, i) => {
    if (r.length < 2) throw RuleError.value(arg, `${arg} must have two columns: start and end dates`, `${arg} は開始日と終了日の2列で指定してください`);
    const start = toDay(blankCell(r[0]) ? null : r[0], `${arg} row ${i + 1} start`);
    return { start, end: blankCell(r[1]) ? start : toDay(r[1], `${arg} row ${i + 1} end`) };
  });
}

function termInput(args: Raw[]): TermInput {
  const [arrival, cohort, , country, s2, a1] = args;
  const input: TermInput = { arrival: toDay(arrival, 'arrival') };
  // Left out: the core decides (S1 for July–March, a #VALUE! for April–June; docs/rules.md §8).
  if (opt(cohort)) input.cohort = parseCohort(toText(cohort, 'cohort'));
  if (opt(country)) input.country = toText(country, 'country');
  if (opt(s2)) input.summer2Arrival = toDay(s2, 'summer2Arrival');
  if (opt(a1)) input.april1Arrival = toDay(a1, 'april1Arrival');
  return input;
}
/** RETURNAIRFARE's arguments; a departure or next job left out is not known yet. */
function returnTravelInput(termEnd: Raw, last: Raw, dep: Raw, job: Raw, early: Raw): ReturnTravelInput {
  const input: ReturnTravelInput = { termEnd: toDay(termEnd, 'termEnd'), lastDayOfService: toDay(last, 'lastDayOfService') };
  if (opt(dep)) input.departure = toDay(dep, 'departure');
  if (opt(job)) input.nextEmploymentStart = toDay(job, 'nextJobStart');
  input.earlyReturnApproved = opt(early) ? toBoolean(early, 'earlyReturnApproved') : false;
  return input;
}
const termNumber = (v: Raw): number => (opt(v) ? toInteger(v, 'term', 1, 6) : 1);
/** The terms up to the one asked for, from TERM_PARAMS arguments. */
const planOf = (args: Raw[], ctx: CallContext) => {
  const input = termInput(args);
  return termPlan(altRsOn(args[6], input.arrival, ctx), input, termNumber(args[2]), ctx.trace);
};
const jetYearArg = (v: Raw, r: AltRuleset): number => toInteger(v, 'year', 1, r.term.maxYears, 'a whole JET year', '整数');
/** A special-leave kind: its item number or its name. */
const leaveKindArg = (v: Raw, r: AltRuleset): number | string => (typeof v === 'number' ? toInteger(v, 'kind', 1, r.specialLeave.length) : toText(v, 'kind'));

const TERM_PARAMS: ParamDecl[] = [
  P.date('arrival', '来日日', 'arrival date in Japan', '来日日'),
  { name: 'cohort', jaName: '来日区分', kind: 'text', optional: true, en: 'S1 S2 S3 A1 A2 (夏季① 夏季② 夏季③ 4月① 4月②); default S1 for a July–March arrival, required for April–June', ja: 'S1 S2 S3 A1 A2（夏季① 夏季② 夏季③ 4月① 4月②）。7〜3月の来日は既定 S1、4〜6月は必須' },
  { name: 'term', jaName: '任用回数', kind: 'integer', optional: true, en: 'which appointment: 1 = first (default)', ja: '何回目の任用か（1 = 初任。既定 1）' },
  { name: 'country', jaName: '国籍', kind: 'text', optional: true, en: 'country of recruitment; needed for an April cohort’s term 2 or later', ja: '国名（4月来日者の2回目以降に必要）' },
  P.date('summer2Arrival', '夏季②来日日', "that year's summer ② arrival; needed for S3 and the bridge term unless the ruleset's table has it", '当該年度の夏季②来日日（S3・短期の任期に必要。ルールセットの表にあれば省略可）', true),
  P.date('april1Arrival', '4月①来日日', "that year's April ① arrival; needed for A2 unless the ruleset's table has it", '当該年度の4月①来日日（A2に必要。ルールセットの表にあれば省略可）', true),
  P.ruleset('alt'),
];

/** ALT.EXPLAIN (in Excel's display language), ALT.EXPLAINEN and ALT.EXPLAINJA. */
function explainDecl(name: string, fixed?: Lang): FnDecl {
  const inLang = fixed === 'ja' ? ' — in Japanese' : fixed === 'en' ? ' — in English' : '';
  const inLangJa = fixed === 'ja' ? '（日本語）' : fixed === 'en' ? '（英語）' : '';
  const example: FnDecl['example'] =
    fixed === 'ja'
      ? { args: ['HOURLY', 1], result: [['ALT.HOURLY(1)'], ['入力 来日年数 = 1'], ['第7条第1項: 来日1年目: 月額 ¥280,000'], ['第7条第4項: ¥280,000 × 12 ÷ (35時間 × 52) = 1846.1538'], ['判断D-3: 50銭以上切り上げ、50銭未満切り捨て → ¥1,846'], ['結果 = ¥1,846']] }
      : { args: ['HOURLY', 1], result: [['ALT.HOURLY(1)'], ['input year = 1'], ['Art 7.1: JET year 1: monthly pay ¥280,000'], ['Art 7.4: ¥280,000 × 12 ÷ (35 h × 52) = 1846.1538'], ['D-3: round to the yen, 50 sen and over up → ¥1,846'], ['result = ¥1,846']] };
  return {
    addin: 'ALT',
    name,
    en: `Shows how a result comes about (spills): the inputs as understood, each figure, and the clause or decision each step applies${inLang}.`,
    ja: `計算の根拠を表示（スピル）: 解釈した入力・途中の数値・各段階で適用した条項や決定${inLangJa}。`,
    params: [
      { name: 'function', jaName: '関数', kind: 'text', en: 'a function name, e.g. "PAY" or "CLAIR.STIPENDCAP"', ja: '"PAY"、"CLAIR.STIPENDCAP" などの関数名' },
      { name: 'arguments', jaName: '引数', kind: 'any', optional: true, repeating: true, en: "that function's arguments", ja: 'その関数の引数' },
    ],
    result: 'spill',
    example,
    run([fn, ...rest], ctx) {
      const wanted = toText(fn, 'function');
      const target = findFunction(wanted.includes('.') ? wanted : `ALT.${wanted}`) ?? findFunction(`CLAIR.${wanted}`);
      if (!target || target.name.startsWith('EXPLAIN')) {
        throw RuleError.notFound('function', `no function "${wanted}"; use a name from the list, e.g. PAY, LEAVE, CLAIR.STIPENDCAP`, `関数「${wanted}」はありません（例: PAY、LEAVE、CLAIR.STIPENDCAP）`);
      }
      return explain(target, rest, fixed ?? ctx.lang).map((line) => [line]);
    },
  };
}

// Worked by hand: the 21st, or the working day before it (Art 7.2): 2023-10-21 Sat → 10-20;
// 2024-01-21 Sun → 01-19; 2024-04-21 Sun → 04-19; 2024-07-21 Sun → 07-19.
const TERM1_SCHEDULE_EXAMPLE: Scalar[][] = ([
  ['2023-08-01', '2023-08-21'], ['2023-09-01', '2023-09-21'], ['2023-10-01', '2023-10-20'], ['2023-11-01', '2023-11-21'],
  ['2023-12-01', '2023-12-21'], ['2024-01-01', '2024-01-19'], ['2024-02-01', '2024-02-21'], ['2024-03-01', '2024-03-21'],
  ['2024-04-01', '2024-04-19'], ['2024-05-01', '2024-05-21'], ['2024-06-01', '2024-06-21'], ['2024-07-01', '2024-07-19'],
] satisfies [string, string][]).map(([month, pay]) => [serial(dayFromIsoText(month) as Day), serial(dayFromIsoText(pay) as Day), 280000, 1]);

// ---- the functions --------------------------------------------------------------------------

export const FUNCTIONS: FnDecl[] = [
  {
    addin: 'ALT',
    name: 'PAY',
    en: 'Pay in yen for a month (Art 7): the monthly amount, prorated when service starts or ends within the month by the days requiring work (all but Saturdays and Sundays; holidays count, Art 7.3); 0 when service does not touch it.',
    ja: '月の報酬額（第7条）。月の途中で勤務が始まる・終わる場合は、勤務を要する日（土日以外。休日は含む。第7条第3項）による日割計算。勤務期間外の月は 0。',
    params: [
      P.year(),
      P.month('the month (omitted: the monthly amount)', '対象月（省略時は月額）', true),
      P.date('serviceStart', '勤務開始日', 'first day of service', '勤務開始日', true),
      P.date('serviceEnd', '勤務終了日', 'last day of service', '勤務終了日', true),
      P.ruleset('alt'),
    ],
    result: 'yen',
    example: { args: [1, '2023-08-01', '2023-08-07'], result: 231304, en: 'Year 1, service from Mon 7 Aug 2023: 280,000 × 19/23', ja: '1年目、2023-08-07（月）から勤務: 280,000 × 19/23' },
    run([year, month, start, end, rs], ctx) {
      const r = altRs(rs);
      const y = jetYearArg(year, r);
      if (!opt(month)) {
        if (opt(start) || opt(end)) throw RuleError.value('month', 'month is needed when serviceStart or serviceEnd is given', 'serviceStart・serviceEnd を指定するときは month が必要です');
        return monthlyPay(r, y, ctx.trace);
      }
      const m = toMonth(month, 'month');
      const r2 = altRsOn(rs, m, ctx);
      return payForMonth(r2, jetYearArg(year, r2), m, dayOpt(start, 'serviceStart'), dayOpt(end, 'serviceEnd'), ctx.trace);
    },
  },
  {
    addin: 'ALT',
    name: 'PAYDATE',
    en: 'Pay day of a month (Art 7.2): the 21st, or the nearest earlier working day.',
    ja: '報酬の支給日（第7条第2項）。21日、休日等のときはその前の直近の勤務日。',
    params: [P.month('the month', '対象月'), P.ruleset('alt')],
    result: 'date',
    example: { args: ['2026-09-01'], result: 46283, en: '21 Sep 2026 is 敬老の日, 20th Sunday, 19th Saturday → Fri 18 Sep 2026', ja: '2026-09-21 敬老の日・20日 日曜・19日 土曜 → 2026-09-18（金）' },
    run([month, rs], ctx) {
      const m = toMonth(month, 'month');
      return serial(payDay(altRsOn(rs, m, ctx), m, ctx.trace));
    },
  },
  {
    addin: 'ALT',
    name: 'HOURLY',
    en: 'Hourly rate in yen (Art 7.4, D-3): monthly × 12 ÷ (35 × 52), rounded to the yen.',
    ja: '勤務1時間当たりの報酬額（第7条第4項・D-3）。月額 × 12 ÷（35 × 52）、円未満四捨五入（50銭以上切上げ）。',
    params: [P.year(), P.ruleset('alt')],
    result: 'yen',
    example: { args: [1], result: 1846 },
    run([year, rs], ctx) {
      const r = altRs(rs);
      return hourlyRate(r, jetYearArg(year, r), ctx.trace);
    },
  },
  {
    addin: 'ALT',
    name: 'DEDUCT',
    en: "Deduction for a month's total absent time (Art 8): under 30 minutes dropped, 30 or more a full hour, times the hourly rate.",
    ja: '月の不勤務時間の合計に対する減額（第8条）。30分未満切捨て・30分以上は1時間として、時間額を乗じる。',
    params: [
      P.year(),
      { zero: 'value', name: 'absent', jaName: '不勤務時間', kind: 'any', en: "the month's total absent time in whole minutes: hours (2.5), text h:mm (2:30) or 2時間30分", ja: '月の不勤務時間の合計（分単位）: 時間（2.5）、h:mm（2:30）または 2時間30分' },
      { name: 'unit', jaName: '単位', kind: 'text', optional: true, en: '"hours" (default), "minutes", or "time" for an Excel time value', ja: '"hours"（既定）、"minutes"、Excel の時刻値なら "time"' },
      P.ruleset('alt'),
    ],
    result: 'yen',
    example: { args: [1, '2:30'], result: 5538, en: '2 h 30 min counts as 3 h: 3 × ¥1,846', ja: '2時間30分は3時間: 3 × 1,846円' },
    run([year, absent, unit, rs], ctx) {
      const r = altRs(rs);
      const y = jetYearArg(year, r);
      return absenceDeduction(r, y, absentMinutes(r, absent, unit), ctx.trace);
    },
  },
  {
    addin: 'ALT',
    name: 'LEAVE',
    en: 'Annual leave remaining on a date, in days (hours ÷ 7) (Art 12). #VALUE! when usage exceeds what was available.',
    ja: '基準日の年次有給休暇の残日数（時間 ÷ 7）（第12条）。使用が付与を超えると #VALUE!。',
    params: [
      P.date('termStart', '任期開始日', 'first day of the term', '任期の初日'),
      P.date('asOf', '基準日', 'the day to count to', '基準日'),
      { zero: 'value', name: 'usedHours', jaName: '使用時間', kind: 'number', optional: true, en: 'hours of leave taken (7 h = 1 day)', ja: '使用した時間数（7時間 = 1日）' },
      { zero: 'value', name: 'carriedDays', jaName: '繰越日数', kind: 'number', optional: true, en: 'days carried over from the last term (0–20)', ja: '前任期からの繰越日数（0〜20）' },
      { name: 'reappointed', jaName: '再任用', kind: 'boolean', optional: true, en: 'TRUE for a re-appointment: all 20 days at once (carried days imply it)', ja: 'TRUE なら再任用（20日を一括付与。繰越日数があれば再任用とみなす）' },
      { name: 'earlyGrant', jaName: '前倒し付与', kind: 'boolean', optional: true, en: 'TRUE if the second 10 days were granted early', ja: '残り10日を前倒し付与したなら TRUE' },
      P.ruleset('alt'),
    ],
    result: 'leave',
    example: { args: ['2023-08-01', '2023-11-01', 14], result: 18, en: 'first appointment 1 Aug 2023: 20 days from 1 Nov, 2 days used', ja: '2023-08-01 初任用: 11/1 から20日、2日使用' },
    run([termStart, asOf, used, carried, reap, early, rs], ctx) {
      const start = toDay(termStart, 'termStart');
      return leaveRemaining(
        altRsOn(rs, start, ctx),
        {
          termStart: start,
          asOf: toDay(asOf, 'asOf'),
          usedHours: opt(used) ? toNumber(used, 'usedHours') : 0,
          carriedDays: opt(carried) ? toNumber(carried, 'carriedDays') : 0,
          ...(opt(reap) ? { reappointed: toBoolean(reap, 'reappointed') } : {}),
          earlyGrant: opt(early) ? toBoolean(early, 'earlyGrant') : false,
        },
        ctx.trace,
      );
    },
  },
  {
    addin: 'ALT',
    name: 'LEAVETEXT',
    en: 'Days of leave as clerks keep them, in days and hours (Art 12.1: 7 h = 1 day): 16.43 → "16 days 3 h", or "16日3時間" in Japanese; e.g. =ALT.LEAVETEXT(ALT.LEAVE(…), "ja").',
    ja: '休暇の日数を日と時間で表示（第12条第1項: 7時間 = 1日）: 16.43 → 「16日3時間」（英語なら "16 days 3 h"）。例: =ALT.LEAVETEXT(ALT.LEAVE(…), "ja")。',
    params: [
      { zero: 'value', name: 'days', jaName: '日数', kind: 'number', en: 'days of leave, e.g. the result of ALT.LEAVE', ja: '休暇の日数（ALT.LEAVE の結果など）' },
      P.lang(),
      P.ruleset('alt'),
    ],
    result: 'text',
    example: { args: [115 / 7, 'ja'], result: '16日3時間', en: '115 h left = 16 × 7 h + 3 h', ja: '残り115時間 = 16日 × 7時間 + 3時間' },
    run([days, lang, rs]) {
      const d = toNumber(days, 'days');
      if (Math.abs(d) > 10_000) throw RuleError.value('days', `days must be at most 10,000; got ${d}`, `days は10,000以内で指定してください。入力: ${d}`);
      return leaveText(d, altRs(rs).annualLeave.hoursPerDay, langArg(lang));
    },
  },
  {
    addin: 'ALT',
    name: 'TERMEND',
    en: 'Last day of the term-th appointment (Art 5, Notes 2–3), including the short bridge term of April arrivals.',
    ja: '何回目かの任期の末日（第5条・注2〜3）。4月来日者の短期の任期を含む。',
    params: TERM_PARAMS,
    result: 'date',
    example: { args: ['2015-04-08', 'A1', 2, 'USA', '2015-08-02'], result: 42584, en: 'April ① arrival from the USA: the bridge term ends 2 Aug 2016', ja: '米国からの4月①来日者: 短期の任期は 2016-08-02 まで' },
    run(args, ctx) {
      return serial(lastItem(planOf(args, ctx), 'term plan').end);
    },
  },
  {
    addin: 'ALT',
    name: 'TERMSTART',
    en: 'First day of the term-th appointment (Note 2): the day after arrival, then the day after each term ends.',
    ja: '何回目かの任期の初日（注2）。初回は来日日の翌日、以後は前任期満了日の翌日。',
    params: TERM_PARAMS,
    result: 'date',
    example: { args: ['2015-04-08', 'A1', 3, 'USA', '2015-08-02'], result: 42585 },
    run(args, ctx) {
      return serial(lastItem(planOf(args, ctx), 'term plan').start);
    },
  },
  {
    addin: 'ALT',
    name: 'TERMS',
    en: 'All terms so far as a table (spills): term, start, end, JET year, bridge.',
    ja: '任期の一覧（スピル）: 回数・開始日・終了日・来日年数・短期の任期か。',
    params: TERM_PARAMS,
    result: 'spill',
    columns: ['number', 'date', 'date', 'number', 'boolean'],
    example: { args: ['2015-04-08', 'A1', 3, 'USA', '2015-08-02'], result: [[1, 42103, 42468, 1, false], [2, 42469, 42584, 2, true], [3, 42585, 42949, 2, false]] },
    run(args, ctx) {
      const plan = planOf(args, ctx);
      return plan.map((t) => [t.number, serial(t.start), serial(t.end), t.jetYear, t.bridge]);
    },
  },
  {
    addin: 'ALT',
    name: 'FIRSTHALFEND',
    en: 'End of the first half of a term (Art 5.1): the next 31 March.',
    ja: '前半任期の末日（第5条第1項）: 直後の3月31日。',
    params: [P.date('termStart', '任期開始日', 'first day of the term', '任期の初日'), P.ruleset('alt')],
    result: 'date',
    example: { args: ['2023-08-07'], result: 45382 },
    run([termStart, rs]) {
      return serial(firstHalfEnd(altRs(rs), toDay(termStart, 'termStart')));
    },
  },
  {
    addin: 'ALT',
    name: 'TERMSEGMENTS',
    en: 'The first and second halves of a term (Art 5.1) as a table (spills): "first" or "second", start, end.',
    ja: '前半任期・後半任期（第5条第1項）の一覧（スピル）: 区分（"first" 前半 / "second" 後半）・開始日・終了日。',
    params: [P.date('termStart', '任期開始日', 'first day of the term', '任期の初日'), P.date('termEnd', '任期終了日', 'last day of the term', '任期の末日'), P.ruleset('alt')],
    result: 'spill',
    columns: ['text', 'date', 'date'],
    example: { args: ['2023-08-07', '2024-08-06'], result: [['first', 45145, 45382], ['second', 45383, 45510]] },
    run([termStart, termEnd, rs]) {
      return termSegments(altRs(rs), toDay(termStart, 'termStart'), toDay(termEnd, 'termEnd')).map((s) => [s.half, serial(s.start), serial(s.end)]);
    },
  },
  {
    addin: 'ALT',
    name: 'NOTICEBY',
    en: 'Last day to give notice of resignation (Art 6, D-10): 30 full days must lie between notice and leaving, so the leaving day − 31.',
    ja: '退職の申出期限（第6条・D-10）: 申出日と退職しようとする日の間に30日が必要なので、退職しようとする日の31日前。',
    params: [P.date('leavingDay', '退職日', 'the day of leaving', '退職しようとする日'), P.ruleset('alt')],
    result: 'date',
    example: { args: ['2024-03-31'], result: 45351, en: 'leaving 31 Mar 2024 → notice by 29 Feb 2024', ja: '2024-03-31 退職 → 2024-02-29 までに申出' },
    run([leaving, rs], ctx) {
      const day = toDay(leaving, 'leavingDay');
      return serial(lastNoticeDay(altRsOn(rs, day, ctx), day, ctx.trace));
    },
  },
  {
    addin: 'ALT',
    name: 'PAYSCHEDULE',
    en: 'Pay schedule of a service period within one term (spills): one row per month with month, pay day and amount, prorated in part months. A period longer than one term is a #VALUE! (the JET year changes at each term start, D-11: use TERMPAYSCHEDULE).',
    ja: '1任期内の勤務期間の報酬支給予定（スピル）: 月・支給日・金額（端月は日割）。1任期を超える期間は #VALUE!（来日年数は任期ごとに変わる。D-11: TERMPAYSCHEDULE を使用）。',
    params: [P.year(), P.date('serviceStart', '勤務開始日', 'first day of service', '勤務開始日'), P.date('serviceEnd', '勤務終了日', 'last day of service', '勤務終了日'), P.ruleset('alt')],
    result: 'spill',
    columns: ['date', 'date', 'yen'],
    example: { args: [1, '2023-08-07', '2023-10-15'], result: [[45139, 45159, 231304], [45170, 45190, 280000], [45200, 45219, 127272]] },
    run([year, start, end, rs], ctx) {
      const from = toDay(start, 'serviceStart');
      const r = altRsOn(rs, from, ctx);
      const y = jetYearArg(year, r);
      return paySchedule(r, y, from, toDay(end, 'serviceEnd')).map((row) => [serial(row.month), serial(row.payDay), row.amount]);
    },
  },
  {
    addin: 'ALT',
    name: 'TERMPAYSCHEDULE',
    en: 'Pay schedule from the first term to the end of the term-th (spills): month, pay day, amount, JET year of the term (D-11) — the pay changes at each term start, a month across two terms is prorated at both rates.',
    ja: '初回から何回目かの任期末までの報酬支給予定（スピル）: 月・支給日・金額・来日年数（D-11）。任期の初日に月額が変わり、2つの任期にまたがる月は両方の額で日割。',
    params: TERM_PARAMS,
    result: 'spill',
    columns: ['date', 'date', 'yen', 'number'],
    example: { args: ['2023-07-31', 'S1', 1], result: TERM1_SCHEDULE_EXAMPLE, en: 'term 1 from Tue 1 Aug 2023: twelve full months at ¥280,000, paid on the 21st or the working day before', ja: '2023-08-01（火）からの1回目の任期: 12か月 × 280,000円。21日（休日等はその前の勤務日）に支給' },
    run(args, ctx) {
      const plan = planOf(args, ctx);
      // Without a ruleset argument each month is paid under the ruleset in force then.
      const r = isMissing(args[6]) ? (day: Day) => builtInInForce('alt', day).ruleset : altRs(args[6]);
      const rows = payScheduleAcross(r, plan.map((t) => ({ start: t.start, end: t.end, jetYear: t.jetYear })));
      // The JET year shown is that of the last term touching the month.
      let term = itemAt(plan, 0, 'term plan');
      return rows.map((row, i) => {
        const monthEnd = i + 1 < rows.length ? itemAt(rows, i + 1, 'pay rows').month - 1 : lastItem(plan, 'term plan').end;
        for (const later of plan) if (later.start > term.start && later.start <= monthEnd) term = later;
        return [serial(row.month), serial(row.payDay), row.amount, term.jetYear];
      });
    },
  },
  {
    addin: 'ALT',
    name: 'SECONDGRANT',
    en: 'Day from which a first appointment’s second 10 days of leave are available (Art 12.1, D-4).',
    ja: '初任用者の残り10日の年休が付与される日（第12条第1項・D-4）。',
    params: [P.date('termStart', '任期開始日', 'day of appointment', '任用日'), P.ruleset('alt')],
    result: 'date',
    example: { args: ['2023-11-30'], result: 45352 },
    run([termStart, rs]) {
      return serial(secondGrantDay(altRs(rs), toDay(termStart, 'termStart')));
    },
  },
  {
    addin: 'ALT',
    name: 'LEAVECARRY',
    en: `Days of annual leave that carry over to the next term (Art 12.2, D-5): carried days are used first; at most ${DOC_RULESET.annualLeave.maxCarryDays}.`,
    ja: `次の任期に繰り越せる年休日数（第12条第2項・D-5）。繰越分から先に使用、上限${DOC_RULESET.annualLeave.maxCarryDays}日。`,
    params: [
      { zero: 'value', name: 'usedHours', jaName: '使用時間', kind: 'number', en: 'hours of leave taken in the term', ja: '任期中に使用した時間数' },
      { zero: 'value', name: 'carriedDays', jaName: '繰越日数', kind: 'number', optional: true, en: 'days carried into this term (0–20)', ja: 'この任期への繰越日数（0〜20）' },
      // 0 is a blank cell here (the default): every term grants leave (Art 12.1), so 0 days is no value.
      { name: 'grantedDays', jaName: '付与日数', kind: 'number', optional: true, en: "this term's own grant (default 20)", ja: '当任期の付与日数（既定20）' },
      P.ruleset('alt'),
    ],
    result: 'leave',
    example: { args: [70, 5], result: 15 },
    run([used, carried, granted, rs], ctx) {
      const r = altRs(rs);
      return leaveCarryOver(r, toNumber(used, 'usedHours'), opt(carried) ? toNumber(carried, 'carriedDays') : 0, opt(granted) ? toNumber(granted, 'grantedDays') : r.annualLeave.daysPerTerm, ctx.trace);
    },
  },
  {
    addin: 'ALT',
    name: 'SICKLEFT',
    en: `Sick-leave days left (Art 13.2, D-6): ${DOC_RULESET.sickLeave.maxDays} less the days of the latest chain of periods fewer than ${DOC_RULESET.sickLeave.joinIfGapLessThanDays} days apart.`,
    ja: `病気休暇の残日数（第13条第2項・D-6）: 間が${DOC_RULESET.sickLeave.joinIfGapLessThanDays}日未満の期間を連続とみなし、${DOC_RULESET.sickLeave.maxDays}日から差し引く。`,
    params: [{ name: 'periods', jaName: '期間', kind: 'range', en: 'a range of periods: start date, end date per row (a blank end: one day)', ja: '各行に開始日と終了日を並べた範囲（終了日が空欄なら1日）' }, P.ruleset('alt')],
    result: 'leave',
    example: { args: [[['2023-10-01', '2023-10-05'], ['2023-10-12', '2023-10-14']]], result: 12 },
    run([periods, rs], ctx) {
      return sickLeaveLeft(altRs(rs), periodsFrom(periods, 'periods'), ctx.trace);
    },
  },
  {
    addin: 'ALT',
    name: 'SICKJOINED',
    en: 'TRUE when two sick-leave periods count as one (Art 13.2, D-6): fewer than 7 days lie between them.',
    ja: '2つの病気休暇の期間が連続とみなされるなら TRUE（第13条第2項・D-6）: 間が7日未満。',
    params: [P.date('firstEnd', '前期間終了日', 'last day of the earlier period', '前の期間の末日'), P.date('secondStart', '後期間開始日', 'first day of the later period', '後の期間の初日'), P.ruleset('alt')],
    result: 'boolean',
    example: { args: ['2023-10-05', '2023-10-12'], result: true },
    run([end1, start2, rs]) {
      const a = toDay(end1, 'firstEnd');
      const b = toDay(start2, 'secondStart');
      if (b <= a) throw RuleError.value('secondStart', 'secondStart must be after firstEnd', 'secondStart は firstEnd より後でなければなりません');
      return periodsJoin(altRs(rs), a, b);
    },
  },
  {
    addin: 'ALT',
    name: 'SICKCERT',
    en: "TRUE when sick leave of that many consecutive days needs a doctor's certificate (Art 30.3: more than 3).",
    ja: '連続する病気休暇に医師の診断書が必要なら TRUE（第30条第3項: 3日超）。',
    params: [{ zero: 'value', name: 'days', jaName: '連続日数', kind: 'integer', en: 'consecutive days of sick leave', ja: '連続する病気休暇の日数' }, P.ruleset('alt')],
    result: 'boolean',
    example: { args: [4], result: true },
    run([days, rs]) {
      return needsCertificate(altRs(rs), toInteger(days, 'days', 0, 366));
    },
  },
  {
    addin: 'ALT',
    name: 'SPECIALLEAVE',
    en: 'Limit of a kind of special leave (Art 14.1), by item number 1–22 or name; text "as needed" where the rules give no number.',
    ja: '特別休暇の上限（第14条第1項）。号（1〜22）または名称で指定。数の定めがない場合は「必要と認められる期間」。',
    params: [
      { name: 'kind', jaName: '種類', kind: 'any', en: 'item number 1–22 or name (e.g. 21, "Summer leave", 夏季休暇)', ja: '号（1〜22）または名称（例: 21、夏季休暇）' },
      { name: 'variant', jaName: '区分', kind: 'text', optional: true, en: 'circumstance: for bereavement the relative (祖父母, 兄弟姉妹, 父母, 配偶者, 子; grandmother, brother…), else ivf, multiple, two-or-more; or in brackets after the kind: 忌引（祖母）', ja: '忌引は続柄（祖父母・兄弟姉妹・父母・配偶者・子、祖母・兄など）、その他は ivf・multiple・two-or-more。種類の後の括弧でも可: 忌引（祖母）' },
      P.lang(),
      P.ruleset('alt'),
    ],
    result: 'any',
    example: { args: [5, 'ivf'], result: 10 },
    run([kind, variant, lang, rs], ctx) {
      const r = altRs(rs);
      const k = leaveKindArg(kind, r);
      const limit = specialLeaveLimit(r, k, opt(variant) ? toText(variant, 'variant') : undefined, ctx.trace);
      return limit ?? (langArg(lang) === 'ja' ? '必要と認められる期間' : 'as needed');
    },
  },
  {
    addin: 'ALT',
    name: 'SPECIALLEAVEUNIT',
    en: 'Unit of a special leave limit (Art 14.1): consecutive-days, days, days-per-term, weeks, minutes-per-day, hours-per-day or as-needed.',
    ja: '特別休暇の上限の単位（第14条第1項）。',
    params: [{ name: 'kind', jaName: '種類', kind: 'any', en: 'item number 1–22 or name', ja: '号（1〜22）または名称' }, P.ruleset('alt')],
    result: 'text',
    example: { args: ['夏季休暇'], result: 'days' },
    run([kind, rs]) {
      const r = altRs(rs);
      return findSpecialLeave(r, leaveKindArg(kind, r)).unit;
    },
  },
  {
    addin: 'ALT',
    name: 'SPECIALLEAVEPAID',
    en: 'TRUE when a kind of special leave is paid (Art 14.2: items 1–9 and 18–22 paid, 10–17 unpaid).',
    ja: '特別休暇が有給なら TRUE（第14条第2項: 1〜9号・18〜22号は有給、10〜17号は無給）。',
    params: [{ name: 'kind', jaName: '種類', kind: 'any', en: 'item number 1–22 or name', ja: '号（1〜22）または名称' }, P.ruleset('alt')],
    result: 'boolean',
    example: { args: [15], result: false },
    run([kind, rs]) {
      const r = altRs(rs);
      return findSpecialLeave(r, leaveKindArg(kind, r)).paid;
    },
  },
  {
    addin: 'ALT',
    name: 'SUSPENSIONRATE',
    en: 'Share of pay on a day of suspension (Art 28, 29.2): work-related 1 (less benefits); illness 1 to day 30, 0.5 to day 60, then 0; indictment 0.6.',
    ja: '休職中の報酬の支給割合（第28条・第29条第2項）: 公務 1（給付を控除）、病気 30日まで1・60日まで0.5・以後0、起訴 0.6。',
    params: [
      { name: 'cause', jaName: '事由', kind: 'text', en: '"work-related" (公務), "illness" (病気) or "indictment" (起訴)', ja: '"work-related"（公務）、"illness"（病気）、"indictment"（起訴）' },
      P.date('firstDay', '初日', 'first day unable to work', '勤務できない日の初日'),
      P.date('date', '日付', 'the day in question', '対象日'),
      P.ruleset('alt'),
    ],
    result: 'number',
    example: { args: ['illness', '2024-01-10', '2024-02-09'], result: 0.5, en: 'day 31 of illness', ja: '病気の31日目' },
    run([cause, first, date, rs], ctx) {
      return suspensionPayPercent(altRs(rs), parseSuspensionCause(toText(cause, 'cause')), toDay(first, 'firstDay'), toDay(date, 'date'), ctx.trace) / 100;
    },
  },
  {
    addin: 'ALT',
    name: 'DISCIPLINE',
    en: "Disciplinary pay cut for a month (Art 27.2.2): half a day's average pay per instance, together at most a tenth of the month's pay.",
    ja: '減給額（第27条第2項第2号）: 1回につき平均報酬1日分の半額、月の総額は報酬の10分の1まで。',
    params: [
      { name: 'dailyAveragePay', jaName: '平均報酬日額', kind: 'integer', en: "one day's average pay (平均報酬の1日分), yen", ja: '平均報酬の1日分（円）' },
      { name: 'instances', jaName: '回数', kind: 'integer', en: 'number of cuts in the month', ja: '月内の減給の回数' },
      { name: 'monthPay', jaName: '月の報酬', kind: 'integer', en: "that month's pay, yen", ja: '当月の報酬（円）' },
      P.ruleset('alt'),
    ],
    result: 'yen',
    example: { args: [9000, 7, 280000], result: 28000, en: '7 × 4,500 = 31,500, capped at a tenth of 280,000', ja: '7 × 4,500 = 31,500 → 280,000 の10分の1が上限' },
    run([daily, n, pay, rs], ctx) {
      return disciplinaryCut(altRs(rs), toInteger(daily, 'dailyAveragePay', 1, 10_000_000), toInteger(n, 'instances', 1, 31), toInteger(pay, 'monthPay', 1, 100_000_000), ctx.trace);
    },
  },
  {
    addin: 'ALT',
    name: 'AIRFARE',
    en: 'TRUE when the return airfare is paid (Art 9.2–9.3): term completed, no job in Japan within a month, departure within a month — or an approved early return.',
    ja: '帰国旅費の支給対象なら TRUE（第9条第2〜3項）: 任期満了・1か月以内に国内で雇用なし・1か月以内に出国、または所属長が認めた早期帰国。',
    params: [
      P.date('termEnd', '任期満了日', 'last day of the term', '任期の末日'),
      P.date('lastDayOfService', '最終勤務日', 'last day actually served', '実際の最終勤務日'),
      P.date('departure', '出国日', 'day of departure from Japan', '帰国のための出国日', true),
      P.date('nextJobStart', '次の雇用開始日', 'first day of any job in Japan after the term', '任期後の国内での雇用開始日', true),
      { name: 'earlyReturnApproved', jaName: '早期帰国承認', kind: 'boolean', optional: true, en: 'TRUE for an approved early return for reasons not the ALT’s fault (Art 9.3)', ja: '本人の責によらない早期帰国を所属長が認めたなら TRUE（第9条第3項）' },
      P.ruleset('alt'),
    ],
    result: 'boolean',
    example: { args: ['2024-08-01', '2024-08-01', '2024-09-01'], result: true },
    run([termEnd, last, dep, job, early, rs], ctx) {
      return returnAirfareEligible(
        altRs(rs),
        returnTravelInput(termEnd, last, dep, job, early),
        ctx.trace,
      );
    },
  },
  {
    addin: 'ALT',
    name: 'RETURNBY',
    en: 'Last day to leave Japan for the return airfare (Art 9.2.3): one month counted from the day after the term.',
    ja: '帰国旅費の対象となる出国期限（第9条第2項第3号）: 任期満了日の翌日から1か月。',
    params: [P.date('termEnd', '任期満了日', 'last day of the term', '任期の末日'), P.ruleset('alt')],
    result: 'date',
    example: { args: ['2024-08-01'], result: 45536 },
    run([termEnd, rs]) {
      return serial(returnDeadline(altRs(rs), toDay(termEnd, 'termEnd')));
    },
  },
  {
    addin: 'ALT',
    name: 'HOLIDAY',
    en: "The holiday's Japanese name (Art 11): national holidays, 休日 for substitute days, 年末年始 for 12/29–1/3; empty text otherwise.",
    ja: '休日の名称（第11条）: 国民の祝日、振替休日・国民の休日は「休日」、12/29〜1/3 は「年末年始」。休日でなければ空文字。',
    params: [P.date('date', '日付', 'the day', '日付')],
    result: 'text',
    example: { args: ['2026-09-22'], result: '休日', en: "a citizens' holiday between 敬老の日 and 秋分の日", ja: '敬老の日と秋分の日に挟まれた国民の休日' },
    run([date]) {
      return holidayName(toDay(date, 'date'), 'ja');
    },
  },
  {
    addin: 'ALT',
    name: 'ISWORKDAY',
    en: 'TRUE unless the day is a weekend, a national holiday or 12/29–1/3 (Art 10.2, 11).',
    ja: '土日・国民の祝日等・12/29〜1/3 でなければ TRUE（第10条第2項・第11条）。',
    params: [P.date('date', '日付', 'the day', '日付')],
    result: 'boolean',
    example: { args: ['2023-08-11'], result: false },
    run([date]) {
      return isWorkday(toDay(date, 'date'));
    },
  },
  {
    addin: 'ALT',
    name: 'WORKDAYS',
    en: 'Working days from start to end inclusive, like NETWORKDAYS with the Japanese calendar and 12/29–1/3.',
    ja: '開始日から終了日まで（両端を含む）の勤務日数。日本の祝日と年末年始を除く NETWORKDAYS。',
    params: [P.date('start', '開始日', 'first day', '開始日'), P.date('end', '終了日', 'last day', '終了日')],
    result: 'number',
    example: { args: ['2023-08-01', '2023-08-31'], result: 22 },
    run([start, end]) {
      const a = toDay(start, 'start');
      const b = toDay(end, 'end');
      // Like NETWORKDAYS: a reversed span counts negative.
      return b >= a ? workingDaysBetween(a, b) : -workingDaysBetween(b, a);
    },
  },
  {
    addin: 'ALT',
    name: 'HOLIDAYS',
    en: 'The holidays of a year or one month of it (spills): date and name (Japanese by default), year-end days included.',
    ja: '年（または月）の休日一覧（スピル）: 日付と名称（既定は日本語。年末年始を含む）。',
    params: [
      { name: 'year', jaName: '年', kind: 'integer', en: 'calendar year 1980–2099', ja: '西暦年（1980〜2099）' },
      { name: 'month', jaName: '月', kind: 'integer', optional: true, en: 'month 1–12; omitted: the whole year', ja: '1〜12。省略時は年間' },
      { ...P.lang(), en: '"ja" (default) or "en"', ja: '"ja"（既定）または "en"' },
    ],
    result: 'spill',
    columns: ['date', 'text'],
    example: { args: [2026, 9], result: [[46286, '敬老の日'], [46287, '休日'], [46288, '秋分の日']] },
    run([year, month, lang]) {
      const m = opt(month) ? toInteger(month, 'month', 1, 12) : undefined;
      const l = isMissing(lang) ? 'ja' : langArg(lang);
      return holidaysOfYear(toInteger(year, 'year', 1980, 2099))
        .filter((h) => m === undefined || ymdFromDay(h.day).m === m)
        .map((h) => [serial(h.day), h[l]]);
    },
  },
  {
    addin: 'ALT',
    name: 'WORKCHECK',
    en: 'Checks hours worked against Art 10 (spills one finding per row, or "OK"): 8 h a day, 40 h a week, a day off a week, 35 h average over 4 weeks.',
    ja: '勤務時間を第10条で点検（スピル。問題ごとに1行、なければ "OK"）: 1日8時間・週40時間・週1日の休み・4週平均35時間。',
    params: [
      { name: 'dates', jaName: '日付', kind: 'range', en: 'a column of dates', ja: 'Excel の日付を並べた列' },
      { name: 'hours', jaName: '時間', kind: 'range', en: 'a column of hours worked on those dates', ja: '各日の勤務時間の列' },
      P.lang(),
      P.ruleset('alt'),
    ],
    result: 'spill',
    example: { args: [[['2023-09-04'], ['2023-09-05']], [[9], [7]]], result: [['Art 10.4', '2023-09-04: 9 h worked, more than 8 h in a day']] },
    run([dates, hours, lang, rs]) {
      const ds = toRows(dates, 'dates').map((r) => r[0]);
      const hs = toRows(hours, 'hours').map((r) => r[0]);
      if (ds.length !== hs.length) throw RuleError.value('hours', `dates has ${ds.length} rows but hours has ${hs.length}; give one hours figure per date`, `dates は${ds.length}行、hours は${hs.length}行です。日付ごとに時間を指定してください`);
      // A date cell of 0 is a blank cell (no date is 0); a blank hours cell is 0 hours, as 0 is.
      const worked: { day: Day; hours: number }[] = [];
      ds.forEach((d, i) => {
        if (!blankCell(d) || !blankCell(hs[i])) worked.push({ day: toDay(blankCell(d) ? null : d, `dates row ${i + 1}`), hours: isMissing(hs[i]) ? 0 : toNumber(hs[i], `hours row ${i + 1}`) });
      });
      const findings = checkWorkingTime(altRs(rs), worked);
      const l = langArg(lang);
      return findings.length === 0 ? [['OK']] : findings.map((f) => [clauseTag(f.clause, l), f[l]]);
    },
  },
  {
    addin: 'ALT',
    name: 'COHORT',
    en: 'The cohort code (S1 S2 S3 A1 A2) for a cohort written any way, with its name.',
    ja: '来日区分の表記を区分コード（S1 S2 S3 A1 A2）に正規化。',
    params: [{ name: 'cohort', jaName: '来日区分', kind: 'text', en: 'a cohort as written (夏季②, summer 2, S2…)', ja: '夏季②、S2 などの区分' }],
    result: 'text',
    example: { args: ['夏季②'], result: 'S2' },
    run([cohort]) {
      return parseCohort(toText(cohort, 'cohort'));
    },
  },
  {
    addin: 'ALT',
    name: 'SPECIALLEAVENOTICE',
    en: 'What Art 30 asks before a kind of special leave: approval in advance (most kinds), approval with the reason (item 22), or only a report (items 6 and 7).',
    ja: '特別休暇の手続（第30条）: 事前の届出と承認（多くの種類）、理由を付した届出と承認（22号）、又は届出のみ（6号・7号）。',
    params: [{ name: 'kind', jaName: '種類', kind: 'any', en: 'item number 1–22 or name', ja: '号（1〜22）または名称' }, P.lang(), P.ruleset('alt')],
    result: 'text',
    example: { args: [6], result: 'report the planned days in advance; no approval (Art 30.2)' },
    run([kind, lang, rs]) {
      const r = altRs(rs);
      return noticeNames[specialLeaveNotice(r, leaveKindArg(kind, r))][langArg(lang)];
    },
  },
  {
    addin: 'ALT',
    name: 'SPECIALLEAVEWINDOW',
    en: 'When a kind of special leave may be taken (Art 14.1 items 8, 9, 15, 18, 21); empty text for a kind with no window beyond its limit.',
    ja: '特別休暇を取得できる期間（第14条第1項 8号・9号・15号・18号・21号）。上限以外に期間の定めがなければ空文字。',
    params: [{ name: 'kind', jaName: '種類', kind: 'any', en: 'item number 1–22 or name', ja: '号（1〜22）または名称' }, P.lang(), P.ruleset('alt')],
    result: 'text',
    example: { args: [21], result: 'within July–September of one year, not counting days without working hours' },
    run([kind, lang, rs]) {
      const r = altRs(rs);
      return findSpecialLeave(r, leaveKindArg(kind, r)).window?.[langArg(lang)] ?? '';
    },
  },
  {
    addin: 'ALT',
    name: 'CONDITIONAL',
    en: 'The conditional appointment periods (Note 2.1) as a table (spills): for each half of the term, "first" or "second", start, end — one month from the first day of the half.',
    ja: '条件付採用の期間（注2の1）の一覧（スピル）: 前半・後半任期それぞれの初日から1月（区分・開始日・終了日）。',
    params: [P.date('termStart', '任期開始日', 'first day of the term', '任期の初日'), P.date('termEnd', '任期終了日', 'last day of the term', '任期の末日'), P.ruleset('alt')],
    result: 'spill',
    columns: ['text', 'date', 'date'],
    example: { args: ['2023-08-07', '2024-08-06'], result: [['first', 45145, 45175], ['second', 45383, 45412]] },
    run([termStart, termEnd, rs], ctx) {
      const start = toDay(termStart, 'termStart');
      return conditionalPeriods(altRsOn(rs, start, ctx), start, toDay(termEnd, 'termEnd')).map((c) => [c.half, serial(c.start), serial(c.end)]);
    },
  },
  {
    addin: 'ALT',
    name: 'DUTYSUSPENSIONOK',
    en: 'TRUE when a suspension from duty 停職 of that many days is within Art 27.2.3 (at most 7 days, unpaid).',
    ja: '停職の日数が第27条第2項第3号の範囲内（7日以内・無給）なら TRUE。',
    params: [{ name: 'days', jaName: '日数', kind: 'integer', en: 'days of suspension from duty', ja: '停職の日数' }, P.ruleset('alt')],
    result: 'boolean',
    example: { args: [8], result: false },
    run([days, rs], ctx) {
      return dutySuspensionAllowed(altRs(rs), toInteger(days, 'days', 1, 3660), ctx.trace);
    },
  },
  {
    addin: 'ALT',
    name: 'DEDUCTPAYDAY',
    en: "Pay day from which a month's absence deduction is taken (Art 8.1, D-9): by default the next month's, since the month's total is known only once it ends.",
    ja: '月の不勤務に対する減額を差し引く支給日（第8条第1項・D-9）。月の合計は月末に確定するため、既定は翌月の支給日。',
    params: [P.month('the month of the absence', '不勤務のあった月'), P.ruleset('alt')],
    result: 'date',
    example: { args: ['2024-06-10'], result: 45492, en: 'June 2024 → July pay: 21 Jul is a Sunday → Fri 19 Jul', ja: '2024年6月分 → 7月の支給日: 7/21 は日曜 → 7/19（金）' },
    run([month, rs], ctx) {
      const m = toMonth(month, 'month');
      const r = altRsOn(rs, m, ctx);
      return serial(payDay(r, deductionPayMonth(r, m, ctx.trace), ctx.trace));
    },
  },
  {
    addin: 'ALT',
    name: 'DEDUCTCARRY',
    en: 'Splits a deduction over a pay (Art 8.1; spills one row): what this pay covers, and what carries to the next month’s pay.',
    ja: '減額を報酬から差し引く（第8条第1項。スピル1行）: 当該報酬から差し引く額・翌月へ繰り越す額。',
    params: [
      { zero: 'value', name: 'pay', jaName: '報酬', kind: 'integer', en: 'the pay the deduction is taken from, yen', ja: '差し引く対象の報酬（円）' },
      { zero: 'value', name: 'deduction', jaName: '減額', kind: 'integer', en: 'the deduction, yen', ja: 'その月の減額の合計（円）' },
    ],
    result: 'spill',
    columns: ['yen', 'yen'],
    example: { args: [5000, 5538], result: [[5000, 538]] },
    run([pay, deduction]) {
      const split = splitDeduction(toInteger(pay, 'pay', 0, 1e10), toInteger(deduction, 'deduction', 0, 1e10));
      return [[split.thisMonth, split.nextMonth]];
    },
  },
  ...LEDGER_FUNCTIONS,
  explainDecl('EXPLAIN'),
  explainDecl('EXPLAINEN', 'en'),
  explainDecl('EXPLAINJA', 'ja'),

  // ---- CLAIR ----
  {
    addin: 'CLAIR',
    name: 'STIPENDCAP',
    en: 'Stay-expense subsidy cap in yen for an overseas office (CLAIR: 滞在経費助成金, D-7); months (1–12) prorates: cap × months ÷ 12, rounded down.',
    ja: '海外事務所の滞在経費助成金の限度額（円）（D-7）。月数（1〜12）を指定すると 限度額 × 月数 ÷ 12（円未満切捨て）。',
    params: [
      { name: 'office', jaName: '事務所', kind: 'text', en: 'office: New York, London, Paris, Singapore, Seoul, Sydney, Beijing (or Japanese)', ja: 'ニューヨーク、ロンドン、パリ、シンガポール、ソウル、シドニー、北京のいずれか' },
      { name: 'months', jaName: '月数', kind: 'integer', optional: true, en: 'whole months of service in the fiscal year, 1–12', ja: '年度内の勤務月数（1〜12）' },
      P.ruleset('clair'),
    ],
    result: 'yen',
    example: { args: ['New York', 7], result: 2887500 },
    run([office, months, rs], ctx) {
      return stipendCap(clairRs(rs), toText(office, 'office'), opt(months) ? toInteger(months, 'months', 1, 12) : undefined, ctx.trace);
    },
  },
  {
    addin: 'CLAIR',
    name: 'OFFICE',
    en: 'The CLAIR overseas office covering a country (English name); #N/A when no office covers it.',
    ja: '国を担当するクレア海外事務所（英語名）。担当事務所がなければ #N/A。',
    params: [{ name: 'country', jaName: '国', kind: 'text', en: 'country in English or Japanese (USA, アメリカ合衆国…)', ja: '英語または日本語の国名' }],
    result: 'text',
    example: { args: ['アメリカ合衆国'], result: 'New York' },
    run([country], ctx) {
      return officeOfCountry(clairRs(undefined), toText(country, 'country'), ctx.trace).en;
    },
  },
  {
    addin: 'CLAIR',
    name: 'OFFICENAME',
    en: "An office's name in English or Japanese.",
    ja: '事務所名を英語または日本語で返す。',
    params: [
      { name: 'office', jaName: '事務所', kind: 'text', en: 'office name in either language', ja: '英語または日本語の事務所名' },
      { name: 'lang', jaName: '言語', kind: 'text', optional: true, en: '"en" (default) or "ja"', ja: '"en"（既定）または "ja"' },
      P.ruleset('clair'),
    ],
    result: 'text',
    example: { args: ['Paris', 'ja'], result: 'パリ' },
    run([office, lang, rs]) {
      const o = requireOffice(clairRs(rs), toText(office, 'office'));
      return langArg(lang) === 'ja' ? o.ja : o.en;
    },
  },
  {
    addin: 'CLAIR',
    name: 'PAYER',
    en: 'Who pays a cost under a dispatch form (CLAIR: 派遣形態): salary, stay expenses, relocation travel, business travel.',
    ja: '派遣形態ごとの費用負担者: 給与・滞在経費・赴任旅費・出張旅費・研修費用。',
    params: [
      { name: 'form', jaName: '派遣形態', kind: 'text', en: '"headquarters" (本部) or "overseas" (海外事務所)', ja: '"headquarters"（本部）または "overseas"（海外事務所）' },
      { name: 'item', jaName: '費用', kind: 'text', en: 'salary, stay expenses, relocation travel, business travel (給与, 滞在経費, 赴任旅費, 出張旅費)', ja: '給与・滞在経費・赴任旅費・出張旅費' },
      { name: 'lang', jaName: '言語', kind: 'text', optional: true, en: '"en" (default) or "ja"', ja: '"en"（既定）または "ja"' },
      P.ruleset('clair'),
    ],
    result: 'text',
    example: { args: ['overseas', '滞在経費', 'ja'], result: '派遣元負担（クレアが派遣元に助成）' },
    run([form, item, lang, rs], ctx) {
      const payer = whoPays(clairRs(rs), parseDispatchForm(toText(form, 'form')), parseCostItem(toText(item, 'item')), ctx.trace);
      return payerNames[payer][langArg(lang)];
    },
  },
  {
    addin: 'CLAIR',
    name: 'LANGTARGET',
    en: "The training's language target (CLAIR: 語学力向上研修), e.g. TOEIC 730 points.",
    ja: '語学力向上研修の目標（例: TOEIC 730点）。',
    params: [
      { name: 'language', jaName: '言語', kind: 'text', en: 'English, French, Chinese or Korean (英語, 仏語, 中国語, 韓国語)', ja: '英語・仏語・中国語・韓国語' },
      { name: 'lang', jaName: '表示言語', kind: 'text', optional: true, en: '"en" (default) or "ja"', ja: '"en"（既定）または "ja"' },
      P.ruleset('clair'),
    ],
    result: 'text',
    example: { args: ['English'], result: 'TOEIC 730 points' },
    run([language, lang, rs]) {
      const t = languageTarget(clairRs(rs), toText(language, 'language'));
      const l = langArg(lang);
      return `${t.test[l]} ${t.level[l]}`;
    },
  },
  {
    addin: 'CLAIR',
    name: 'HQHOURS',
    en: 'Daily working hours at CLAIR headquarters: 9:00–17:45 less the 12:00–13:00 break = 7.75.',
    ja: 'クレア本部の1日の勤務時間: 9:00〜17:45、休憩12:00〜13:00 → 7.75時間。',
    params: [P.ruleset('clair')],
    result: 'number',
    example: { args: [], result: 7.75 },
    run([rs]) {
      return headquartersDailyMinutes(clairRs(rs)) / 60;
    },
  },
  {
    addin: 'CLAIR',
    name: 'SUBSIDY',
    en: 'Stay-expense subsidy in yen (CLAIR: 滞在経費助成金): the actual eligible expenses up to the office’s cap (per fiscal year, D-7; months prorates the cap).',
    ja: '滞在経費助成金の額（円）: 対象経費の実支出額と限度額（年度あたり。D-7。月数を指定すると月割り）の少ない方。',
    params: [
      { name: 'office', jaName: '事務所', kind: 'text', en: 'office: New York, London, Paris, Singapore, Seoul, Sydney, Beijing (or Japanese)', ja: 'ニューヨーク、ロンドン、パリ、シンガポール、ソウル、シドニー、北京のいずれか' },
      { zero: 'value', name: 'actualExpenses', jaName: '実支出額', kind: 'integer', en: 'actual eligible expenses of the fiscal year, yen', ja: '年度の対象経費の実支出額（円）' },
      { name: 'months', jaName: '月数', kind: 'integer', optional: true, en: 'whole months of service in the fiscal year, 1–12', ja: '年度内の勤務月数（1〜12）' },
      P.ruleset('clair'),
    ],
    result: 'yen',
    example: { args: ['Paris', 1500000, 5], result: 1500000, en: 'cap 3,870,000 × 5 ÷ 12 = 1,612,500; the expenses are less', ja: '限度額 3,870,000 × 5 ÷ 12 = 1,612,500。実支出額の方が少ない' },
    run([office, actual, months, rs], ctx) {
      return stayExpenseSubsidy(clairRs(rs), toText(office, 'office'), toInteger(actual, 'actualExpenses', 0, 1e12), opt(months) ? toInteger(months, 'months', 1, 12) : undefined, ctx.trace);
    },
  },
  {
    addin: 'CLAIR',
    name: 'DISPATCH',
    en: 'A dispatch form (CLAIR: 職員の派遣形態) as one row (spills): years at headquarters, years at an overseas office, the position.',
    ja: '派遣形態（スピル1行）: 本部勤務の年数・海外事務所勤務の年数・身分。',
    params: [
      { name: 'form', jaName: '派遣形態', kind: 'text', en: '"headquarters" (本部) or "overseas" (海外事務所)', ja: '"headquarters"（本部）または "overseas"（海外事務所）' },
      { name: 'lang', jaName: '言語', kind: 'text', optional: true, en: '"en" (default) or "ja"', ja: '"en"（既定）または "ja"' },
      P.ruleset('clair'),
    ],
    result: 'spill',
    example: { args: ['overseas'], result: [[1, 2, 'Deputy director (所長補佐) etc., training dispatch']] },
    run([form, lang, rs]) {
      const f = dispatchForm(clairRs(rs), parseDispatchForm(toText(form, 'form')));
      return [[f.headquartersYears, f.overseasYears, f.position[langArg(lang)]]];
    },
  },
  {
    addin: 'CLAIR',
    name: 'HQLEAVE',
    en: 'Annual leave at CLAIR headquarters (CLAIR: 勤務条件) as one row (spills): days a year, and TRUE when unused days carry over.',
    ja: 'クレア本部の年次休暇（スピル1行）: 年間日数・繰越可なら TRUE。',
    params: [P.ruleset('clair')],
    result: 'spill',
    columns: ['number', 'boolean'],
    example: { args: [], result: [[20, true]] },
    run([rs]) {
      const h = clairRs(rs).headquartersHours;
      return [[h.annualLeaveDays, h.carryOver]];
    },
  },
];

// ---- helpers used above -------------------------------------------------------------------

function langArg(v: Raw): Lang {
  if (isMissing(v)) return 'en';
  const t = toText(v, 'lang').toLowerCase();
  if (t === 'en' || t === 'english' || t === '英語') return 'en';
  if (t === 'ja' || t === 'japanese' || t === '日本語' || t === 'jp') return 'ja';
  throw RuleError.value('lang', `lang must be "en" or "ja"; got "${t}"`, `lang は "en" か "ja" で指定してください。入力:「${t}」`);
}

/** Absent time → whole minutes by the one hours reader: hours (default), minutes, an Excel time (fraction of a day), or text h:mm. */
function absentMinutes(rs: AltRuleset, absent: Raw, unit: Raw): number {
  const u = isMissing(unit) ? 'hours' : toText(unit, 'unit').toLowerCase();
  if (!['hours', 'hour', 'h', 'minutes', 'minute', 'min', 'm', 'time', '時間', '分', '時刻'].includes(u)) {
    throw RuleError.value('unit', `unit must be "hours", "minutes" or "time"; got "${u}"`, `unit は "hours"、"minutes"、"time" のいずれかで指定してください。入力:「${u}」`);
  }
  const asUnit: HoursUnit = u === 'time' || u === '時刻' ? 'time' : u.startsWith('m') || u === '分' ? 'minutes' : 'hours';
  // Art 8.1: a month's total, bounded by what a month can hold.
  return toMinutes(absent, 'absent', monthAbsenceSpan(rs), asUnit);
}

export function fullName(f: FnDecl): string {
  return `${f.addin}.${f.name}`;
}

const BY_NAME = new Map(FUNCTIONS.map((f) => [fullName(f), f]));

export function findFunction(name: string): FnDecl | undefined {
  return BY_NAME.get(name) ?? BY_NAME.get(name.normalize('NFKC').trim().toUpperCase());
}

// ---- invocation: the one path for Excel, the CLI and the tests ------------------------------

export type Outcome = { value: Value } | { error: '#VALUE!' | '#N/A'; message: string; messageJa: string };

function finite(v: Scalar, fn: string): Scalar {
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`${fn} produced ${v}`);
  return v;
}

/** Checks a result is a scalar or a rectangular range of finite scalars. */
function checkValue(v: Value, fn: string): Value {
  if (Array.isArray(v)) {
    if (v.length === 0) return [['']];
    const width = Math.max(...v.map((r) => r.length));
    return v.map((r) => [...r.map((c) => finite(c, fn)), ...Array<Scalar>(width - r.length).fill('')]);
  }
  if (v === undefined || v === null) throw new Error(`${fn} produced no value`);
  return finite(v, fn);
}

/**
 * A blank cell arrives as null, "" or (older Excel desktop builds, OfficeDev/office-js#4702) 0: each
 * scalar argument read by its declaration's `zero` — a 0 that is no value becomes omitted, a blank
 * where 0 is a value becomes 0 — so the three give one answer.
 */
export function readBlanks(f: FnDecl, args: Raw[]): Raw[] {
  return args.map((v, i) => {
    const p = f.params[i];
    if (!p || p.repeating || p.kind === 'range') return v;
    if (p.zero === 'value') return isMissing(v) ? 0 : v;
    return v === 0 ? undefined : v;
  });
}

/** The parts of a range row the readers name (`ledger row 2 from`), as the Japanese headers say them. */
const ROW_PART_JA: Record<string, string> = { start: '開始日', end: '終了日', from: '開始日', to: '終了日', kind: '種別', hours: '時間', note: '備考', rate: '割合' };

/**
 * A Japanese message with each argument called by the name Japanese Excel shows (使用時間, not
 * usedHours): the readers and rules name arguments by their declared (English) names, and this is
 * the one place those become the function's Japanese names — `dates row 3` → `日付 3行目`.
 */
export function japaneseNames(f: FnDecl, text: string): string {
  const names = new Map(f.params.map((p) => [p.name, p.jaName]));
  const rows = text.replace(/\b([A-Za-z][A-Za-z0-9]*) row (\d+)(?: (start|end|from|to|kind|hours|note|rate)\b)?( (?=[\u3040-\u30ff\u4e00-\u9fff]))?/g, (whole: string, name: string, row: string, part?: string) => {
    const ja = names.get(name);
    if (ja === undefined) return whole;
    // The space that only set the English name off from the Japanese goes with it (…の終了日は).
    return `${ja} ${row}行目${part ? `の${ROW_PART_JA[part] ?? part}` : ''}`;
  });
  // The bare names: `cohort（来日区分）が必要です` → 来日区分が必要です, no stray space beside Japanese.
  return inJapaneseWords(rows, (id) => names.get(id));
}

/** Calls a function by full name with raw arguments, exactly as Excel would. Never throws. */
export function invoke(name: string, args: Raw[], ctx: CallContext = { lang: 'en' }): Outcome {
  const f = findFunction(name);
  if (!f) {
    return { error: '#N/A', message: `no function "${name}"; run "altrules list" for the functions`, messageJa: `関数「${name}」はありません。"altrules list" で一覧を表示できます` };
  }
  const repeating = f.params.some((p) => p.repeating);
  if (!repeating && args.length > f.params.length) {
    return { error: '#VALUE!', message: `${fullName(f)} takes at most ${f.params.length} arguments; got ${args.length}`, messageJa: `${fullName(f)} の引数は${f.params.length}個までです（${args.length}個指定）` };
  }
  const padded = readBlanks(f, repeating ? args : [...args, ...Array<Raw>(f.params.length - args.length).fill(undefined)]);
  for (const [i, p] of f.params.entries()) {
    if (!p.optional && !p.repeating && isMissing(padded[i]) && p.kind !== 'range') {
      return { error: '#VALUE!', message: `${p.name} is required: ${p.en}`, messageJa: `${p.jaName}が必要です: ${p.ja}` };
    }
  }
  try {
    return { value: checkValue(f.run(padded, ctx), fullName(f)) };
  } catch (e) {
    if (e instanceof RuleError) return { error: e.code, message: e.message, messageJa: japaneseNames(f, e.messageJa) };
    // A fault of ours, not the user's: say so plainly rather than crash the sheet.
    return { error: '#VALUE!', message: `internal error in ${fullName(f)}: ${(e as Error).message}`, messageJa: `${fullName(f)} の内部エラー: ${(e as Error).message}` };
  }
}

function formatArg(v: Raw): string {
  if (isMissing(v)) return '';
  if (typeof v === 'string') return `"${v}"`;
  if (Array.isArray(v)) return `{${(v as Raw[]).map((r) => (Array.isArray(r) ? (r as Raw[]).map(formatArg).join(',') : formatArg(r))).join(';')}}`;
  return v === undefined || v === null ? '' : String(v);
}

function formatValue(f: FnDecl, v: Value, lang: Lang, args: Raw[]): string {
  if (Array.isArray(v)) return lang === 'ja' ? `${v.length}行` : `${v.length} row(s)`;
  return shownValue(f, v, lang, hoursPerDayOf(f, args));
}

/** An argument as EXPLAIN shows it: a date parameter given as a serial also as the date it is. */
function shownArg(p: ParamDecl, v: Raw): string {
  return p.kind === 'date' && typeof v === 'number' ? shownDate(v) : formatArg(v);
}

/** The steps behind a call, in one language: inputs, each step with its clause, the result. */
export function explain(f: FnDecl, args: Raw[], lang: Lang): string[] {
  const trace = new Trace();
  const out = invoke(fullName(f), args, { lang, trace });
  const lines: string[] = [];
  const read = readBlanks(f, args);
  lines.push(`${fullName(f)}(${read.map(formatArg).join(', ')})`);
  f.params.forEach((p, i) => {
    if (p.repeating || isMissing(read[i])) return;
    lines.push(lang === 'ja' ? `入力 ${p.jaName} = ${shownArg(p, read[i])}` : `input ${p.name} = ${shownArg(p, read[i])}`);
  });
  // The clause in the reader's language (第7条第3項 / Art 7.3), the decisions kept.
  for (const s of trace.steps) lines.push(explainLine(s.clause, lang === 'ja' ? s.ja : s.en, lang));
  if ('value' in out) lines.push(lang === 'ja' ? `結果 = ${formatValue(f, out.value, lang, read)}` : `result = ${formatValue(f, out.value, lang, read)}`);
  else lines.push(`${out.error} ${lang === 'ja' ? out.messageJa : out.message}`);
  return lines;
}

