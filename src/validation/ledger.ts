// Leave ledger 休暇簿 and pay sheet 給与点検 (README "The leave ledger", docs/rules.md §12): rows in, findings out.
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
  firstDayOfMonthKey,
  isoFromDay,
  Day,
  termsToJetYear,
  isValidYmd,
  dayFromYmd,
  readLeaveAmount,
  leaveAmountText,
  annualLeaveBalance,
  annualAvailableDays,
  workingDaysBetween,
  monthLabel,
  monthPaySchedule,
  HOURS_OF_AN_ENTRY,
  readHours,
  readMonthText,
  ymdFromDay,
  nameKey,
  readLeaveKind,
  unknownKindMessage,
  payLedgerOf,
  termPlan,
  Term,
  dayFromSerial,
} from '../core';
import { Cell, CellSchema, Field, LedgerField, Msg, PAY_BY_HEADER, headerKey, PayField, RosterField, SheetKindName, cohortSchema, countrySchema, dateSchema, intSchema, isEmptyCell, numberSchema, periodSchema, readCell, textSchema, yenSchema } from './fields';
import { HEADER_SCAN_ROWS, HeaderColumn, RowNote, RowSort, findHeader, noteOf, sortRow, textsOf } from './header';
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
function headerOf<F extends string>(sheet: SheetInput, kind: SheetKindName, mappings?: readonly ColumnMapping[], needs?: Field[]): Header<F> | undefined {
  const h = findHeader(sheet.rows ?? [], { kinds: [kind], mappings, sheet: sheet.name, firstColumn: sheet.firstColumn, needs });
  return h ? { row: h.row, top: h.top, columns: h.columns as Map<string, HeaderColumn> as Map<F, HeaderColumn>, period: h.period } : undefined;
}

export type LedgerLikeKind = 'ledger' | 'pay';

/** What a sheet is by its headers: a ledger (Name, From, Kind), a pay sheet (Name, Month), or neither. */
export function ledgerKindOfSheet(sheet: SheetInput, mappings?: readonly ColumnMapping[]): LedgerLikeKind | undefined {
  const kind = findHeader(sheet.rows ?? [], { mappings, sheet: sheet.name, firstColumn: sheet.firstColumn })?.kind;
  if (kind === 'ledger' || kind === 'pay') return kind;
  if (kind !== undefined) return undefined;
  // The layouts without a name column per row: a person's own 休暇簿, and the month-columns pay sheet.
  if (ledgerHeader(sheet, mappings)) return 'ledger';
  return monthColumnsPaySheet(sheet) ? 'pay' : undefined;
}

// ---- the roster's people ------------------------------------------------------------------

export interface RosterPerson {
  name: string;
  terms: (PersonTerm & { jetYear: number; whyUnknown?: Msg[] })[];
  /**
   * Service the roster cannot tell: before a re-appointed person's first known term, or between two
   * terms (Note 2.3 leaves no gap). Its days cannot be priced, and are never priced at 0 (D-11, D-12).
   */
  unknown: UnknownService[];
}

/** Days of service whose term (and so JET year) the roster does not give: from (or everything before) `to`. */
export interface UnknownService {
  from?: Day;
  to: Day;
  en: string;
  ja: string;
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
      const termGiven = get(cells, 'term', intSchema(1, 99));
      let year = get(cells, 'year', intSchema(1, rs.term.maxYears));
      let start = get(cells, 'termStart', startSchema);
      let end = get(cells, 'termEnd', endSchema);
      const arrival = get(cells, 'arrival', date);
      let plan: Term[] | undefined;
      // With the arrival, the row's term or JET year gives the other and every earlier term
      // (Note 2, D-8, D-11): a roster that keeps only 年次 is not asked for 任用回数 too.
      if (arrival !== undefined && (termGiven !== undefined || year !== undefined)) {
        const input = {
          arrival,
          cohort: get<CohortCode>(cells, 'cohort', cohortSchema),
          country: get<Country>(cells, 'country', countrySchema)?.en,
          summer2Arrival: get(cells, 'summer2Arrival', date),
          april1Arrival: get(cells, 'april1Arrival', date),
        };
        try {
          plan = termGiven !== undefined ? termPlan(rs, input, termGiven) : termsToJetYear(rs, input, year!, start);
        } catch (e) {
          if (!(e instanceof RuleError)) throw e;
          why.push({ en: e.message, ja: e.messageJa });
        }
      }
      const planned = plan?.[plan.length - 1];
      const term = termGiven ?? planned?.number;
      if (planned) {
        start ??= planned.start;
        end ??= planned.end;
        year ??= planned.jetYear;
      }
      if (start === undefined || end === undefined || year === undefined || end < start) {
        const missing = end !== undefined && start !== undefined && end < start
          ? { en: 'the term ends before it starts', ja: '任期終了が任期開始より前です' }
          : { en: `no readable ${[start === undefined && 'term start', end === undefined && 'term end', year === undefined && 'JET year'].filter(Boolean).join(', ')} (give Term start, Term end and Year, or an Arrival to derive them)`, ja: `${[start === undefined && '任期開始', end === undefined && '任期終了', year === undefined && '来日年数'].filter(Boolean).join('・')}が読み取れません（任期開始・任期終了・来日年数、または来日日を入力してください）` };
        const reasons = [...why, missing];
        skip(name, { en: reasons.map((m) => m.en).join('; '), ja: reasons.map((m) => m.ja).join('；') });
        continue;
      }
      // Art 12.1, Note 2.3: JET year 2 or later is only reached by re-appointment.
      const reappointed = term !== undefined ? term > 1 : year > 1;
      const key = nameKey(name);
      if (plan && plan.length >= 2) {
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
      if (!p) people.set(key, (p = { name, terms: [], unknown: [] }));
      if (p.terms.some((t) => t.start === start)) {
        // The roster check reports the duplicate; the pay counts the term once.
        skip(name, { en: `the same term as row ${firstRowOfName.get(`${key}|${start}`) ?? '?'} (counted once)`, ja: `${firstRowOfName.get(`${key}|${start}`) ?? '?'}行目と同じ任期です（1回だけ計算）` });
        continue;
      }
      firstRowOfName.set(`${key}|${start}`, sheetRow);
      p.terms.push({ start, end, jetYear: year, reappointed, whyUnknown: reappointed && !plan ? why : undefined, carriedDays: Math.min(get(cells, 'carriedLeave', numberSchema(0, 1000)) ?? 0, rs.annualLeave.maxCarryDays) });
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
  for (const p of people.values()) p.unknown = unknownService(p);
  return people;
}

/** D-11, D-12: the stretches before or between a person's known terms that a re-appointment says were served. */
function unknownService(p: RosterPerson): UnknownService[] {
  const out: UnknownService[] = [];
  p.terms.forEach((t, i) => {
    const before = p.terms[i - 1];
    if (!t.reappointed || (before && before.end + 1 >= t.start)) return;
    const from = before ? before.end + 1 : undefined;
    const why = t.whyUnknown?.length ? { en: ` (${t.whyUnknown.map((m) => m.en).join('; ')})`, ja: `（${t.whyUnknown.map((m) => m.ja).join('；')}）` } : { en: '', ja: '' };
    const span = from === undefined ? { en: `before ${isoFromDay(t.start)}`, ja: `${isoFromDay(t.start)}より前` } : { en: `from ${isoFromDay(from)} to ${isoFromDay(t.start - 1)}`, ja: `${isoFromDay(from)}〜${isoFromDay(t.start - 1)}` };
    out.push({
      from,
      to: t.start - 1,
      en: `${p.name}'s term from ${isoFromDay(t.start)} is a re-appointment (JET year ${t.jetYear}), but the roster does not give the earlier term ${span.en}${why.en}: its days cannot be priced (D-11, D-12); give the arrival date, or a roster row for that term`,
      ja: `${p.name} の ${isoFromDay(t.start)} からの任期は再任用（来日${t.jetYear}年目）ですが、${span.ja}の前の任期が名簿から分かりません${why.ja}。その日の報酬は計算できません（D-11・D-12）。来日日を入力するか、前の任期の行を加えてください`,
    });
  });
  return out;
}

// ---- ledger sheets ------------------------------------------------------------------------

const M = (en: string, ja: string): Msg => ({ en, ja });

/** Hours as README "The leave ledger" writes them (h:mm text or a number of hours) → whole minutes of one day, or why not: the one hours reader. */
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
  /** A finding in a column that is no field of the sheet (a month column of a month-columns pay sheet). */
  addIn(rowIndex: number, col: { index: number; text: string }, severity: Severity, rule: string, msg: Msg): void {
    this.findings.push({ sheet: this.sheet.name, row: this.row(rowIndex), column: col.text, field: 'paid' as Finding['field'], severity, rule, message: msg.en, message_ja: msg.ja, columnIndex: (this.sheet.firstColumn ?? 1) + col.index });
  }
  addAt(sheetRow: number, field: F | '', severity: Severity, rule: string, msg: Msg): void {
    const col = field ? this.header.columns.get(field as F) : undefined;
    this.findings.push({ sheet: this.sheet.name, row: sheetRow, column: col?.text ?? '', field: field as Finding['field'], severity, rule, message: msg.en, message_ja: msg.ja, columnIndex: col ? (this.sheet.firstColumn ?? 1) + col.index : 0 });
  }
}

/** Reads a ledger sheet's rows: the entries that could be read, and a finding for each cell that could not. */
export function readLedgerSheet(sheet: SheetInput, people?: ReadonlyMap<string, RosterPerson>, rs: AltRuleset = defaultAltRuleset(), mappings?: readonly ColumnMapping[]): { entries: LedgerEntry[]; out: Out<LedgerSheetField>; header?: Header<LedgerSheetField>; dataRows: number; unread: LeftOutRow[]; balances: WrittenBalance[]; owner?: string } {
  const rows = sheet.rows ?? [];
  const header = ledgerHeader(sheet, mappings);
  const out = new Out<LedgerSheetField>(sheet, header ?? { row: 0, top: 0, columns: new Map() });
  const entries: LedgerEntry[] = [];
  const unread: LeftOutRow[] = [];
  const balances: WrittenBalance[] = [];
  if (!header) return { entries, out, dataRows: 0, unread, balances };
  // The paper 休暇簿: one sheet per person, named by its title or the sheet's name (CONTRACT §4).
  const owner = header.columns.has('name') ? undefined : ledgerOwner(sheet, header.row, people);
  if (!header.columns.has('name') && owner === undefined) {
    out.add(header.row, '', 'warning', 'input', M(`a ledger of one person, but neither the sheet name "${sheet.name}" nor its title names a person of the roster: not checked (name the person in the title, e.g. 休暇簿 氏名：Emily Brown)`, `個人別の休暇簿ですが、シート名「${sheet.name}」にも表題にも名簿の人の氏名がありません。点検していません（表題に「休暇簿 氏名：Emily Brown」のように記入してください）`));
    return { entries, out, header, dataRows: 0, unread, balances };
  }
  const date = withFiscalYear(dateSchema(sheet.dateSystem ?? '1900'), statedFiscalYear(sheet, header.row)?.year);
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
    const name = owner ?? need('name', textSchema, true);
    const from = need('from', date, true);
    const to = need('to', date, false);
    const kindText = need('kind', textSchema, true);
    const note = need('note', textSchema, false);
    let kind: LedgerKind | undefined;
    if (kindText !== undefined) {
      // CONTRACT §4: the one kind reader, shared with ALT.SPECIALLEAVE; an unknown kind names the nearest names.
      kind = readLeaveKind(rs, kindText);
      if (!kind) {
        const m = unknownKindMessage(rs, kindText);
        out.add(i, 'kind', 'error', 'input', M(m.en, m.ja));
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
    const daysCell = cell('days');
    if (!isEmptyCell(daysCell) && minutes === undefined) {
      const days = readCell(numberSchema(0, 10_000), daysCell);
      if (!days.ok) out.add(i, 'days', 'error', 'input', M(`${header.columns.get('days')!.text}: ${days.msg.en}`, `${header.columns.get('days')!.text}: ${days.msg.ja}`));
      else checkDaysColumn(out, i, days.value, from, to ?? from, kind);
    }
    if (kind.kind === 'paycut' && minutes !== undefined) {
      out.add(i, 'hours', 'warning', 'input', M('a pay cut has no hours (one row per instance); the hours are ignored', '減給に時間は記入しません（1回につき1行）。時間は無視します'));
      minutes = undefined;
    }
    entries.push({ row: out.row(i), name, from, to: to ?? from, kind, minutes, note });
    const left = cell('leaveLeft');
    if (!isEmptyCell(left)) {
      if (typeof left === 'number' || typeof left === 'string') balances.push({ rowIndex: i, row: out.row(i), name, on: from, written: left });
      else {
        const shown = typeof left === 'object' && left ? left.error : String(left);
        out.add(i, 'leaveLeft', 'error', 'input', M(`${header.columns.get('leaveLeft')!.text}: ${shown} is not an amount of leave`, `${header.columns.get('leaveLeft')!.text}: ${shown} は日数ではありません`));
      }
    }
  }
  return { entries, out, header, dataRows, unread, balances, owner };
}

/** A 残日数 cell of a ledger row: the balance the clerk wrote after that row. */
export interface WrittenBalance {
  rowIndex: number;
  row: number;
  name: string;
  on: Day;
  written: number | string;
}

const LEAVE_WORDS = /休暇|年休|休業|leave/i;

/**
 * A ledger's header: with a name column, or — the paper 休暇簿 of one person — without one, when a
 * 残日数 column or the title or sheet name says it is about leave (a 日付 / 種別 list of something
 * else is not a ledger).
 */
function ledgerHeader(sheet: SheetInput, mappings?: readonly ColumnMapping[]): Header<LedgerSheetField> | undefined {
  const withNames = headerOf<LedgerSheetField>(sheet, 'ledger', mappings);
  if (withNames) return withNames;
  // A person's own 休暇簿: no name column, so it needs a 残日数 column or a title that says leave.
  const one = headerOf<LedgerSheetField>(sheet, 'ledger', mappings, ['from', 'kind']);
  if (!one || one.columns.has('name')) return undefined;
  const titles = (sheet.rows ?? []).slice(0, one.top).flatMap((r) => r.filter((c): c is string => typeof c === 'string'));
  return one.columns.has('leaveLeft') || [sheet.name, ...titles].some((t) => LEAVE_WORDS.test(t.normalize('NFKC'))) ? one : undefined;
}

/**
 * Whose 休暇簿 a sheet without a name column is: the roster person its sheet name or a title row
 * above the header names (the longest name that fits), or without a roster the name after 氏名.
 */
export function ledgerOwner(sheet: SheetInput, headerRow: number, people?: ReadonlyMap<string, RosterPerson>): string | undefined {
  const texts = [sheet.name, ...(sheet.rows ?? []).slice(0, headerRow).flatMap((r) => r.filter((c): c is string => typeof c === 'string'))];
  if (people) {
    const keys = texts.map(nameKey);
    let best: RosterPerson | undefined;
    for (const [k, p] of people) if (k && keys.some((t) => t.includes(k)) && (!best || k.length > nameKey(best.name).length)) best = p;
    return best?.name;
  }
  for (const t of texts) {
    const m = /(?:氏名|名前|name)\s*[:：]\s*(.+)$/i.exec(t.normalize('NFKC').trim());
    if (m) return m[1].trim();
  }
  return undefined;
}

/**
 * The 日数 column against the entry's From–To: its working days (neither 週休日 nor 休日, Art 10.2,
 * 11), the days annual leave is taken on (Art 12.1); the other kinds may also be written as the
 * calendar days of the span, as sick leave (Art 13.1) and consecutive-day special leave are counted.
 */
function checkDaysColumn(out: Out<LedgerSheetField>, i: number, days: number, from: Day, to: Day, kind: LedgerKind): void {
  if (to < from) return; // the ledger check reports the reversed span
  const working = workingDaysBetween(from, to);
  const calendar = to - from + 1;
  if (days === working || (kind.kind !== 'annual' && days === calendar)) return;
  const span = `${isoFromDay(from)}${to === from ? '' : ` – ${isoFromDay(to)}`}`;
  const orCalendar = kind.kind === 'annual' ? { en: '', ja: '' } : { en: ` (${calendar} calendar days)`, ja: `（暦日では${calendar}日）` };
  out.add(i, 'days', 'error', 'Art 10.2, 11', M(`${days} days, but ${span} has ${working} working days${orCalendar.en}`, `日数 ${days}日 ですが、${span} の勤務日は${working}日です${orCalendar.ja}`));
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

/** Checks one ledger sheet (docs/rules.md §12); each finding on the entry's row. */
export function validateLedgerSheet(sheet: SheetInput, ctx: LedgerContext): SheetResult {
  return checkLedgerSheet(sheet, ctx).result;
}

/** The ledger check with the entries that passed it (the ones the pay may build on). */
export function checkLedgerSheet(sheet: SheetInput, ctx: LedgerContext): { result: SheetResult; sound: LedgerEntry[]; leftOut: LeftOutRow[] } {
  const rs = ctx.alt ?? defaultAltRuleset();
  const { entries, out, header, dataRows, unread, balances, owner } = readLedgerSheet(sheet, ctx.people, rs, ctx.mappings);
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
    if (ctx.people) checkWrittenBalances(rs, balances, sound, ctx.people, out);
  } catch (e) {
    out.add(header.row, '', 'error', 'internal', M(`the check stopped: ${(e as Error).message}`, `点検が中断しました: ${(e as Error).message}`));
  }
  out.findings.sort((a, b) => a.row - b.row || a.columnIndex - b.columnIndex);
  return { result: { sheet: sheet.name, kind: 'ledger' as SheetResult['kind'], headerRow: (sheet.firstRow ?? 1) + header.row, dataRows, findings: out.findings, notes: out.notes, ...(owner ? { owner } : {}) }, sound, leftOut };
}

/**
 * A 残日数 column against the balance the rules give on the row's date (Art 12.1, 12.2, D-4, D-5):
 * the term's grant on that day plus carried days, less the annual leave of the ledger's rows up to
 * and including this one — the core's annualLeaveBalance, entry by entry.
 */
function checkWrittenBalances(rs: AltRuleset, balances: readonly WrittenBalance[], sound: readonly LedgerEntry[], people: ReadonlyMap<string, RosterPerson>, out: Out<LedgerSheetField>): void {
  const hpd = rs.annualLeave.hoursPerDay;
  for (const b of balances) {
    const key = nameKey(b.name);
    const term = people.get(key)?.terms.find((t) => b.on >= t.start && b.on <= t.end);
    if (!term) continue; // not on the roster, or outside the term: the ledger check says so
    const read = readLeaveAmount(b.written, hpd);
    if (!read.ok) {
      out.add(b.rowIndex, 'leaveLeft', 'error', 'input', M(read.en, read.ja));
      continue;
    }
    const inTerm = sound.filter((e) => e.kind.kind === 'annual' && nameKey(e.name) === key && e.from >= term.start && e.from <= term.end).sort((x, y) => x.from - y.from || x.row - y.row);
    const rows = annualLeaveBalance(rs, term, inTerm);
    const upTo = rows.filter((r) => !r.problem && (r.entry.from < b.on || (r.entry.from === b.on && r.entry.row <= b.row))).pop();
    const granted = annualAvailableDays(rs, term, b.on).granted;
    // ownLeft counts against the whole term's grant; on this day only `granted` of it exists (D-4).
    const days = (upTo ? upTo.carriedLeft + upTo.ownLeft : term.carriedDays + rs.annualLeave.daysPerTerm) - (rs.annualLeave.daysPerTerm - granted);
    const expected = days * hpd * 60;
    if (Math.abs(read.value.minutes - expected) <= read.value.toleranceMinutes + 1e-6) continue;
    const text = (min: number) => leaveAmountText(min, hpd);
    out.add(b.rowIndex, 'leaveLeft', 'error', 'Art 12.1, 12.2', M(`leave left ${text(read.value.minutes).en} differs from the balance after this row on ${isoFromDay(b.on)}: ${text(expected).en} (${granted} granted + ${term.carriedDays} carried days less the annual leave taken)`, `残日数 ${text(read.value.minutes).ja} は ${isoFromDay(b.on)} のこの行の後の残日数 ${text(expected).ja}（付与${granted}日＋繰越${term.carriedDays}日 − 取得した年休）と異なります`));
  }
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

  /**
   * Why the month cannot be priced: some of its days fall in service whose term the roster does not
   * give (D-11, D-12). Such a month is refused, never priced with those days at 0.
   */
  unknown(name: string, month: MonthKey): Msg | undefined {
    const first = firstDayOfMonthKey(month);
    const last = lastDayOfMonthKey(month);
    const u = this.people.get(nameKey(name))?.unknown.find((x) => (x.from === undefined || x.from <= last) && x.to >= first);
    return u && M(u.en, u.ja);
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
  /** The month column's header, on a month-columns pay sheet. */
  column?: string;
  name: string;
  month: string;
  expected: number;
  paid?: number;
  steps: string[];
  steps_ja: string[];
}

export interface PaySheetResult extends SheetResult {
  expected: ExpectedPay[];
  /** The month-columns layout (4月 … 3月): its fiscal year and where it was read, for the status. */
  layout?: 'month-columns';
  status?: Msg;
}

// ---- the month-columns pay sheet -----------------------------------------------------------

interface MonthColumn {
  index: number;
  text: string;
  /** `4月` names a month of the sheet's fiscal year; `2024-04`, `R6.4`, a date name one outright. */
  month?: MonthKey;
  monthOfYear?: number;
}

/** The header of a month-columns pay sheet: a name column and at least two month columns (合計 and the rest ignored). */
function monthColumnsHeader(rows: Cell[][]): { row: number; name: { index: number; text: string }; months: MonthColumn[] } | undefined {
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const cells = rows[r] ?? [];
    const nameAt = cells.findIndex((c) => typeof c === 'string' && PAY_BY_HEADER.get(headerKey(c)) === 'name');
    if (nameAt < 0) continue;
    const months: MonthColumn[] = [];
    cells.forEach((c, index) => {
      if (index === nameAt || isEmptyCell(c)) return;
      const text = typeof c === 'string' ? c.trim() : String(c);
      const bare = typeof c === 'string' ? /^(\d{1,2})月(?:分)?$/.exec(c.normalize('NFKC').replace(/\s+/g, '')) : null;
      if (bare && Number(bare[1]) >= 1 && Number(bare[1]) <= 12) months.push({ index, text, monthOfYear: Number(bare[1]) });
      else if (typeof c === 'string' || typeof c === 'number') {
        const month = monthOfCell(c);
        if (month !== undefined) months.push({ index, text, month });
      }
    });
    if (months.length >= 2) return { row: r, name: { index: nameAt, text: String(cells[nameAt]).trim() }, months };
  }
  return undefined;
}

const PAY_WORDS = /報酬|給与|給料|支給|賃金|pay|salar|wage/i;

/**
 * A month-columns sheet is a pay sheet when its title or name says so (報酬, 給与, 支給, pay…):
 * offices keep days worked or leave taken in the same 氏名 / 4月 … 3月 shape, and those are not yen.
 */
function monthColumnsPaySheet(sheet: SheetInput): boolean {
  const rows = sheet.rows ?? [];
  const h = monthColumnsHeader(rows);
  if (!h) return false;
  const titles = rows.slice(0, h.row).flatMap((r) => r.filter((c): c is string => typeof c === 'string'));
  return [sheet.name, ...titles].some((t) => PAY_WORDS.test(t.normalize('NFKC')));
}

const FISCAL_YEAR_TEXT = /(令和|平成|[RrHh])\s*(\d{1,2}|元)\s*年度|(\d{4})\s*年度|FY\s*(\d{4})|(令和|平成|[RrHh])(\d{1,2})$/;

/** The fiscal year a title or a sheet name states: 令和6年度, R6年度, 2024年度, FY2024 (a sheet named R6 too). */
export function fiscalYearOfText(text: string): number | undefined {
  const m = FISCAL_YEAR_TEXT.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const era = m[1] ?? m[5];
  const n = m[2] ?? m[6];
  if (era && n) return (/^(令和|r)$/i.test(era) ? 2018 : 1988) + (n === '元' ? 1 : Number(n));
  const y = Number(m[3] ?? m[4]);
  return y >= 1980 && y <= 2099 ? y : undefined;
}

/** The fiscal year a sheet states in a title row above its header or in its name, and where. */
function statedFiscalYear(sheet: SheetInput, headerRow: number): { year: number; where: Msg } | undefined {
  const titles = (sheet.rows ?? []).slice(0, headerRow).flatMap((r) => r.filter((c): c is string => typeof c === 'string'));
  for (const t of titles) {
    const year = fiscalYearOfText(t);
    if (year !== undefined) return { year, where: M(`the title "${t}"`, `表題「${t}」`) };
  }
  const year = fiscalYearOfText(sheet.name);
  return year === undefined ? undefined : { year, where: M(`the sheet name "${sheet.name}"`, `シート名「${sheet.name}」`) };
}

/**
 * A paper 休暇簿's 月日 without a year (4/10, 4月10日) is a day of the fiscal year its title or sheet
 * name states: April–December of that year, January–March of the next.
 */
function withFiscalYear(base: CellSchema<Day>, fiscalYear: number | undefined): CellSchema<Day> {
  if (fiscalYear === undefined) return base;
  return {
    safeParse(c: Cell) {
      const m = typeof c === 'string' ? /^(\d{1,2})[/月](\d{1,2})日?$/.exec(c.normalize('NFKC').replace(/\s+/g, '')) : null;
      if (m) {
        const month = Number(m[1]);
        const day = Number(m[2]);
        const y = month >= 4 ? fiscalYear : fiscalYear + 1;
        if (month >= 1 && month <= 12 && isValidYmd(y, month, day)) return { success: true as const, data: dayFromYmd(y, month, day) };
      }
      return base.safeParse(c);
    },
  };
}

const NOT_A_PERSON = /^(合計|小計|計|総計|total|subtotal)$/i;

/**
 * The month-columns pay sheet (CONTRACT §4): one row per person, a column per month. 4月 … 3月 are
 * months of the fiscal year the title or the sheet name states (April to March); each month cell
 * is judged like a pay row; empty cells and a 合計 column or row are not judged.
 */
function validateMonthColumnsSheet(sheet: SheetInput, book: PayBook | undefined): PaySheetResult {
  const rows = sheet.rows ?? [];
  const h = monthColumnsHeader(rows)!;
  const header: Header<PaySheetField> = { row: h.row, top: h.row, columns: new Map([['name', h.name]]) };
  const out = new Out<PaySheetField>(sheet, header);
  const expected: ExpectedPay[] = [];
  const base = { sheet: sheet.name, kind: 'pay' as SheetResult['kind'], headerRow: (sheet.firstRow ?? 1) + h.row, layout: 'month-columns' as const };
  let status: Msg | undefined;
  if (h.months.some((m) => m.month === undefined)) {
    const source = statedFiscalYear(sheet, h.row);
    if (!source) {
      out.add(h.row, '', 'warning', 'input', M(`the month columns (${h.months.map((m) => m.text).join(', ')}) need the fiscal year: write it in the title (令和6年度) or the sheet name; nothing was judged`, `月の列（${h.months.map((m) => m.text).join('・')}）の年度が分かりません。表題（令和6年度）かシート名に年度を書いてください。点検していません`));
      return { ...base, dataRows: 0, findings: out.findings, expected };
    }
    const fy = source.year;
    for (const m of h.months) if (m.month === undefined) m.month = (m.monthOfYear! >= 4 ? fy : fy + 1) * 12 + m.monthOfYear! - 1;
    status = M(`fiscal year ${fy} (April ${fy} – March ${fy + 1}), from ${source.where.en}`, `${fy}年度（${fy}年4月〜${fy + 1}年3月）: ${source.where.ja}による`);
  }
  if (!book) out.add(h.row, 'name', 'warning', 'input', M('no roster sheet found (in this workbook or the files given with it): the expected pay cannot be computed', '名簿シートが見つかりません（このブック・同時に指定したファイル）。支給額を計算できません'));
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (let i = h.row + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (!cells || cells.every(isEmptyCell)) continue;
    const nameRead = isEmptyCell(cells[h.name.index]) ? undefined : readCell(textSchema, cells[h.name.index]);
    // Label, total and note rows are not people.
    if (!nameRead?.ok || NOT_A_PERSON.test(nameRead.value.replace(/\s+/g, '')) || nameRead.value.startsWith('※')) continue;
    dataRows++;
    const name = nameRead.value;
    if (seen.has(nameKey(name))) {
      out.add(i, 'name', 'error', 'input', M(`a second row for ${name} (first on row ${seen.get(nameKey(name))})`, `${name} の行が重複しています（最初は${seen.get(nameKey(name))}行目）`));
      continue;
    }
    seen.set(nameKey(name), out.row(i));
    for (const m of h.months) {
      const c = cells[m.index];
      if (isEmptyCell(c)) continue;
      const col = { index: m.index, text: m.text };
      const got = readCell(yenSchema, c);
      if (!got.ok) {
        out.addIn(i, col, 'error', 'input', got.msg);
        continue;
      }
      if (!book) continue;
      const judged = judgeMonth(book, name, m.month!, got.value, (field, severity, rule, msg) => (field === 'name' ? out.add(i, 'name', severity, rule, msg) : out.addIn(i, col, severity, rule, msg)));
      if (judged) expected.push({ row: out.row(i), column: m.text, ...judged });
      if (!judged && !book.people.has(nameKey(name))) break; // one "not on the roster" a row
    }
  }
  out.findings.sort((a, b) => a.row - b.row || a.columnIndex - b.columnIndex);
  return { ...base, dataRows, findings: out.findings, expected, status };
}

/**
 * One person's month on a pay sheet: the expected pay and its steps, and a finding through `add`
 * when the amount paid differs, the month cannot be priced (D-11, D-12), or the person is unknown.
 */
function judgeMonth(book: PayBook, name: string, monthKey: MonthKey, paid: number | undefined, add: (field: 'name' | 'paid', severity: Severity, rule: string, msg: Msg) => void): Omit<ExpectedPay, 'row'> | undefined {
  const refused = book.unknown(name, monthKey);
  if (refused) {
    // Nothing expected is reported, so nothing is written beside it.
    add('paid', 'warning', 'D-11, D-12', M(`${monthLabel(monthKey)} cannot be priced: ${refused.en}`, `${monthLabel(monthKey)} は計算できません: ${refused.ja}`));
    return undefined;
  }
  const quick = book.month(name, monthKey, false);
  // The steps only where a figure is reported or questioned.
  const p = quick && (paid === undefined || paid !== quick.expected) ? book.month(name, monthKey, true) : quick;
  if (!p) {
    add('name', 'error', 'input', M(`${name} is not on the roster`, `${name} は名簿にありません`));
    return undefined;
  }
  const steps = payStepsText(p, 'en');
  const stepsJa = payStepsText(p, 'ja');
  const left = leftOutText(book.leftOut(name, monthKey));
  if (left) {
    steps.push(left.en);
    stepsJa.push(left.ja);
  }
  if (paid !== undefined && paid !== p.expected) {
    add('paid', 'error', 'Art 7, 8, D-12, D-13', M(`paid ¥${grouped(paid)} differs from the expected ¥${grouped(p.expected)} for ${monthLabel(monthKey)}: ${steps.join('; ')}`, `支給額 ${grouped(paid)}円 は ${monthLabel(monthKey)} の計算額 ${grouped(p.expected)}円 と異なります: ${stepsJa.join('；')}`));
  }
  return { name, month: monthLabel(monthKey), expected: p.expected, paid, steps, steps_ja: stepsJa };
}

/**
 * Checks a pay sheet: each row's Paid against the expected pay (a differing amount is an error
 * that states the expected amount and its steps); without Paid, the expected amounts are reported
 * and nothing is judged.
 */
export function validatePaySheet(sheet: SheetInput, book: PayBook | undefined, mappings?: readonly ColumnMapping[]): PaySheetResult {
  const rows = sheet.rows ?? [];
  const header = headerOf<PaySheetField>(sheet, 'pay', mappings);
  if (!header) return monthColumnsPaySheet(sheet) ? validateMonthColumnsSheet(sheet, book) : { sheet: sheet.name, kind: 'unknown', headerRow: 0, dataRows: 0, findings: [], expected: [] };
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
    const judged = judgeMonth(book, name, monthKey, paid, (field, severity, rule, msg) => out.add(i, field === 'paid' && paid === undefined ? 'month' : field, severity, rule, msg));
    if (judged) expected.push({ row: out.row(i), ...judged });
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
