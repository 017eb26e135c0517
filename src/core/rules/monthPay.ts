// The month's pay — docs/rules.md §12 (Art 7.3, 8, 27.2.2, 28; D-9, D-12, D-13).

import { itemAt } from '../items';
import { zeroPad } from '../text';
import { isWeeklyRestDay } from '../calendar';
import { Day, dayFromYmd, daysInMonth, isoFromDay, ymdFromDay } from '../days';
import { roundDiv, roundingText, senRoundingText } from '../money';
import type { AltRuleset } from '../rulesets/schema';
import { Trace, TraceStep, yen } from '../trace';
import { deductibleHours } from './deductions';
import { hourlyRate, monthlyPayOfYear } from './pay';

/** A stretch of service at one JET year (a term, D-11). */
export interface PayTerm {
  start: Day;
  end: Day;
  jetYear: number;
}

/** A day paid at another rate than 100 % (D-12), and why. */
export interface RatedDay {
  percent: number;
  clause: string;
  en: string;
  ja: string;
  /** 労基法 Art 12.3: a day left out of the average pay behind a pay cut, with its pay (childcare and care leave; D-17). */
  outOfAverage?: boolean;
}

/** Months as integers: year × 12 + month − 1, so that the next month is + 1. */
export type MonthKey = number;
export function monthKeyOf(day: Day): MonthKey {
  const { y, m } = ymdFromDay(day);
  return y * 12 + m - 1;
}
export function firstDayOfMonthKey(key: MonthKey): Day {
  return dayFromYmd(Math.floor(key / 12), (key % 12) + 1, 1);
}
export function lastDayOfMonthKey(key: MonthKey): Day {
  const y = Math.floor(key / 12);
  const m = (key % 12) + 1;
  return dayFromYmd(y, m, daysInMonth(y, m));
}
export function monthLabel(key: MonthKey): string {
  return `${Math.floor(key / 12)}-${zeroPad((key % 12) + 1, 2)}`;
}

function termOn(terms: readonly PayTerm[], day: Day): PayTerm | undefined {
  for (const t of terms) if (day >= t.start && day <= t.end) return t;
  return undefined;
}

/**
 * D-12: the month's pay when days are paid at different rates — monthly pay × the sum over the
 * month's days requiring work (not 週休日; holidays count, as in Art 7.3) of each day's rate ÷ the
 * number of such days, rounded once (D-2). A day outside every term has rate 0; each term pays its
 * own JET year (D-11). With every rate 100 % this is Art 7.3's 日割.
 * @example ratedMonthAmount(alt, d('2023-08-01'), [{ start: d('2023-08-07'), end: d('2024-08-06'), jetYear: 1 }], () => undefined) === 231304
 */
export function ratedMonthAmount(rs: AltRuleset, anyDayOfMonth: Day, terms: readonly PayTerm[], rateOf: (day: Day) => RatedDay | undefined, trace?: Trace): number {
  const key = monthKeyOf(anyDayOfMonth);
  const first = firstDayOfMonthKey(key);
  const last = lastDayOfMonthKey(key);
  let base = 0;
  let sum = 0;
  const groups = new Map<string, { days: number; monthly: number; percent: number; en: string; ja: string; clause: string }>();
  for (let d = first; d <= last; d++) {
    if (isWeeklyRestDay(d)) continue; // Art 7.3: 勤務を要しない日 are not counted
    base++;
    const t = termOn(terms, d);
    const rated = t ? rateOf(d) : undefined;
    const monthly = t ? monthlyPayOfYear(rs, t.jetYear) : 0;
    const percent = !t ? 0 : rated ? rated.percent : 100;
    sum += monthly * percent;
    if (trace) {
      const k = `${monthly}|${percent}|${rated?.en ?? ''}`;
      const g = groups.get(k);
      if (g) g.days++;
      else {
        const why = !t ? { en: 'outside the term', ja: '任期外', clause: 'D-12' } : rated ? { en: rated.en, ja: rated.ja, clause: rated.clause } : { en: `JET year ${t.jetYear}`, ja: `来日${t.jetYear}年目`, clause: 'Art 7.1' };
        groups.set(k, { days: 1, monthly, percent, ...why });
      }
    }
  }
  const amount = roundDiv(sum, base * 100, rs.pay.prorationRounding);
  if (trace) {
    const label = monthLabel(key);
    const list = [...groups.values()];
    if (list.length === 1 && list[0]?.percent === 100) {
      trace.step('Art 7.1', `${label}: every day of the month in service at 100 %: the monthly pay ${yen(amount)}`, `${label}: 全日100%で勤務: 月額 ${yen(amount)}`);
      return amount;
    }
    trace.step('Art 7.3, D-12', `${label}: ${base} days requiring work (weekly rest days left out, holidays counted)`, `${label}: 要勤務日 ${base}日（週休日を除き、休日は含む）`);
    for (const g of list) {
      if (g.monthly === 0) trace.step(g.clause, `${g.days} day(s) outside the term: rate 0`, `任期外 ${g.days}日: 支給割合 0`);
      else trace.step(g.clause, `${g.days} day(s) at ${g.percent} % of ${yen(g.monthly)} (${g.en})`, `${g.days}日 × ${yen(g.monthly)} の ${g.percent}%（${g.ja}）`);
    }
    const r = roundingText[rs.pay.prorationRounding];
    trace.step('D-12, D-2', `Σ ÷ ${base} = ${(sum / 100 / base).toFixed(2)}; ${r.en} → ${yen(amount)}`, `合計 ÷ ${base} = ${(sum / 100 / base).toFixed(2)}、${r.ja} → ${yen(amount)}`);
  }
  return amount;
}

/** What a person's ledger means for pay, month by month. */
export interface PayLedger {
  terms: PayTerm[];
  /** Days paid at another rate (childcare leave, suspension). */
  rates: Map<Day, RatedDay>;
  /** D-13: unpaid minutes per month, days at rate 0 already left out. */
  unpaidMinutes: Map<MonthKey, number>;
  /** The JET year whose hourly rate prices a month's unpaid time (the term of its last unpaid day). */
  unpaidYear: Map<MonthKey, number>;
  /** Art 27.2.2: pay-cut instances per month. */
  payCuts: Map<MonthKey, number>;
  /** The last day of service when no re-appointment follows: that month has no next pay (Art 8.1, D-9). */
  serviceEnd?: Day;
}

export interface MonthPay {
  month: MonthKey;
  /** D-12 amount. */
  gross: number;
  /** Art 27.2.2 pay cut. */
  cut: number;
  /** Unpaid time of this month (D-13): minutes, rounded hours, and its deduction. */
  unpaidMinutes: number;
  unpaidHours: number;
  deduction: number;
  /** Deductions taken from this month's pay (D-9). */
  taken: number;
  /** D-12 amount − cut − taken, never below zero. */
  expected: number;
  /** What is still to deduct after this month (Art 8.1). */
  carried: number;
  steps: TraceStep[];
}

export interface PayScheduleOptions {
  /** Art 27.2.2 override: one day's average pay in yen, when the clerk knows it. */
  dailyAveragePay?: number;
  /** FALSE: leave `steps` empty (much faster; a clerk needs the steps only where a figure is questioned). */
  steps?: boolean;
}

/**
 * The expected pay of each month from `fromMonth` to `toMonth`: the D-12 amount, less the pay cut
 * (Art 27.2.2), less the deductions due (D-13 unpaid hours, taken as D-9 says) as far as the pay
 * goes; the rest carries to the next month (Art 8.1). Start at the first month of service so that
 * nothing carried is missed.
 */
export function monthPaySchedule(rs: AltRuleset, ledger: PayLedger, fromMonth: MonthKey, toMonth: MonthKey, options: PayScheduleOptions = {}): MonthPay[] {
  const grossCache = new Map<MonthKey, number>();
  const rateOf = (d: Day) => ledger.rates.get(d);
  const gross = (k: MonthKey, trace?: Trace): number => {
    if (trace) return ratedMonthAmount(rs, firstDayOfMonthKey(k), ledger.terms, rateOf, trace);
    let g = grossCache.get(k);
    if (g === undefined) grossCache.set(k, (g = ratedMonthAmount(rs, firstDayOfMonthKey(k), ledger.terms, rateOf)));
    return g;
  };
  const sameMonth = rs.deduction.takenFrom === 'same-month';
  // D-9: the last month of service has no next month's pay; its own deduction comes out of its own pay (Art 8.1).
  const lastMonth = ledger.serviceEnd !== undefined && rs.deduction.lastMonthOfService === 'own-pay' && !sameMonth ? monthKeyOf(ledger.serviceEnd) : undefined;
  const out: MonthPay[] = [];
  let pending = 0;
  let previousDeduction = 0;
  // How the previous month's deduction came about, for the step that takes it (D-9).
  let previousWhy: { en: string; ja: string } | undefined;
  const withSteps = options.steps !== false;
  for (let k = fromMonth; k <= toMonth; k++) {
    const trace = withSteps ? new Trace() : undefined;
    const isLast = k === lastMonth;
    const lastMonthWhy = previousWhy;
    previousWhy = undefined;
    const g = gross(k, trace);
    grossCache.set(k, g);
    // D-13: the month's unpaid time, rounded once (Art 8.2), priced at the hourly rate (D-3).
    const minutes = ledger.unpaidMinutes.get(k) ?? 0;
    let hours = 0;
    let deduction = 0;
    let own: TraceStep | undefined; // this month's own unpaid time, shown after its pay
    if (minutes > 0) {
      const t = trace ? new Trace() : undefined;
      hours = deductibleHours(rs, minutes, t);
      const year = ledger.unpaidYear.get(k) ?? ledger.terms[0]?.jetYear ?? 1;
      const rate = hourlyRate(rs, year);
      deduction = hours * rate;
      if (t && trace) {
        const whole = Math.floor(minutes / 60);
        const rest = minutes - whole * 60;
        const rounded = rest === 0 ? { en: `${hours} h`, ja: `${hours}時間` } : rest >= rs.deduction.roundUpFromMinutes ? { en: `rounded up to ${hours} h`, ja: `${hours}時間に切り上げ` } : { en: `rounded down to ${hours} h`, ja: `${hours}時間に切り捨て` };
        previousWhy = { en: `${monthLabel(k)}: unpaid ${hmText(minutes)}, ${rounded.en} × ${yen(rate)} (Art 8.2, D-13) = ${yen(deduction)}`, ja: `${monthLabel(k)}: 無給の不勤務 ${hmTextJa(minutes)}、${rounded.ja} × ${yen(rate)}（第8条第2項・D-13）= ${yen(deduction)}` };
        // D-9 (next-month): this month's unpaid time is taken from the next month's pay, not from this one.
        const whereEn = isLast ? `taken from this month's own pay: the last month of service has no next pay (Art 8.1, D-9)` : sameMonth ? 'taken from this month (D-9, same-month)' : deduction > 0 ? `to be taken from ${monthLabel(k + 1)}'s pay (D-9), not from this month's` : `nothing to take from ${monthLabel(k + 1)}'s pay (D-9)`;
        const whereJa = isLast ? '当月の報酬から差し引く: 任用最後の月で翌月の報酬がない（第8条第1項・D-9）' : sameMonth ? '当月に減額（D-9・same-month）' : deduction > 0 ? `${monthLabel(k + 1)}の報酬から差し引く（D-9。当月分ではない）` : `${monthLabel(k + 1)}の報酬から差し引くものはない（D-9）`;
        const total = itemAt(t.steps, 0, "deductibleHours' total step"); // deductibleHours steps once, with the month's total
        own = { clause: 'D-13, Art 8.2', en: `${monthLabel(k)}: unpaid time ${total.en.replace(/^the month's absent time in total: /, '')}; ${hours} h × ${yen(rate)} (Art 7.4, D-3) = ${yen(deduction)}, ${whereEn}`, ja: `${monthLabel(k)}: 無給の不勤務 ${total.ja.replace(/^月の不勤務時間の合計 /, '')}、${hours}時間 × ${yen(rate)}（第7条第4項・D-3）= ${yen(deduction)}、${whereJa}` };
        if (sameMonth || isLast) trace.steps.push(own);
      }
    }
    // D-9: by default a month's deduction is taken from the next month's pay.
    const due = sameMonth ? deduction : previousDeduction + (isLast ? deduction : 0);
    const shownDue = sameMonth ? due : previousDeduction;
    if (shownDue > 0) {
      const why = sameMonth ? undefined : lastMonthWhy;
      trace?.step('D-9', sameMonth ? `deducted in the same month (ruleset: same-month): ${yen(shownDue)}` : `last month's deduction ${yen(shownDue)} is taken from this month's pay (翌月精算)${why ? ` — ${why.en}` : ''}`, sameMonth ? `同月に減額（ルールセット: same-month）: ${yen(shownDue)}` : `前月分の減額 ${yen(shownDue)} を当月の報酬から差し引く（翌月精算）${why ? ` — ${why.ja}` : ''}`);
    }
    if (pending > 0) trace?.step('Art 8.1', `carried from earlier months: ${yen(pending)}`, `前月までの繰越減額: ${yen(pending)}`);
    pending += due;
    previousDeduction = isLast ? 0 : deduction;
    const cut = payCut(rs, k, ledger, ledger.payCuts.get(k) ?? 0, g, gross, options.dailyAveragePay, trace);
    const available = g - cut;
    const taken = Math.min(pending, available);
    pending -= taken;
    const expected = available - taken;
    if (!trace) {
      // no steps asked for
    } else if (!cut && !taken && !pending) trace.step('D-12', `nothing to deduct: ${yen(expected)} is due`, `減額なし: 支給額 ${yen(expected)}`);
    else trace.step('D-12, Art 8.1', `${yen(g)}${cut ? ` − pay cut ${yen(cut)}` : ''}${taken ? ` − deductions ${yen(taken)}` : ''} = ${yen(expected)}${pending ? `; ${yen(pending)} carried to next month` : ''}`, `${yen(g)}${cut ? ` − 減給 ${yen(cut)}` : ''}${taken ? ` − 減額 ${yen(taken)}` : ''} = ${yen(expected)}${pending ? `、${yen(pending)} は翌月へ繰越` : ''}`);
    if (own && !sameMonth && !isLast) trace?.steps.push(own);
    out.push({ month: k, gross: g, cut, unpaidMinutes: minutes, unpaidHours: hours, deduction, taken, expected, carried: pending, steps: trace?.steps ?? [] });
  }
  return out;
}

/**
 * Art 27.2.2: each instance cuts half of one day's average pay; the month's cuts together at most a
 * tenth of that month's pay. The rules do not define one day's average pay; D-17 reads it as 労基法
 * Art 12's 平均賃金: the pay of the three months before ÷ their calendar days, to the sen — counted
 * from the day of hire for someone employed less than three months (Art 12.6), leaving out childcare
 * and care leave with their pay (Art 12.3); with no such day, the month's own pay ÷ its days. A clerk
 * who knows the figure gives it instead. (monthPay.averagePayDays 'whole-months': every calendar day
 * of the months with pay.)
 */
function payCut(rs: AltRuleset, k: MonthKey, ledger: PayLedger, instances: number, monthPayYen: number, gross: (k: MonthKey) => number, override: number | undefined, trace: Trace | undefined): number {
  if (instances <= 0 || monthPayYen <= 0) return 0;
  let dailySen: number;
  if (override !== undefined) {
    dailySen = Math.round(override * 100);
    trace?.step('Art 27.2.2', `one day's average pay (given): ${yen(override)}`, `平均報酬の1日分（指定）: ${yen(override)}`);
  } else {
    let total = 0;
    let days = 0;
    const serviceDays = rs.monthPay.averagePayDays === 'service-days';
    for (let p = k - 3; p < k; p++) {
      const g = gross(p);
      if (serviceDays) {
        let n = 0;
        for (let d = firstDayOfMonthKey(p); d <= lastDayOfMonthKey(p); d++) if (termOn(ledger.terms, d) && !ledger.rates.get(d)?.outOfAverage) n++;
        if (n > 0) {
          total += g;
          days += n;
        }
      } else if (g > 0) {
        total += g;
        days += lastDayOfMonthKey(p) - firstDayOfMonthKey(p) + 1;
      }
    }
    if (days === 0) {
      total = monthPayYen;
      days = lastDayOfMonthKey(k) - firstDayOfMonthKey(k) + 1;
    }
    dailySen = roundDiv(total * 100, days, rs.monthPay.dailyAverageSenRounding);
    trace?.step(serviceDays ? 'Art 27.2.2, D-17' : 'Art 27.2.2', `one day's average pay: ${yen(total)} ÷ ${days} calendar days${serviceDays ? ' of service in the three months before (from hire; childcare and care leave left out)' : ''} = ${yen(dailySen / 100)} (${senRoundingText[rs.monthPay.dailyAverageSenRounding].en})`, `平均報酬の1日分: ${yen(total)} ÷ 暦日${days}日 = ${yen(dailySen / 100)}（${senRoundingText[rs.monthPay.dailyAverageSenRounding].ja}）`);
  }
  const per = rs.discipline.cutPerInstance;
  const cap = rs.discipline.monthlyCap;
  const cutNum = dailySen * per.numerator * instances * cap.denominator;
  const capNum = monthPayYen * 100 * cap.numerator * per.denominator;
  const den = per.denominator * cap.denominator * 100;
  const capped = capNum < cutNum;
  const amount = roundDiv(capped ? capNum : cutNum, den, rs.pay.prorationRounding);
  trace?.step('Art 27.2.2, P-1', `pay cut: ${instances} × ${per.numerator}/${per.denominator} day = ${(cutNum / den).toFixed(2)}; cap ${cap.numerator}/${cap.denominator} of ${yen(monthPayYen)} = ${(capNum / den).toFixed(2)}${capped ? ' (the cap applies)' : ''} → ${yen(amount)}`, `減給: ${instances}回 × ${per.numerator}/${per.denominator}日分 = ${(cutNum / den).toFixed(2)}、上限 ${yen(monthPayYen)} の ${cap.numerator}/${cap.denominator} = ${(capNum / den).toFixed(2)}${capped ? '（上限を適用）' : ''} → ${yen(amount)}`);
  return amount;
}

const hmText = (min: number): string => `${Math.floor(min / 60)} h ${min % 60} min`;
const hmTextJa = (min: number): string => `${Math.floor(min / 60)}時間${min % 60}分`;

/** ISO text of a month key's first day, for messages. */
export const monthIso = (k: MonthKey): string => isoFromDay(firstDayOfMonthKey(k));
