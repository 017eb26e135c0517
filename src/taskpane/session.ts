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
import { REPORT_WIDTHS, reportTable } from './present';

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

/** What the pane keeps of a check: small, whatever the number of rows or findings. */
export interface CheckSummary extends Omit<SheetResult, 'findings' | 'fixes'> {
  counts: Record<FindingFilter, number>;
  /** The cells to mark, a column's consecutive rows as one range (I2:I9), by severity. */
  marks: Record<Severity, string[]>;
  /** The header row's cells, for choosing a column. */
  header: Cell[];
  /** Rows of the findings sheet, its header row included. */
  reportRows: number;
  reportWidths: number[];
}

export interface CheckOptions {
  mappings: ColumnMapping[];
  store: Store;
  onProgress?: (done: number, total: number) => void;
}

export class CheckSession {
  readonly summary: CheckSummary;
  private readonly lists: Record<FindingFilter, Finding[]>;
  private readonly acceptance = new Map<Finding, Acceptance>();
  private readonly fixes: Map<string, Fix>;
  private readonly who: (f: Finding) => string;
  private readonly cellOf: (f: Finding) => Cell;
  private report: string[][] | undefined;

  constructor(input: SheetInput, options: CheckOptions) {
    // The bar: the rows are most of the work; sorting out 200,000 findings is the rest, and
    // moves it too.
    const progress = options.onProgress ?? (() => undefined);
    const { findings, fixes, ...rest } = validateSheet(input, { onProgress: (done, total) => progress(Math.round((CHECK_SHARE * done) / Math.max(1, total)), PROGRESS_SCALE), mappings: options.mappings });
    this.fixes = fixes ?? new Map();
    const { rows, firstRow = 1, firstColumn = 1 } = input;
    this.cellOf = (f) => (f.sheet === input.name && f.columnIndex ? rows[f.row - firstRow]?.[f.columnIndex - firstColumn] : undefined);
    const open: Finding[] = [];
    const accepted: Finding[] = [];
    const errors: Finding[] = [];
    const warnings: Finding[] = [];
    for (let i = 0; i < findings.length; i++) {
      if (i % PROGRESS_EVERY === 0) progress(CHECK_SHARE + Math.round(((SORT_SHARE - CHECK_SHARE) * i) / findings.length), PROGRESS_SCALE);
      const f = findings[i];
      // Accepted findings stay accepted while their cell keeps the value they were accepted for.
      const a = options.store.acceptances.length ? acceptanceOf(options.store, f, this.cellOf(f)) : undefined;
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
    const byRow = whoReader({ rows, firstRow, headerRow: rest.headerRow });
    this.who = (f) => (f.sheet === input.name ? byRow(f.row) : '');
    this.summary = {
      ...rest,
      counts: { all: open.length, error: errors.length, warning: warnings.length, accepted: accepted.length },
      marks: markRuns(open),
      header: rest.headerRow ? (rows[rest.headerRow - firstRow] ?? []) : [],
      reportRows: 1 + open.length + accepted.length,
      reportWidths: REPORT_WIDTHS,
    };
    progress(PROGRESS_SCALE, PROGRESS_SCALE);
  }

  /** `count` findings of one list from `from` on, as the list shows them. */
  page(filter: FindingFilter, from: number, count: number): PageItem[] {
    return this.lists[filter].slice(from, from + count).map((finding) => {
      const acceptance = this.acceptance.get(finding);
      const fix = finding.columnIndex ? this.fixes.get(fixKey(finding.row, finding.columnIndex, finding.rule)) : undefined;
      return { finding, who: this.who(finding), cell: this.cellOf(finding), ...(fix ? { fix } : {}), ...(acceptance ? { acceptance } : {}) };
    });
  }

  /** Rows `from`… of the findings sheet (row 0 is its header), built once when first asked. */
  reportSlice(from: number, count: number): string[][] {
    this.report ??= reportTable(
      this.lists.all,
      this.who,
      this.lists.accepted.map((finding) => ({ finding, acceptance: this.acceptance.get(finding)! })),
    ).rows;
    return this.report.slice(from, from + count);
  }
}

/** A check as the pane holds it: the summary here, the findings wherever they were checked. */
export interface CheckedFindings {
  summary: CheckSummary;
  page(filter: FindingFilter, from: number, count: number): Promise<PageItem[]>;
  reportSlice(from: number, count: number): Promise<string[][]>;
  /** Lets the findings go (the Worker ends). */
  dispose(): void;
}

/** The session in this thread. */
export function localFindings(session: CheckSession): CheckedFindings {
  return {
    summary: session.summary,
    page: async (filter, from, count) => session.page(filter, from, count),
    reportSlice: async (from, count) => session.reportSlice(from, count),
    dispose: () => undefined,
  };
}

