// The shape of a ruleset: every amount, rate and decision that a rule reads, validated as a
// whole so that a malformed ruleset is rejected before any of it is used.

// zod/mini keeps the functions bundle small; English messages come from zod's own locale.
import * as z from 'zod/mini';
import { en } from 'zod/locales';

// jitless: zod never compiles code with new Function, so a strict CSP (no 'unsafe-eval') holds.
z.config({ ...en(), jitless: true });

const nonEmpty = () => z.string().check(z.minLength(1));
const int = (min?: number, max?: number) => z.int().check(...(min === undefined ? [] : [z.minimum(min)]), ...(max === undefined ? [] : [z.maximum(max)]));
const num = (min?: number, max?: number) => z.number().check(...(min === undefined ? [] : [z.minimum(min)]), ...(max === undefined ? [] : [z.maximum(max)]));
const positive = () => z.number().check(z.positive());
const yenAmount = z.int().check(z.positive());
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'));
const text2 = z.object({ en: nonEmpty(), ja: nonEmpty() });
const code = (re: RegExp, what: string) => z.string().check(z.regex(re, what));
/** How a fractional yen amount becomes whole yen. */
export const roundingSchema = z.enum(['floor', 'half-up', 'ceil']);
export type Rounding = z.infer<typeof roundingSchema>;
const fraction = z
  .object({ numerator: int(0), denominator: int(1) })
  .check(z.refine((f) => f.numerator <= f.denominator, 'a fraction of at most 1'));
const percent = int(0, 100);

export const cohortCodes = ['S1', 'S2', 'S3', 'A1', 'A2'] as const;
export type CohortCode = (typeof cohortCodes)[number];

export const specialLeaveSchema = z.object({
  item: int(1),
  ja: nonEmpty(),
  en: nonEmpty(),
  /** The maximum, in `unit`; null when the rules give no number ("as needed"). */
  limit: z.nullable(positive()),
  unit: z.enum(['consecutive-days', 'days', 'days-per-term', 'weeks', 'minutes-per-day', 'hours-per-day', 'as-needed']),
  /** Larger limits in named circumstances (e.g. multiple births, IVF, two or more children). */
  variants: z.array(z.object({ key: nonEmpty(), en: nonEmpty(), ja: nonEmpty(), limit: positive() })),
  note: z.optional(text2),
  paid: z.boolean(),
  /** Art 30: approval in advance, approval with reason, or a report only. */
  notice: z.enum(['approval', 'approval-with-reason', 'report']),
  clause: nonEmpty(),
});
export type SpecialLeaveKind = z.infer<typeof specialLeaveSchema>;

export const altRulesetSchema = z
  .object({
    id: code(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    kind: z.literal('alt'),
    /** Larger is newer; the newest ruleset of a kind is the default. */
    version: int(0),
    title: text2,
    source: nonEmpty(),
    pay: z.object({
      /** Art 7.1: monthly pay for JET year 1, 2, … (index 0 = year 1). */
      monthlyByYear: z.array(yenAmount).check(z.minLength(1), z.maxLength(10)),
      /** Art 7.2: the pay day of the month. */
      payDay: int(1, 28),
      /** Art 7.2: a pay day on a 休日 or 勤務を要しない日 moves to the nearest earlier (or later) working day. */
      payDayShift: z.enum(['earlier', 'later']),
      /** D-2: rounding of a prorated month's pay. */
      prorationRounding: roundingSchema,
      /** D-3: rounding of the hourly rate. */
      hourlyRounding: roundingSchema,
      /** Art 7.4: weeks in a year for the hourly rate. */
      weeksPerYear: int(1),
    }),
    workingTime: z.object({
      weeklyHours: num(0.01, 168), // Art 10.1
      dailyHours: num(0.01, 24), // Art 10.2
      breakMinutes: int(0), // Art 10.2
      maxDailyHours: num(0.01, 24), // Art 10.4, 10.5
      maxWeeklyHours: num(0.01, 168), // Art 10.4 (労基法 Art 32)
      exchangeWindowWeeks: int(1), // Art 10.3
      minRestDaysPerWeek: int(0, 7), // Art 10.4 (労基法 Art 35)
      /** Art 2.3: a week runs from Sunday (0) to Saturday. */
      weekStartsOn: int(0, 6),
    }),
    deduction: z.object({
      /** Art 8.2: a remainder of this many minutes or more counts as a full hour; less is dropped. */
      roundUpFromMinutes: int(1, 60),
    }),
    discipline: z.object({
      /** Art 27.2.2: each cut is this fraction of one day's average pay. */
      cutPerInstance: fraction,
      /** Art 27.2.2: all cuts in one month together at most this fraction of the month's pay. */
      monthlyCap: fraction,
      /** P-1: rounding of the cut. */
      cutRounding: roundingSchema,
      /** Art 27.2.3: longest suspension 停職, in days. */
      maxSuspensionDays: int(1),
    }),
    annualLeave: z.object({
      daysPerTerm: int(1), // Art 12.1
      firstGrantDays: int(0), // Art 12.1
      /** D-4: the rest is granted once this many months (民法 Art 143) have passed. */
      secondGrantAfterMonths: int(0, 12),
      hoursPerDay: int(1), // Art 12.1
      maxCarryDays: int(0), // Art 12.2
      /** D-5: days taken come out of the carried-over days first. */
      takeCarriedFirst: z.boolean(),
    }),
    sickLeave: z.object({
      maxDays: int(1), // Art 13.2
      /** D-6: periods with fewer than this many calendar days strictly between them are one. */
      joinIfGapLessThanDays: int(0),
      /** Art 30.3: more than this many consecutive days need a doctor's certificate. */
      certificateAfterDays: int(0),
      /** Art 26.2.1: more than this many consecutive days unable to work allow suspension. */
      suspensionAfterDays: int(1),
    }),
    specialLeave: z.array(specialLeaveSchema).check(z.minLength(1)),
    term: z.object({
      /** Art 5.1: the first half ends on this month/day. */
      firstHalfEnds: z.object({ month: int(1, 12), day: int(1, 31) }),
      /** Art 5.1, Note 2: a term lasts this many months. */
      termMonths: int(1),
      /** Art 5.3, Note 3: longest participation in JET years. */
      maxYears: int(1),
      /** Art 5.3: re-appointment into this JET year or later is an exception (a warning). */
      reappointmentWarningFromYear: int(1),
      /** Note 2.3: April arrivals from these countries get no bridge term. */
      bridgeExemptCountries: z.array(code(/^[A-Z]{2}$/, 'a two-letter country code')),
      /** Note 3: longest participation, in months (5 years 4 months). */
      maxParticipationMonths: int(1),
      /** Art 6: notice before the leaving day, in days. */
      resignationNoticeDays: int(0),
      /** P-3: the JET year of a term is the participation year in which it starts. */
      jetYearOfTerm: z.enum(['year-in-which-term-starts']),
      /** Note 2.2: cohort arrival dates announced by CLAIR, by fiscal year (April). */
      cohortArrivals: z.record(code(/^\d{4}$/, 'a fiscal year such as 2023'), z.partial(z.object({ S1: isoDate, S2: isoDate, S3: isoDate, A1: isoDate, A2: isoDate }))),
    }),
    travel: z.object({
      /** Art 9.2.2: no employment in Japan within this many months from the day after the term. */
      noEmploymentMonths: int(0),
      /** Art 9.2.3: departure for home within this many months from the day after the term. */
      departWithinMonths: int(1),
    }),
    suspensionPay: z.object({
      workRelatedPercent: percent, // Art 28.1 (less compensation benefits)
      illnessFullUntilDay: int(1), // Art 28.2
      illnessHalfUntilDay: int(1), // Art 28.2
      illnessReducedPercent: percent, // Art 28.2
      indictmentPercent: percent, // Art 28.3
    }),
    // ---- the leave ledger and the month's pay (RULES.md §12, issue 11) ----
    partialLeave: z.object({
      /** Art 14-3.1: the day's hours less this many minutes is the daily cap (7 h − 5 h 45 = 1 h 15). */
      minWorkedMinutes: int(0, 1440),
      /** Art 14-3.1: with nursing (Art 14.1.10) or care time (Art 14.1.16) that day, at most this less that time. */
      withNursingOrCareMaxMinutes: int(0, 1440),
      /** Art 14-3.2: taken in units of this many minutes. */
      unitMinutes: int(1, 1440),
      /** Art 14-3.1: for a child under this age in years. */
      childUnderYears: int(1, 18),
    }),
    childcareLeave: z.object({
      /** Art 14-2.1: until the child reaches this age in months (1 year 6 months). */
      untilChildMonths: int(1, 120),
      /** Art 14-2.1: in the cases the ordinance names (2 years). */
      extendedUntilChildMonths: int(1, 120),
      /** Art 14-2.1: at most this many times per child, apart from the two exceptions. */
      maxTimesPerChild: int(1, 10),
    }),
    monthPay: z.object({
      /** D-9: a month's deduction is taken from the next month's pay (翌月精算) or from the same month's. */
      deductionTaken: z.enum(['next-month', 'same-month']),
      /** D-13: a whole day of unpaid leave or absence counts the day's hours (workingTime.dailyHours). */
      unpaidDayCounts: z.enum(['daily-hours']),
      /** P-4: one day's average pay for a pay cut: the pay of the 3 months before ÷ their calendar days (労基法 Art 12.1). */
      payCutDailyAverage: z.enum(['three-months-before']),
      /** P-4: 平均賃金 is computed to the sen, below a sen cut (労基法 Art 12, 銭未満切捨て). */
      dailyAverageSenRounding: roundingSchema,
    }),
  })
  .check(
    z.superRefine((r, ctx) => {
    // Checks run even when a field above failed: read defensively.
    if (r.pay?.monthlyByYear?.length < r.term?.maxYears) {
      ctx.addIssue({ code: 'custom', path: ['pay', 'monthlyByYear'], message: `needs an amount for each of the ${r.term.maxYears} years of term.maxYears` });
    }
    if (r.annualLeave?.firstGrantDays > r.annualLeave?.daysPerTerm) {
      ctx.addIssue({ code: 'custom', path: ['annualLeave', 'firstGrantDays'], message: 'cannot exceed annualLeave.daysPerTerm' });
    }
    if (r.suspensionPay?.illnessHalfUntilDay < r.suspensionPay?.illnessFullUntilDay) {
      ctx.addIssue({ code: 'custom', path: ['suspensionPay', 'illnessHalfUntilDay'], message: 'cannot be before illnessFullUntilDay' });
    }
    const items = Array.isArray(r.specialLeave) ? r.specialLeave.map((s) => s?.item) : [];
    if (new Set(items).size !== items.length) ctx.addIssue({ code: 'custom', path: ['specialLeave'], message: 'item numbers must be unique' });
    }),
  );
export type AltRuleset = z.infer<typeof altRulesetSchema>;

export const payerSchema = z.enum(['clair', 'sending', 'sending-subsidised', 'none']);
export type Payer = z.infer<typeof payerSchema>;
export const costItems = ['salary', 'stayExpenses', 'relocationTravel', 'businessTravel'] as const;
export type CostItem = (typeof costItems)[number];
export const dispatchForms = ['headquarters', 'overseas'] as const;
export type DispatchForm = (typeof dispatchForms)[number];

const costTable = z.object({ salary: payerSchema, stayExpenses: payerSchema, relocationTravel: payerSchema, businessTravel: payerSchema });

export const clairRulesetSchema = z
  .object({
    id: code(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    kind: z.literal('clair'),
    version: int(0),
    title: text2,
    source: nonEmpty(),
    offices: z
      .array(
        z.object({
          code: code(/^[A-Z]{3}$/, 'a three-letter office code'),
          en: nonEmpty(),
          ja: nonEmpty(),
          aliases: z.array(nonEmpty()),
          /** CLAIR: 滞在経費助成金 — the subsidy cap in yen. */
          capYen: yenAmount,
          countries: z.array(code(/^[A-Z]{2}$/, 'a two-letter country code')).check(z.minLength(1)),
        }),
      )
      .check(z.minLength(1)),
    /** D-7: the cap applies per fiscal year (April–March). */
    capPeriod: z.literal('fiscal-year'),
    /** D-7: rounding of a prorated cap (cap × months ÷ 12). */
    capProrationRounding: roundingSchema,
    /** CLAIR: 職員の派遣形態 — years at headquarters and at an overseas office. */
    forms: z.object({
      headquarters: z.object({ headquartersYears: int(0), overseasYears: int(0), costs: costTable, position: text2 }),
      overseas: z.object({ headquartersYears: int(0), overseasYears: int(0), costs: costTable, position: text2 }),
    }),
    languageTargets: z.array(z.object({ language: text2, test: text2, level: text2, aliases: z.array(z.string()) })).check(z.minLength(1)),
    headquartersHours: z.object({
      start: code(/^\d{2}:\d{2}$/, 'a time as HH:MM'),
      end: code(/^\d{2}:\d{2}$/, 'a time as HH:MM'),
      breakStart: code(/^\d{2}:\d{2}$/, 'a time as HH:MM'),
      breakEnd: code(/^\d{2}:\d{2}$/, 'a time as HH:MM'),
      annualLeaveDays: int(0),
      carryOver: z.boolean(),
    }),
  })
  .check(
    z.superRefine((r, ctx) => {
    const seen = new Map<string, string>();
    (Array.isArray(r.offices) ? r.offices : []).forEach((o, i) => {
      for (const c of Array.isArray(o?.countries) ? o.countries : []) {
        if (seen.has(c)) ctx.addIssue({ code: 'custom', path: ['offices', i, 'countries'], message: `country ${c} is already covered by ${seen.get(c)}` });
        seen.set(c, o.code);
      }
    });
    }),
  );
export type ClairRuleset = z.infer<typeof clairRulesetSchema>;
