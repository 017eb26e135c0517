// What the CLI's marked copy and the task pane both write: cell addresses and the findings sheet.

import type { Finding, Severity } from './validate';
import type { Cell } from './fields';
import { CLAIMS_BY_HEADER, HEADER_TABLES, ROSTER_BY_HEADER, headerKey, isEmptyCell } from './fields';
import type { Field } from './fields';
import { isMissingColumn, nextStep } from './nextSteps';
import { builtInRulesets } from '../core/rulesets';
import { inJapaneseWords, ruleLabel } from '../core/clauseLabel';
import type { SheetKind, SheetResult } from './validate';

export type Lang = 'en' | 'ja';

export const REPORT_SHEET = '点検結果 Findings';

export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** Where a finding is: its cell, or its row for a sheet-wide finding. */
export function whereOf(f: Finding): string {
  return f.columnIndex ? cellAddress(f.row, f.columnIndex) : String(f.row);
}

export interface CheckedRows {
  rows: Cell[][];
  firstRow: number;
  headerRow: number;
  /** The one person of a per-person 休暇簿 sheet (it has no name column). */
  owner?: string;
}

/**
 * Who each row is about: the Name (氏名) cell, else the row's first value (its key). The header
 * row itself and rows outside the data are nobody.
 */
export function whoReader(block: CheckedRows): (row: number) => string {
  const header = block.rows[block.headerRow - block.firstRow] ?? [];
  const nameIndex = header.findIndex((c) => typeof c === 'string' && (ROSTER_BY_HEADER.get(headerKey(c)) === 'name' || CLAIMS_BY_HEADER.get(headerKey(c)) === 'name'));
  const text = (c: Cell) => (typeof c === 'object' && c !== null ? c.error : String(c).trim());
  return (row) => {
    if (row <= block.headerRow) return '';
    if (block.owner) return block.owner;
    const cells = block.rows[row - block.firstRow];
    if (!cells) return '';
    if (nameIndex >= 0 && !isEmptyCell(cells[nameIndex])) return text(cells[nameIndex]);
    const first = cells.find((c) => !isEmptyCell(c));
    return first === undefined ? '' : text(first);
  };
}

/** Who each finding of a checked sheet is about, from the sheet's cells as read (the pane does the same). */
export function whoOfSheet(r: SheetResult, sheets: readonly { name: string; rows: Cell[][]; firstRow?: number }[]): (row: number) => string {
  const sheet = sheets.find((s) => s.name === r.sheet);
  if (!sheet) return () => '';
  // A per-person 休暇簿 sheet's result names its one person (ledger.ts adds `owner` to it).
  const owner = 'owner' in r && typeof r.owner === 'string' ? r.owner : undefined;
  return whoReader({ rows: sheet.rows, firstRow: sheet.firstRow ?? 1, headerRow: r.headerRow, ...(owner === undefined ? {} : { owner }) });
}

/** A finding as `--json` gives it (CONTRACT §2): sheet, row, column, field, severity, rule, who, message, message_ja. */
export function jsonFinding(finding: Finding, who: string): Omit<Finding, 'columnIndex'> & { who: string } {
  const { columnIndex: _c, message, message_ja, ...place } = finding;
  return { ...place, who, message, message_ja };
}

// ---- how a finding reads to a clerk (the pane, the CLI and the findings sheet alike) ----------

// One converter for every adapter: the functions' EXPLAIN and the CLI may not import this layer.
export { clauseJa, clauseTag, ruleLabel } from '../core/clauseLabel';

// ---- names in Japanese messages ---------------------------------------------------------------

const HAS_JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** A field's Japanese name: the first Japanese header its tables know (cohort → 来日区分). */
export function fieldJa(field: string): string | undefined {
  for (const table of Object.keys(HEADER_TABLES) as (keyof typeof HEADER_TABLES)[]) {
    const ja = (HEADER_TABLES[table][field] ?? []).find((h) => HAS_JAPANESE.test(h));
    if (ja !== undefined) return ja;
  }
  return undefined;
}

/** The rules' argument names that are a sheet's fields under another name, and the ones no sheet has. */
const ARGUMENT_FIELDS: Readonly<Record<string, Field>> = { carriedDays: 'carriedLeave', usedHours: 'leaveUsedHours', monthPay: 'monthlyPay' };
const ARGUMENTS_JA: Readonly<Record<string, string>> = {
  asOf: '基準日',
  date: '日付',
  serviceStart: '勤務開始日',
  serviceEnd: '勤務終了日',
  reappointed: '再任用',
  grantedDays: '付与日数',
  lastDayOfService: '最終勤務日',
  earlierLeaves: 'これまでの取得回数',
  dailyAveragePay: '平均報酬の1日分',
  actualExpenses: '実支出額',
};

/**
 * A Japanese message with the field and argument ids the rules put in it (`cohort（来日区分）が必要です`,
 * `termStart 2024-08-08`) in the clerk's words: the sheet's own header where the sheet has the
 * column, else the field's Japanese name (来日区分が必要です).
 */
export function inClerkWords(ja: string, headerOf: (field: Field) => string | undefined): string {
  return inJapaneseWords(ja, (id) => {
    const field = ARGUMENT_FIELDS[id] ?? id;
    const known = fieldJa(field);
    if (known === undefined) return ARGUMENTS_JA[id];
    return headerOf(field as Field) ?? known;
  });
}

/** A list of clauses in a message: "Art 7.1", "Art 13.2, 26.2.1", "Note 2.2", "Art 12–14". */
const CLAUSE_LIST = /\b(?:Art|Notes?) \d+(?:[-–.]\d+)*(?:,\s*(?:(?:Art|Notes?) )?\d+(?:[-–.]\d+)*)*/g;

/**
 * A finding's message as the clerk reads it: the project's decision numbers (D-n, P-n) left out as
 * in the rule column, and in Japanese the clauses it cites in their Japanese form (Art 7.1 →
 * 第7条第1項, "Art 13.2, 26.2.1" → 第13条第2項・第26条第2項第1号).
 */
export function clerkMessage(text: string, lang: Lang): string {
  let out = text
    // "(D-4)", "(Art 13.2, D-6)": the decision goes, the clause stays.
    .replace(/\s*\((?:[DP]-\d+(?:,\s*)?)+\)/g, '')
    .replace(/,\s*[DP]-\d+\b/g, '')
    .replace(/\b[DP]-\d+(?:,\s*|:\s*|\s+)/g, '')
    .replace(/\(\s*\)/g, '');
  if (lang === 'ja') out = out.replace(CLAUSE_LIST, (tags) => ruleLabel(tags, 'ja'));
  return out;
}

export function severityWord(severity: Severity, lang: Lang): string {
  return severity === 'error' ? (lang === 'ja' ? 'エラー' : 'Error') : lang === 'ja' ? '警告' : 'Warning';
}

/** A cell address, or "header row 3" for a finding about the sheet as a whole. */
export function whereLabel(f: Finding, lang: Lang): string {
  if (f.columnIndex) return cellAddress(f.row, f.columnIndex);
  // A missing column is said on the header row; any other finding without a cell is about its row.
  if (isMissingColumn(f)) return lang === 'ja' ? `見出し行 ${f.row}` : `header row ${f.row}`;
  return lang === 'ja' ? `${f.row}行目` : `row ${f.row}`;
}

/** The day of an ISO instant in Japan (UTC+9, no daylight saving): a check at 08:00 JST is that day's. */
export function dayInJapan(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t + 9 * 3_600_000).toISOString().slice(0, 10) : iso.slice(0, 10);
}

// ---- summary: count by rule and severity ----------------------------------------------------

export interface RuleCount {
  /** The rule as the checks cite it (the key: `--json` carries it, the pane filters by it). */
  rule: string;
  severity: Severity;
  count: number;
}

/** Findings counted by rule and severity: errors first, then the most frequent, then by rule. */
export function ruleSummary(findings: readonly Finding[]): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.rule}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { rule: f.rule, severity: f.severity, count: 1 });
  }
  return [...counts.values()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || b.count - a.count || a.rule.localeCompare(b.rule, 'en', { numeric: true }));
}

// ---- the findings sheet to file ------------------------------------------------------------

export interface ReportRun {
  lang: Lang;
  /** Both languages in the clause, message and next-step cells (only when asked). */
  both?: boolean;
  /** The day of the check, YYYY-MM-DD. */
  date: string;
  /** What was checked: file names (CLI) or the workbook and range (pane). */
  sources: string[];
  /** The rulesets applied, by their names in words. */
  rulesets: string[];
}

export interface ReportChecked {
  who: string;
  when: string;
  why: string;
}

/** A findings-sheet cell: text, or a count (a number in the cell, so that SUM and filters work). */
export type ReportCell = string | number;

export interface FindingsSheet {
  /** Every row of the sheet, top to bottom: title block, summary, the table's header, the findings. */
  rows: ReportCell[][];
  /** Column widths in characters (Excel's unit: the width of a digit of the default font). */
  widths: number[];
  /** Row heights in points, one per row. */
  heights: number[];
  /** 1-based rows: the summary's header, and the findings table's header (repeated on every page). Rows above the table do not wrap. */
  summaryHeaderRow: number;
  headerRow: number;
}

const REPORT_WORDS = {
  title: { en: 'Findings', ja: '点検結果' },
  date: { en: 'Checked on', ja: '点検日' },
  sources: { en: 'Checked', ja: '点検対象' },
  rulesets: { en: 'Rules', ja: '適用規則' },
  summary: { en: 'Count by rule and severity', ja: '条項別・重要度別の件数' },
  clause: { en: 'Clause', ja: '条項' },
  severity: { en: 'Severity', ja: '重要度' },
  count: { en: 'Count', ja: '件数' },
  total: { en: 'Total', ja: '合計' },
  none: { en: 'No problems found.', ja: '問題は見つかりませんでした。' },
  who: { en: 'Who', ja: '氏名' },
  sheet: { en: 'Sheet', ja: 'シート' },
  cell: { en: 'Cell', ja: 'セル' },
  field: { en: 'Column', ja: '列' },
  message: { en: 'Message', ja: 'メッセージ' },
  next: { en: 'What to do', ja: '対応' },
  checked: { en: 'Marked as checked', ja: '確認済み' },
} as const;

/** The findings table's column widths (characters); the message and what to do get the room. */
export const REPORT_COLUMN_WIDTHS = [16, 13, 7, 13, 8, 13, 46, 40];
const CHECKED_WIDTH = 24;
/** Points a line of 10-point text takes, and the padding of a row. */
const LINE_PT = 13.5;
const ROW_PAD_PT = 3;

/**
 * How many column-width units (a digit of the default font) a text takes at the sheet's 10 points:
 * a CJK or full-width character two (Meiryo UI 10 pt draws one in about 13 px, a unit is 7 px),
 * other characters 0.85 (measured from LibreOffice's rendering; Latin letters are narrower than digits).
 */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 0.85;
  return w;
}

/** Lines a wrapped cell needs in a column `width` units wide (words wrap whole: two units of slack a line). */
export function linesIn(text: string, width: number): number {
  const usable = Math.max(1, width - 2);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/**
 * The findings sheet a clerk prints and files: title, date, what was checked and the rules on top;
 * the count by rule and severity; then one row per finding (who, sheet, cell, the clerk's own
 * header, severity, clause, message, what to do), in the chosen language or both.
 */
export function findingsSheet(findings: readonly Finding[], who: (f: Finding) => string, run: ReportRun, checked: ReadonlyMap<Finding, ReportChecked> = new Map()): FindingsSheet {
  const { lang, both } = run;
  const w = (k: keyof typeof REPORT_WORDS) => (both ? `${REPORT_WORDS[k].ja} ${REPORT_WORDS[k].en}` : REPORT_WORDS[k][lang]);
  // Both languages: Japanese first, English below (once where they read the same, as a cell address does).
  const two = (en: string, ja: string) => (both ? (en === ja ? ja : `${ja}\n${en}`) : lang === 'ja' ? ja : en);
  const open = findings.filter((f) => !checked.has(f));
  const rows: ReportCell[][] = [];
  // Above the table every row is one cell wide and does not wrap: it runs on over the empty cells.
  rows.push([w('title')]);
  rows.push([`${w('date')}: ${run.date}`]);
  for (const src of run.sources) rows.push([`${w('sources')}: ${src}`]);
  for (const rs of run.rulesets) rows.push([`${w('rulesets')}: ${rs}`]);
  rows.push([]);
  const summaryHeaderRow = rows.length + 1;
  rows.push([w('summary')]);
  rows.push([w('count'), w('severity'), w('clause')]);
  const oneLine = (en: string, ja: string) => (both ? `${ja} ${en}` : lang === 'ja' ? ja : en);
  for (const c of ruleSummary(open)) rows.push([c.count, oneLine(severityWord(c.severity, 'en'), severityWord(c.severity, 'ja')), oneLine(ruleLabel(c.rule, 'en'), ruleLabel(c.rule, 'ja'))]);
  if (checked.size) rows.push([checked.size, w('checked')]);
  const total = open.length + checked.size;
  rows.push([total, w('total')]);
  if (!total) rows.push([w('none')]);
  rows.push([]);
  const headerRow = rows.length + 1;
  const header = [w('who'), w('sheet'), w('cell'), w('field'), w('severity'), w('clause'), w('message'), w('next')];
  if (checked.size) header.push(w('checked'));
  rows.push(header);
  const line = (f: Finding, severity: string, note?: string) => {
    const r = [
      who(f),
      f.sheet,
      two(whereLabel(f, 'en'), whereLabel(f, 'ja')),
      f.column,
      severity,
      two(ruleLabel(f.rule, 'en'), ruleLabel(f.rule, 'ja')),
      two(clerkMessage(f.message, 'en'), clerkMessage(f.message_ja, 'ja')),
      two(nextStep(f, 'en'), nextStep(f, 'ja')),
    ];
    if (checked.size) r.push(note ?? '');
    return r;
  };
  for (const f of open) rows.push(line(f, two(severityWord(f.severity, 'en'), severityWord(f.severity, 'ja'))));
  for (const [f, c] of checked) rows.push(line(f, w('checked'), `${c.who}, ${dayInJapan(c.when)}: ${c.why}`));
  const widths = checked.size ? [...REPORT_COLUMN_WIDTHS, CHECKED_WIDTH] : [...REPORT_COLUMN_WIDTHS];
  const heights = rows.map((r, i) => {
    if (i + 1 < headerRow) return i === 0 ? 24 : LINE_PT + ROW_PAD_PT;
    return Math.max(1, ...r.map((v, c) => linesIn(String(v), widths[c] ?? 10))) * LINE_PT + ROW_PAD_PT;
  });
  return { rows, widths, heights, summaryHeaderRow, headerRow };
}

/** The built-in rulesets a run's sheet kinds are checked under, by their names in words (never their ids). */
export function rulesetNames(kinds: readonly SheetKind[], lang: Lang): string[] {
  const wanted = new Set(kinds.map((k) => (k === 'claims' ? 'clair' : k === 'unknown' ? undefined : 'alt')).filter((k) => k !== undefined));
  return builtInRulesets()
    .filter((r) => wanted.has(r.kind))
    .map((r) => r.title[lang]);
}
