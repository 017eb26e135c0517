// The shape of a ruleset: every amount, rate and decision that a rule reads, validated as a
// whole so that a malformed ruleset is rejected before any of it is used.

// zod/mini, set up (jitless, our messages) in ./zod.
import { dayFromIsoText } from '../days';
import * as z from './zod';

const nonEmpty = () => z.string().check(z.minLength(1));
const int = (min?: number, max?: number) => z.int().check(...(min === undefined ? [] : [z.minimum(min)]), ...(max === undefined ? [] : [z.maximum(max)]));
const num = (min?: number, max?: number) => z.number().check(...(min === undefined ? [] : [z.minimum(min)]), ...(max === undefined ? [] : [z.maximum(max)]));
/** Whole yen, at most ¥100,000,000: products with months and minutes stay exact below 2^53. */
const yenAmount = z.int().check(z.positive(), z.maximum(100_000_000));
const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  z.refine((s) => dayFromIsoText(s) !== undefined, 'a date that exists (e.g. not 31 February)'),
);
const text2 = z.object({ en: nonEmpty(), ja: nonEmpty() });
/** The period a ruleset is in force: from its first day, and optionally to its last. */
const inForce = z
  .object({ from: isoDate, to: z.optional(isoDate) })
  .check(z.refine((p) => p.to === undefined || p.from <= p.to, 'inForce.to cannot be before inForce.from'));
const family = () => z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'));
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
  limit: z.nullable(num(0.01, 10_000)),
  unit: z.enum(['consecutive-days', 'days', 'days-per-term', 'weeks', 'minutes-per-day', 'hours-per-day', 'as-needed']),
  /** Other names clerks write for the kind (夏休, 忌引き, 介護休暇…), read by the one kind reader. */
  aliases: z.optional(z.array(nonEmpty())),
  /**
   * Limits in named circumstances (e.g. multiple births, IVF, two or more children; the relative of
   * a bereavement, D-15). `words` are what a ledger kind or note says for it (祖母, grandmother…).
   */
  variants: z.array(z.object({ key: nonEmpty(), en: nonEmpty(), ja: nonEmpty(), limit: num(0.01, 10_000), words: z.optional(z.array(nonEmpty())) })),
  /**
   * D-15: when an entry names no variant and the variants' limits differ — 'largest-with-warning':
   * checked against the largest, with a warning above the smallest; 'smallest': checked against the smallest.
   */
  unnamedVariant: z.optional(z.enum(['largest-with-warning', 'smallest'])),
  /** The period a days-limit is counted in: the term, a calendar year, one event (a birth, D-16), or one person cared for over the whole service. */
  countedPer: z.optional(z.enum(['term', 'calendar-year', 'birth', 'person-cared-for'])),
  /** D-16: entries of one person more than this many days apart belong to different events (births), unless a note gives the date. */
  eventGapDays: z.optional(int(1, 3650)),
  /** Counted in calendar days, not working days (item 15: 通算93日 of the national care-leave rules). */
  calendarDays: z.optional(z.boolean()),
  /** At most this many separate spells in the counting period (item 15: 3回以内). */
  maxSpells: z.optional(int(1, 100)),
  /** Taken only within these months of one calendar year (item 21: July–September). */
  takenWithinMonths: z.optional(z.object({ from: int(1, 12), to: int(1, 12) })),
  /** Time of this kind on a day lowers that day's partial-leave cap (Art 14-3.1: nursing time, care time). */
  limitsPartialLeave: z.optional(z.boolean()),
  /** 労基法 Art 12.3: its days and their pay are left out of the average pay behind a pay cut (care leave; D-17). */
  leftOutOfAveragePay: z.optional(z.boolean()),
  /** Going over the limit is a warning with this reason, not an error (item 6: the birth may come later than expected). */
  overLimitWarns: z.optional(text2),
  /** Art 14.1.16: the limit is at most the daily working hours less this many minutes (5 h 45 = 345). */
  capDailyHoursLessMinutes: z.optional(int(0, 1440)),
  /** 「原則として」: the limit holds in principle, so going over it is the board's decision (a warning, not an error). Item 21. */
  limitInPrinciple: z.optional(z.boolean()),
  /** When the leave may be taken (Art 14.1 items 8, 9, 15, 18, 21). */
  window: z.optional(text2),
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
    /** Rulesets of one family form a history: on a date, the one in force applies. */
    family: family(),
    inForce,
    /** Larger is newer; the newest ruleset of a kind is the default. */
    version: int(0, 9999),
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
      weeksPerYear: int(1, 53),
    }),
    workingTime: z.object({
      weeklyHours: num(0.01, 168), // Art 10.1
      dailyHours: num(0.01, 24), // Art 10.2
      maxDailyHours: num(0.01, 24), // Art 10.4, 10.5
      maxWeeklyHours: num(0.01, 168), // Art 10.4 (労基法 Art 32)
      exchangeWindowWeeks: int(1, 52), // Art 10.3
      minRestDaysPerWeek: int(0, 7), // Art 10.4 (労基法 Art 35)
      /** Art 2.3: a week runs from Sunday (0) to Saturday. */
      weekStartsOn: int(0, 6),
    }),
    deduction: z.object({
      /** Art 8.2: a remainder of this many minutes or more counts as a full hour; less is dropped. */
      roundUpFromMinutes: int(1, 60),
      /** D-9: a month's deduction is taken from the next month's pay (the month's total exists only once it has ended), or from the same month's. */
      takenFrom: z.enum(['next-month', 'same-month']),
      /** D-9: in the last month of service (no re-appointment follows) there is no next pay: 'own-pay' takes that month's deduction from its own pay (Art 8.1); 'as-takenFrom' follows takenFrom. */
      lastMonthOfService: z.enum(['own-pay', 'as-takenFrom']),
    }),
    discipline: z.object({
      /** Art 27.2.2: each cut is this fraction of one day's average pay. */
      cutPerInstance: fraction,
      /** Art 27.2.2: all cuts in one month together at most this fraction of the month's pay. */
      monthlyCap: fraction,
      /** Art 27.2.3: longest suspension 停職, in days. */
      maxSuspensionDays: int(1, 365),
    }),
    annualLeave: z.object({
      daysPerTerm: int(1, 366), // Art 12.1
      firstGrantDays: int(0, 366), // Art 12.1
      /** D-4: the rest is granted once this many months (民法 Art 143) have passed. */
      secondGrantAfterMonths: int(0, 12),
      hoursPerDay: int(1, 24), // Art 12.1
      maxCarryDays: int(0, 366), // Art 12.2
      /** D-5: days taken come out of the carried-over days first. */
      takeCarriedFirst: z.boolean(),
    }),
    sickLeave: z.object({
      maxDays: int(1, 366), // Art 13.2
      /** D-6: periods with fewer than this many calendar days strictly between them are one. */
      joinIfGapLessThanDays: int(0, 366),
      /** Art 30.3: more than this many consecutive days need a doctor's certificate. */
      certificateAfterDays: int(0, 366),
      /** Art 26.2.1: more than this many consecutive days unable to work allow suspension. */
      suspensionAfterDays: int(1, 366),
    }),
    specialLeave: z.array(specialLeaveSchema).check(z.minLength(1)),
    term: z.object({
      /** Art 5.1: the first half ends on this month/day. */
      firstHalfEnds: z.object({ month: int(1, 12), day: int(1, 31) }),
      /** Art 5.1, Note 2: a term lasts this many months. */
      termMonths: int(1, 24),
      /** Art 5.3, Note 3: longest participation in JET years. */
      maxYears: int(1, 10),
      /** Art 5.3: re-appointment into this JET year or later is an exception (a warning). */
      reappointmentWarningFromYear: int(1, 10),
      /** Note 2.3: April arrivals from these countries get no bridge term. */
      bridgeExemptCountries: z.array(code(/^[A-Z]{2}$/, 'a two-letter country code')),
      /** Note 3: longest participation, in months (5 years 4 months). */
      maxParticipationMonths: int(1, 240),
      /** Art 6: notice before the leaving day, in days. */
      resignationNoticeDays: int(0, 365),
      /** D-10: 「N日前までに」 leaves N full days between notice and leaving (leaving day − N − 1), or is a plain difference (− N). */
      noticeCounting: z.enum(['full-days-between', 'days-before']),
      /** D-11: the JET year of a term; the bridge term is not a new year, or every term is one. */
      jetYearOfTerm: z.enum(['bridge-not-a-new-year', 'each-term-a-new-year']),
      /** Note 2.1: conditional appointment lasts this many months from the first day of each half. */
      conditionalMonths: int(1, 12),
      /** Note 2.2: cohort arrival dates announced by CLAIR, by fiscal year (April). */
      /** Note 2.2: April cohorts (A1, A2) arrive in these months; summer cohorts (S1–S3) in the others. A cohort that cannot fit its arrival is refused. */
      aprilCohortMonths: z.object({ from: int(1, 12), to: int(1, 12) }),
      cohortArrivals: z.record(code(/^\d{4}$/, 'a fiscal year such as 2023'), z.partial(z.object({ S1: isoDate, S2: isoDate, S3: isoDate, A1: isoDate, A2: isoDate }))),
    }),
    travel: z.object({
      /** Art 9.2.2: no employment in Japan within this many months from the day after the term. */
      noEmploymentMonths: int(0, 12),
      /** Art 9.2.3: departure for home within this many months from the day after the term. */
      departWithinMonths: int(1, 12),
    }),
    suspensionPay: z.object({
      workRelatedPercent: percent, // Art 28.1 (less compensation benefits)
      illnessFullUntilDay: int(1, 3650), // Art 28.2
      illnessHalfUntilDay: int(1, 3650), // Art 28.2
      illnessReducedPercent: percent, // Art 28.2
      indictmentPercent: percent, // Art 28.3
    }),
    // ---- the leave ledger and the month's pay (docs/rules.md §12) ----
    partialLeave: z.object({
      /** Art 14-3.1: the day's hours less this many minutes is the daily cap (7 h − 5 h 45 = 1 h 15). */
      minWorkedMinutes: int(0, 1440),
      /** Art 14-3.1: with nursing (Art 14.1.10) or care time (Art 14.1.16) that day, at most this less that time. */
      withNursingOrCareMaxMinutes: int(0, 1440),
      /** Art 14-3.2: taken in units of this many minutes. */
      unitMinutes: int(1, 1440),
      /** Art 14-3.1: for a child until it reaches this age in months (3歳に達するまで). */
      untilChildMonths: int(1, 240),
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
      /** Art 27.2.2's 平均報酬の1日分 (three months' pay ÷ their calendar days) is kept to the sen, rounded this way. */
      dailyAverageSenRounding: roundingSchema,
      /**
       * D-17: the calendar days behind one day's average pay — 'service-days' (労基法 Art 12.3, 12.6: from
       * the day of hire, leaving out childcare and care leave), or 'whole-months' (the three months' calendar days).
       */
      averagePayDays: z.enum(['service-days', 'whole-months']),
      /** D-14: a whole day of unpaid leave, absence or 停職 is a day at rate 0 (D-12: never more than the month's pay), or priced by its hours (D-13). */
      unpaidWholeDays: z.enum(['rate-zero', 'hours']),
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

export const payerSchema = z.enum(['clair', 'clair-on-joining', 'sending', 'sending-subsidised', 'none']);
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
    family: family(),
    inForce,
    version: int(0, 9999),
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
      annualLeaveDays: int(0, 366),
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
