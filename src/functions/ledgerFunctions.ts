// Worksheet functions of the month's work (docs/rules.md §12): ALT.MONTHPAY, ALT.LEDGERBALANCE and
// ALT.PARTIALLEAVECAP. Declared here and listed in the registry's table like every other function.

import {
  AltRuleset,
  Day,
  FIRST_SUPPORTED_DAY,
  LAST_SUPPORTED_DAY,
  LedgerEntry,
  MonthKey,
  PayLedger,
  PersonTerm,
  RatedDay,
  RuleError,
  annualAvailableDays,
  checkLedger,
  entryMinutes,
  firstDayOfMonthKey,
  isoFromDay,
  itemAt,
  ledgerKindName,
  HOURS_OF_AN_ENTRY,
  HOURS_OF_A_DAY,
  monthAbsenceSpan,
  monthKeyOf,
  monthPaySchedule,
  readLeaveKind,
  unknownKindMessage,
  partialLeaveCapMinutes,
  periodEnd,
  resolveRuleset,
  serialFromDay,
  defaultAltRuleset,
} from '../core';
import { Raw, blankCell, isMissing, toBoolean, toDay, toInteger, toMinutes, toMonth, toNumber, toRows, toText } from './coerce';
import type { FnDecl, Scalar } from './registry';
import { P } from './params';

/** The numbers the descriptions quote: those of the default ruleset (a ruleset argument may change them). */
const DOC_PARTIAL = defaultAltRuleset().partialLeave;
const DOC_DAY = defaultAltRuleset().workingTime.dailyHours;
const hmDoc = (min: number) => (min % 60 ? `${Math.floor(min / 60)} h ${min % 60}` : `${min / 60} h`);
const hmDocJa = (min: number) => (min % 60 ? `${Math.floor(min / 60)}時間${min % 60}分` : `${min / 60}時間`);

const opt = (v: Raw): boolean => !isMissing(v);
const altRs = (v: Raw): AltRuleset => resolveRuleset('alt', isMissing(v) ? undefined : toText(v, 'ruleset', 100_000));
const date = P.date;
const rulesetParam = P.ruleset('alt');

/**
 * ratedDays rows: from, [to], rate (0–1 in steps of 0.01), e.g. childcare leave 0, suspension 0.5.
 * Blank cells (null, "", or 0 from older Excel builds): a date of 0 is blank, a blank "to" is the
 * "from" day; a rate of 0 is a value (childcare leave), so a blank rate reads as 0, as 0 does.
 */
function ratedDaysArg(v: Raw, within: { from: Day; to: Day }): Map<Day, RatedDay> {
  const rates = new Map<Day, RatedDay>();
  toRows(v, 'ratedDays')
    .filter((r) => r.some((c) => !blankCell(c)))
    .forEach((r, i) => {
      const arg = `ratedDays row ${i + 1}`;
      if (r.length < 2) throw RuleError.value('ratedDays', 'ratedDays rows are: from, to, rate (or date, rate)', 'ratedDays の各行は 開始日・終了日・割合（または 日付・割合）です');
      const from = toDay(blankCell(r[0]) ? null : r[0], `${arg} from`);
      const to = r.length >= 3 && !blankCell(r[1]) ? toDay(r[1], `${arg} to`) : from;
      const rateCell = r[r.length >= 3 ? 2 : 1];
      const rate = isMissing(rateCell) ? 0 : toNumber(rateCell, `${arg} rate`);
      const percent = Math.round(rate * 100);
      if (rate < 0 || rate > 1 || Math.abs(percent - rate * 100) > 1e-9) throw RuleError.value(`${arg} rate`, `${arg}: the rate must be 0 to 1 in steps of 0.01 (0 childcare leave, 0.5 or 0.6 suspension); got ${rate}`, `${arg}: 割合は0〜1（0.01刻み）で指定してください（育児休業 0、休職 0.5・0.6）。入力: ${rate}`);
      if (to < from) throw RuleError.value(`${arg} to`, `${arg}: ends before it starts`, `${arg}: 終了日が開始日より前です`);
      for (let d = Math.max(from, within.from); d <= Math.min(to, within.to); d++) rates.set(d, { percent, clause: 'D-12', en: `rated day given (${percent} %)`, ja: `指定の支給割合（${percent}%）` });
    });
  return rates;
}

/**
 * Ledger rows: from, [to], kind, [hours], [note] — a header row on top is skipped. No cell has a
 * meaningful 0 (a date, a kind, hours of leave, a note), so a 0 is a blank cell, as older Excel
 * builds pass one: a blank "to" is the "from" day, blank hours the entry's whole days.
 */
function ledgerArg(v: Raw, rs: AltRuleset): LedgerEntry[] {
  const rows = toRows(v, 'ledger')
    .map((r) => r.map((c) => (blankCell(c) ? null : c)))
    .filter((r) => r.some((c) => !isMissing(c)));
  const head = rows[0]?.[0];
  if (typeof head === 'string' && /^(from|date|開始日|日付)$/i.test(head.trim())) rows.shift();
  return rows.map((r, i) => {
    const arg = `ledger row ${i + 1}`;
    if (r.length < 3) throw RuleError.value('ledger', 'ledger rows are: from, to, kind, hours, note (to, hours and note may be empty)', 'ledger の各行は 開始日・終了日・種別・時間・備考 です（終了日・時間・備考は空欄可）');
    const from = toDay(r[0], `${arg} from`);
    const to = isMissing(r[1]) ? from : toDay(r[1], `${arg} to`);
    const kindText = toText(r[2], `${arg} kind`);
    const kind = readLeaveKind(rs, kindText);
    if (!kind) {
      const m = unknownKindMessage(rs, kindText);
      throw RuleError.value(`${arg} kind`, `${arg}: ${m.en}`, `${arg}: ${m.ja}`);
    }
    const entry: LedgerEntry = { row: i + 1, name: 'ALT', from, to, kind };
    if (r.length > 3 && !isMissing(r[3])) entry.minutes = toMinutes(r[3], `${arg} hours`, HOURS_OF_AN_ENTRY);
    if (r.length > 4 && !isMissing(r[4])) entry.note = toText(r[4], `${arg} note`, 1000);
    return entry;
  });
}

export const LEDGER_FUNCTIONS: FnDecl[] = [
  {
    addin: 'ALT',
    name: 'MONTHPAY',
    en: "Expected pay of a month (Art 7.3, 8, 27.2.2): the month's amount with days at their rates (D-12), less last month's unpaid hours (Art 8.2, D-9, D-13) and any pay cut (Art 27.2.2), never below zero.",
    ja: '月の支給見込額（第7条第3項・第8条・第27条第2項第2号）: 日ごとの支給割合による月額（D-12）から、前月の無給時間の減額（第8条第2項・D-9・D-13）と減給（第27条第2項第2号）を差し引く（0円未満にしない）。',
    params: [
      P.year(),
      P.month('the month', '対象月'),
      date('serviceStart', '勤務開始日', 'first day of service', '勤務開始日', true),
      date('serviceEnd', '勤務終了日', 'last day of service', '勤務終了日', true),
      { zero: 'value', name: 'unpaidHoursLastMonth', jaName: '前月無給時間', kind: 'any', optional: true, en: "last month's total unpaid time (absence, partial leave, unpaid special leave): hours (2.5) or h:mm; rounded once (Art 8.2)", ja: '前月の無給の不勤務時間の合計（欠勤・部分休業・無給の特別休暇）: 時間（2.5）または h:mm。合計を1回だけ端数処理（第8条第2項）' },
      { name: 'ratedDays', jaName: '支給割合', kind: 'range', optional: true, en: 'days at another rate: rows of from, to, rate (0 childcare leave, 0.5 or 0.6 suspension)', ja: '開始日・終了日・割合 を並べた行（育児休業 0、休職 0.5・0.6）' },
      { zero: 'value', name: 'payCuts', jaName: '減給回数', kind: 'integer', optional: true, en: 'disciplinary pay cuts this month (Art 27.2.2)', ja: '当月の減給の回数（第27条第2項第2号）' },
      { name: 'dailyAveragePay', jaName: '平均報酬日額', kind: 'number', optional: true, en: "one day's average pay for the cut; default: the 3 months before ÷ their calendar days (労基法 Art 12's 平均賃金)", ja: '減給の基礎となる平均報酬の1日分。既定は前3か月の報酬 ÷ 暦日数（労基法第12条の平均賃金）' },
      { name: 'unpaidHoursThisMonth', jaName: '当月無給時間', kind: 'any', optional: true, en: "this month's own unpaid time: deducted this month in the last month of service (serviceEnd in it: no next pay) or with a same-month ruleset (D-9); otherwise it belongs to next month's pay", ja: '当月の無給の不勤務時間: 任用最後の月（serviceEnd がその月）又は same-month のルールセットでは当月に減額（D-9）。それ以外は翌月の報酬から' },
      rulesetParam,
    ],
    result: 'yen',
    example: { args: [1, '2024-07-01', '2023-08-07', null, 2.5], result: 274462, en: 'June’s 2 h 30 rounds to 3 h, 3 × ¥1,846 comes out of July', ja: '6月の2時間30分は3時間、3 × 1,846円を7月に減額' },
    run([year, month, start, end, unpaid, rated, cuts, daily, unpaidNow, rs], ctx) {
      const r = altRs(rs);
      const y = toInteger(year, 'year', 1, r.term.maxYears, 'a whole JET year', '整数');
      const k: MonthKey = monthKeyOf(toMonth(month, 'month'));
      const from = opt(start) ? toDay(start, 'serviceStart') : FIRST_SUPPORTED_DAY;
      const to = opt(end) ? toDay(end, 'serviceEnd') : LAST_SUPPORTED_DAY;
      if (to < from) throw RuleError.value('serviceEnd', `serviceEnd ${isoFromDay(to)} is before serviceStart ${isoFromDay(from)}`, `serviceEnd ${isoFromDay(to)} が serviceStart ${isoFromDay(from)} より前です`);
      const ledger: PayLedger = {
        terms: [{ start: from, end: to, jetYear: y }],
        rates: opt(rated) ? ratedDaysArg(rated, { from: firstDayOfMonthKey(k - 4), to: firstDayOfMonthKey(k + 1) - 1 }) : new Map<Day, RatedDay>(),
        unpaidMinutes: new Map([...(opt(unpaid) ? [[k - 1, toMinutes(unpaid, 'unpaidHoursLastMonth', monthAbsenceSpan(r))] as const] : []), ...(opt(unpaidNow) ? [[k, toMinutes(unpaidNow, 'unpaidHoursThisMonth', monthAbsenceSpan(r))] as const] : [])]),
        unpaidYear: new Map([[k - 1, y], [k, y]]),
        payCuts: new Map(opt(cuts) ? [[k, toInteger(cuts, 'payCuts', 0, 31)]] : []),
      };
      // D-9: a serviceEnd given is the last day of service; its month has no next pay.
      if (opt(end)) ledger.serviceEnd = to;
      const dailyAveragePay = opt(daily) ? toNumber(daily, 'dailyAveragePay') : undefined;
      if (dailyAveragePay !== undefined && (dailyAveragePay <= 0 || dailyAveragePay > 1e7)) throw RuleError.value('dailyAveragePay', `dailyAveragePay must be yen above zero; got ${dailyAveragePay}`, `dailyAveragePay は0より大きい円で指定してください。入力: ${dailyAveragePay}`);
      const rows = monthPaySchedule(r, ledger, k - 1, k, dailyAveragePay !== undefined ? { dailyAveragePay } : {});
      // One row a month: last month's (for its deduction) and this month's.
      const before = itemAt(rows, 0, 'month pay rows');
      const last = itemAt(rows, 1, 'month pay rows');
      if (ctx.trace) {
        if (before.deduction > 0 && r.deduction.takenFrom !== 'same-month') for (const s of before.steps) if (s.clause.startsWith('D-13')) ctx.trace.steps.push(s);
        ctx.trace.steps.push(...last.steps);
      }
      return last.expected;
    },
  },
  {
    addin: 'ALT',
    name: 'LEDGERBALANCE',
    en: 'A leave ledger checked entry by entry (spills): from, to, kind, hours, annual leave left on that date in days, and "OK" or the finding with its clause (Art 12–14-3).',
    ja: '休暇簿を1件ずつ点検（スピル）: 開始日・終了日・種別・時間・その日の年休残日数・「OK」または条項付きの指摘（第12条〜第14条の3）。',
    params: [
      { name: 'ledger', jaName: '休暇簿', kind: 'range', en: 'rows of from, to, kind, hours, note (to, hours, note may be empty; a header row is skipped)', ja: '開始日・終了日・種別・時間・備考 の行（終了日・時間・備考は空欄可。見出し行は無視）' },
      date('termStart', '任期開始日', 'first day of the term', '任期の初日'),
      date('termEnd', '任期終了日', 'last day of the term; default one year', '任期の末日（既定は1年）', true),
      { name: 'reappointed', jaName: '再任用', kind: 'boolean', optional: true, en: 'TRUE for a re-appointment: all 20 days at once', ja: 'TRUE なら再任用（20日を一括付与）' },
      { zero: 'value', name: 'carriedDays', jaName: '繰越日数', kind: 'number', optional: true, en: 'days carried over from the last term (0–20)', ja: '前任期からの繰越日数（0〜20）' },
      P.lang(),
      rulesetParam,
    ],
    result: 'spill',
    columns: ['date', 'date', 'text', 'hours', 'leave', 'text'],
    example: {
      args: [[['2023-09-04', '2023-09-08', 'annual'], ['2023-10-10', null, '年休'], ['2023-10-16', '2023-10-20', 'annual'], ['2023-11-20', '2023-11-21', 'sick']], '2023-08-07'],
      result: [
        [45173, 45177, 'annual leave', 35, 5, 'OK'],
        [45209, 45209, 'annual leave', 7, 4, 'OK'],
        [45215, 45219, 'annual leave', 35, 4, 'Art 12.1, D-4: annual leave of 35 h on 2023-10-16 overdraws the balance: 28 h (4 days) left of 10 granted + 0 carried days; the other 10 days only from 2023-11-07 (D-4)'],
        [45250, 45251, 'sick leave', 14, 14, 'OK'],
      ],
      en: 'first appointment 7 Aug 2023: 10 days until 7 Nov, then 20; the third entry would take 5 days of the 4 left',
      ja: '2023-08-07 初任用: 11/7 まで10日、以後20日。3件目は残り4日に対し5日',
    },
    run([ledger, termStart, termEnd, reappointed, carried, lang, rs], ctx) {
      const r = altRs(rs);
      const start = toDay(termStart, 'termStart');
      const end = opt(termEnd) ? toDay(termEnd, 'termEnd') : Math.min(periodEnd(start, r.term.termMonths), LAST_SUPPORTED_DAY);
      if (end < start || end - start > 2 * 366) throw RuleError.value('termEnd', 'termEnd must be after termStart and at most two years later', 'termEnd は termStart 以後、2年以内で指定してください');
      const carriedDays = opt(carried) ? toNumber(carried, 'carriedDays') : 0;
      if (carriedDays < 0 || carriedDays > r.annualLeave.maxCarryDays) throw RuleError.value('carriedDays', `carriedDays must be 0 to ${r.annualLeave.maxCarryDays} (Art 12.2); got ${carriedDays}`, `carriedDays は0〜${r.annualLeave.maxCarryDays}日で指定してください（第12条第2項）。入力: ${carriedDays}`);
      const l = opt(lang) && /^(ja|japanese|日本語|jp)$/i.test(toText(lang, 'lang')) ? 'ja' : 'en';
      const term: PersonTerm = { start, end, reappointed: opt(reappointed) ? toBoolean(reappointed, 'reappointed') : false, carriedDays };
      const entries = ledgerArg(ledger, r);
      const findings = checkLedger(r, entries, new Map([['alt', [term]]]));
      const refused = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.row));
      const hpd = r.annualLeave.hoursPerDay * 60;
      let used = 0;
      const out: Scalar[][] = [];
      for (const e of [...entries].sort((a, b) => a.from - b.from || a.row - b.row)) {
        const minutes = e.kind.kind === 'paycut' ? 0 : entryMinutes(r, e);
        if (e.kind.kind === 'annual' && !refused.has(e.row)) used += minutes;
        const inTerm = e.from >= start && e.from <= end;
        const left = inTerm ? ((annualAvailableDays(r, term, e.from).granted + carriedDays) * hpd - used) / hpd : 0;
        const mine = findings.filter((f) => f.row === e.row);
        for (const f of mine) ctx.trace?.step(f.rule, `row ${e.row}: ${f.en}`, `${e.row}行目: ${f.ja}`);
        out.push([serialFromDay(e.from), serialFromDay(e.to), ledgerKindName(e.kind)[l], minutes / 60, +left.toFixed(6), mine.length ? mine.map((f) => `${f.rule}: ${f[l]}`).join(' / ') : 'OK']);
      }
      return out.length ? out : [['']];
    },
  },
  {
    addin: 'ALT',
    name: 'PARTIALLEAVECAP',
    en: `Most partial leave a day allows, in hours (Art 14-3.1): the day's hours less ${hmDoc(DOC_PARTIAL.minWorkedMinutes)} (${DOC_DAY - DOC_PARTIAL.minWorkedMinutes / 60} for the ${DOC_DAY}-hour day); with nursing or care time that day, at most ${hmDoc(DOC_PARTIAL.withNursingOrCareMaxMinutes)} less that time.`,
    ja: `1日に取得できる部分休業の上限（時間）（第14条の3第1項）: 勤務時間 − ${hmDocJa(DOC_PARTIAL.minWorkedMinutes)}（${DOC_DAY}時間勤務で${DOC_DAY - DOC_PARTIAL.minWorkedMinutes / 60}）。保育時間・介護時間がある日は${hmDocJa(DOC_PARTIAL.withNursingOrCareMaxMinutes)}からその時間を減じた時間以内。`,
    params: [
      { zero: 'value', name: 'nursingOrCareHours', jaName: '保育介護時間', kind: 'any', optional: true, en: 'nursing time (Art 14.1.10) or care time (Art 14.1.16) taken that day: hours or h:mm; default none', ja: '同日の保育時間（第14条第1項第10号）・介護時間（第16号）: 時間または h:mm。既定なし' },
      rulesetParam,
    ],
    result: 'number',
    example: { args: [1], result: 1, en: 'with 1 h of nursing time: 2 h − 1 h = 1 h (less than 1 h 15)', ja: '保育時間1時間の日: 2時間 − 1時間 = 1時間（1時間15分未満）' },
    run([other, rs], ctx) {
      const r = altRs(rs);
      return partialLeaveCapMinutes(r, opt(other) ? toMinutes(other, 'nursingOrCareHours', HOURS_OF_A_DAY) : 0, ctx.trace) / 60;
    },
  },
];
