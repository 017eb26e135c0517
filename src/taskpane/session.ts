// One checked sheet, held where it was checked: in the Worker for the pane (so that 200,000
// findings never reach the pane's heap, whose collection alone blocked it for 400 ms), in the
// same thread for tests and as the fallback. The pane asks for a summary, a page of the list, or
// a slice of the findings sheet. DOM-free and Office-free.

import { Finding, Fix, SheetInput, SheetResult, fixKey, validateSheet } from '../validation/validate';
import { Acceptance, ColumnMapping, Store, acceptanceOf } from '../validation/store';
import { whoReader } from '../validation/report';
import type { Cell } from '../validation/fields';
import type { Severity } from '../validation/validate';
import { markRuns } from './marks';
import { ReportSlice, reportTable, sliceOf } from './present';
import { FindingsSheet, ReportRun, RuleCount, ruleSummary } from '../validation/report';

/** Progress is told in thousandths: the rows take the first 850, sorting the findings the next 100, the marks the rest. */
const PROGRESS_SCALE = 1000;
const CHECK_SHARE = 850;
const SORT_SHARE = 950;
const PROGRESS_EVERY = 20_000;

export type FindingFilter = 'all' | 'error' | 'warning' | 'accepted';

/** A finding as the list shows it: who it is about, the value its cell held, its one right value. */
export interface PageItem {
  finding: Finding;
  who: string;
  cell: Cell;
  fix?: Fix;
  acceptance?: Acceptance;
}

/** The marks of one sheet: a column's consecutive rows as one range (I2:I9), by severity. */
export interface SheetMarks {
  sheet: string;
  runs: Record<Severity, string[]>;
}

/** What the pane keeps of a check: small, whatever the number of rows or findings. */
export interface CheckSummary extends Omit<SheetResult, 'findings' | 'fixes'> {
  counts: Record<FindingFilter, number>;
  /** Open findings counted by rule and severity, shown before the list (click one to filter). */
  byRule: RuleCount[];
  /** The cells to mark, sheet by sheet. */
  marks: SheetMarks[];
  /** The header row's cells, for choosing a column. */
  header: Cell[];
  /** Findings the findings sheet lists (open and marked as checked). */
  reportRows: number;
  /** What the leave ledger and pay check adds (monthCheck.ts). */
  month?: MonthSummary;
}

/** The month check's own results: which sheets were checked and the expected pay rows. */
export interface MonthSummary {
  results: Omit<SheetResult, 'findings' | 'fixes'>[];
  expected: { sheet: string; row: number; expected: number }[];
}

export interface CheckOptions {
  mappings: ColumnMapping[];
  store: Store;
  onProgress?: (done: number, total: number) => void;
}

/** A checked set of findings, from one sheet or several: what a session is made of. */
export interface Checked {
  base: Omit<SheetResult, 'findings' | 'fixes'>;
  findings: Finding[];
  fixes?: Map<string, Fix>;
  /** The value a finding's cell held when read, and who the finding is about. */
  cellOf: (f: Finding) => Cell;
  who: (f: Finding) => string;
  header: Cell[];
  month?: MonthSummary;
}

/** Reading a sheet's cells and its people, for a session: one sheet's rows as read. */
export function sheetReaders(input: SheetInput, headerRow: number): Pick<Checked, 'cellOf' | 'who' | 'header'> {
  const { rows, firstRow = 1, firstColumn = 1 } = input;
  const byRow = whoReader({ rows, firstRow, headerRow });
  return {
    cellOf: (f) => (f.sheet === input.name && f.columnIndex ? rows[f.row - firstRow]?.[f.columnIndex - firstColumn] : undefined),
    who: (f) => (f.sheet === input.name ? byRow(f.row) : ''),
    header: headerRow ? (rows[headerRow - firstRow] ?? []) : [],
  };
}

export class CheckSession {
  readonly summary: CheckSummary;
  private readonly lists: Record<FindingFilter, Finding[]>;
  private readonly acceptance = new Map<Finding, Acceptance>();
  private readonly fixes: Map<string, Fix>;
  private readonly who: (f: Finding) => string;
  private readonly cellOf: (f: Finding) => Cell;
  private report: { key: string; sheet: FindingsSheet } | undefined;

  /** The roster (or claims) check of one sheet. */
  static ofSheet(input: SheetInput, options: CheckOptions): CheckSession {
    // The bar: the rows are most of the work; sorting out 200,000 findings is the rest, and
    // moves it too.
    const progress = options.onProgress ?? (() => undefined);
    const { findings, fixes, ...base } = validateSheet(input, { onProgress: (done, total) => progress(Math.round((CHECK_SHARE * done) / Math.max(1, total)), PROGRESS_SCALE), mappings: options.mappings, mapHint: 'pane' });
    return new CheckSession({ base, findings, ...(fixes ? { fixes } : {}), ...sheetReaders(input, base.headerRow) }, options.store, progress);
  }

  constructor(checked: Checked, store: Store, progress: (done: number, total: number) => void = () => undefined) {
    const { findings } = checked;
    this.fixes = checked.fixes ?? new Map();
    this.cellOf = checked.cellOf;
    this.who = checked.who;
    const open: Finding[] = [];
    const accepted: Finding[] = [];
    const errors: Finding[] = [];
    const warnings: Finding[] = [];
    for (const [i, f] of findings.entries()) {
      if (i % PROGRESS_EVERY === 0) progress(CHECK_SHARE + Math.round(((SORT_SHARE - CHECK_SHARE) * i) / findings.length), PROGRESS_SCALE);
      // Accepted findings stay accepted while their cell keeps the value they were accepted for.
      const a = store.acceptances.length ? acceptanceOf(store, f, this.cellOf(f)) : undefined;
      if (a) {
        accepted.push(f);
        this.acceptance.set(f, a);
        continue;
      }
      open.push(f);
      (f.severity === 'error' ? errors : warnings).push(f);
    }
    this.lists = { all: open, error: errors, warning: warnings, accepted };
    progress(SORT_SHARE, PROGRESS_SCALE);
    // Marks sheet by sheet; a sheet with no open finding still gets its earlier marks replaced.
    const bySheet = new Map<string, Finding[]>();
    for (const r of checked.month?.results ?? [checked.base]) if (r.sheet) bySheet.set(r.sheet, []);
    for (const f of open) {
      const list = bySheet.get(f.sheet);
      if (list) list.push(f);
      else bySheet.set(f.sheet, [f]);
    }
    this.summary = {
      ...checked.base,
      counts: { all: open.length, error: errors.length, warning: warnings.length, accepted: accepted.length },
      byRule: ruleSummary(open),
      marks: [...bySheet].map(([sheet, list]) => ({ sheet, runs: markRuns(list) })),
      header: checked.header,
      reportRows: open.length + accepted.length,
      ...(checked.month ? { month: checked.month } : {}),
    };
    progress(PROGRESS_SCALE, PROGRESS_SCALE);
  }

  /** `count` findings of one list from `from` on, as the list shows them. */
  page(filter: FindingFilter, from: number, count: number, rule?: string): PageItem[] {
    return this.listOf(filter, rule).slice(from, from + count).map((finding) => {
      const acceptance = this.acceptance.get(finding);
      const fix = finding.columnIndex ? this.fixes.get(fixKey(finding.row, finding.columnIndex, finding.rule)) : undefined;
      return { finding, who: this.who(finding), cell: this.cellOf(finding), ...(fix ? { fix } : {}), ...(acceptance ? { acceptance } : {}) };
    });
  }

  /** One list, or the findings of one rule in it (the accepted list is never narrowed); the last one asked is kept. */
  private listOf(filter: FindingFilter, rule?: string): Finding[] {
    if (rule === undefined || filter === 'accepted') return this.lists[filter];
    if (this.narrowed?.filter !== filter || this.narrowed.rule !== rule) this.narrowed = { filter, rule, list: this.lists[filter].filter((f) => f.rule === rule) };
    return this.narrowed.list;
  }

  private narrowed: { filter: FindingFilter; rule: string; list: Finding[] } | undefined;

  /** Rows `from`… of the findings sheet (row 0 is its title), built once for a run when first asked. */
  reportSlice(from: number, count: number, run: ReportRun): ReportSlice {
    const key = JSON.stringify(run);
    if (this.report?.key !== key) {
      const sheet = reportTable(
        this.lists.all,
        this.who,
        this.lists.accepted.flatMap((finding) => {
          // Every accepted finding was put in the list with its acceptance (constructor).
          const acceptance = this.acceptance.get(finding);
          return acceptance ? [{ finding, acceptance }] : [];
        }),
        run,
      );
      this.report = { key, sheet };
    }
    return sliceOf(this.report.sheet, from, count);
  }
}

/** A check as the pane holds it: the summary here, the findings wherever they were checked. */
export interface CheckedFindings {
  summary: CheckSummary;
  page(filter: FindingFilter, from: number, count: number, rule?: string): Promise<PageItem[]>;
  reportSlice(from: number, count: number, run: ReportRun): Promise<ReportSlice>;
  /** Lets the findings go (the Worker ends). */
  dispose(): void;
}

/** The session in this thread. */
export function localFindings(session: CheckSession): CheckedFindings {
  return {
    summary: session.summary,
    page: async (filter, from, count, rule) => session.page(filter, from, count, rule),
    reportSlice: async (from, count, run) => session.reportSlice(from, count, run),
    dispose: () => undefined,
  };
}

