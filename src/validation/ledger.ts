// Leave ledger 休暇簿 and pay sheet 給与点検 (CONTRACT.md §4, RULES.md §12): rows in, findings out.
// Pure like the roster check: the CLI and the pane hand over cell values. People are matched by
// name against the roster sheet(s) of the same workbook or of the other files given with it.

import {
  AltRuleset,
  CohortCode,
  Country,
  DateSystem,
  LedgerEntry,
  LedgerKind,
  MonthKey,
  MonthPay,
  PayTerm,
  PersonTerm,
  RuleError,
  checkLedger,
  defaultAltRuleset,
  grouped,
  monthKeyOf,
  lastDayOfMonthKey,
  monthLabel,
  monthPaySchedule,
  HOURS_OF_AN_ENTRY,
  readHours,
  readMonthText,
  ymdFromDay,
  nameKey,
  parseLedgerKind,
  payLedgerOf,
  termPlan,
  Term,
  dayFromSerial,
} from '../core';
import { Cell, CellSchema, LedgerField, Msg, PayField, RosterField, SheetKindName, cohortSchema, countrySchema, dateSchema, intSchema, isEmptyCell, numberSchema, periodSchema, readCell, textSchema, yenSchema } from './fields';
import { HeaderColumn, RowNote, RowSort, findHeader, noteOf, sortRow, textsOf } from './header';
import type { ColumnMapping } from './store';
import type { Finding, SheetInput, SheetResult, Severity } from './validate';

export type LedgerSheetField = LedgerField;
export type PaySheetField = PayField;
export { LEDGER_HEADERS, PAY_HEADERS, LEDGER_BY_HEADER, PAY_BY_HEADER } from './fields';

interface Header<F extends string> {
  row: number;
  top: number;
  columns: Map<F, { index: number; text: string }>;
  period?: { index: number; text: string };
}

/** The sheet's header as one kind, through the one header reader (with the clerk's mapping). */
function headerOf<F extends string>(sheet: SheetInput, kind: SheetKindName, mappings?: readonly ColumnMapping[]): Header<F> | undefined {
  const h = findHeader(sheet.rows ?? [], { kinds: [kind], mappings, sheet: sheet.name, firstColumn: sheet.firstColumn });
  return h ? { row: h.row, top: h.top, columns: h.columns as Map<string, HeaderColumn> as Map<F, HeaderColumn>, period: h.period } : undefined;
}

export type LedgerLikeKind = 'ledger' | 'pay';

/** What a sheet is by its headers: a ledger (Name, From, Kind), a pay sheet (Name, Month), or neither. */
export function ledgerKindOfSheet(sheet: SheetInput, mappings?: readonly ColumnMapping[]): LedgerLikeKind | undefined {
  const kind = findHeader(sheet.rows ?? [], { mappings, sheet: sheet.name, firstColumn: sheet.firstColumn })?.kind;
  return kind === 'ledger' || kind === 'pay' ? kind : undefined;
}

// ---- the roster's people ------------------------------------------------------------------

export interface RosterPerson {
  name: string;
  terms: (PersonTerm & { jetYear: number })[];
}

/**
 * The people of the roster sheets, by nameKey: each roster row is one term (its start and end,
 * or else derived from the arrival as the roster check does), with its JET year and carried days.
 * Rows whose term cannot be known are left out; the roster check reports them.
 */
/** A roster row that gave no term, and why (for `altrules pay`, which must not leave people out silently). */
export interface RosterSkip {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  name?: string;
  en: string;
  ja: string;
}

export function rosterPeople(sheets: readonly SheetInput[], rs: AltRuleset = defaultAltRuleset(), skipped?: RosterSkip[], mappings?: readonly ColumnMapping[]): Map<string, RosterPerson> {
  const people = new Map<string, RosterPerson>();
  // Earlier terms of a re-appointed person, worked out from a row of a later term; a term that a row gives explicitly wins.
  const earlier = new Map<string, RosterPerson['terms']>();
  for (const sheet of sheets) {
    const rows = sheet.rows ?? [];
    const header = headerOf<RosterField>(sheet, 'roster', mappings);
    if (header && !(header.columns.has('name') && (header.columns.has('termStart') || header.period || header.columns.has('arrival')) && (header.columns.has('year') || header.columns.has('term')))) continue;
    if (!header) continue;
    const date = dateSchema(sheet.dateSystem ?? '1900');
    let why: Msg[] = [];
    const get = <T>(cells: Cell[], f: RosterField, schema: CellSchema<T>): T | undefined => {
      const col = header!.columns.get(f);
      if (!col || isEmptyCell(cells[col.index])) return undefined;
      const got = readCell(schema, cells[col.index]);
      if (!got.ok) why.push({ en: `${col.text}: ${got.msg.en}`, ja: `${col.text}: ${got.msg.ja}` });
      return got.ok ? got.value : undefined;
    };
    const firstRowOfName = new Map<string, number>();
    const texts = textsOf(rows, header);
    // A single period column (任用期間 R6.8.7～R7.8.6) gives both ends.
    const startSchema = header.period && header.columns.get('termStart')?.index === header.period.index ? periodSchema(sheet.dateSystem ?? '1900', 'start') : date;
    const endSchema = header.period && header.columns.get('termEnd')?.index === header.period.index ? periodSchema(sheet.dateSystem ?? '1900', 'end') : date;
    for (let i = header.row + 1; i < rows.length; i++) {
      const cells = rows[i];
      if (sortRow(cells, header, texts) !== 'person') continue;
      why = [];
      const sheetRow = (sheet.firstRow ?? 1) + i;
      const skip = (name: string | undefined, msg: Msg) => skipped?.push({ sheet: sheet.name, row: sheetRow, name, en: msg.en, ja: msg.ja });
      const name = get(cells, 'name', textSchema);
      if (!name) {
        skip(undefined, { en: 'no name', ja: '氏名がありません' });
        continue;
      }
      const term = get(cells, 'term', intSchema(1, 99)) ?? 1;
      let year = get(cells, 'year', intSchema(1, rs.term.maxYears));
      let start = get(cells, 'termStart', startSchema);
      let end = get(cells, 'termEnd', endSchema);
      const arrival = get(cells, 'arrival', date);
      let plan: Term[] | undefined;
      // The plan is needed for what the row leaves out, and for the earlier terms of a re-appointment.
      if (arrival !== undefined && (start === undefined || end === undefined || year === undefined || term >= 2)) {
        try {
          plan = termPlan(rs, {
            arrival,
            cohort: get<CohortCode>(cells, 'cohort', cohortSchema) ?? 'S1',
            country: get<Country>(cells, 'country', countrySchema)?.en,
            summer2Arrival: get(cells, 'summer2Arrival', date),
            april1Arrival: get(cells, 'april1Arrival', date),
          }, term);
        } catch (e) {
          if (!(e instanceof RuleError)) throw e;
          why.push({ en: e.message, ja: e.messageJa });
        }
      }
      if (plan) {
        const t = plan[plan.length - 1];
        start ??= t.start;
        end ??= t.end;
        year ??= t.jetYear;
      }
      if (start === undefined || end === undefined || year === undefined || end < start) {
        const missing = end !== undefined && start !== undefined && end < start
          ? { en: 'the term ends before it starts', ja: '任期終了が任期開始より前です' }
          : { en: `no readable ${[start === undefined && 'term start', end === undefined && 'term end', year === undefined && 'JET year'].filter(Boolean).join(', ')} (give Term start, Term end and Year, or an Arrival to derive them)`, ja: `${[start === undefined && '任期開始', end === undefined && '任期終了', year === undefined && '来日年数'].filter(Boolean).join('・')}が読み取れません（任期開始・任期終了・来日年数、または来日日を入力してください）` };
        const reasons = [...why, missing];
        skip(name, { en: reasons.map((m) => m.en).join('; '), ja: reasons.map((m) => m.ja).join('；') });
        continue;
      }
      const key = nameKey(name);
      if (plan && term >= 2) {
        // Note 2.3: each later term starts the day after the previous one ends, so the roster's row
        // of term n also fixes terms 1…n−1 (term 1 from the arrival, Note 2.2), each at its own JET
        // year (D-11, shifted with the row's Year); Art 12.1: only term 1 is a first appointment.
        const shift = year - plan[plan.length - 1].jetYear;
        const before: RosterPerson['terms'] = [];
        for (const t of plan.slice(0, -1)) {
          const tEnd = Math.min(t.end, start - 1);
          const jetYear = t.jetYear + shift;
          if (tEnd < t.start || jetYear < 1 || jetYear > rs.term.maxYears) continue;
          before.push({ start: t.start, end: tEnd, jetYear, reappointed: t.number > 1, carriedDays: 0 });
        }
        // The term just before ends the day before this row's start, whatever the plan says.
        const last = before[before.length - 1];
        if (last && last.end < start - 1) last.end = start - 1;
        const list = earlier.get(key) ?? [];
        earlier.set(key, [...list, ...before]);
      }
      let p = people.get(key);
      if (!p) people.set(key, (p = { name, terms: [] }));
      if (p.terms.some((t) => t.start === start)) {
        // The roster check reports the duplicate; the pay counts the term once.
        skip(name, { en: `the same term as row ${firstRowOfName.get(`${key}|${start}`) ?? '?'} (counted once)`, ja: `${firstRowOfName.get(`${key}|${start}`) ?? '?'}行目と同じ任期です（1回だけ計算）` });
        continue;
      }
      firstRowOfName.set(`${key}|${start}`, sheetRow);
      p.terms.push({ start, end, jetYear: year, reappointed: term > 1, carriedDays: Math.min(get(cells, 'carriedLeave', numberSchema(0, 1000)) ?? 0, rs.annualLeave.maxCarryDays) });
      p.terms.sort((a, b) => a.start - b.start);
    }
  }
  for (const [key, list] of earlier) {
    const p = people.get(key)!;
    for (const t of list) {
      if (p.terms.some((x) => x.start <= t.end && t.start <= x.end)) continue; // a row of its own, or already added
      p.terms.push(t);
    }
    p.terms.sort((a, b) => a.start - b.start);
  }
  return people;
}

// ---- ledger sheets ------------------------------------------------------------------------

const M = (en: string, ja: string): Msg => ({ en, ja });

/** Hours as CONTRACT §4 writes them (h:mm text or a number of hours) → whole minutes of one day, or why not: the one hours reader. */
export function minutesOfHoursCell(c: Cell): number | Msg {
  if (typeof c === 'number' || typeof c === 'string') {
    const r = readHours(c, HOURS_OF_AN_ENTRY);
    return r.ok ? r.value : M(r.en, r.ja);
  }
  const shown = typeof c === 'object' && c ? c.error : String(c);
  return M(`${shown} is not a time; write h:mm (1:15), hours (1.25) or 1時間15分`, `${shown} は時間ではありません。h:mm（1:15）、時間数（1.25）または 1時間15分 で入力してください`);
}

class Out<F extends string> {
  readonly findings: Finding[] = [];
  readonly notes: RowNote[] = [];
  constructor(private readonly sheet: SheetInput, private readonly header: Header<F>) {}
  /** A row that is not a person's: one note, no finding. */
  skipped(rowIndex: number, sort: RowSort, rows: Cell[][]): boolean {
    if (sort === 'person') return false;
    const note = noteOf(sort, this.sheet.name, this.row(rowIndex), rows, rowIndex);
    if (note) this.notes.push(note);
    return true;
  }
  row(rowIndex: number): number {
    return (this.sheet.firstRow ?? 1) + rowIndex;
  }
  add(rowIndex: number, field: F | '', severity: Severity, rule: string, msg: Msg): void {
    this.addAt(this.row(rowIndex), field, severity, rule, msg);
  }
  addAt(sheetRow: number, field: F | '', severity: Severity, rule: string, msg: Msg): void {
    const col = field ? this.header.columns.get(field as F) : undefined;
    this.findings.push({ sheet: this.sheet.name, row: sheetRow, column: col?.text ?? '', field: field as Finding['field'], severity, rule, message: msg.en, message_ja: msg.ja, columnIndex: col ? (this.sheet.firstColumn ?? 1) + col.index : 0 });
  }
}

const KINDS_HELP = M('use annual, sick, special N, partial, childcare, absence, suspension illness/work/indictment or paycut (年休, 病休, 特休N, 部分休業, 育児休業, 欠勤, 休職（病気/公務/起訴）, 減給)', '年休・病休・特休N・部分休業・育児休業・欠勤・休職（病気/公務/起訴）・減給 のいずれかで入力してください');

/** Reads a ledger sheet's rows: the entries that could be read, and a finding for each cell that could not. */
export function readLedgerSheet(sheet: SheetInput, mappings?: readonly ColumnMapping[]): { entries: LedgerEntry[]; out: Out<LedgerSheetField>; header?: Header<LedgerSheetField>; dataRows: number; unread: LeftOutRow[] } {
  const rows = sheet.rows ?? [];
  const header = headerOf<LedgerSheetField>(sheet, 'ledger', mappings);
  const out = new Out<LedgerSheetField>(sheet, header ?? { row: 0, top: 0, columns: new Map() });
  const entries: LedgerEntry[] = [];
  const unread: LeftOutRow[] = [];
  if (!header) return { entries, out, dataRows: 0, unread };
  const date = dateSchema(sheet.dateSystem ?? '1900');
  let dataRows = 0;
  const texts = textsOf(rows, header);
  for (let i = header.row + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (out.skipped(i, sortRow(cells, header, texts), rows)) continue;
    dataRows++;
    const cell = (f: LedgerSheetField) => {
      const col = header.columns.get(f);
      return col ? cells[col.index] : undefined;
    };
    let ok = true;
    const need = <T>(f: LedgerSheetField, schema: CellSchema<T>, required: boolean): T | undefined => {
      const c = cell(f);
      if (isEmptyCell(c)) {
        if (required) {
          out.add(i, f, 'error', 'input', M(`${header.columns.get(f)!.text} is empty; it is required`, `${header.columns.get(f)!.text} が空欄です（必須）`));
          ok = false;
        }
        return undefined;
      }
      const got = readCell(schema, c);
      if (got.ok) return got.value;
      out.add(i, f, 'error', 'input', M(`${header.columns.get(f)!.text}: ${got.msg.en}`, `${header.columns.get(f)!.text}: ${got.msg.ja}`));
      ok = false;
      return undefined;
    };
    const name = need('name', textSchema, true);
    const from = need('from', date, true);
    const to = need('to', date, false);
    const kindText = need('kind', textSchema, true);
    const note = need('note', textSchema, false);
    let kind: LedgerKind | undefined;
    if (kindText !== undefined) {
      kind = parseLedgerKind(kindText);
      if (!kind) {
        out.add(i, 'kind', 'error', 'input', M(`unknown kind "${kindText}": ${KINDS_HELP.en}`, `種別「${kindText}」は不明です。${KINDS_HELP.ja}`));
        ok = false;
      }
    }
    let minutes: number | undefined;
    const hoursCell = cell('hours');
    if (!isEmptyCell(hoursCell)) {
      const m = minutesOfHoursCell(hoursCell);
      if (typeof m === 'number') minutes = m;
      else {
        out.add(i, 'hours', 'error', 'input', M(`${header.columns.get('hours')!.text}: ${m.en}`, `${header.columns.get('hours')!.text}: ${m.ja}`));
        ok = false;
      }
    }
    if (!ok || name === undefined || from === undefined || kind === undefined) {
      if (name !== undefined) unread.push({ sheet: sheet.name, row: out.row(i), name, from, kind });
      continue;
    }
    if (kind.kind === 'paycut' && minutes !== undefined) {
      out.add(i, 'hours', 'warning', 'input', M('a pay cut has no hours (one row per instance); the hours are ignored', '減給に時間は記入しません（1回につき1行）。時間は無視します'));
      minutes = undefined;
    }
    entries.push({ row: out.row(i), name, from, to: to ?? from, kind, minutes, note });
  }
  return { entries, out, header, dataRows, unread };
}

/** A ledger row of a person that the pay does not build on: unreadable, or with an error. */
export interface LeftOutRow {
  sheet: string;
  row: number;
  name: string;
  /** Its first day, when it could be read. */
  from?: number;
  /** Its kind, when it could be read. */
  kind?: LedgerKind;
}

export interface LedgerContext {
  /** Roster people (rosterPeople), or undefined when no roster sheet was found. */
  people?: Map<string, RosterPerson>;
  alt?: AltRuleset;
  /** The clerk's column mapping (the same one the roster check uses). */
  mappings?: readonly ColumnMapping[];
}

/** Checks one ledger sheet (RULES.md §12); each finding on the entry's row. */
export function validateLedgerSheet(sheet: SheetInput, ctx: LedgerContext): SheetResult {
  return checkLedgerSheet(sheet, ctx).result;
}

/** The ledger check with the entries that passed it (the ones the pay may build on). */
export function checkLedgerSheet(sheet: SheetInput, ctx: LedgerContext): { result: SheetResult; sound: LedgerEntry[]; leftOut: LeftOutRow[] } {
  const rs = ctx.alt ?? defaultAltRuleset();
  const { entries, out, header, dataRows, unread } = readLedgerSheet(sheet, ctx.mappings);
  if (!header) return { result: { sheet: sheet.name, kind: 'unknown', headerRow: 0, dataRows: 0, findings: [] }, sound: [], leftOut: [] };
  if (!ctx.people) out.add(header.row, 'name', 'warning', 'input', M('no roster sheet found (in this workbook or the files given with it): the term, annual-leave balance and roster checks were skipped', '名簿シートが見つかりません（このブック・同時に指定したファイル）。任期・年休残高・名簿の点検を省略しました'));
  const people = ctx.people ? new Map([...ctx.people].map(([k, p]) => [k, p.terms])) : undefined;
  let sound = entries;
  const leftOut = [...unread];
  try {
    const found = checkLedger(rs, entries, people);
    for (const f of found) out.addAt(f.row, f.field, f.severity, f.rule, M(f.en, f.ja));
    const wrong = new Set(found.filter((f) => f.severity === 'error').map((f) => f.row));
    sound = entries.filter((e) => !wrong.has(e.row));
    for (const e of entries) if (wrong.has(e.row)) leftOut.push({ sheet: sheet.name, row: e.row, name: e.name, from: e.from, kind: e.kind });
  } catch (e) {
    out.add(header.row, '', 'error', 'internal', M(`the check stopped: ${(e as Error).message}`, `点検が中断しました: ${(e as Error).message}`));
  }
  out.findings.sort((a, b) => a.row - b.row || a.columnIndex - b.columnIndex);
  return { result: { sheet: sheet.name, kind: 'ledger' as SheetResult['kind'], headerRow: (sheet.firstRow ?? 1) + header.row, dataRows, findings: out.findings, notes: out.notes }, sound, leftOut };
}

// ---- the month's pay ----------------------------------------------------------------------

/** The expected pay of each person and month, computed once per person from the first month of service. */
export class PayBook {
  private readonly byPerson = new Map<string, LedgerEntry[]>();
  private readonly cache = new Map<string, { from: MonthKey; rows: MonthPay[] }>();
  private readonly explained = new Map<string, { from: MonthKey; rows: MonthPay[] }>();
  private readonly leftOutByPerson = new Map<string, LeftOutRow[]>();
  constructor(
    readonly people: Map<string, RosterPerson>,
    entries: readonly LedgerEntry[],
    readonly rs: AltRuleset = defaultAltRuleset(),
    leftOut: readonly LeftOutRow[] = [],
  ) {
    for (const r of leftOut) {
      const k = nameKey(r.name);
      this.leftOutByPerson.set(k, [...(this.leftOutByPerson.get(k) ?? []), r]);
    }
    for (const e of entries) {
      const k = nameKey(e.name);
      const list = this.byPerson.get(k);
      if (list) list.push(e);
      else this.byPerson.set(k, [e]);
    }
  }

  /**
   * The person's ledger rows that the pay left out (an error, or unreadable) and that could bear on
   * the month: those starting by its last day, or whose date could not be read, unless their kind
   * never touches pay (annual leave and paid special leave are paid as worked: Art 12, 14.2).
   */
  leftOut(name: string, month: MonthKey): LeftOutRow[] {
    const last = lastDayOfMonthKey(month);
    const neverInPay = (k: LedgerKind | undefined) => k?.kind === 'annual' || (k?.kind === 'special' && this.rs.specialLeave.find((s) => s.item === k.item)?.paid === true);
    return (this.leftOutByPerson.get(nameKey(name)) ?? []).filter((r) => (r.from === undefined || r.from <= last) && !neverInPay(r.kind)).sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
  }

  /** The month's pay of a person, or undefined when the person is not on the roster; with its steps when asked. */
  month(name: string, month: MonthKey, withSteps = true): MonthPay | undefined {
    const key = nameKey(name);
    const person = this.people.get(key);
    if (!person) return undefined;
    const cache = withSteps ? this.explained : this.cache;
    let c = cache.get(key);
    const first = monthKeyOf(person.terms[0].start);
    if (month < first) return { month, gross: 0, cut: 0, unpaidMinutes: 0, unpaidHours: 0, deduction: 0, taken: 0, expected: 0, carried: 0, steps: [{ clause: 'Art 7.3', en: `${monthLabel(month)}: before the first term: nothing is due`, ja: `${monthLabel(month)}: 任期前のため支給なし` }] };
    if (!c || month >= c.from + c.rows.length) {
      const terms: PayTerm[] = person.terms.map((t) => ({ start: t.start, end: t.end, jetYear: t.jetYear }));
      const last = Math.max(month, monthKeyOf(person.terms[person.terms.length - 1].end));
      c = { from: first, rows: monthPaySchedule(this.rs, payLedgerOf(this.rs, terms, this.byPerson.get(key) ?? []), first, last, { steps: withSteps }) };
      cache.set(key, c);
    }
    return c.rows[month - c.from];
  }
}

/** The steps behind a month's pay, one line each with its clause — as `--explain` shows them. */
export function payStepsText(p: MonthPay, lang: 'en' | 'ja'): string[] {
  return p.steps.map((s) => `${s.clause ? `${s.clause}: ` : ''}${lang === 'ja' ? s.ja : s.en}`);
}

/** Says which ledger rows of a person the pay left out: "ledger rows 9, 12 of this person have errors and were not counted". */
export function leftOutText(rows: readonly LeftOutRow[]): Msg | undefined {
  if (rows.length === 0) return undefined;
  const oneSheet = rows.every((r) => r.sheet === rows[0].sheet);
  const en = rows.map((r) => (oneSheet ? `${r.row}` : `${r.sheet}!${r.row}`)).join(', ');
  const ja = rows.map((r) => (oneSheet ? `${r.row}行目` : `${r.sheet}の${r.row}行目`)).join('・');
  const where = oneSheet ? { en: ` (sheet ${rows[0].sheet})`, ja: `（シート「${rows[0].sheet}」）` } : { en: '', ja: '' };
  return M(
    `ledger row${rows.length > 1 ? 's' : ''} ${en}${where.en} of this person ${rows.length > 1 ? 'have' : 'has an'} error${rows.length > 1 ? 's' : ''} and ${rows.length > 1 ? 'were' : 'was'} not counted: correct ${rows.length > 1 ? 'them' : 'it'} and check again`,
    `この人の休暇簿${where.ja}の${ja}は誤りがあるため計算に入れていません。修正して再度点検してください`,
  );
}

/** A month as a pay sheet writes it: a date in the month, `YYYY-MM`, `2024年7月`, `令和6年7月`, `R6.7`. */
export function monthOfCell(c: Cell, system: DateSystem = '1900'): MonthKey | undefined {
  if (typeof c === 'number') {
    try {
      return monthKeyOf(dayFromSerial(c, system));
    } catch {
      return undefined;
    }
  }
  if (typeof c !== 'string') return undefined;
  // The core's one month reader: 2024-07, 2024年7月, 令和6年7月, R6.7, or a date of the month.
  const read = readMonthText(c);
  if (!read?.ok) return undefined;
  const { y, m } = ymdFromDay(read.value);
  return month(y, m);
}
function month(y: number, m: number): MonthKey | undefined {
  return m >= 1 && m <= 12 && y >= 1980 && y <= 2099 ? y * 12 + m - 1 : undefined;
}

export interface ExpectedPay {
  row: number;
  name: string;
  month: string;
  expected: number;
  paid?: number;
  steps: string[];
  steps_ja: string[];
}

export interface PaySheetResult extends SheetResult {
  expected: ExpectedPay[];
}

/**
 * Checks a pay sheet: each row's Paid against the expected pay (a differing amount is an error
 * that states the expected amount and its steps); without Paid, the expected amounts are reported
 * and nothing is judged.
 */
export function validatePaySheet(sheet: SheetInput, book: PayBook | undefined, mappings?: readonly ColumnMapping[]): PaySheetResult {
  const rows = sheet.rows ?? [];
  const header = headerOf<PaySheetField>(sheet, 'pay', mappings);
  if (!header) return { sheet: sheet.name, kind: 'unknown', headerRow: 0, dataRows: 0, findings: [], expected: [] };
  const out = new Out<PaySheetField>(sheet, header);
  const expected: ExpectedPay[] = [];
  if (!book) out.add(header.row, 'name', 'warning', 'input', M('no roster sheet found (in this workbook or the files given with it): the expected pay cannot be computed', '名簿シートが見つかりません（このブック・同時に指定したファイル）。支給額を計算できません'));
  const seen = new Map<string, number>();
  let dataRows = 0;
  const texts = textsOf(rows, header);
  for (let i = header.row + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (out.skipped(i, sortRow(cells, header, texts), rows)) continue;
    dataRows++;
    const cell = (f: PaySheetField) => {
      const col = header.columns.get(f);
      return col ? cells[col.index] : undefined;
    };
    const nameRead = isEmptyCell(cell('name')) ? undefined : readCell(textSchema, cell('name'));
    if (!nameRead?.ok) {
      out.add(i, 'name', 'error', 'input', nameRead ? nameRead.msg : M('Name is empty; it is required', '氏名が空欄です（必須）'));
      continue;
    }
    const name = nameRead.value;
    const monthKey = monthOfCell(cell('month') ?? null, sheet.dateSystem);
    if (monthKey === undefined) {
      out.add(i, 'month', 'error', 'input', M(`"${String(cell('month') ?? '')}" is not a month; write a date, YYYY-MM or 令和6年7月`, `「${String(cell('month') ?? '')}」は月ではありません。日付・YYYY-MM・令和6年7月 のように入力してください`));
      continue;
    }
    let paid: number | undefined;
    if (header.columns.has('paid') && !isEmptyCell(cell('paid'))) {
      const got = readCell(yenSchema, cell('paid'));
      if (!got.ok) {
        out.add(i, 'paid', 'error', 'input', got.msg);
        continue;
      }
      paid = got.value;
    }
    const dup = `${nameKey(name)}|${monthKey}`;
    if (seen.has(dup)) {
      out.add(i, 'month', 'error', 'input', M(`a second row for ${name}, ${monthLabel(monthKey)} (first on row ${seen.get(dup)})`, `${name}・${monthLabel(monthKey)} の行が重複しています（最初は${seen.get(dup)}行目）`));
      continue;
    }
    seen.set(dup, out.row(i));
    if (!book) continue;
    const quick = book.month(name, monthKey, false);
    // The steps only where a figure is reported or questioned.
    const p = quick && (paid === undefined || paid !== quick.expected) ? book.month(name, monthKey, true) : quick;
    if (!p) {
      out.add(i, 'name', 'error', 'input', M(`${name} is not on the roster`, `${name} は名簿にありません`));
      continue;
    }
    const steps = payStepsText(p, 'en');
    const stepsJa = payStepsText(p, 'ja');
    const left = leftOutText(book.leftOut(name, monthKey));
    if (left) {
      steps.push(left.en);
      stepsJa.push(left.ja);
    }
    expected.push({ row: out.row(i), name, month: monthLabel(monthKey), expected: p.expected, paid, steps, steps_ja: stepsJa });
    if (paid !== undefined && paid !== p.expected) {
      out.add(i, 'paid', 'error', 'Art 7, 8, D-12, D-13', M(`paid ¥${grouped(paid)} differs from the expected ¥${grouped(p.expected)} for ${monthLabel(monthKey)}: ${steps.join('; ')}`, `支給額 ${grouped(paid)}円 は ${monthLabel(monthKey)} の計算額 ${grouped(p.expected)}円 と異なります: ${stepsJa.join('；')}`));
    }
  }
  out.findings.sort((a, b) => a.row - b.row || a.columnIndex - b.columnIndex);
  return { sheet: sheet.name, kind: 'pay' as SheetResult['kind'], headerRow: (sheet.firstRow ?? 1) + header.row, dataRows, findings: out.findings, notes: out.notes, expected };
}

// ---- the hook for validateWorkbook --------------------------------------------------------

/**
 * Replaces the results of sheets that the roster check did not recognise with the ledger or pay
 * check, when their headers say so. `related` are the sheets of the other files given together.
 * The pay builds only on ledger entries without an error: a wrong entry is fixed first.
 */
export function withLedgerAndPay(sheets: readonly SheetInput[], results: SheetResult[], options: { alt?: AltRuleset; related?: readonly SheetInput[]; mappings?: readonly ColumnMapping[] } = {}): SheetResult[] {
  const mappings = options.mappings;
  const kinds = sheets.map((s, i) => (results[i]?.kind === 'unknown' ? ledgerKindOfSheet(s, mappings) : undefined));
  if (!kinds.some(Boolean)) return results;
  const all = [...sheets, ...(options.related ?? [])];
  const found = rosterPeople(all, options.alt, undefined, mappings);
  const people = found.size > 0 ? found : undefined;
  const ledgers = new Map<SheetInput, ReturnType<typeof checkLedgerSheet>>();
  for (const s of all) if (ledgerKindOfSheet(s, mappings) === 'ledger') ledgers.set(s, checkLedgerSheet(s, { people, alt: options.alt, mappings }));
  let book: PayBook | undefined;
  return results.map((r, i) => {
    if (kinds[i] === 'ledger') return ledgers.get(sheets[i])!.result;
    if (kinds[i] === 'pay') {
      if (people) book ??= new PayBook(people, [...ledgers.values()].flatMap((l) => l.sound), options.alt, [...ledgers.values()].flatMap((l) => l.leftOut));
      return validatePaySheet(sheets[i], book, mappings);
    }
    return r;
  });
}
