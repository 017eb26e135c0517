// Every parameter of every ruleset file is live: changing it changes some rule's result. A new
// parameter without a probe here fails the first test. And every decision D-n both ways, with
// the other value's result worked out by hand.

import {
  AltRuleset,
  AnyRuleset,
  ClairRuleset,
  RULESET_FILES,
  RuleError,
  builtInRulesets,
  checkWorkingTime,
  conditionalPeriods,
  deductibleHours,
  deductionPayMonth,
  disciplinaryCut,
  dispatchForm,
  dutySuspensionAllowed,
  firstHalfEnd,
  hasBridgeTerm,
  headquartersDailyMinutes,
  hourlyRate,
  languageTarget,
  lastNoticeDay,
  leaveCarryOver,
  leaveRemaining,
  maxTerms,
  monthlyPay,
  needsCertificate,
  parameterEntries,
  parseUserRuleset,
  participationLimit,
  payDay,
  payForMonth,
  periodsJoin,
  reappointmentIsException,
  returnAirfareEligible,
  returnDeadline,
  rulesetHistory,
  rulesetInForce,
  secondGrantDay,
  sickLeaveLeft,
  specialLeaveLimit,
  stipendCap,
  suspensionPayPercent,
  suspensionPossible,
  termEnd,
  termPlan,
  weekStart,
  whoPays,
  payScheduleAcross,
  Trace,
  childcareLeaveProblems,
  isPartialLeaveUnit,
  partialLeaveCapMinutes,
  monthKeyOf,
  monthPaySchedule,
  payLedgerOf,
  checkLedger,
} from '../src/core';
import { invoke } from '../src/functions/registry';
import { d, iso } from './helpers';

type Probe<R> = { change: object; probe: (rs: R) => unknown; base?: object };

/** What a probe returns, or the refusal: a rule that starts refusing has changed its result too. */
function outcome<R>(probe: (rs: R) => unknown, rs: R): unknown {
  try {
    return probe(rs);
  } catch (e) {
    if (e instanceof RuleError) return `refused: ${e.message}`;
    throw e;
  }
}

const week = (firstDay: string, hours: number[]) => hours.map((h, i) => ({ day: d(firstDay) + i, hours: h }));

const ALT: Record<string, Probe<AltRuleset>> = {
  'pay.monthlyByYear': { change: { pay: { monthlyByYear: [290000, 300000, 325000, 330000, 330000] } }, probe: (r) => monthlyPay(r, 1) },
  'pay.payDay': { change: { pay: { payDay: 20 } }, probe: (r) => payDay(r, d('2023-08-01')) },
  'pay.payDayShift': { change: { pay: { payDayShift: 'later' } }, probe: (r) => payDay(r, d('2023-10-01')) },
  'pay.prorationRounding': { change: { pay: { prorationRounding: 'ceil' } }, probe: (r) => payForMonth(r, 1, d('2023-08-01'), d('2023-08-07')) },
  'pay.hourlyRounding': { change: { pay: { hourlyRounding: 'floor' } }, probe: (r) => hourlyRate(r, 3) },
  'pay.weeksPerYear': { change: { pay: { weeksPerYear: 50 } }, probe: (r) => hourlyRate(r, 1) },
  'workingTime.weeklyHours': { change: { workingTime: { weeklyHours: 40 } }, probe: (r) => hourlyRate(r, 1) },
  'workingTime.dailyHours': { change: { workingTime: { dailyHours: 8 } }, probe: (r) => specialLeaveLimit(r, 16) },
  'workingTime.maxDailyHours': { change: { workingTime: { maxDailyHours: 9 } }, probe: (r) => checkWorkingTime(r, [{ day: d('2023-09-04'), hours: 8.5 }]).length },
  'workingTime.maxWeeklyHours': { change: { workingTime: { maxWeeklyHours: 45 } }, probe: (r) => checkWorkingTime(r, week('2023-09-03', [0, 7, 7, 7, 7, 7, 7])).map((f) => f.en) },
  'workingTime.exchangeWindowWeeks': { change: { workingTime: { exchangeWindowWeeks: 1 } }, probe: (r) => checkWorkingTime(r, week('2023-09-03', [0, 7.2, 7.2, 7.2, 7.2, 7.2, 0])).map((f) => f.en) },
  'workingTime.minRestDaysPerWeek': { change: { workingTime: { minRestDaysPerWeek: 2 } }, probe: (r) => checkWorkingTime(r, week('2023-09-03', [0, 5, 5, 5, 5, 5, 5])).length },
  'workingTime.weekStartsOn': { change: { workingTime: { weekStartsOn: 1 } }, probe: (r) => weekStart(r, d('2023-09-03')) },
  'deduction.roundUpFromMinutes': { change: { deduction: { roundUpFromMinutes: 45 } }, probe: (r) => deductibleHours(r, 150) },
  'deduction.takenFrom': { change: { deduction: { takenFrom: 'same-month' } }, probe: (r) => deductionPayMonth(r, d('2024-06-10')) },
  'discipline.cutPerInstance': { change: { discipline: { cutPerInstance: { numerator: 1, denominator: 3 } } }, probe: (r) => disciplinaryCut(r, 9000, 1, 280000) },
  'discipline.monthlyCap': { change: { discipline: { monthlyCap: { numerator: 1, denominator: 20 } } }, probe: (r) => disciplinaryCut(r, 9000, 7, 280000) },
  'discipline.maxSuspensionDays': { change: { discipline: { maxSuspensionDays: 10 } }, probe: (r) => dutySuspensionAllowed(r, 8) },
  'annualLeave.daysPerTerm': { change: { annualLeave: { daysPerTerm: 25 } }, probe: (r) => leaveRemaining(r, { termStart: d('2023-08-01'), asOf: d('2023-08-02'), reappointed: true }) },
  'annualLeave.firstGrantDays': { change: { annualLeave: { firstGrantDays: 5 } }, probe: (r) => leaveRemaining(r, { termStart: d('2023-08-01'), asOf: d('2023-08-02') }) },
  'annualLeave.secondGrantAfterMonths': { change: { annualLeave: { secondGrantAfterMonths: 2 } }, probe: (r) => secondGrantDay(r, d('2023-08-01')) },
  'annualLeave.hoursPerDay': { change: { annualLeave: { hoursPerDay: 8 } }, probe: (r) => leaveRemaining(r, { termStart: d('2023-08-01'), asOf: d('2023-12-01'), usedHours: 14 }) },
  'annualLeave.maxCarryDays': { change: { annualLeave: { maxCarryDays: 10 } }, probe: (r) => leaveCarryOver(r, 0, 0) },
  'annualLeave.takeCarriedFirst': { change: { annualLeave: { takeCarriedFirst: false } }, probe: (r) => leaveCarryOver(r, 35, 5) },
  'sickLeave.maxDays': { change: { sickLeave: { maxDays: 25 } }, probe: (r) => sickLeaveLeft(r, [{ start: d('2023-10-01'), end: d('2023-10-05') }]) },
  'sickLeave.joinIfGapLessThanDays': { change: { sickLeave: { joinIfGapLessThanDays: 3 } }, probe: (r) => periodsJoin(r, d('2023-10-05'), d('2023-10-10')) },
  'sickLeave.certificateAfterDays': { change: { sickLeave: { certificateAfterDays: 5 } }, probe: (r) => needsCertificate(r, 4) },
  'sickLeave.suspensionAfterDays': { change: { sickLeave: { suspensionAfterDays: 25 } }, probe: (r) => suspensionPossible(r, 21) },
  specialLeave: { change: {}, probe: (r) => specialLeaveLimit(r, 21) }, // changed below: the whole catalogue
  'term.firstHalfEnds': { change: { term: { firstHalfEnds: { month: 3, day: 30 } } }, probe: (r) => firstHalfEnd(r, d('2023-08-07')) },
  'term.termMonths': { change: { term: { termMonths: 6 } }, probe: (r) => termEnd(r, { arrival: d('2023-07-30'), cohort: 'S1' }) },
  'term.maxYears': { change: { term: { maxYears: 4 } }, probe: (r) => maxTerms(r, false) },
  'term.reappointmentWarningFromYear': { change: { term: { reappointmentWarningFromYear: 5 } }, probe: (r) => reappointmentIsException(r, 4) },
  'term.bridgeExemptCountries': { change: { term: { bridgeExemptCountries: [] } }, probe: (r) => hasBridgeTerm(r, 'A1', 'Korea') },
  'term.maxParticipationMonths': { change: { term: { maxParticipationMonths: 60 } }, probe: (r) => participationLimit(r, d('2023-08-01')) },
  'term.resignationNoticeDays': { change: { term: { resignationNoticeDays: 14 } }, probe: (r) => lastNoticeDay(r, d('2024-03-31')) },
  'term.noticeCounting': { change: { term: { noticeCounting: 'days-before' } }, probe: (r) => lastNoticeDay(r, d('2024-03-31')) },
  'term.jetYearOfTerm': { change: { term: { jetYearOfTerm: 'each-term-a-new-year' } }, probe: (r) => termPlan(r, { arrival: d('2015-04-08'), cohort: 'A1', country: 'USA', summer2Arrival: d('2015-08-02') }, 3)[2].jetYear },
  'term.conditionalMonths': { change: { term: { conditionalMonths: 2 } }, probe: (r) => conditionalPeriods(r, d('2023-08-07'), d('2024-08-06'))[0].end },
  'term.cohortArrivals': { change: { term: { cohortArrivals: { '2015': { S2: '2015-08-02' } } } }, probe: (r) => termEnd(r, { arrival: d('2015-04-08'), cohort: 'A1', country: 'USA' }, 2) },
  'travel.noEmploymentMonths': { change: { travel: { noEmploymentMonths: 2 } }, probe: (r) => returnAirfareEligible(r, { termEnd: d('2024-08-01'), lastDayOfService: d('2024-08-01'), departure: d('2024-08-10'), nextEmploymentStart: d('2024-09-20') }) },
  'travel.departWithinMonths': { change: { travel: { departWithinMonths: 2 } }, probe: (r) => returnDeadline(r, d('2024-08-01')) },
  'suspensionPay.workRelatedPercent': { change: { suspensionPay: { workRelatedPercent: 80 } }, probe: (r) => suspensionPayPercent(r, 'work-related', d('2024-01-10'), d('2024-01-10')) },
  'suspensionPay.illnessFullUntilDay': { change: { suspensionPay: { illnessFullUntilDay: 40 } }, probe: (r) => suspensionPayPercent(r, 'illness', d('2024-01-10'), d('2024-02-09')) },
  'suspensionPay.illnessHalfUntilDay': { change: { suspensionPay: { illnessHalfUntilDay: 90 } }, probe: (r) => suspensionPayPercent(r, 'illness', d('2024-01-10'), d('2024-03-20')) },
  'suspensionPay.illnessReducedPercent': { change: { suspensionPay: { illnessReducedPercent: 40 } }, probe: (r) => suspensionPayPercent(r, 'illness', d('2024-01-10'), d('2024-02-09')) },
  'suspensionPay.indictmentPercent': { change: { suspensionPay: { indictmentPercent: 50 } }, probe: (r) => suspensionPayPercent(r, 'indictment', d('2024-01-10'), d('2024-01-10')) },
  // docs/rules.md §3 and §12: partial leave, childcare leave, the month's pay.
  'partialLeave.minWorkedMinutes': { change: { partialLeave: { minWorkedMinutes: 300 } }, probe: (r) => partialLeaveCapMinutes(r) },
  'partialLeave.withNursingOrCareMaxMinutes': { change: { partialLeave: { withNursingOrCareMaxMinutes: 150 } }, probe: (r) => partialLeaveCapMinutes(r, 60) },
  'partialLeave.unitMinutes': { change: { partialLeave: { unitMinutes: 15 } }, probe: (r) => isPartialLeaveUnit(r, 45) },
  'childcareLeave.untilChildMonths': { change: { childcareLeave: { untilChildMonths: 12 } }, probe: (r) => childcareLeaveProblems(r, { childBirth: d('2024-01-10'), start: d('2024-06-01'), end: d('2025-03-01'), termEnd: d('2026-08-01') }).length },
  'childcareLeave.extendedUntilChildMonths': { change: { childcareLeave: { extendedUntilChildMonths: 30 } }, probe: (r) => childcareLeaveProblems(r, { childBirth: d('2024-01-10'), start: d('2024-06-01'), end: d('2026-03-01'), termEnd: d('2026-08-01'), extended: true }).length },
  'childcareLeave.maxTimesPerChild': { change: { childcareLeave: { maxTimesPerChild: 3 } }, probe: (r) => childcareLeaveProblems(r, { childBirth: d('2024-01-10'), start: d('2024-06-01'), end: d('2024-09-01'), termEnd: d('2026-08-01'), earlierLeaves: 2 }).length },
  // Art 14-3.1: a child born 2021-05-01 reaches 3 on 2024-04-30 (民法 Art 143); partial leave on 2024-05-01 is an error;
  // with 48 months it is not.
  'partialLeave.untilChildMonths': {
    change: { partialLeave: { untilChildMonths: 48 } },
    probe: (r) => checkLedger(r, [{ row: 2, name: 'A', from: d('2024-05-01'), to: d('2024-05-01'), kind: { kind: 'partial' }, minutes: 60, note: '子 2021-05-01 生' }]).map((f) => [f.row, f.severity, f.rule]),
  },
  // D-9 last month: term ends 2024-07-30, 3 h absent in July (year 1). July pays 280,000 × 22/23 = 267,826.08 → ¥267,826
  // (23 days requiring work, 22 of them to the 30th); own-pay takes 3 × ¥1,846 = ¥5,538 from it → ¥262,288;
  // as-takenFrom leaves it for an August pay that never comes → ¥267,826.
  'deduction.lastMonthOfService': {
    change: { deduction: { lastMonthOfService: 'as-takenFrom' } },
    probe: (r) => invoke('ALT.MONTHPAY', [1, '2024-07-01', '2023-07-31', '2024-07-30', null, null, null, null, 3, JSON.stringify(r)]),
  },
  // Note 2.2: S1 for a May arrival is refused while May is an April-cohort month (4–6); with 4–4 it is a summer month.
  'term.aprilCohortMonths': { change: { term: { aprilCohortMonths: { from: 4, to: 4 } } }, probe: (r) => termEnd(r, { arrival: d('2024-05-10'), cohort: 'S1' }) },
  // D-17: hired 2024-08-07, one cut in September 2024. August pays 280,000 × 18/22 = 229,090.9 → ¥229,090.
  // service-days: ÷ 25 days (8/7–8/31) = 9,163.60, half → ¥4,581; whole-months: ÷ 31 = 7,390.00, half → ¥3,695.
  'monthPay.averagePayDays': {
    change: { monthPay: { averagePayDays: 'whole-months' } },
    probe: (r) => invoke('ALT.MONTHPAY', [1, '2024-09-01', '2024-08-07', null, null, null, 1, null, null, JSON.stringify(r)]),
  },
  // D-14: 3 working days of 停職 in October 2024 (year 2): rate-zero pays 300,000 × 20/23 = 260,869.56 → ¥260,869;
  // hours leaves October at ¥300,000 (21 h × ¥1,978 = ¥41,538 comes out of November).
  'monthPay.unpaidWholeDays': {
    change: { monthPay: { unpaidWholeDays: 'hours' } },
    probe: (r) => monthPaySchedule(r, payLedgerOf(r, [{ start: d('2024-08-07'), end: d('2025-08-06'), jetYear: 2 }], [{ row: 1, name: 'A', from: d('2024-10-08'), to: d('2024-10-10'), kind: { kind: 'dutySuspension' } }]), monthKeyOf(d('2024-10-01')), monthKeyOf(d('2024-11-01'))).map((m) => m.expected),
  },
  // Kept to the sen: at the yen it rarely shows, so the probe reads the step EXPLAIN prints (¥9,230.76 vs ¥9,230.77).
  'monthPay.dailyAverageSenRounding': { change: { monthPay: { dailyAverageSenRounding: 'ceil' } }, probe: (r) => JSON.stringify(invoke('ALT.EXPLAINEN', ['MONTHPAY', 1, '2024-07-01', '2023-08-07', null, null, null, 1, null, null, JSON.stringify(r)])) },
};

const UNEVEN_CAP = { offices: [{ code: 'NYC', en: 'New York', ja: 'ニューヨーク', aliases: [], capYen: 1_000_000, countries: ['US'] }] };
const CLAIR: Record<string, Probe<ClairRuleset>> = {
  offices: { change: UNEVEN_CAP, probe: (r) => stipendCap(r, 'New York') },
  // Every built-in cap is a multiple of 12, so D-7's rounding shows only on a cap that is not.
  capProrationRounding: { base: UNEVEN_CAP, change: { capProrationRounding: 'ceil' }, probe: (r) => stipendCap(r, 'New York', 5) },
  forms: { change: {}, probe: (r) => [dispatchForm(r, 'overseas'), whoPays(r, 'overseas', 'salary')] }, // changed below
  languageTargets: { change: {}, probe: (r) => languageTarget(r, 'English').level.en }, // changed below
  headquartersHours: { change: {}, probe: (r) => [headquartersDailyMinutes(r), r.headquartersHours.annualLeaveDays] }, // changed below
};

const isGroup = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** A ruleset with some values replaced (one level of groups merged), validated like a user's. */
function withOverride<R extends AnyRuleset>(base: R, over: object): R {
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) merged[k] = isGroup(merged[k]) && isGroup(v) ? { ...(merged[k] as object), ...v } : v;
  return parseUserRuleset({ ...merged, id: `${base.id}-mutant` }) as R;
}

const builtIn = (id: string) => builtInRulesets().find((r) => r.id === id)!;
const alt = builtIn('saitama-alt-r5') as AltRuleset;
const clair = builtIn('clair-r8') as ClairRuleset;

// Whole-catalogue parameters: change one value inside.
ALT.specialLeave.change = { specialLeave: alt.specialLeave.map((k) => (k.item === 21 ? { ...k, limit: 5 } : k)) };
CLAIR.forms.change = { forms: { ...clair.forms, overseas: { ...clair.forms.overseas, overseasYears: 3, costs: { ...clair.forms.overseas.costs, salary: 'clair' } } } };
CLAIR.languageTargets.change = { languageTargets: clair.languageTargets.map((t) => (t.language.en === 'English' ? { ...t, level: { en: '800 points', ja: '800点' } } : t)) };
CLAIR.headquartersHours.change = { headquartersHours: { ...clair.headquartersHours, end: '18:00', annualLeaveDays: 22 } };

describe.each(RULESET_FILES.map((f) => [f.id, f] as const))('ruleset file %s', (id, file) => {
  const probes: Record<string, Probe<AnyRuleset>> = (file.kind === 'alt' ? ALT : CLAIR) as Record<string, Probe<AnyRuleset>>;
  const entries = parameterEntries(file);

  test('every parameter has a unit, a clause and a meaning, and a probe below', () => {
    for (const { path, entry } of entries) {
      expect([path, entry.unit.length > 0, entry.clause.length > 0, entry.en.length > 0]).toEqual([path, true, true, true]);
      expect(Object.keys(probes)).toContain(path);
    }
  });

  test.each(entries.map((e) => [e.path]))('changing %s changes a result', (path) => {
    const p = probes[path];
    const base = p.base ? withOverride(builtIn(id), p.base) : builtIn(id);
    const mutant = withOverride(base, p.change);
    expect(outcome(p.probe, mutant)).not.toEqual(outcome(p.probe, base));
  });

  test('a parameter with one allowed value is not a parameter: each enum has two or more', () => {
    for (const { path, entry } of entries) {
      const oneOf = /^one of: (.*)$/.exec(entry.unit);
      if (oneOf) expect([path, oneOf[1].split(',').length >= 2]).toEqual([path, true]);
    }
  });
});

describe('every decision both ways (expected values by hand)', () => {
  const other = (over: object) => withOverride(alt, over);
  test('Art 7.2 pay-day shift: 2023-10-21 is a Saturday → earlier Fri 10-20, later Mon 10-23', () => {
    expect(iso(payDay(alt, d('2023-10-01')))).toBe('2023-10-20');
    expect(iso(payDay(other({ pay: { payDayShift: 'later' } }), d('2023-10-01')))).toBe('2023-10-23');
    // 2026-09: 21 敬老の日, 22 国民の休日, 23 秋分の日 → later: Thu 09-24.
    expect(iso(payDay(other({ pay: { payDayShift: 'later' } }), d('2026-09-01')))).toBe('2026-09-24');
  });
  test('D-2: 280,000 × 19/23 = 231,304.35 → floor 231,304, ceil 231,305', () => {
    expect(payForMonth(alt, 1, d('2023-08-01'), d('2023-08-07'))).toBe(231304);
    expect(payForMonth(other({ pay: { prorationRounding: 'ceil' } }), 1, d('2023-08-01'), d('2023-08-07'))).toBe(231305);
  });
  test('D-3: year 3, 325,000 × 12 ÷ 1,820 = 2,142.857 → half-up 2,143, floor 2,142', () => {
    expect(hourlyRate(alt, 3)).toBe(2143);
    expect(hourlyRate(other({ pay: { hourlyRounding: 'floor' } }), 3)).toBe(2142);
  });
  test('D-4: 3 months from 2023-08-01 → second grant 2023-11-01; 2 months → 2023-10-01', () => {
    expect(iso(secondGrantDay(alt, d('2023-08-01')))).toBe('2023-11-01');
    expect(iso(secondGrantDay(other({ annualLeave: { secondGrantAfterMonths: 2 } }), d('2023-08-01')))).toBe('2023-10-01');
  });
  test('D-5: 35 h used with 5 carried days — carried first leaves all 20 own days; own first leaves 15', () => {
    expect(leaveCarryOver(alt, 35, 5)).toBe(20);
    expect(leaveCarryOver(other({ annualLeave: { takeCarriedFirst: false } }), 35, 5)).toBe(15);
  });
  test('D-6: 6 days between periods join, 7 do not; with the threshold 8, 7 join too', () => {
    expect(periodsJoin(alt, d('2023-10-05'), d('2023-10-12'))).toBe(true); // 6 days between
    expect(periodsJoin(alt, d('2023-10-05'), d('2023-10-13'))).toBe(false); // 7 days between
    expect(periodsJoin(other({ sickLeave: { joinIfGapLessThanDays: 8 } }), d('2023-10-05'), d('2023-10-13'))).toBe(true);
  });
  test('D-7: a cap of ¥1,000,000 for 5 months = 416,666.67 → floor 416,666, ceil 416,667', () => {
    const uneven = withOverride(clair, UNEVEN_CAP);
    expect(stipendCap(uneven, 'New York', 5)).toBe(416666);
    expect(stipendCap(withOverride(uneven, { capProrationRounding: 'ceil' }), 'New York', 5)).toBe(416667);
  });
  test('D-9: June 2024’s deduction from July’s pay; same-month from June’s', () => {
    expect(iso(deductionPayMonth(alt, d('2024-06-10')))).toBe('2024-07-01');
    expect(iso(deductionPayMonth(other({ deduction: { takenFrom: 'same-month' } }), d('2024-06-10')))).toBe('2024-06-01');
  });
  test('D-10: leaving 2024-03-31 → 30 full days between: 02-29; plain difference: 03-01', () => {
    expect(iso(lastNoticeDay(alt, d('2024-03-31')))).toBe('2024-02-29');
    expect(iso(lastNoticeDay(other({ term: { noticeCounting: 'days-before' } }), d('2024-03-31')))).toBe('2024-03-01');
  });
  test('D-11: April ① from the USA — terms 1–4 are years 1, 2, 2, 3; counting the bridge as a year: 1, 2, 3, 4', () => {
    const input = { arrival: d('2015-04-08'), cohort: 'A1' as const, country: 'USA', summer2Arrival: d('2015-08-02') };
    expect(termPlan(alt, input, 4).map((t) => t.jetYear)).toEqual([1, 2, 2, 3]);
    expect(termPlan(other({ term: { jetYearOfTerm: 'each-term-a-new-year' } }), input, 4).map((t) => t.jetYear)).toEqual([1, 2, 3, 4]);
  });
});

describe('rulesets as a dated history', () => {
  // A revision of the pay table from 2024-04-01, as a new file would add it.
  const r6 = parseUserRuleset({ extends: 'saitama-alt-r5', id: 'test-saitama-alt-r6', version: 2024, inForce: { from: '2024-04-01' }, pay: { monthlyByYear: [290000, 310000, 335000, 340000, 340000] } }) as AltRuleset;
  const history = rulesetHistory([r6, alt], 'saitama-alt');

  test('on each date the ruleset in force applies, on both sides of the revision day', () => {
    expect(history.map((r) => r.id)).toEqual(['saitama-alt-r5', 'test-saitama-alt-r6']);
    expect(rulesetInForce(history, d('2024-03-31')).ruleset.id).toBe('saitama-alt-r5');
    expect(rulesetInForce(history, d('2024-04-01')).ruleset.id).toBe('test-saitama-alt-r6');
  });

  test('a date before the earliest uses the earliest and says so', () => {
    const trace = new Trace();
    const found = rulesetInForce(history, d('2015-04-08'), trace);
    expect([found.ruleset.id, found.beforeEarliest]).toEqual(['saitama-alt-r5', true]);
    expect(trace.steps[0].en).toBe('2015-04-08 is before the earliest ruleset of "saitama-alt", saitama-alt-r5 (in force from 2023-04-01): saitama-alt-r5 is used');
  });

  test('a schedule spanning the revision is paid right on both sides', () => {
    const rows = payScheduleAcross((day) => rulesetInForce(history, day).ruleset, [{ start: d('2024-02-01'), end: d('2024-05-31'), jetYear: 1 }]);
    expect(rows.map((r) => r.amount)).toEqual([280000, 280000, 290000, 290000]);
  });

  test('the built-in ruleset of a date: EXPLAIN says when the date is before it', () => {
    const { invoke } = jest.requireActual('../src/functions/registry') as typeof import('../src/functions/registry');
    const out = invoke('ALT.EXPLAINEN', ['NOTICEBY', '2015-05-01']);
    expect(JSON.stringify(out)).toMatch(/2015-05-01 is before the earliest ruleset of \\"saitama-alt\\", saitama-alt-r5/);
    expect(JSON.stringify(invoke('ALT.EXPLAINEN', ['NOTICEBY', '2024-05-01']))).not.toMatch(/earliest ruleset/);
  });

  test('a date after the last day of the latest ruleset uses it and says so', () => {
    const ended = parseUserRuleset({ extends: 'saitama-alt-r5', id: 'ended', inForce: { from: '2023-04-01', to: '2024-03-31' } }) as AltRuleset;
    const trace = new Trace();
    expect(rulesetInForce([ended], d('2024-04-01'), trace).ruleset.id).toBe('ended');
    expect(trace.steps[0].en).toBe('2024-04-01 is after the last day of ended (2024-03-31) and no later ruleset exists: ended is used');
    const quiet = new Trace();
    rulesetInForce([ended], d('2024-03-31'), quiet);
    expect(quiet.steps).toEqual([]);
  });

  test('a ruleset with a date that does not exist, or ends before it starts, is refused', () => {
    expect(() => parseUserRuleset({ extends: 'saitama-alt-r5', id: 'x', inForce: { from: '2024-02-30' } })).toThrow(/inForce\.from: a date that exists/);
    expect(() => parseUserRuleset({ extends: 'saitama-alt-r5', id: 'x', inForce: { from: '2024-04-01', to: '2024-03-31' } })).toThrow(/inForce.to cannot be before/);
  });
});
