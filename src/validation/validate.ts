// Rows in, findings out: the roster and claims checks of the task pane and `altrules validate`.
// Pure: the adapters (Excel, exceljs) hand over cell values; nothing here reads or writes files.

import {
  AltRuleset,
  ClairRuleset,
  CohortCode,
  DateSystem,
  Day,
  RuleError,
  defaultAltRuleset,
  defaultClairRuleset,
  findOffice,
  isoFromDay,
  maxTerms,
  hasBridgeTerm,
  nameKey,
  participationLimit,
  suspensionPossible,
  stipendCap,
  termPlan,
  termsToJetYear,
  readLeaveAmount,
  leaveAmountText,
  builtInInForce,
  dayFromYmd,
  leaveCarryOver,
  leaveRemaining,
  monthlyPay,
  reappointedWithCarry,
  reappointmentIsException,
  exceptionYears,
  termLimitText,
  Term,
  Country,
  grouped,
} from '../core';
import {
  Cell,
  CellSchema,
  ClaimsField,
  Field,
  Msg,
  HEADER_TABLES,
  RosterField,
  cohortSchema,
  countrySchema,
  dateSchema,
  fiscalYearSchema,
  intSchema,
  isEmptyCell,
  numberSchema,
  leaveAmountCellSchema,
  periodSchema,
  readCell,
  textSchema,
  yenSchema,
} from './fields';
import { LedgerSheetField, PaySheetField, withLedgerAndPay } from './ledger';
import { ColumnMapping } from './store';
import { inClerkWords } from './report';
import { FoundHeader, RowNote, findHeader as readHeader, noteOf, sortRow, textsOf } from './header';
import { definedOnly } from './strict';
import { missingColumnWarnings } from './missingColumns';
export { mappingAdvice } from './missingColumns';

export type { RowNote } from './header';

export type Severity = 'error' | 'warning';

/** README "Checking a roster": one problem, next to its cell. */
export interface Finding {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** The header text as the sheet writes it ('' for a sheet-wide finding). */
  column: string;
  field: Field | LedgerSheetField | PaySheetField | '';
  severity: Severity;
  rule: string;
  message: string;
  message_ja: string;
  /** 1-based sheet column of the cell, for marking it (0 for a sheet-wide finding). */
  columnIndex: number;
}

export interface SheetInput {
  name: string;
  /** Cell values, row by row, as read from the used range (or a table, or the selection). */
  rows: Cell[][];
  /** 1-based sheet row and column of rows[0][0]. */
  firstRow?: number;
  firstColumn?: number;
  dateSystem?: DateSystem;
}

export type SheetKind = 'roster' | 'claims' | 'ledger' | 'pay' | 'unknown';

export interface SheetResult {
  sheet: string;
  kind: SheetKind;
  /** 1-based sheet row of the header row, or 0 when none was found. */
  headerRow: number;
  dataRows: number;
  findings: Finding[];
  /** Rows skipped because they are not people (blank, total, label, ※ note): one note each, never a finding. */
  notes?: RowNote[];
  /** The one right value of a finding's cell, where the rules know it (key: fixKey). */
  fixes?: Map<string, Fix>;
}

/** The value a cell should hold: a day (a date cell) or whole yen. */
export interface Fix {
  kind: 'day' | 'yen';
  value: number;
}

export const fixKey = (row: number, column: number, rule: string): string => `${row}:${column}:${rule}`;

export interface ValidateOptions {
  /** A fixed ruleset; without one, each row gets the built-in ruleset in force on its dates. */
  alt?: AltRuleset;
  clair?: ClairRuleset;
  /** The day the roster is read as of (leave granted by then, Art 12.1); default today in Japan. */
  asOf?: Day;
  /** Called now and then on big sheets: rows done, rows in all. */
  onProgress?: (done: number, total: number) => void;
  /** Sheets of the other files given together: their roster and ledger serve the ledger and pay checks. */
  related?: SheetInput[];
  /** Columns the clerk chose for fields their headers do not name (the workbook's `_altrules` store). */
  mappings?: ColumnMapping[];
  /** How a missing-column warning says to map a column: `--columns` (the CLI, default) or *Choose the column…* (the pane). */
  mapHint?: 'cli' | 'pane';
}

type Header = FoundHeader;

class Collector {
  readonly findings: Finding[] = [];
  readonly notes: RowNote[] = [];
  readonly fixes = new Map<string, Fix>();
  /** One column read as two fields (a mapping) must not say the same thing twice. */
  private readonly said = new Set<string>();
  constructor(
    private readonly sheet: string,
    private readonly header: Header,
    private readonly firstRow: number,
    private readonly firstColumn: number,
    readonly headerTexts: readonly (string | undefined)[] = [],
  ) {}

  get sheetName(): string {
    return this.sheet;
  }

  get firstColumnOfSheet(): number {
    return this.firstColumn;
  }

  /** The 1-based sheet row of an index into the sheet's rows. */
  sheetRow(rowIndex: number): number {
    return this.firstRow + rowIndex;
  }

  add(rowIndex: number, field: Field | '', severity: Severity, rule: string, msg: Msg, fix?: Fix): void {
    const col = field ? this.header.columns.get(field) : undefined;
    const once = `${rowIndex}|${col?.index ?? field}|${msg.en}`;
    if (this.said.has(once)) return;
    this.said.add(once);
    this.findings.push({
      sheet: this.sheet,
      row: this.firstRow + rowIndex,
      column: col?.text ?? '',
      field,
      severity,
      rule,
      message: msg.en,
      // The rules name fields by id; the clerk reads the sheet's header or the Japanese name.
      message_ja: inClerkWords(msg.ja, (f) => this.header.columns.get(f)?.text),
      columnIndex: col ? this.firstColumn + col.index : 0,
    });
    if (fix && col) this.fixes.set(fixKey(this.firstRow + rowIndex, this.firstColumn + col.index, rule), fix);
  }
}

const label = (f: Field, h: Header) => h.columns.get(f)?.text ?? f;
const M = (en: string, ja: string): Msg => ({ en, ja });

/** How one column is read: its schema, whether an empty cell is an error, the clause cited. */
interface FieldSpec {
  schema: CellSchema<unknown>;
  required?: boolean;
  /** Its problems are told by another field read from the same cell (the period column's end). */
  quiet?: boolean;
  rule: string;
}

/**
 * Calls `each` for every person's row with the row's fields read by `specs`; an empty required
 * cell or an unreadable one becomes a finding and leaves the field undefined. Rows that are not
 * people (blank, total, label, ※ note) get one note each and no finding; `each` learns the label
 * the row sits under (【小学校（兼務）】).
 */
function forEachRow(body: Cell[][], h: Header, out: Collector, specs: Partial<Record<Field, FieldSpec>>, each: (fields: Partial<Record<Field, unknown>>, rowIndex: number, cells: Cell[], label: string) => void, onProgress?: (done: number, total: number) => void): void {
  const total = body.length;
  const texts = out.headerTexts;
  let label = '';
  for (const [i, cells] of body.entries()) {
    if (onProgress && i % 500 === 0) onProgress(i, total);
    const rowIndex = h.row + 1 + i;
    const sort = sortRow(cells, h, texts);
    if (sort !== 'person') {
      const note = noteOf(sort, out.sheetName, out.sheetRow(rowIndex), body, i);
      if (note) out.notes.push(note);
      if (sort === 'label') label = String(cells?.find((c) => !isEmptyCell(c)) ?? '');
      continue;
    }
    const fields: Partial<Record<Field, unknown>> = {};
    for (const [field, col] of h.columns) {
      const spec = specs[field];
      if (!spec) continue;
      const cell = cells[col.index];
      if (isEmptyCell(cell)) {
        if (spec.required) out.add(rowIndex, field, 'error', spec.rule, M(`${col.text} is empty; it is required`, `${col.text} が空欄です（必須）`));
        continue;
      }
      const got = readCell(spec.schema, cell);
      if (got.ok) fields[field] = got.value;
      else if (!spec.quiet) out.add(rowIndex, field, 'error', spec.rule, M(`${col.text}: ${got.msg.en}`, `${col.text}: ${got.msg.ja}`));
    }
    each(fields, rowIndex, cells, label);
  }
  onProgress?.(total, total);
}

/** Validates one sheet. A malformed sheet gives findings, never an exception. */
export function validateSheet(input: SheetInput, options: ValidateOptions = {}): SheetResult {
  const firstRow = input.firstRow ?? 1;
  const firstColumn = input.firstColumn ?? 1;
  const rows = input.rows ?? [];
  const header = readHeader(rows, { mappings: options.mappings, sheet: input.name, firstColumn });
  // Ledger and pay sheets are checked by withLedgerAndPay.
  if (!header || header.kind === 'ledger' || header.kind === 'pay') {
    return { sheet: input.name, kind: 'unknown', headerRow: 0, dataRows: 0, findings: [] };
  }
  const out = new Collector(input.name, header, firstRow, firstColumn, textsOf(rows, header));
  const hint = options.mapHint ?? 'cli';
  const system = input.dateSystem ?? '1900';
  const body = rows.slice(header.row + 1);
  const early = new Set<string>();
  // Each row is checked under the ruleset in force on its dates; a date before the earliest one
  // uses it, with one warning per sheet.
  const altFor = (day: Day | undefined): AltRuleset => {
    if (options.alt) return options.alt;
    if (day === undefined) return defaultAltRuleset();
    const found = builtInInForce('alt', day);
    if (found.beforeEarliest) early.add(JSON.stringify([found.ruleset.title, found.ruleset.inForce.from]));
    return found.ruleset;
  };
  const clairFor = (day: Day | undefined): ClairRuleset => {
    if (options.clair) return options.clair;
    if (day === undefined) return defaultClairRuleset();
    const found = builtInInForce('clair', day);
    if (found.beforeEarliest) early.add(JSON.stringify([found.ruleset.title, found.ruleset.inForce.from]));
    return found.ruleset;
  };
  try {
    if (header.kind === 'roster') checkRoster(body, header, out, system, altFor, options.asOf ?? todayInJapan(), hint, options.onProgress);
    else checkClaims(body, header, out, clairFor, hint, options.onProgress);
    for (const key of early) {
      // The rules by their name in words: clerks never see ruleset ids or the project's file paths.
      const [title, from] = JSON.parse(key) as [{ en: string; ja: string }, string];
      out.add(header.row, '', 'warning', 'ruleset', {
        en: `some rows are dated before ${from}, when the earliest rules the add-in knows came into force (${title.en}); those rules were used for them`,
        ja: `${from}（アドインにある最も古い規則「${title.ja}」の適用開始日）より前の日付の行があります。それらにもこの規則を使用しました`,
      });
    }
  } catch (e) {
    // A fault of ours must not lose the user's findings: report it as one finding.
    out.add(header.row, '', 'error', 'internal', { en: `the check stopped: ${(e as Error).message}`, ja: `点検が中断しました: ${(e as Error).message}` });
  }
  const dataRows = body.filter((r) => r.some((c) => !isEmptyCell(c))).length - out.notes.filter((n) => !n.message.startsWith('blank')).length;
  out.findings.sort((a, b) => a.row - b.row || a.columnIndex - b.columnIndex);
  return { sheet: input.name, kind: header.kind, headerRow: firstRow + header.row, dataRows, findings: out.findings, notes: out.notes, fixes: out.fixes };
}

/** Today as a day number in Japan (UTC+9, no daylight saving). */
function todayInJapan(): Day {
  return Math.floor((Date.now() + 9 * 3_600_000) / 86_400_000);
}

export function validateWorkbook(sheets: SheetInput[], options: ValidateOptions = {}): SheetResult[] {
  return withLedgerAndPay(sheets, sheets.map((s) => validateSheet(s, options)), options);
}

/** What the clerk sees of a field: its first English and its first Japanese header word. */
export function fieldLabel(field: Field): Msg {
  const names = Object.values(HEADER_TABLES).map((t) => (t as Record<string, string[] | undefined>)[field]).find((n) => n !== undefined) ?? [field];
  return { en: names[0] ?? field, ja: names.find((n) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(n)) ?? names[0] ?? field };
}

/** One warning per sheet for each missing column a check needs, naming the candidates and how to map one (docs/fields.md). */
function missingColumns(h: Header, out: Collector, needs: [Field, string, Msg][], hint: 'cli' | 'pane', firstColumn: number): Set<Field> {
  const missing = missingColumnWarnings(h, needs, hint, firstColumn);
  for (const w of missing) out.add(h.row, w.field, 'warning', w.rule, w.msg);
  return new Set(missing.map((w) => w.field));
}

// ---- roster -------------------------------------------------------------------------------

interface RosterRow {
  name?: string;
  country?: Country;
  countryText?: string;
  cohort?: CohortCode;
  arrival?: Day;
  /** Undefined when not given, or once found outside its range. */
  term?: number | undefined;
  year?: number | undefined;
  termStart?: Day;
  termEnd?: Day;
  monthlyPay?: number;
  leaveUsedHours?: number;
  leaveLeft?: number | string;
  carriedLeave?: number;
  sickDays?: number;
  summer2Arrival?: Day;
  april1Arrival?: Day;
}

function checkRoster(body: Cell[][], h: Header, out: Collector, system: DateSystem, rulesetFor: (day: Day | undefined) => AltRuleset, asOf: Day, hint: 'cli' | 'pane', onProgress?: (d: number, t: number) => void): void {
  const date = dateSchema(system);
  const basic = 'input';
  const specs: Partial<Record<RosterField, FieldSpec>> = {
    name: { schema: textSchema, required: true, rule: basic },
    country: { schema: countrySchema, rule: 'Note 2.2' },
    cohort: { schema: cohortSchema, rule: 'Note 2.2' },
    arrival: { schema: date, required: true, rule: basic },
    // Either of term and year will do: the other is derived (Note 2, D-8, D-11).
    term: { schema: intSchema(1, 99), required: !h.columns.has('year'), rule: basic },
    year: { schema: intSchema(0, 99), required: !h.columns.has('term'), rule: basic },
    // A single period column (任用期間 R6.8.7～R7.8.6) is read as both ends; its problems are told once.
    termStart: { schema: h.period && h.columns.get('termStart') === h.period ? periodSchema(system, 'start') : date, rule: basic },
    termEnd: { schema: h.period && h.columns.get('termEnd') === h.period ? periodSchema(system, 'end') : date, rule: basic, quiet: h.period !== undefined && h.columns.get('termEnd') === h.period && h.columns.get('termStart') === h.period },
    monthlyPay: { schema: yenSchema, rule: basic },
    leaveUsedHours: { schema: numberSchema(0, 100_000), rule: basic },
    leaveLeft: { schema: leaveAmountCellSchema, rule: basic },
    carriedLeave: { schema: numberSchema(0, 1000), rule: basic },
    sickDays: { schema: intSchema(0, 3660), rule: basic },
    summer2Arrival: { schema: date, rule: basic },
    april1Arrival: { schema: date, rule: basic },
  };
  missingColumns(h, out, [
    ['name', basic, M('the duplicate-person check', '同一人物の重複チェック')],
    ['arrival', 'Note 2.2', M('the term checks', '任期のチェック')],
    ...(h.columns.has('year') ? [] : [['term', 'Note 2.3', M('the term checks', '任期のチェック')] as [Field, string, Msg]]),
    ...(h.columns.has('term') ? [] : [['year', 'Art 7.1', M('the JET year and pay checks', '来日年数と報酬のチェック')] as [Field, string, Msg]]),
    ['cohort', 'Note 2.2', M('the cohort check (S1 taken for July–March arrivals; April–June arrivals cannot be checked)', '来日区分のチェック（7〜3月の来日は S1 とみなし、4〜6月の来日は点検不可）')],
    ['termStart', 'Note 2.2–2.3', M('the term start check', '任期開始日のチェック')],
    ['termEnd', 'Art 5.1', M('the term end check', '任期終了日のチェック')],
    ['monthlyPay', 'Art 7.1', M('the pay check', '報酬のチェック')],
  ], hint, out.firstColumnOfSheet);
  const seen = new Map<string, number>();
  const listed = new Map<string, { row: number; r: RosterRow; concurrent: boolean }>();
  forEachRow(
    body,
    h,
    out,
    specs,
    (fields, rowIndex, cells, label) => {
      const r = fields as RosterRow;
      const countryCol = h.columns.get('country');
      if (countryCol && !isEmptyCell(cells[countryCol.index])) r.countryText = String(cells[countryCol.index]);
      const rs = rulesetFor(r.termStart ?? r.arrival);
      deriveTermOrYear(r, rowIndex, h, out, rs, cells);
      checkRosterRow(r, rowIndex, h, out, rs, asOf);
      // 兼務 (a concurrent post): the same person under a second school; the rows must agree.
      const concurrent = label.includes('兼務') || cells.some((c) => typeof c === 'string' && c.includes('兼務'));
      const before = r.name ? listed.get(nameKey(r.name)) : undefined;
      if (r.name && before && (before.concurrent || concurrent) && (before.r.term === r.term || before.r.term === undefined || r.term === undefined)) {
        const differ = (['arrival', 'term', 'monthlyPay'] as const).filter((f) => before.r[f] !== r[f]).map((f) => fieldLabel(f));
        out.add(rowIndex, 'name', 'warning', basic, M(
          `${r.name} is listed twice (兼務, a concurrent post; first on row ${before.row}): the two rows must agree on arrival, term and pay${differ.length ? `; they differ in ${differ.map((d) => d.en).join(', ')}` : ''}`,
          `${r.name} が2回記載されています（兼務。最初は${before.row}行目）。来日日・任用回数・報酬は両方の行で同じでなければなりません${differ.length ? `（${differ.map((d) => d.ja).join('・')}が異なります）` : ''}`,
        ));
        return;
      }
      if (r.name && !before) listed.set(nameKey(r.name), { row: out.sheetRow(rowIndex), r, concurrent });
      if (r.name) {
        // One row per term: a re-appointed ALT's earlier term may have its own row (rosterPeople).
        const key = `${nameKey(r.name)}|${r.arrival ?? ''}|${r.term ?? ''}`;
        const first = seen.get(key);
        if (first !== undefined) {
          out.add(rowIndex, 'name', 'error', basic, M(`${r.name} appears twice (first on row ${first})`, `${r.name} が重複しています（最初は${first}行目）`));
        } else seen.set(key, out.sheetRow(rowIndex));
      }
    },
    onProgress,
  );
}

/**
 * Note 2, D-8, D-11: a row with only the JET year (年次) or only the term (任用回数) gets the other
 * from its arrival, so a roster is never asked for both. Where it cannot be told, a warning.
 */
function deriveTermOrYear(r: RosterRow, row: number, h: Header, out: Collector, rs: AltRuleset, cells: Cell[]): void {
  if (r.term === undefined && r.year === undefined) {
    // Only when both cells are blank: a cell that could not be read has its own finding already.
    const blank = (f: Field) => { const c = h.columns.get(f); return !c || isEmptyCell(cells[c.index]); };
    if (h.columns.has('term') && h.columns.has('year') && blank('term') && blank('year')) out.add(row, 'year', 'error', 'input', M('neither the JET year nor the term is given; give one of them', '来日年数（年次）と任用回数のどちらも空欄です。どちらかを入力してください'));
    return;
  }
  if (r.arrival === undefined || (r.term !== undefined && r.year !== undefined)) return;
  const input = { arrival: r.arrival, ...definedOnly({ cohort: r.cohort, country: r.country?.en ?? r.countryText, summer2Arrival: r.summer2Arrival, april1Arrival: r.april1Arrival }) };
  try {
    if (r.term === undefined && r.year !== undefined && r.year >= 1 && r.year <= rs.term.maxYears) r.term = termsToJetYear(rs, input, r.year, r.termStart).length;
    else if (r.year === undefined && r.term !== undefined && r.term <= maxTerms(rs, true)) {
      const plan = termPlan(rs, input, r.term);
      r.year = plan[plan.length - 1]?.jetYear;
    }
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    // The term checks report what is missing for a known term; an unknown one is said here.
    if (r.term === undefined) out.add(row, e.arg === 'term' ? 'year' : ((['country', 'cohort', 'summer2Arrival', 'april1Arrival'] as string[]).includes(e.arg) ? (e.arg as Field) : 'arrival'), 'warning', 'Note 2, D-8, D-11', M(`the term of JET year ${r.year} cannot be told: ${e.message}; term dates not checked`, `来日${r.year}年目の任期が特定できません: ${e.messageJa}。任期の日付は点検していません`));
  }
}

function checkRosterRow(r: RosterRow, row: number, h: Header, out: Collector, rs: AltRuleset, asOf: Day): void {
  const L = (f: Field) => label(f, h);
  // Art 5.3, Note 3: JET years 1–5.
  if (r.year !== undefined && (r.year < 1 || r.year > rs.term.maxYears)) {
    out.add(row, 'year', 'error', 'Art 5.3, Note 3', M(`JET year ${r.year} is outside 1–${rs.term.maxYears}`, `来日年数 ${r.year} は1〜${rs.term.maxYears}の範囲外です`));
    r.year = undefined;
  } else if (r.year !== undefined && reappointmentIsException(rs, r.year)) {
    out.add(row, 'year', 'warning', 'Art 5.3', M(`JET year ${r.year}: a participant in year ${rs.term.reappointmentWarningFromYear - 1} is in principle not re-appointed; ${exceptionYears(rs).en}`, `来日${r.year}年目: ${rs.term.reappointmentWarningFromYear - 1}年目の参加者は原則として再任用しません（${exceptionYears(rs).ja}）`));
  }
  // Art 7.1: monthly pay from the table.
  if (r.year !== undefined && r.monthlyPay !== undefined) {
    const expected = monthlyPay(rs, r.year);
    if (r.monthlyPay !== expected) {
      out.add(row, 'monthlyPay', 'error', 'Art 7.1', M(`monthly pay ¥${grouped(r.monthlyPay)} differs from the table for JET year ${r.year}: ¥${grouped(expected)}`, `月額 ${grouped(r.monthlyPay)}円 は来日${r.year}年目の額 ${grouped(expected)}円 と異なります`), { kind: 'yen', value: expected });
    }
  }
  const term = checkTerms(r, row, out, rs, L);
  checkLeave(r, row, out, rs, term, asOf);
  checkSickDays(r, row, out, rs, term);
}

/** Art 12: the core's leave rules on the row's term, as of the check day (within the term). */
function checkLeave(r: RosterRow, row: number, out: Collector, rs: AltRuleset, term: Term | undefined, asOf: Day): void {
  checkLeaveLeft(r, row, out, rs, term, asOf);
  if (r.leaveUsedHours === undefined && r.carriedLeave === undefined) return;
  const start = r.termStart ?? term?.start;
  const end = r.termEnd ?? term?.end;
  const carriedDays = r.carriedLeave ?? 0;
  // Carried days come only with a re-appointment (Art 12.2): term 2 or later.
  const reappointed = r.term === undefined ? undefined : r.term > 1;
  const judge = (carried: number): RuleError | undefined => {
    try {
      if (start !== undefined && asOf >= start) {
        const on = end !== undefined && asOf > end ? end : asOf;
        leaveRemaining(rs, { termStart: start, asOf: on, usedHours: r.leaveUsedHours ?? 0, carriedDays: carried, ...definedOnly({ reappointed }) });
      } else {
        // No term start known, or the term has not begun: judged against the whole term's grant.
        reappointedWithCarry(carried, reappointed);
        leaveCarryOver(rs, r.leaveUsedHours ?? 0, carried);
      }
      return undefined;
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      return e;
    }
  };
  let problem = judge(carriedDays);
  if (problem?.arg === 'carriedDays') {
    out.add(row, 'carriedLeave', 'error', 'Art 12.2', M(problem.message, problem.messageJa));
    // The hours used are still judged, without the refused carried days.
    problem = r.leaveUsedHours === undefined ? undefined : judge(0);
  }
  // The core names its argument; the clerk sees the column.
  if (problem) out.add(row, 'leaveUsedHours', 'error', 'Art 12.1', M(problem.message.replace(/\busedHours\b/, 'Leave used (hours)'), problem.messageJa.replace(/\busedHours\b/, '年休使用時間')));
}

/**
 * Art 12.1, 12.2: the Leave left column (年休残日数) against the balance the rules give on the check
 * day (within the term): granted + carried − used. Without the hours used only an upper bound is
 * known: more than was ever available is an error.
 */
function checkLeaveLeft(r: RosterRow, row: number, out: Collector, rs: AltRuleset, term: Term | undefined, asOf: Day): void {
  if (r.leaveLeft === undefined) return;
  const hpd = rs.annualLeave.hoursPerDay;
  const read = readLeaveAmount(r.leaveLeft, hpd);
  if (!read.ok) {
    out.add(row, 'leaveLeft', 'error', 'input', M(read.en, read.ja));
    return;
  }
  const start = r.termStart ?? term?.start;
  const end = r.termEnd ?? term?.end;
  if (start === undefined || asOf < start) return; // the term has not begun: no balance yet to compare
  const on = end !== undefined && asOf > end ? end : asOf;
  const reappointed = r.term === undefined ? (r.year === undefined ? undefined : r.year > 1) : r.term > 1;
  let most: number;
  let expected: number | undefined;
  try {
    most = leaveRemaining(rs, { termStart: start, asOf: on, carriedDays: r.carriedLeave ?? 0, ...definedOnly({ reappointed }) }) * hpd * 60;
    if (r.leaveUsedHours !== undefined) expected = leaveRemaining(rs, { termStart: start, asOf: on, usedHours: r.leaveUsedHours, carriedDays: r.carriedLeave ?? 0, ...definedOnly({ reappointed }) }) * hpd * 60;
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    return; // the leave-used and carried checks report it
  }
  const given = read.value;
  const text = (min: number) => leaveAmountText(min, hpd);
  if (expected !== undefined && Math.abs(given.minutes - expected) > given.toleranceMinutes + 1e-6) {
    out.add(row, 'leaveLeft', 'error', 'Art 12.1, 12.2', M(`leave left ${text(given.minutes).en} differs from the balance on ${isoFromDay(on)}: ${text(expected).en} (granted + ${r.carriedLeave ?? 0} carried days − ${r.leaveUsedHours} h used)`, `年休残 ${text(given.minutes).ja} は ${isoFromDay(on)} 時点の残日数 ${text(expected).ja}（付与＋繰越${r.carriedLeave ?? 0}日 − 使用${r.leaveUsedHours}時間）と異なります`));
  } else if (expected === undefined && given.minutes > most + given.toleranceMinutes + 1e-6) {
    out.add(row, 'leaveLeft', 'error', 'Art 12.1, 12.2', M(`leave left ${text(given.minutes).en} is more than the term can have given by ${isoFromDay(on)}: ${text(most).en}`, `年休残 ${text(given.minutes).ja} は ${isoFromDay(on)} までに付与される ${text(most).ja} を超えています`));
  }
}

/**
 * The Sick days column is the term's total of sick-leave days. A total says nothing of single
 * periods, so neither the certificate (Art 30.3) nor the 20-day limit of one period (Art 13.2)
 * can be judged from it; a total above 20 means several periods, which is worth a look.
 */
function checkSickDays(r: RosterRow, row: number, out: Collector, rs: AltRuleset, term: Term | undefined): void {
  if (r.sickDays === undefined) return;
  const start = r.termStart ?? term?.start;
  const end = r.termEnd ?? term?.end;
  if (start !== undefined && end !== undefined && end >= start && r.sickDays > end - start + 1) {
    out.add(row, 'sickDays', 'error', 'Art 13.2', M(`${r.sickDays} sick days in the term is more than the term's ${end - start + 1} days`, `病休 ${r.sickDays}日 は任期の日数 ${end - start + 1}日を超えています`));
    return;
  }
  if (r.sickDays > rs.sickLeave.maxDays) {
    const suspension = suspensionPossible(rs, r.sickDays) ? { en: `; more than ${rs.sickLeave.suspensionAfterDays} consecutive days unable to work allow suspension (休職, Art 26.2.1)`, ja: `（連続${rs.sickLeave.suspensionAfterDays}日を超えて勤務できない場合は休職。第26条第2項第1号）` } : { en: '', ja: '' };
    out.add(row, 'sickDays', 'warning', 'Art 13.2', M(`${r.sickDays} sick days in the term (the column is the term's total): each period may last at most ${rs.sickLeave.maxDays} days, periods fewer than ${rs.sickLeave.joinIfGapLessThanDays} days apart counting as one; check the periods with ALT.SICKLEFT${suspension.en}`, `任期中の病休 ${r.sickDays}日（この列は任期中の合計）: 1つの期間は${rs.sickLeave.maxDays}日まで、間が${rs.sickLeave.joinIfGapLessThanDays}日未満の期間は連続とみなします。ALT.SICKLEFT で期間を確認してください${suspension.ja}`));
  }
}

function checkTerms(r: RosterRow, row: number, out: Collector, rs: AltRuleset, L: (f: Field) => string): Term | undefined {
  if (r.arrival === undefined || r.term === undefined) return undefined;
  const input = {
    arrival: r.arrival,
    ...definedOnly({ cohort: r.cohort, country: r.country?.en ?? r.countryText, summer2Arrival: r.summer2Arrival, april1Arrival: r.april1Arrival }),
  };
  const april = r.cohort === 'A1' || r.cohort === 'A2';
  let bridge = false;
  if (april && r.term >= 2) {
    if (!input.country || !r.country) {
      out.add(row, r.country ? 'term' : 'country', 'warning', 'Note 2.3', M('the country decides whether an April arrival has the bridge term; term dates not checked', '4月来日者は国籍により短期の任期の有無が決まります。任期の日付は点検していません'));
      return undefined;
    }
    bridge = hasBridgeTerm(rs, r.cohort as CohortCode, input.country);
  }
  if (r.term > maxTerms(rs, bridge)) {
    const limit = termLimitText(rs, bridge);
    out.add(row, 'term', 'error', 'Art 5.3, Note 3, D-8', M(`term ${r.term}: ${limit.en}`, `任用回数 ${r.term}: ${limit.ja}`));
    return undefined;
  }
  let plan: Term[];
  try {
    plan = termPlan(rs, input, r.term);
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    const known: Field[] = ['summer2Arrival', 'april1Arrival', 'country', 'cohort'];
    const field: Field = (known as string[]).includes(e.arg) ? (e.arg as Field) : 'arrival';
    // A missing input makes the check impossible (a warning), never a wrong "should be" date.
    if (e.reason === 'missing') out.add(row, field, 'warning', 'Note 2.2–2.3', M(`${e.message}; term dates not checked`, `${e.messageJa}。任期の日付は点検していません`));
    else out.add(row, field, 'error', 'Note 2.2–2.3', M(e.message, e.messageJa));
    return undefined;
  }
  const [first] = plan;
  const term = plan[plan.length - 1];
  if (!first || !term) return undefined; // a plan of no terms: nothing to check against
  // D-11: the JET year of the term.
  if (r.year !== undefined && r.year !== term.jetYear) {
    out.add(row, 'year', 'error', 'Note 2.3, D-11', M(`JET year ${r.year} does not fit term ${r.term} from arrival ${isoFromDay(r.arrival)}: that term is JET year ${term.jetYear} (D-11)`, `来日年数 ${r.year} は ${isoFromDay(r.arrival)} 来日の${r.term}回目の任期と合いません（この任期は来日${term.jetYear}年目。D-11）`));
  }
  if (r.termStart !== undefined && r.termStart !== term.start) {
    const why = r.term === 1 ? M('term 1 starts the day after arrival', '初回の任期は来日日の翌日から') : M('a later term starts the day after the previous term ends', '2回目以降の任期は前任期満了日の翌日から');
    out.add(row, 'termStart', 'error', r.term === 1 ? 'Note 2.2' : 'Note 2.3', M(`${L('termStart')} ${isoFromDay(r.termStart)} should be ${isoFromDay(term.start)}: ${why.en}`, `${L('termStart')} ${isoFromDay(r.termStart)} は ${isoFromDay(term.start)} のはずです（${why.ja}）`), { kind: 'day', value: term.start });
  }
  if (r.termEnd !== undefined && r.termEnd !== term.end) {
    out.add(row, 'termEnd', 'error', term.bridge ? 'Note 2.3, D-8' : 'Art 5.1, Note 2', M(`${L('termEnd')} ${isoFromDay(r.termEnd)} should be ${isoFromDay(term.end)}${term.bridge ? ' (the bridge term)' : ''}`, `${L('termEnd')} ${isoFromDay(r.termEnd)} は ${isoFromDay(term.end)} のはずです${term.bridge ? '（短期の任期）' : ''}`), { kind: 'day', value: term.end });
  }
  if (term.end > participationLimit(rs, first.start)) {
    out.add(row, 'term', 'error', 'Note 3', M(`participation would exceed ${termLimitText(rs, true).en}`, `参加期間が上限を超えます（${termLimitText(rs, true).ja}）`));
  }
  return term;
}

// ---- claims -------------------------------------------------------------------------------

function checkClaims(body: Cell[][], h: Header, out: Collector, rulesetFor: (day: Day | undefined) => ClairRuleset, hint: 'cli' | 'pane', onProgress?: (d: number, t: number) => void): void {
  missingColumns(h, out, [
    ['office', 'CLAIR: 滞在経費助成金', M('the office and cap checks', '事務所と限度額のチェック')],
    ['claimed', 'CLAIR: 滞在経費助成金', M('the cap check', '限度額のチェック')],
    ['fiscalYear', 'D-7', M('the fiscal year check', '年度のチェック')],
    ['months', 'D-7', M('proration (12 months assumed)', '月割り（12か月とみなす）')],
  ], hint, out.firstColumnOfSheet);
  const subsidy = 'CLAIR: 滞在経費助成金';
  const specs: Partial<Record<ClaimsField, FieldSpec>> = {
    office: { schema: textSchema, required: true, rule: subsidy },
    fiscalYear: { schema: fiscalYearSchema, required: true, rule: 'D-7' },
    claimed: { schema: yenSchema, required: true, rule: subsidy },
    months: { schema: intSchema(1, 12), rule: 'D-7' },
    name: { schema: textSchema, rule: 'input' },
  };
  const seen = new Map<string, number>();
  forEachRow(
    body,
    h,
    out,
    specs,
    (fields, row) => {
      const { office: officeText, fiscalYear, claimed, months, name } = fields as { office?: string; fiscalYear?: number; claimed?: number; months?: number; name?: string };
      // D-7: the claim's fiscal year starts on 1 April; the ruleset in force then applies.
      const rs = rulesetFor(fiscalYear === undefined ? undefined : dayFromYmd(fiscalYear, 4, 1));
      const office = officeText ? findOffice(rs, officeText) : undefined;
      if (officeText && !office) {
        out.add(row, 'office', 'error', 'CLAIR: 担当地域', M(`"${officeText}" is not a CLAIR overseas office (${rs.offices.map((o) => o.en).join(', ')})`, `「${officeText}」はクレアの海外事務所ではありません（${rs.offices.map((o) => o.ja).join('、')}）`));
      }
      if (office && claimed !== undefined) {
        const m = months ?? 12;
        const cap = stipendCap(rs, office.en, m < 12 ? m : undefined);
        if (claimed > cap) {
          out.add(row, 'claimed', 'error', m < 12 ? 'CLAIR: 滞在経費助成金, D-7' : 'CLAIR: 滞在経費助成金', M(`claimed ¥${grouped(claimed)} exceeds the ${office.en} cap ¥${grouped(cap)}${m < 12 ? ` for ${m} months (cap × ${m} ÷ 12)` : ''}`, `請求額 ${grouped(claimed)}円 が${office.ja}の限度額 ${grouped(cap)}円${m < 12 ? `（${m}か月分: 限度額 × ${m} ÷ 12）` : ''}を超えています`));
        }
      }
      if (office && fiscalYear !== undefined) {
        const key = `${office.code}|${fiscalYear}|${name ? nameKey(name) : ''}`;
        const first = seen.get(key);
        if (first !== undefined) {
          out.add(row, 'fiscalYear', 'error', 'D-7', M(`a second claim for ${office.en}, fiscal ${fiscalYear}${name ? `, ${name}` : ''} (first on row ${first}); the cap is per fiscal year`, `${office.ja}・${fiscalYear}年度${name ? `・${name}` : ''} の請求が重複しています（最初は${first}行目）。限度額は年度ごと`));
        } else seen.set(key, out.sheetRow(row));
      }
    },
    onProgress,
  );
}

/** Whether these rows hold a roster or claims header row (the pane's automatic range choice). */
export function hasHeaderRow(rows: Cell[][]): boolean {
  const kind = readHeader(rows)?.kind;
  return kind === 'roster' || kind === 'claims';
}
