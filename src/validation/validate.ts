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
  fiscalYearOf,
  dayFromIsoText,
  Country,
  grouped,
} from '../core';
import {
  CLAIMS_BY_HEADER,
  CLAIMS_HEADERS,
  Cell,
  CellSchema,
  ClaimsField,
  Field,
  Msg,
  ROSTER_BY_HEADER,
  ROSTER_HEADERS,
  RosterField,
  cohortSchema,
  countrySchema,
  dateSchema,
  fiscalYearSchema,
  headerKey,
  intSchema,
  isEmptyCell,
  numberSchema,
  readCell,
  textSchema,
  yenSchema,
} from './fields';
import { ColumnMapping, columnsFor } from './store';

export type Severity = 'error' | 'warning';

/** CONTRACT.md §2: one problem, next to its cell. */
export interface Finding {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** The header text as the sheet writes it ('' for a sheet-wide finding). */
  column: string;
  field: Field | '';
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

export type SheetKind = 'roster' | 'claims' | 'unknown';

export interface SheetResult {
  sheet: string;
  kind: SheetKind;
  /** 1-based sheet row of the header row, or 0 when none was found. */
  headerRow: number;
  dataRows: number;
  findings: Finding[];
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
  alt?: AltRuleset;
  clair?: ClairRuleset;
  /** Called now and then on big sheets: rows done, rows in all. */
  onProgress?: (done: number, total: number) => void;
  /** Columns the clerk chose for fields their headers do not name (the workbook's `_altrules` store). */
  mappings?: ColumnMapping[];
}

interface Header {
  row: number; // index into rows
  columns: Map<Field, { index: number; text: string }>;
  kind: SheetKind;
  /** Fields the clerk marked "not kept": no missing-column warning for them. */
  notKept?: Set<Field>;
}

const HEADER_SCAN_ROWS = 20;
const ROSTER_ONLY: RosterField[] = ['country', 'cohort', 'arrival', 'term', 'year', 'termStart', 'termEnd', 'monthlyPay', 'leaveUsedHours', 'carriedLeave', 'sickDays', 'summer2Arrival', 'april1Arrival'];
const CLAIMS_ONLY: ClaimsField[] = ['office', 'fiscalYear', 'claimed', 'months'];

/** The header row: the first of the top rows that names at least two known columns of one kind. */
function findHeader(rows: Cell[][]): Header | undefined {
  let best: Header | undefined;
  let bestScore = 0;
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const roster = new Map<Field, { index: number; text: string }>();
    const claims = new Map<Field, { index: number; text: string }>();
    rows[r].forEach((c, i) => {
      if (typeof c !== 'string') return;
      const key = headerKey(c);
      const rf = ROSTER_BY_HEADER.get(key);
      const cf = CLAIMS_BY_HEADER.get(key);
      // The first column of a name wins; a duplicate header is ignored.
      if (rf && !roster.has(rf)) roster.set(rf, { index: i, text: c.trim() });
      if (cf && !claims.has(cf)) claims.set(cf, { index: i, text: c.trim() });
    });
    const rosterScore = ROSTER_ONLY.filter((f) => roster.has(f)).length;
    const claimsScore = CLAIMS_ONLY.filter((f) => claims.has(f)).length;
    const score = Math.max(rosterScore, claimsScore);
    if (score >= 2 && score > bestScore) {
      bestScore = score;
      best = rosterScore >= claimsScore ? { row: r, columns: roster, kind: 'roster' } : { row: r, columns: claims, kind: 'claims' };
    }
    if (best) break;
  }
  return best;
}

class Collector {
  readonly findings: Finding[] = [];
  readonly fixes = new Map<string, Fix>();
  constructor(
    private readonly sheet: string,
    private readonly header: Header,
    private readonly firstRow: number,
    private readonly firstColumn: number,
  ) {}

  /** The 1-based sheet row of an index into the sheet's rows. */
  sheetRow(rowIndex: number): number {
    return this.firstRow + rowIndex;
  }

  add(rowIndex: number, field: Field | '', severity: Severity, rule: string, msg: Msg, fix?: Fix): void {
    const col = field ? this.header.columns.get(field) : undefined;
    this.findings.push({
      sheet: this.sheet,
      row: this.firstRow + rowIndex,
      column: col?.text ?? '',
      field,
      severity,
      rule,
      message: msg.en,
      message_ja: msg.ja,
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
  rule: string;
}

/**
 * Calls `each` for every non-empty data row with the row's fields read by `specs`; an empty
 * required cell or an unreadable one becomes a finding and leaves the field undefined.
 */
function forEachRow(body: Cell[][], h: Header, out: Collector, specs: Partial<Record<Field, FieldSpec>>, each: (fields: Partial<Record<Field, unknown>>, rowIndex: number, cells: Cell[]) => void, onProgress?: (done: number, total: number) => void): void {
  const total = body.length;
  for (let i = 0; i < total; i++) {
    if (onProgress && i % 500 === 0) onProgress(i, total);
    const cells = body[i];
    if (!cells || cells.every((c) => isEmptyCell(c))) continue;
    const rowIndex = h.row + 1 + i;
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
      else out.add(rowIndex, field, 'error', spec.rule, M(`${col.text}: ${got.msg.en}`, `${col.text}: ${got.msg.ja}`));
    }
    each(fields, rowIndex, cells);
  }
  onProgress?.(total, total);
}

/** Validates one sheet. A malformed sheet gives findings, never an exception. */
export function validateSheet(input: SheetInput, options: ValidateOptions = {}): SheetResult {
  const firstRow = input.firstRow ?? 1;
  const firstColumn = input.firstColumn ?? 1;
  const rows = input.rows ?? [];
  const header = findHeader(rows);
  if (!header) {
    return { sheet: input.name, kind: 'unknown', headerRow: 0, dataRows: 0, findings: [] };
  }
  if (options.mappings?.length) applyMappings(header, rows, options.mappings, input.name, firstColumn);
  const out = new Collector(input.name, header, firstRow, firstColumn);
  const system = input.dateSystem ?? '1900';
  const body = rows.slice(header.row + 1);
  const alt = options.alt ?? defaultAltRuleset();
  const clair = options.clair ?? defaultClairRuleset();
  try {
    if (header.kind === 'roster') checkRoster(body, header, out, system, alt, options.onProgress);
    else checkClaims(body, header, out, clair, options.onProgress);
  } catch (e) {
    // A fault of ours must not lose the user's findings: report it as one finding.
    out.add(header.row, '', 'error', 'internal', { en: `the check stopped: ${(e as Error).message}`, ja: `点検が中断しました: ${(e as Error).message}` });
  }
  const dataRows = body.filter((r) => r.some((c) => !isEmptyCell(c))).length;
  out.findings.sort((a, b) => a.row - b.row || a.columnIndex - b.columnIndex);
  return { sheet: input.name, kind: header.kind, headerRow: firstRow + header.row, dataRows, findings: out.findings, fixes: out.fixes };
}

export function validateWorkbook(sheets: SheetInput[], options: ValidateOptions = {}): SheetResult[] {
  return sheets.map((s) => validateSheet(s, options));
}

/** One warning per sheet for each missing column a check needs (CONTRACT.md §3). */
function missingColumns(h: Header, out: Collector, needs: [Field, string, Msg][]): Set<Field> {
  const missing = new Set<Field>();
  for (const [field, rule, what] of needs) {
    if (h.columns.has(field) || missing.has(field) || h.notKept?.has(field)) continue;
    missing.add(field);
    const names = { ...ROSTER_HEADERS, ...CLAIMS_HEADERS }[field];
    out.add(h.row, field, 'warning', rule, {
      en: `no "${names[0]}" column (${names.join(', ')}): ${what.en} skipped`,
      ja: `「${names[names.length - 1]}」列がないため、${what.ja}を省略しました`,
    });
  }
  return missing;
}

// ---- roster -------------------------------------------------------------------------------

interface RosterRow {
  name?: string;
  country?: Country;
  countryText?: string;
  cohort?: CohortCode;
  arrival?: Day;
  term?: number;
  year?: number;
  termStart?: Day;
  termEnd?: Day;
  monthlyPay?: number;
  leaveUsedHours?: number;
  carriedLeave?: number;
  sickDays?: number;
  summer2Arrival?: Day;
  april1Arrival?: Day;
}

function checkRoster(body: Cell[][], h: Header, out: Collector, system: DateSystem, rs: AltRuleset, onProgress?: (d: number, t: number) => void): void {
  const date = dateSchema(system);
  const basic = 'CONTRACT §3';
  const specs: Partial<Record<RosterField, FieldSpec>> = {
    name: { schema: textSchema, required: true, rule: basic },
    country: { schema: countrySchema, rule: 'Note 2.2' },
    cohort: { schema: cohortSchema, rule: 'Note 2.2' },
    arrival: { schema: date, required: true, rule: basic },
    term: { schema: intSchema(1, 99), required: true, rule: basic },
    year: { schema: intSchema(0, 99), required: true, rule: basic },
    termStart: { schema: date, rule: basic },
    termEnd: { schema: date, rule: basic },
    monthlyPay: { schema: yenSchema, rule: basic },
    leaveUsedHours: { schema: numberSchema(0, 100_000), rule: basic },
    carriedLeave: { schema: numberSchema(0, 1000), rule: basic },
    sickDays: { schema: intSchema(0, 3660), rule: basic },
    summer2Arrival: { schema: date, rule: basic },
    april1Arrival: { schema: date, rule: basic },
  };
  missingColumns(h, out, [
    ['name', basic, M('the duplicate-person check', '同一人物の重複チェック')],
    ['arrival', 'Note 2.2', M('the term checks', '任期のチェック')],
    ['term', 'Note 2.3', M('the term checks', '任期のチェック')],
    ['year', 'Art 7.1', M('the JET year and pay checks', '来日年数と報酬のチェック')],
    ['cohort', 'Note 2.2', M('the cohort check (S1 assumed)', '来日区分のチェック（S1 とみなす）')],
    ['termEnd', 'Art 5.1', M('the term end check', '任期終了日のチェック')],
    ['monthlyPay', 'Art 7.1', M('the pay check', '報酬のチェック')],
  ]);
  const seen = new Map<string, number>();
  forEachRow(
    body,
    h,
    out,
    specs,
    (fields, rowIndex, cells) => {
      const r = fields as RosterRow;
      const countryCol = h.columns.get('country');
      if (countryCol && !isEmptyCell(cells[countryCol.index])) r.countryText = String(cells[countryCol.index]);
      checkRosterRow(r, rowIndex, h, out, rs);
      if (r.name) {
        const key = `${nameKey(r.name)}|${r.arrival ?? ''}`;
        const first = seen.get(key);
        if (first !== undefined) {
          out.add(rowIndex, 'name', 'error', basic, M(`${r.name} appears twice (first on row ${first})`, `${r.name} が重複しています（最初は${first}行目）`));
        } else seen.set(key, out.sheetRow(rowIndex));
      }
    },
    onProgress,
  );
}

function checkRosterRow(r: RosterRow, row: number, h: Header, out: Collector, rs: AltRuleset): void {
  const L = (f: Field) => label(f, h);
  // Art 5.3, Note 3: JET years 1–5.
  if (r.year !== undefined && (r.year < 1 || r.year > rs.term.maxYears)) {
    out.add(row, 'year', 'error', 'Art 5.3, Note 3', M(`JET year ${r.year} is outside 1–${rs.term.maxYears}`, `来日年数 ${r.year} は1〜${rs.term.maxYears}の範囲外です`));
    r.year = undefined;
  } else if (r.year !== undefined && r.year >= rs.term.reappointmentWarningFromYear) {
    out.add(row, 'year', 'warning', 'Art 5.3', M(`JET year ${r.year}: a participant in the third year is in principle not re-appointed; years 4 and 5 are exceptions`, `来日${r.year}年目: 3年目の参加者は原則として再任用しません（4・5年目は例外）`));
  }
  // Art 7.1: monthly pay from the table.
  if (r.year !== undefined && r.monthlyPay !== undefined) {
    const expected = rs.pay.monthlyByYear[r.year - 1];
    if (r.monthlyPay !== expected) {
      out.add(row, 'monthlyPay', 'error', 'Art 7.1', M(`monthly pay ¥${grouped(r.monthlyPay)} differs from the table for JET year ${r.year}: ¥${grouped(expected)}`, `月額 ${grouped(r.monthlyPay)}円 は来日${r.year}年目の額 ${grouped(expected)}円 と異なります`), { kind: 'yen', value: expected });
    }
  }
  // Art 12.2: carried leave.
  if (r.carriedLeave !== undefined) {
    if (r.carriedLeave > rs.annualLeave.maxCarryDays) {
      out.add(row, 'carriedLeave', 'error', 'Art 12.2', M(`carried leave ${r.carriedLeave} days is more than ${rs.annualLeave.maxCarryDays}`, `繰越日数 ${r.carriedLeave}日 は上限${rs.annualLeave.maxCarryDays}日を超えています`));
    } else if (r.carriedLeave > 0 && r.term === 1) {
      out.add(row, 'carriedLeave', 'error', 'Art 12.2', M('a first appointment has no leave to carry over', '初任用者に繰越日数はありません'));
    }
  }
  // Art 12.1: leave used ≤ what the term gives (its grant plus carried days).
  if (r.leaveUsedHours !== undefined) {
    const carried = r.carriedLeave !== undefined && r.carriedLeave <= rs.annualLeave.maxCarryDays ? r.carriedLeave : 0;
    const available = (rs.annualLeave.daysPerTerm + carried) * rs.annualLeave.hoursPerDay;
    if (r.leaveUsedHours > available) {
      out.add(row, 'leaveUsedHours', 'error', 'Art 12.1', M(`${r.leaveUsedHours} h of leave used is more than the ${available} h available (${rs.annualLeave.daysPerTerm} + ${carried} days × ${rs.annualLeave.hoursPerDay} h)`, `年休使用 ${r.leaveUsedHours}時間 は取得可能な ${available}時間（(${rs.annualLeave.daysPerTerm}+${carried})日×${rs.annualLeave.hoursPerDay}時間）を超えています`));
    }
  }
  // Art 13.2, 30.3: sick leave.
  if (r.sickDays !== undefined) {
    if (r.sickDays > rs.sickLeave.maxDays) {
      const suspension = suspensionPossible(rs, r.sickDays) ? { en: '; beyond that, suspension (休職) under Art 26.2.1', ja: '（超える分は第26条第2項第1号の休職）' } : { en: '', ja: '' };
      out.add(row, 'sickDays', 'error', 'Art 13.2', M(`${r.sickDays} sick days is more than the ${rs.sickLeave.maxDays} allowed${suspension.en}`, `病休 ${r.sickDays}日 は上限${rs.sickLeave.maxDays}日を超えています${suspension.ja}`));
    } else if (r.sickDays > rs.sickLeave.certificateAfterDays) {
      out.add(row, 'sickDays', 'warning', 'Art 30.3', M(`${r.sickDays} sick days: a doctor's certificate is needed for more than ${rs.sickLeave.certificateAfterDays} consecutive days`, `病休 ${r.sickDays}日: 連続${rs.sickLeave.certificateAfterDays}日を超える場合は医師の診断書が必要です`));
    }
  }
  checkTerms(r, row, out, rs, L);
}

function checkTerms(r: RosterRow, row: number, out: Collector, rs: AltRuleset, L: (f: Field) => string): void {
  if (r.arrival === undefined || r.term === undefined) return;
  const cohort: CohortCode = r.cohort ?? 'S1';
  const fy = fiscalYearOf(r.arrival);
  const announced = rs.term.cohortArrivals[String(fy)] ?? {};
  const fromTable = (k: 'S2' | 'A1'): Day | undefined => {
    const iso = announced[k];
    return iso ? dayFromIsoText(iso) : undefined;
  };
  const input = {
    arrival: r.arrival,
    cohort,
    country: r.country?.en ?? r.countryText,
    summer2Arrival: r.summer2Arrival ?? fromTable('S2'),
    april1Arrival: r.april1Arrival ?? fromTable('A1'),
  };
  const april = cohort === 'A1' || cohort === 'A2';
  let bridge = false;
  if (april && r.term >= 2) {
    if (!input.country || !r.country) {
      out.add(row, r.country ? 'term' : 'country', 'warning', 'Note 2.3', M('the country decides whether an April arrival has the bridge term; term dates not checked', '4月来日者は国籍により短期の任期の有無が決まります。任期の日付は点検していません'));
      return;
    }
    bridge = hasBridgeTerm(rs, cohort, input.country);
  }
  const limit = maxTerms(rs, bridge);
  if (r.term > limit) {
    out.add(row, 'term', 'error', 'Art 5.3, Note 3, D-8', M(`term ${r.term} exceeds the ${limit} appointments possible (5 years 4 months at most)`, `任用回数 ${r.term} は最大${limit}回（最長5年4か月）を超えています`));
    return;
  }
  let plan;
  try {
    plan = termPlan(rs, input, r.term);
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    const field: Field = e.arg === 'summer2Arrival' || e.arg === 'april1Arrival' ? e.arg : e.arg === 'country' ? 'country' : 'arrival';
    const missing = /is needed/.test(e.message);
    out.add(row, field, missing ? 'warning' : 'error', 'Note 2.2–2.3', missing ? M(`${e.message}; term dates not checked`, `${e.messageJa}。任期の日付は点検していません`) : M(e.message, e.messageJa));
    return;
  }
  const term = plan[plan.length - 1];
  // P-3: the JET year in which the term starts.
  if (r.year !== undefined && r.year !== term.jetYear) {
    out.add(row, 'year', 'error', 'Note 2.3, P-3', M(`JET year ${r.year} does not fit term ${r.term} from arrival ${isoFromDay(r.arrival)}: that term starts in JET year ${term.jetYear}`, `来日年数 ${r.year} は ${isoFromDay(r.arrival)} 来日の${r.term}回目の任期と合いません（この任期は来日${term.jetYear}年目に開始）`));
  }
  if (r.termStart !== undefined && r.termStart !== term.start) {
    const why = r.term === 1 ? M('term 1 starts the day after arrival', '初回の任期は来日日の翌日から') : M('a later term starts the day after the previous term ends', '2回目以降の任期は前任期満了日の翌日から');
    out.add(row, 'termStart', 'error', r.term === 1 ? 'Note 2.2' : 'Note 2.3', M(`${L('termStart')} ${isoFromDay(r.termStart)} should be ${isoFromDay(term.start)}: ${why.en}`, `${L('termStart')} ${isoFromDay(r.termStart)} は ${isoFromDay(term.start)} のはずです（${why.ja}）`), { kind: 'day', value: term.start });
  }
  if (r.termEnd !== undefined && r.termEnd !== term.end) {
    out.add(row, 'termEnd', 'error', term.bridge ? 'Note 2.3, D-8' : 'Art 5.1, Note 2', M(`${L('termEnd')} ${isoFromDay(r.termEnd)} should be ${isoFromDay(term.end)}${term.bridge ? ' (the bridge term)' : ''}`, `${L('termEnd')} ${isoFromDay(r.termEnd)} は ${isoFromDay(term.end)} のはずです${term.bridge ? '（短期の任期）' : ''}`), { kind: 'day', value: term.end });
  }
  if (term.end > participationLimit(rs, plan[0].start)) {
    out.add(row, 'term', 'error', 'Note 3', M('participation would exceed 5 years 4 months', '参加期間が5年4か月を超えます'));
  }
}

// ---- claims -------------------------------------------------------------------------------

function checkClaims(body: Cell[][], h: Header, out: Collector, rs: ClairRuleset, onProgress?: (d: number, t: number) => void): void {
  missingColumns(h, out, [
    ['office', 'CLAIR: 滞在経費助成金', M('the office and cap checks', '事務所と限度額のチェック')],
    ['claimed', 'CLAIR: 滞在経費助成金', M('the cap check', '限度額のチェック')],
    ['fiscalYear', 'D-7', M('the fiscal year check', '年度のチェック')],
    ['months', 'D-7', M('proration (12 months assumed)', '月割り（12か月とみなす）')],
  ]);
  const subsidy = 'CLAIR: 滞在経費助成金';
  const specs: Partial<Record<ClaimsField, FieldSpec>> = {
    office: { schema: textSchema, required: true, rule: subsidy },
    fiscalYear: { schema: fiscalYearSchema, required: true, rule: 'D-7' },
    claimed: { schema: yenSchema, required: true, rule: subsidy },
    months: { schema: intSchema(1, 12), rule: 'D-7' },
    name: { schema: textSchema, rule: 'CONTRACT §3' },
  };
  const seen = new Map<string, number>();
  forEachRow(
    body,
    h,
    out,
    specs,
    (fields, row) => {
      const { office: officeText, fiscalYear, claimed, months, name } = fields as { office?: string; fiscalYear?: number; claimed?: number; months?: number; name?: string };
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
  return findHeader(rows) !== undefined;
}

/** The clerk's column choices override what the headers say; "not kept" silences the warning. */
function applyMappings(h: Header, rows: Cell[][], mappings: ColumnMapping[], sheet: string, firstColumn: number): void {
  const headerCells = rows[h.row] ?? [];
  for (const [field, index] of Object.entries(columnsFor({ mappings, acceptances: [], other: [] }, sheet, headerCells, firstColumn)) as [Field, number | null][]) {
    if (index === null) {
      h.columns.delete(field);
      (h.notKept ??= new Set()).add(field);
    } else h.columns.set(field, { index, text: String(headerCells[index] ?? '').trim() || field });
  }
}
