// Roster and claims columns (README "Checking a roster") and how each cell is read: a cell schema per kind
// of field, with its messages in English and Japanese.

import {
  CohortCode,
  DateSystem,
  Day,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  assertSupportedDay,
  dayFromSerial,
  readDateText,
  readNumberText,
  findCountry,
  parseCohort,
  Country,
} from '../core';

/** A cell as the adapters hand it over: Excel's value, or the error a formula returned. */
export type Cell = number | string | boolean | null | undefined | { error: string };

export type RosterField =
  | 'name' | 'country' | 'cohort' | 'arrival' | 'term' | 'year' | 'termStart' | 'termEnd'
  | 'monthlyPay' | 'leaveUsedHours' | 'leaveLeft' | 'carriedLeave' | 'sickDays' | 'summer2Arrival' | 'april1Arrival';
export type ClaimsField = 'office' | 'fiscalYear' | 'claimed' | 'months' | 'name';
export type Field = RosterField | ClaimsField;

export const ROSTER_HEADERS: Record<RosterField, string[]> = {
  name: ['Name', '氏名'],
  country: ['Country', 'Nationality', '国籍'],
  cohort: ['Cohort', '来日区分'],
  arrival: ['Arrival', 'Arrival date', '来日日'],
  term: ['Term', '任用回数'],
  year: ['Year', 'JET year', '任用年数', '来日年数', '年次'],
  termStart: ['Term start', '任期開始'],
  termEnd: ['Term end', '任期終了'],
  monthlyPay: ['Monthly pay', '月額報酬'],
  leaveUsedHours: ['Leave used (hours)', '年休使用時間'],
  leaveLeft: ['Leave left', '年休残日数', '年休残', '残日数'],
  carriedLeave: ['Carried leave', '繰越日数'],
  sickDays: ['Sick days', '病休日数'],
  summer2Arrival: ['Summer 2 arrival', '夏季②来日日'],
  april1Arrival: ['April 1 arrival', '4月①来日日'],
};

export const CLAIMS_HEADERS: Record<ClaimsField, string[]> = {
  office: ['Office', '事務所'],
  fiscalYear: ['Fiscal year', '年度'],
  claimed: ['Claimed', '請求額'],
  months: ['Months', '月数'],
  name: ['Name', '氏名'],
};

/** A header as compared: NFKC (any width), lower case, spaces collapsed, trimmed. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function index<F extends string>(table: Record<F, string[]>): Map<string, F> {
  const m = new Map<string, F>();
  for (const [field, names] of Object.entries(table) as [F, string[]][]) for (const n of names) m.set(headerKey(n), field);
  return m;
}
export const ROSTER_BY_HEADER = index(ROSTER_HEADERS);
export const CLAIMS_BY_HEADER = index(CLAIMS_HEADERS);

// ---- cell parsing -------------------------------------------------------------------------------

export interface Msg {
  en: string;
  ja: string;
}

/** The bilingual text of every cell problem, in one place. */
const MESSAGES = {
  formula: (v: string): Msg => ({ en: `the cell holds the error ${v}, not a value`, ja: `セルがエラー ${v} になっています` }),
  notDate: (v: string): Msg => ({ en: `"${v}" is not a date; write a date or YYYY-MM-DD`, ja: `「${v}」は日付ではありません。日付か YYYY-MM-DD で入力してください` }),
  dateRange: (v: string): Msg => ({ en: `${v} is outside 1980–2099 (D-1)`, ja: `${v} は対応範囲（1980〜2099年）の外です（D-1）` }),
  notNumber: (v: string): Msg => ({ en: `"${v}" is not a number`, ja: `「${v}」は数値ではありません` }),
  notWhole: (v: string, min: number, max: number): Msg => ({ en: `${v} must be a whole number from ${min} to ${max}`, ja: `${v} は${min}〜${max}の整数でなければなりません` }),
  outOfRange: (v: string, min: number, max: number): Msg => ({ en: `${v} must be from ${min} to ${max}`, ja: `${v} は${min}〜${max}の範囲でなければなりません` }),
  notYen: (v: string): Msg => ({ en: `${v} must be whole yen, zero or more`, ja: `${v} は0以上の円単位の整数でなければなりません` }),
  unknownCountry: (v: string): Msg => ({ en: `unknown country "${v}"`, ja: `不明な国籍「${v}」` }),
  unknownCohort: (v: string): Msg => ({ en: `unknown cohort "${v}"; use S1, S2, S3, A1, A2 (夏季①②③, 4月①②)`, ja: `不明な来日区分「${v}」。S1、S2、S3、A1、A2（夏季①②③、4月①②）で入力してください` }),
  notFiscalYear: (v: string): Msg => ({ en: `"${v}" is not a fiscal year; write 2026, 2026年度 or 令和8年度`, ja: `「${v}」は年度ではありません。2026、2026年度、令和8年度 のように入力してください` }),
  notText: (v: string): Msg => ({ en: `${v} is not text`, ja: `${v} は文字列ではありません` }),
} as const;

const shown = (c: Cell): string => (typeof c === 'object' && c !== null ? c.error : String(c));

/** What a reader returns when a cell cannot be read. */
class Problem {
  constructor(readonly msg: Msg) {}
}

/** A cell schema that yields T, or an issue whose message is the bilingual text as JSON. */
export interface CellSchema<T> {
  safeParse(cell: Cell): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}
type Value = Exclude<Cell, null | undefined | { error: string }>;

function cellSchema<T>(read: (c: Value) => T | Problem): CellSchema<T> {
  return {
    safeParse(c: Cell) {
      const r = typeof c === 'object' && c !== null ? new Problem(MESSAGES.formula(c.error)) : read(c as Value);
      return r instanceof Problem ? { success: false, error: { issues: [{ message: JSON.stringify(r.msg) }] } } : { success: true, data: r };
    },
  };
}

const problem = (m: Msg) => new Problem(m);

export function dateSchema(system: DateSystem): CellSchema<Day> {
  return cellSchema<Day>((c) => {
    let day: Day | undefined;
    if (typeof c === 'number') {
      try {
        day = dayFromSerial(c, system);
      } catch {
        return problem(MESSAGES.notDate(String(c)));
      }
    } else if (typeof c === 'string') {
      // The one date reader of functions, sheets and pane (README "The worksheet functions": Japanese forms too).
      const read = readDateText(c);
      if (read && !read.ok) return problem({ en: read.en, ja: read.ja });
      day = read?.value;
    }
    if (day === undefined) return problem(MESSAGES.notDate(shown(c)));
    try {
      return assertSupportedDay(day);
    } catch {
      return problem(MESSAGES.dateRange(shown(c)));
    }
  });
}

function toNumber(c: string | number | boolean): number | undefined {
  if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
  // The one number reader of functions, sheets and pane (`¥280,000`, full width).
  if (typeof c === 'string') return readNumberText(c);
  return undefined;
}

export const intSchema = (min: number, max: number): CellSchema<number> =>
  cellSchema<number>((c) => {
    const n = toNumber(c);
    if (n === undefined) return problem(MESSAGES.notNumber(shown(c)));
    return Number.isInteger(n) && n >= min && n <= max ? n : problem(MESSAGES.notWhole(shown(c), min, max));
  });

export const numberSchema = (min: number, max: number): CellSchema<number> =>
  cellSchema<number>((c) => {
    const n = toNumber(c);
    if (n === undefined) return problem(MESSAGES.notNumber(shown(c)));
    return n >= min && n <= max ? n : problem(MESSAGES.outOfRange(shown(c), min, max));
  });

export const yenSchema: CellSchema<number> = cellSchema<number>((c) => {
  const n = toNumber(c);
  if (n === undefined) return problem(MESSAGES.notNumber(shown(c)));
  return Number.isInteger(n) && n >= 0 && n <= 1e11 ? n : problem(MESSAGES.notYen(shown(c)));
});

/** A leave balance as written (days, 9.5, 9日5時間30分): kept as typed, read with the ruleset's day (readLeaveAmount). */
export const leaveAmountCellSchema: CellSchema<number | string> = cellSchema<number | string>((c) => (typeof c === 'number' || typeof c === 'string' ? c : problem(MESSAGES.notNumber(shown(c)))));

export const textSchema: CellSchema<string> = cellSchema<string>((c) => (typeof c === 'string' ? c.trim() : typeof c === 'number' ? String(c) : problem(MESSAGES.notText(shown(c)))));

export const countrySchema: CellSchema<Country> = cellSchema<Country>((c) => (typeof c === 'string' && findCountry(c)) || problem(MESSAGES.unknownCountry(shown(c))));

export const cohortSchema: CellSchema<CohortCode> = cellSchema<CohortCode>((c) => {
  try {
    return parseCohort(String(c));
  } catch {
    return problem(MESSAGES.unknownCohort(shown(c)));
  }
});

const ERAS: [RegExp, number][] = [
  [/^(?:令和|r)(\d{1,2}|元)/, 2018],
  [/^(?:平成|h)(\d{1,2}|元)/, 1988],
];

export const fiscalYearSchema: CellSchema<number> = cellSchema<number>((c) => {
  const t = String(c).normalize('NFKC').toLowerCase().replace(/\s|年度|fy/g, '');
  let y: number | undefined;
  if (/^\d{4}$/.test(t)) y = Number(t);
  for (const [re, base] of ERAS) {
    const m = re.exec(t);
    if (m && m[0].length === t.replace(/\.$/, '').length) y = base + (m[1] === '元' ? 1 : Number(m[1]));
  }
  if (y === undefined || !Number.isInteger(y)) return problem(MESSAGES.notFiscalYear(shown(c)));
  return y >= FIRST_SUPPORTED_YEAR && y <= LAST_SUPPORTED_YEAR ? y : problem(MESSAGES.dateRange(shown(c)));
});

/** Reads a cell with a schema: the value, or the bilingual message of the first problem. */
export function readCell<T>(schema: CellSchema<T>, cell: Cell): { ok: true; value: T } | { ok: false; msg: Msg } {
  const r = schema.safeParse(cell);
  if (r.success) return { ok: true, value: r.data };
  const raw = r.error.issues[0]?.message ?? '';
  try {
    return { ok: false, msg: JSON.parse(raw) as Msg };
  } catch {
    return { ok: false, msg: { en: raw, ja: raw } };
  }
}

export function isEmptyCell(c: Cell): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}
