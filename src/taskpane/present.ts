// How a finding reads to a clerk: who it is about, where, how bad (in words), and the clause of
// the rules in the clerk's language. DOM-free and Office-free, so it tests in Node.

import type { Finding } from '../validation/validate';
import { FindingsSheet, ReportCell, ReportRun, findingsSheet } from '../validation/report';
import type { Acceptance } from '../validation/store';

// One converter for the pane, the command line and the findings sheet (src/validation/report.ts).
export { ruleLabel, clerkMessage, severityWord, whereLabel, dayInJapan } from '../validation/report';
export { whoReader } from '../validation/report';
export type { CheckedRows } from '../validation/report';

/** A slice of the findings sheet as the pane writes it, with what the layout needs. */
export interface ReportSlice {
  /** Text, and the summary's counts as numbers. */
  rows: ReportCell[][];
  /** Row heights in points, one per row of the slice. */
  heights: number[];
  /** Rows of the whole sheet. */
  total: number;
  /** Column widths in characters. */
  widths: number[];
  /** The findings table's header row (frozen, filtered, printed on every page); rows above it do not wrap. */
  headerRow: number;
  summaryHeaderRow: number;
}

/** The findings sheet the pane writes: the same sheet as the command line's --out (src/validation/report.ts). */
export function reportTable(findings: Finding[], who: (f: Finding) => string, accepted: { finding: Finding; acceptance: Acceptance }[], run: ReportRun): FindingsSheet {
  return findingsSheet(findings, who, run, new Map(accepted.map(({ finding, acceptance: a }) => [finding, { who: a.who, when: a.when, why: a.why }])));
}

/** Rows `from`… of a findings sheet, padded to its width (Range.values takes a full rectangle). */
export function sliceOf(sheet: FindingsSheet, from: number, count: number): ReportSlice {
  const width = sheet.widths.length;
  const rows = sheet.rows.slice(from, from + count).map((r) => [...r, ...Array<ReportCell>(Math.max(0, width - r.length)).fill('')].slice(0, width));
  return { rows, heights: sheet.heights.slice(from, from + count), total: sheet.rows.length, widths: sheet.widths, headerRow: sheet.headerRow, summaryHeaderRow: sheet.summaryHeaderRow };
}
