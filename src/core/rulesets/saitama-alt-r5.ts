// 外国語指導助手取扱要綱（埼玉県教育委員会）令和5年度 第37期 — RULES.md §2–10.

export const saitamaAltR5 = {
  id: 'saitama-alt-r5',
  kind: 'alt',
  version: 2023,
  title: { en: 'Saitama ALT rules, FY2023 (37th cohort)', ja: '埼玉県 外国語指導助手取扱要綱 令和5年度 第37期' },
  source: '外国語指導助手取扱要綱《令和5年度第37期前半・後半任期用》埼玉県教育委員会',
  pay: {
    monthlyByYear: [280_000, 300_000, 325_000, 330_000, 330_000], // Art 7.1 (程度)
    payDay: 21, // Art 7.2
    payDayShift: 'earlier', // Art 7.2: その日前においてその日に最も近い…日
    prorationRounding: 'floor', // D-2
    hourlyRounding: 'half-up', // D-3
    weeksPerYear: 52, // Art 7.4
  },
  workingTime: {
    weeklyHours: 35, // Art 10.1
    dailyHours: 7, // Art 10.2
    breakMinutes: 45, // Art 10.2
    maxDailyHours: 8, // Art 10.4, 10.5
    maxWeeklyHours: 40, // Art 10.4
    exchangeWindowWeeks: 4, // Art 10.3
    minRestDaysPerWeek: 1, // Art 10.4
    weekStartsOn: 0, // Art 2.3
  },
  deduction: { roundUpFromMinutes: 30 }, // Art 8.2
  discipline: {
    cutPerInstance: { numerator: 1, denominator: 2 }, // Art 27.2.2: 平均報酬の1日分の半額
    monthlyCap: { numerator: 1, denominator: 10 }, // Art 27.2.2: 報酬の10分の1
    cutRounding: 'floor', // P-1
    maxSuspensionDays: 7, // Art 27.2.3
  },
  annualLeave: {
    daysPerTerm: 20, // Art 12.1
    firstGrantDays: 10, // Art 12.1
    secondGrantAfterMonths: 3, // Art 12.1, D-4
    hoursPerDay: 7, // Art 12.1
    maxCarryDays: 20, // Art 12.2
    takeCarriedFirst: true, // D-5
  },
  sickLeave: {
    maxDays: 20, // Art 13.2
    joinIfGapLessThanDays: 7, // Art 13.2, D-6
    certificateAfterDays: 3, // Art 30.3
    suspensionAfterDays: 20, // Art 26.2.1
  },
  specialLeave: [
    {
      item: 1, ja: '忌引', en: 'Bereavement', limit: 10, unit: 'consecutive-days', paid: true, notice: 'approval', clause: 'Art 14.1.1',
      variants: [{ key: 'sibling-grandparent', en: 'sibling or grandparent', ja: '兄弟姉妹・祖父母', limit: 5 }],
      note: { en: '10 consecutive days for a parent, spouse or child; 5 for a sibling or grandparent', ja: '父母・配偶者・子は連続10日、兄弟姉妹・祖父母は連続5日' },
    },
    { item: 2, ja: '結婚', en: 'Own wedding', limit: 5, unit: 'consecutive-days', paid: true, notice: 'approval', clause: 'Art 14.1.2', variants: [] },
    { item: 3, ja: '災害による住居の損壊', en: 'Home damaged by a disaster', limit: null, unit: 'as-needed', paid: true, notice: 'approval', clause: 'Art 14.1.3', variants: [] },
    { item: 4, ja: '交通途絶', en: 'Transport disruption', limit: null, unit: 'as-needed', paid: true, notice: 'approval', clause: 'Art 14.1.4', variants: [] },
    {
      item: 5, ja: '不妊治療', en: 'Fertility treatment', limit: 5, unit: 'days-per-term', paid: true, notice: 'approval', clause: 'Art 14.1.5',
      variants: [{ key: 'ivf', en: 'IVF or ICSI', ja: '体外受精・顕微授精', limit: 10 }],
    },
    {
      item: 6, ja: '産前', en: 'Pre-natal leave', limit: 6, unit: 'weeks', paid: true, notice: 'report', clause: 'Art 14.1.6',
      variants: [{ key: 'multiple', en: 'multiple pregnancy', ja: '多胎妊娠', limit: 14 }],
    },
    {
      item: 7, ja: '産後', en: 'Post-natal leave', limit: 8, unit: 'weeks', paid: true, notice: 'report', clause: 'Art 14.1.7', variants: [],
      note: { en: 'work allowed after 6 weeks on request with a doctor’s consent', ja: '産後6週間経過後は本人の申出と医師の承認で就業可' },
    },
    { item: 8, ja: '妻の出産', en: "Spouse's childbirth", limit: 2, unit: 'days', paid: true, notice: 'approval', clause: 'Art 14.1.8', variants: [] },
    { item: 9, ja: '男性の育児参加', en: "Childcare around the spouse's childbirth", limit: 5, unit: 'days', paid: true, notice: 'approval', clause: 'Art 14.1.9', variants: [] },
    { item: 10, ja: '保育時間', en: 'Nursing time (child under 1)', limit: 60, unit: 'minutes-per-day', paid: false, notice: 'approval', clause: 'Art 14.1.10', variants: [], note: { en: 'twice a day, 30 minutes each', ja: '1日2回それぞれ30分以内' } },
    {
      item: 11, ja: '子の看護', en: 'Caring for a sick child', limit: 5, unit: 'days', paid: false, notice: 'approval', clause: 'Art 14.1.11',
      variants: [{ key: 'two-or-more', en: 'two or more children', ja: '子が複数', limit: 10 }],
    },
    { item: 12, ja: '生理日の就業困難', en: 'Menstrual leave', limit: null, unit: 'as-needed', paid: false, notice: 'approval', clause: 'Art 14.1.12', variants: [] },
    { item: 13, ja: '母子保健の指導事項', en: 'Maternal health guidance', limit: null, unit: 'as-needed', paid: false, notice: 'approval', clause: 'Art 14.1.13', variants: [] },
    {
      item: 14, ja: '短期介護', en: 'Short-term family care', limit: 5, unit: 'days-per-term', paid: false, notice: 'approval', clause: 'Art 14.1.14',
      variants: [{ key: 'two-or-more', en: 'two or more persons cared for', ja: '要介護者が複数', limit: 10 }],
    },
    {
      item: 15, ja: '介護休暇', en: 'Care leave', limit: 93, unit: 'days', paid: false, notice: 'approval', clause: 'Art 14.1.15', variants: [],
      note: { en: 'per person cared for, in at most 3 periods', ja: '要介護者ごとに3回以内・通算93日' },
    },
    {
      item: 16, ja: '介護時間', en: 'Care time', limit: 2, unit: 'hours-per-day', paid: false, notice: 'approval', clause: 'Art 14.1.16', variants: [],
      note: { en: 'within 3 consecutive years per person cared for', ja: '要介護者ごとに連続3年以内' },
    },
    { item: 17, ja: '骨髄等の提供', en: 'Bone marrow or stem cell donation', limit: null, unit: 'as-needed', paid: false, notice: 'approval', clause: 'Art 14.1.17', variants: [] },
    { item: 18, ja: '妊産婦の保健指導・健康診査', en: 'Maternal health check-ups', limit: null, unit: 'as-needed', paid: true, notice: 'approval', clause: 'Art 14.1.18', variants: [] },
    { item: 19, ja: '妊娠中の休息・補食', en: 'Rest and meals during pregnancy', limit: null, unit: 'as-needed', paid: true, notice: 'approval', clause: 'Art 14.1.19', variants: [] },
    { item: 20, ja: '妊娠中の通勤緩和', en: 'Commuting relief during pregnancy', limit: 1, unit: 'hours-per-day', paid: true, notice: 'approval', clause: 'Art 14.1.20', variants: [] },
    {
      item: 21, ja: '夏季休暇', en: 'Summer leave', limit: 4, unit: 'days', paid: true, notice: 'approval', clause: 'Art 14.1.21', variants: [],
      note: { en: 'within July–September of one year', ja: '7月から9月までの期間内' },
    },
    { item: 22, ja: 'その他所属長が認める場合', en: 'Other leave approved by the head of office', limit: null, unit: 'as-needed', paid: true, notice: 'approval-with-reason', clause: 'Art 14.1.22', variants: [] },
  ],
  term: {
    firstHalfEnds: { month: 3, day: 31 }, // Art 5.1
    termMonths: 12, // Art 5.1, Note 2.2–2.3
    maxYears: 5, // Art 5.3, Note 3
    reappointmentWarningFromYear: 4, // Art 5.3
    bridgeExemptCountries: ['CN', 'KR', 'BR', 'PE'], // Note 2.3
    maxParticipationMonths: 64, // Note 3: 5 years 4 months
    resignationNoticeDays: 30, // Art 6, P-2
    jetYearOfTerm: 'year-in-which-term-starts', // P-3
    cohortArrivals: {}, // announced by CLAIR each year; give them as arguments or in a user ruleset
  },
  travel: { noEmploymentMonths: 1, departWithinMonths: 1 }, // Art 9.2.2, 9.2.3
  suspensionPay: {
    workRelatedPercent: 100, // Art 28.1 (less compensation benefits)
    illnessFullUntilDay: 30, // Art 28.2
    illnessHalfUntilDay: 60, // Art 28.2
    illnessReducedPercent: 50, // Art 28.2
    indictmentPercent: 60, // Art 28.3
  },
  // ---- the leave ledger and the month's pay (RULES.md §12, issue 11) ----
  partialLeave: {
    minWorkedMinutes: 345, // Art 14-3.1: 勤務時間から5時間45分を減じた時間
    withNursingOrCareMaxMinutes: 120, // Art 14-3.1: 2時間から保育時間又は介護時間を減じた時間
    unitMinutes: 30, // Art 14-3.2
    childUnderYears: 3, // Art 14-3.1
  },
  childcareLeave: {
    untilChildMonths: 18, // Art 14-2.1: 1歳6か月
    extendedUntilChildMonths: 24, // Art 14-2.1: 2歳（条例で定める場合）
    maxTimesPerChild: 2, // Art 14-2.1
  },
  monthPay: {
    deductionTaken: 'next-month', // D-9
    unpaidDayCounts: 'daily-hours', // D-13
    payCutDailyAverage: 'three-months-before', // P-4
    dailyAverageSenRounding: 'floor', // P-4
  },
} as const;
