// The findings each corpus workbook (books.ts) must give, worked out by hand from the rules before
// the tool was run: [sheet, row, field, severity, rule]. `skipped` are the rows that are not people
// (label, blank, total, ※ note): each gets a note and never a finding.
//
// Pay table (Art 7.1): year 1 ¥280,000, 2 ¥300,000, 3 ¥325,000, 4–5 ¥330,000.
// Terms (Note 2.2–2.3, S1/S2): term 1 runs from the day after arrival for one year; each later term
// starts the day after the previous one ends. Arrival 2023-07-30 → term 2 = 2024-07-31…2025-07-30;
// arrival 2024-08-06 → term 1 = 2024-08-07…2025-08-06; arrival 2022-08-06 → term 3 = 2024-08-07…2025-08-06.

export type Expected = [sheet: string, row: number, field: string, severity: 'error' | 'warning', rule: string];

export interface BookExpectation {
  findings: Expected[];
  skipped: [sheet: string, row: number][];
  /** Sheets and what they are recognised as. */
  kinds: Record<string, 'roster' | 'claims' | 'ledger' | 'pay' | 'unknown'>;
}

export const EXPECTED: Record<string, BookExpectation> = {
  '01-board-roster.xlsx': {
    kinds: { ALT名簿: 'roster' },
    findings: [
      ['ALT名簿', 3, 'cohort', 'warning', 'Note 2.2'], // no 来日区分 column: the cohort check is skipped, said once
      ['ALT名簿', 7, 'monthlyPay', 'error', 'Art 7.1'], // 年次 3 → ¥325,000, the sheet says 330,000円
      ['ALT名簿', 10, 'termEnd', 'error', 'Art 5.1, Note 2'], // R7.7.31, but term 2 from arrival R5.7.30 ends 2025-07-30
      ['ALT名簿', 11, 'termStart', 'error', 'Note 2.2'], // R6.8.8, but term 1 starts the day after arrival R6.8.6: 2024-08-07
      ['ALT名簿', 12, 'year', 'error', 'Note 2.3, D-11'], // 年次 3 on term 2 (summer arrival: term n is year n)
      ['ALT名簿', 13, 'name', 'warning', 'input'], // Emily Smith again; row 5 is under 【小学校（兼務）】: the rows must agree (pay differs)
      ['ALT名簿', 13, 'monthlyPay', 'error', 'Art 7.1'], // 年次 2 → ¥300,000, the row says 280,000
    ],
    skipped: [['ALT名簿', 4], ['ALT名簿', 8], ['ALT名簿', 9], ['ALT名簿', 14], ['ALT名簿', 15]],
  },
  '02-two-row-header.xlsx': {
    kinds: { 名簿: 'roster' },
    findings: [
      ['名簿', 3, 'cohort', 'warning', 'Note 2.2'], // the header is rows 2–3; no cohort column
      ['名簿', 5, 'termEnd', 'error', 'Art 5.1, Note 2'], // 至 2025/8/7; term 1 from arrival 2024/8/6 ends 2025-08-06
    ],
    skipped: [['名簿', 6]],
  },
  '03-period-column.xlsx': {
    kinds: { 任用一覧: 'roster' },
    findings: [
      ['任用一覧', 1, 'cohort', 'warning', 'Note 2.2'],
      ['任用一覧', 3, 'termEnd', 'error', 'Art 5.1, Note 2'], // 2024/8/7-2025/8/7: the end should be 2025-08-06
      ['任用一覧', 4, 'monthlyPay', 'error', 'Art 7.1'], // 来日年数 2 → ¥300,000, not 280,000
    ],
    skipped: [],
  },
  '04-one-sheet-per-school.xlsx': {
    kinds: { '〇〇小学校': 'roster', '△△中学校': 'roster', '集計': 'unknown' },
    findings: [
      ['〇〇小学校', 4, 'monthlyPay', 'error', 'Art 7.1'], // 年次 2 → ¥300,000, not 280,000
      ['△△中学校', 3, 'year', 'error', 'Art 5.3, Note 3'], // 年次 0: JET years are 1–5
    ],
    skipped: [['△△中学校', 4], ['△△中学校', 5]],
  },
  '05-claims-finance.xlsx': {
    kinds: { 請求一覧: 'claims' },
    findings: [
      ['請求一覧', 5, 'claimed', 'error', 'CLAIR: 滞在経費助成金, D-7'], // London 5,040,000 × 6 ÷ 12 = 2,520,000 < 2,600,000
      ['請求一覧', 6, 'claimed', 'error', 'CLAIR: 滞在経費助成金'], // Seoul cap 3,240,000 < ３，３００，０００
    ],
    skipped: [['請求一覧', 7], ['請求一覧', 8]],
  },
  '06-claims-duplicate.xlsx': {
    kinds: { 申請: 'claims' },
    findings: [
      ['申請', 4, 'fiscalYear', 'error', 'D-7'], // New York, FY2026, 高橋 一郎 a second time (first on row 2)
      ['申請', 5, 'office', 'error', 'CLAIR: 担当地域'], // 東京 is no overseas office
    ],
    skipped: [['申請', 3], ['申請', 6]],
  },
  '07-other-words.xlsx': {
    kinds: { Sheet1: 'roster' },
    findings: [
      ['Sheet1', 1, 'cohort', 'warning', 'Note 2.2'],
      ['Sheet1', 3, 'term', 'error', 'Art 5.3, Note 3, D-8'], // term 6: a summer arrival has at most 5
    ],
    skipped: [],
  },
  '08-no-term-start.xlsx': {
    kinds: { 名簿: 'roster' },
    findings: [
      ['名簿', 1, 'cohort', 'warning', 'Note 2.2'],
      ['名簿', 1, 'termStart', 'warning', 'Note 2.2–2.3'], // no term-start column: said, with 勤務校 as the candidate
      ['名簿', 3, 'monthlyPay', 'error', 'Art 7.1'], // 年次 1 → ¥280,000, not 300,000
    ],
    skipped: [],
  },
  '09-kenmu.xlsx': {
    kinds: { 名簿: 'roster' },
    findings: [
      ['名簿', 1, 'cohort', 'warning', 'Note 2.2'],
      ['名簿', 3, 'name', 'warning', 'input'], // Ivy Evans again, 兼務: a warning that the rows must agree
      ['名簿', 5, 'name', 'error', 'input'], // Sam Reed twice, no 兼務: a duplicate
    ],
    skipped: [],
  },
  '10-ledger-header.xlsx': {
    kinds: { 名簿: 'roster', 休暇簿: 'ledger' },
    findings: [
      ['休暇簿', 4, 'from', 'error', 'input'], // 令和6年2月30日 does not exist
    ],
    skipped: [['休暇簿', 5], ['休暇簿', 6]],
  },
  '11-pay-header.xlsx': {
    kinds: { 名簿: 'roster', 給与点検: 'pay' },
    findings: [
      // November 2024, a full month of year 1: ¥280,000, not 300,000. (August: 18 of August's 22
      // weekdays from the 7th → 280,000 × 18 ÷ 22 = 229,090.9 → ¥229,090, as the sheet says.)
      ['給与点検', 5, 'paid', 'error', 'Art 7, 8, D-12, D-13'],
    ],
    skipped: [['給与点検', 6], ['給与点検', 7]],
  },
  '12-bilingual-headers.xlsx': {
    kinds: { 'Roster 名簿': 'roster' },
    findings: [
      ['Roster 名簿', 3, 'termStart', 'error', 'Note 2.3'], // term 3 from arrival 2022-08-06 starts 2024-08-07, not 08-08
      ['Roster 名簿', 4, 'year', 'error', 'Art 5.3, Note 3'], // 年次 6: JET years are 1–5
    ],
    skipped: [['Roster 名簿', 5]],
  },
};
