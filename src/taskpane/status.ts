// What the pane's one status line says after a check: the roster check's summary, the month
// check's sheets and what was not found, rows that could not be read, the accepted count.
// DOM-free and Office-free: plain text from an outcome, so it tests in Node.

import type { RowNote } from '../validation/validate';
import type { CheckOutcome, CheckSummary, PaneMode } from './controller';
import { StringKey, UiLang, formatNumber, t } from './i18n';
import { MonthOutcome, monthCoverage } from './month';
import type { Source, UnreadRows } from './workbook';

/** The status line of a check: its text, and whether anything was checked (else the list stays hidden). */
export type Status = { checked: true; text: string } | { checked: false; text: string };

function sourceWord(lang: UiLang, source: Exclude<Source, 'auto'>): string {
  return t(lang, ({ selection: 'sourceSheetSelection', table: 'sourceSheetTable', used: 'sourceSheetUsed' } as const)[source]);
}

/** One sentence per page of rows that could not be read. */
export function unreadText(unread: readonly UnreadRows[], lang: UiLang): string {
  const n = (x: number) => formatNumber(lang, x);
  // Excel's messages end with a full stop; the sentence around the reason has its own.
  return unread.map((u) => t(lang, 'unreadRows', { sheet: u.sheet, from: n(u.firstRow), to: n(u.lastRow), reason: u.reason.replace(/[.。]\s*$/, '') })).join(' ');
}

/** A row skipped as blank because it was never read is said once, as unread, not as a skipped row. */
function notesRead(notes: readonly RowNote[], unread: readonly UnreadRows[]): RowNote[] {
  return notes.filter((note) => !unread.some((u) => u.sheet === note.sheet && note.row >= u.firstRow && note.row <= u.lastRow));
}

/** After the check's own text: "no problems" when clean, the accepted count. */
function withCounts(text: string, summary: CheckSummary, lang: UiLang, more = ''): string {
  const { counts } = summary;
  let out = text;
  if (counts.all === 0) out += ` ${t(lang, 'clean')}`;
  out += more;
  if (counts.accepted) out += ` ${t(lang, 'acceptedCount', { n: formatNumber(lang, counts.accepted) })}`;
  return out;
}

const join = (parts: string[]) => parts.filter(Boolean).join(' ');

/** The roster (or claims) check: where, how many rows, errors and warnings, rows skipped or unread. */
export function rosterStatus(outcome: CheckOutcome, lang: UiLang, mode: PaneMode): Status {
  const { block, summary } = outcome;
  const n = (x: number) => formatNumber(lang, x);
  const unread = unreadText(block.unread, lang);
  if (summary.kind === 'unknown') return { checked: false, text: join([t(lang, 'notRecognised', { address: block.address || block.sheet }), unread]) };
  const { counts } = summary;
  let text = t(lang, 'summary', { address: block.address, rows: n(summary.dataRows), s: summary.dataRows === 1 ? '' : 's', source: sourceWord(lang, block.source), e: n(counts.error), w: n(counts.warning) });
  if (block.selectionHadHeader === false && block.source !== 'selection') text += ` ${t(lang, 'selectionNoHeader', { source: sourceWord(lang, block.source) })}`;
  // Rows that are not people, as the CLI lists them: said, never findings.
  const notes = notesRead(summary.notes ?? [], block.unread);
  if (notes.length) text += ` ${t(lang, 'skippedRows', { n: n(notes.length), rows: notes.map((x) => x.row).join(', ') })}`;
  if (unread) text += ` ${unread}`;
  const wrongKind: StringKey = mode === 'roster' ? 'wrongKindRoster' : 'wrongKindClaims';
  return { checked: true, text: withCounts(text, summary, lang, summary.kind !== mode ? ` ${t(lang, wrongKind)}` : '') };
}

/** The month check: the sheets checked and those not found; the list is the roster check's. */
export function monthStatus(outcome: MonthOutcome, lang: UiLang): Status {
  const s = (key: StringKey, vars?: Record<string, string | number>) => t(lang, key, vars);
  const n = (x: number) => formatNumber(lang, x);
  const unread = unreadText(outcome.block.unread, lang);
  const { rosters, checked, missing } = monthCoverage(outcome);
  if (!checked.length) return { checked: false, text: join([s('monthNothing'), unread]) };
  const list = (xs: string[]) => xs.join(lang === 'ja' ? '、' : ', ');
  const { error: errors, warning: warnings } = outcome.summary.counts;
  const sheets = list(checked.map((c) => s(c.kind === 'ledger' ? 'monthLedger' : 'monthPay', { name: c.sheet, n: n(c.rows) })));
  const counts = { sheets, e: n(errors), w: n(warnings) };
  let text = rosters.length ? s('monthSummary', { ...counts, rosters: list(rosters.map((name) => s('monthSheetName', { name }))) }) : s('monthSummaryNoRoster', counts);
  const missingKey = { roster: 'monthMissingRoster', ledger: 'monthMissingLedger', pay: 'monthMissingPay' } as const;
  if (missing.length) text += ` ${s('monthNotFound', { what: list(missing.map((m) => s(missingKey[m]))) })}`;
  if (!rosters.length) text += ` ${s('monthRosterSkipped')}`;
  // Without a roster no amount is known: the sentence above says so.
  for (const c of checked) if (c.status) text += lang === 'ja' ? ` 「${c.sheet}」: ${c.status.ja}。` : ` "${c.sheet}": ${c.status.en}.`;
  if (rosters.length) for (const c of checked) if (c.kind === 'pay' && !c.paidColumn) text += ` ${s('monthNoPaid', { name: c.sheet, n: n(outcome.expected.filter((e) => e.sheet === c.sheet).length) })}`;
  if (unread) text += ` ${unread}`;
  return { checked: true, text: withCounts(text, outcome.summary, lang) };
}
