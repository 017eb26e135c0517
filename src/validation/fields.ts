// Roster, claims, ledger and pay columns (docs/fields.md) and how each cell is read: a cell schema per kind
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
  | 'name' | 'country' | 'cohort' | 'arrival' | 'term' | 'year' | 'termStart' | 'termEnd' | 'termPeriod'
  | 'monthlyPay' | 'leaveUsedHours' | 'leaveLeft' | 'carriedLeave' | 'sickDays' | 'summer2Arrival' | 'april1Arrival';
export type ClaimsField = 'office' | 'fiscalYear' | 'claimed' | 'months' | 'name';
export type LedgerField = 'name' | 'from' | 'to' | 'kind' | 'hours' | 'days' | 'note' | 'leaveLeft';
export type PayField = 'name' | 'month' | 'paid';
export type Field = RosterField | ClaimsField | LedgerField | PayField;
export type SheetKindName = 'roster' | 'claims' | 'ledger' | 'pay';

// The words clerks write over each column (CONTRACT §3–§4 as a floor, and what Japanese boards of
// education and finance sections write). Compared by headerKey: width, case, spaces, brackets,
// a trailing unit in brackets and a leading ※/No./number do not matter. docs/fields.md is generated from these tables.

/** Two-row headers: a period parent over its start and end children (任用期間 over 自 / 至). */
const periodPairs = (parents: string[], side: 'start' | 'end'): string[] =>
  parents.flatMap((p) => (side === 'start' ? ['自', '始', '開始', 'から', 'start', 'from'] : ['至', '終', '終了', 'まで', 'end', 'to']).map((c) => `${p}（${c}）`));
const TERM_PARENTS = ['任用期間', '任期', '契約期間', '雇用期間', '任用予定期間', '期間'];

export const ROSTER_HEADERS: Record<RosterField, string[]> = {
  name: ['Name', 'Full name', 'ALT name', '氏名', '名前', '職員名', '派遣職員名', '氏名（英字）', '氏名（ローマ字）', '氏名（英語）', '英字氏名', 'ALT氏名', 'ALT名', '外国語指導助手氏名', '指導助手名', '講師名', '職員氏名'],
  country: ['Country', 'Nationality', 'Home country', '国籍', '出身国', '国名', '出身', '国・地域', '国籍・地域', '出身国名', '国籍（出身国）'],
  cohort: ['Cohort', 'Arrival group', '来日区分', '来日グループ', '来日時期', '来日時期区分', '来日便', 'グループ'],
  arrival: ['Arrival', 'Arrival date', 'Date of arrival', '来日日', '来日年月日', '着任日', '着任年月日', '赴任日', '赴任年月日', '入国日', '入国年月日', '来日'],
  term: ['Term', 'Term no.', 'Term number', '任用回数', '任期回数', '任用回', '任用期数', '契約回数', '任用回次'],
  year: ['Year', 'JET year', '来日年数', '年次', '任用年数', '経験年数', '何年目', '年目', '来日年次', 'JET年次', '在職年次'],
  termStart: ['Term start', 'Contract start', 'Start date', 'Start', '任期開始', '任期開始日', '任用開始日', '契約開始日', '雇用開始日', '任用日', '任用年月日', '採用日', '採用年月日', '任期始期', '始期', ...periodPairs(TERM_PARENTS, 'start')],
  termEnd: ['Term end', 'Contract end', 'End date', 'End', '任期終了', '任期終了日', '任期満了日', '任期満了', '契約終了日', '雇用終了日', '任用終了日', '満了日', '任期終期', '終期', '任期末日', ...periodPairs(TERM_PARENTS, 'end')],
  termPeriod: ['Term period', 'Contract period', 'Period', ...TERM_PARENTS],
  monthlyPay: ['Monthly pay', 'Salary', 'Monthly salary', '月額報酬', '報酬月額', '報酬額', '月額', '給与月額', '月給', '報酬', '報酬（月額）', '給料月額', '月額給与', '支給額'],
  leaveUsedHours: ['Leave used (hours)', 'Leave used', '年休使用時間', '年休取得時間', '年休使用時間数', '年次休暇取得時間', '年休取得時間数'],
  leaveLeft: ['Leave left', '年休残日数', '年休残', '残日数', '年次休暇残日数', '年休残数'],
  carriedLeave: ['Carried leave', 'Carried over', '繰越日数', '年休繰越日数', '繰越', '前年度繰越日数', '繰越年休'],
  sickDays: ['Sick days', 'Sick leave', '病休日数', '病気休暇日数', '病休', '病気休暇'],
  summer2Arrival: ['Summer 2 arrival', '夏季②来日日'],
  april1Arrival: ['April 1 arrival', '4月①来日日'],
};

export const CLAIMS_HEADERS: Record<ClaimsField, string[]> = {
  office: ['Office', '事務所', '派遣先事務所', '派遣先', '海外事務所', '所属事務所', '派遣事務所', '勤務事務所'],
  fiscalYear: ['Fiscal year', '年度', '会計年度', '対象年度', '請求年度'],
  claimed: ['Claimed', '請求額', '申請額', '請求金額', '申請金額', '助成申請額', '交付申請額'],
  months: ['Months', '月数', '派遣月数', '対象月数', '在勤月数', '助成対象月数'],
  name: ['Name', '氏名', '派遣職員名', '職員名', '名前'],
};

export const LEDGER_HEADERS: Record<LedgerField, string[]> = {
  name: ['Name', '氏名', '職員名', '名前'],
  from: ['From', 'Date', 'Start', '開始日', '日付', '月日', '取得日', '年月日', '取得年月日', '休暇開始日', ...periodPairs(['期間', '休暇期間', '取得期間'], 'start')],
  to: ['To', 'End', '終了日', '休暇終了日', ...periodPairs(['期間', '休暇期間', '取得期間'], 'end')],
  kind: ['Kind', 'Type', 'Leave type', '種別', '休暇の種類', '種類', '休暇種別', '区分', '休暇区分', '休暇等の種類'],
  hours: ['Hours', '時間', '時間数', '取得時間'],
  days: ['Days', '日数', '取得日数'],
  note: ['Note', 'Reason', '備考', '事由', '摘要', '理由'],
  // The paper 休暇簿's running balance of annual leave (README "The leave ledger").
  leaveLeft: ['Leave left', '残日数', '年休残日数'],
};

export const PAY_HEADERS: Record<PayField, string[]> = {
  name: ['Name', '氏名', '職員名', '名前'],
  month: ['Month', '支給月', '対象月', '年月', '支給年月', '給与月', '対象年月'],
  paid: ['Paid', '支給額', '報酬額', '支給総額', '総支給額', '支給金額'],
};

export const HEADER_TABLES: Record<SheetKindName, Record<string, string[]>> = { roster: ROSTER_HEADERS, claims: CLAIMS_HEADERS, ledger: LEDGER_HEADERS, pay: PAY_HEADERS };
export const SHEET_FIELDS: Record<SheetKindName, Field[]> = {
  roster: Object.keys(ROSTER_HEADERS) as Field[],
  claims: Object.keys(CLAIMS_HEADERS) as Field[],
  ledger: Object.keys(LEDGER_HEADERS) as Field[],
  pay: Object.keys(PAY_HEADERS) as Field[],
};
/** Every field any sheet kind reads (what a column mapping may name). */
export const ALL_FIELDS: Field[] = [...new Set(Object.values(SHEET_FIELDS).flat())];

/**
 * A header as compared: NFKC (any width), lower case, a leading ※ / No. / number dropped, every
 * space and line break removed (氏　名, 任用⏎回数). Brackets are kept here: FieldIndex drops them.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(?:※+|\*+|no\.|№|no\s+|\d+\s*[.)、:]|\d+\s+(?=\D))\s*/u, '')
    .replace(/[\s\u200b\u3000]+/gu, '');
}

const BRACKETS = /[()[\]【】「」『』〔〕<>・/,、.:;_-]/g;
const TRAILING_BRACKET = /(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)$/u;
/** A reading aid, never the name itself (フリガナ, カナ, ふりがな). */
const KANA_HEADER = /フリガナ|ふりがな|カナ|かな|よみ|ヨミ|kana|furigana|reading/;

/** Field by header key: the key with its brackets dropped, else without a trailing bracket (a unit: 月額報酬（円）). */
export class FieldIndex {
  private readonly byKey = new Map<string, Field>();
  constructor(kind: SheetKindName) {
    for (const [field, names] of Object.entries(HEADER_TABLES[kind])) for (const n of names) if (!this.byKey.has(FieldIndex.flat(headerKey(n)))) this.byKey.set(FieldIndex.flat(headerKey(n)), field as Field);
  }
  static flat(key: string): string {
    return key.replace(BRACKETS, '');
  }
  get(key: string): Field | undefined {
    if (KANA_HEADER.test(key)) return undefined;
    const f = this.byKey.get(FieldIndex.flat(key));
    if (f) return f;
    const bare = key.replace(TRAILING_BRACKET, '');
    return bare !== key && bare !== '' ? this.byKey.get(FieldIndex.flat(bare)) : undefined;
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

export const ROSTER_BY_HEADER = new FieldIndex('roster');
export const CLAIMS_BY_HEADER = new FieldIndex('claims');
export const LEDGER_BY_HEADER = new FieldIndex('ledger');
export const PAY_BY_HEADER = new FieldIndex('pay');

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

/**
 * One side of a period written in one cell (任用期間 `R6.8.7～R7.8.6`, `2024/8/7-2025/8/6`,
 * `令和6年8月7日から令和7年8月6日まで`): split where both sides read as dates.
 */
export function periodSchema(system: DateSystem, side: 'start' | 'end'): CellSchema<Day> {
  const date = dateSchema(system);
  return cellSchema<Day>((c) => {
    const text = String(c).normalize('NFKC').trim().replace(/まで$/, '');
    const cuts = [...text.matchAll(/\s*(?:~|〜|～|–|—|―|‐|-|−|から)\s*/g)];
    for (const m of cuts) {
      const a = readCell(date, text.slice(0, m.index).trim());
      const b = readCell(date, text.slice((m.index ?? 0) + m[0].length).trim());
      if (a.ok && b.ok) return side === 'start' ? a.value : b.value;
    }
    return problem({ en: `"${shown(c)}" is not a period; write start～end, e.g. R6.8.7～R7.8.6 or 2024/8/7-2025/8/6`, ja: `「${shown(c)}」は期間ではありません。R6.8.7～R7.8.6 や 2024/8/7-2025/8/6 のように 開始～終了 で入力してください` });
  });
}
