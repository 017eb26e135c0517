// The parts split out of the task pane, each on its own: reading that survives one refused page,
// the status line's text, the findings list's paging, the choose-the-column form's choices, and
// the Worker protocol at the pane's end (what arrives is checked; a failed answer refuses only
// its own question).

import { FakeWorkbookModel, installFakeExcel } from './fakes/excel-fake';
import { PaneController } from '../src/taskpane/controller';
import type { CheckOutcome } from '../src/taskpane/controller';
import { ExcelWorkbook } from '../src/taskpane/workbook';
import { rosterStatus, unreadText } from '../src/taskpane/status';
import { pageWindow, shownTotal } from '../src/taskpane/findingsView';
import { columnChoices } from '../src/taskpane/forms';
import { phaseBar } from '../src/taskpane/progress';
import { WorkerMessageError, fromWorker } from '../src/taskpane/protocol';
import { startWorker } from '../src/taskpane/workerClient';
import type { CheckSummary } from '../src/taskpane/session';
import { emptyStore } from '../src/validation/store';
import { MonthController } from '../src/taskpane/month';
import { monthStatus } from '../src/taskpane/status';
import { cellAddress } from '../src/validation/report';
import { MONTH_SHEETS, addMonthSheets } from './support/month-workbook';

const HEAD = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay'];
const serial = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25569;

/** `n` year-1 ALTs; every 1,000th (the 1st, 1,001st, …) is paid ¥290,000 instead of ¥280,000 (Art 7.1). */
function roster(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [HEAD];
  for (let i = 0; i < n; i++) rows.push([`ALT ${i}`, 'USA', 'S1', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-30'), i % 1000 === 0 ? 290000 : 280000]);
  return rows;
}

const REFUSED = 'RichApi.Error: The request payload size has exceeded the limit.';

test('one page of the read refused: its rows are said as unread, the other pages are checked and their findings shown', async () => {
  const model = new FakeWorkbookModel();
  model.addSheet('Roster', roster(6000));
  // 6,001 rows × 9 columns read in pages: rows 1–555 (FIRST_READ_CELLS 5,000 ÷ 9), 556–4,999
  // (READ_CELLS 40,000 ÷ 9 = 4,444 rows), 5,000–6,001. The second page is refused.
  model.failRead = (sheet, first, last) => (sheet === 'Roster' && first <= 1002 && 1002 <= last ? REFUSED : undefined);
  installFakeExcel(model);
  const controller = new PaneController(new ExcelWorkbook(), 'roster');
  const outcome = await controller.check('auto', 'auto');

  expect(outcome.block.unread).toEqual([{ sheet: 'Roster', firstRow: 556, lastRow: 4999, reason: REFUSED }]);
  // Wrong pay on sheet rows 2, 1,002, 2,002, 3,002, 4,002 and 5,002; the middle four were not read.
  const findings = (await outcome.findings.page('all', 0, 100)).map((i) => `${i.finding.row}:${i.finding.columnIndex}:${i.finding.rule}`);
  expect(findings).toEqual(['2:9:Art 7.1', '5002:9:Art 7.1']);
  // Only cells that were read are marked.
  expect(outcome.summary.marks).toEqual([{ sheet: 'Roster', runs: { error: ['I2', 'I5002'], warning: [] } }]);
  // 6,000 people less the 4,444 unread rows; the unread rows are not listed as skipped blank rows.
  expect(rosterStatus(outcome, 'en', 'roster').text).toBe(
    `Roster!A1:I6001: 1,556 rows checked (whole sheet): 2 error(s), 0 warning(s). Rows 556–4,999 of "Roster" could not be read: ${REFUSED.slice(0, -1)}. They were not checked; check again.`,
  );

  // The next check, with Excel answering again, reads every row.
  model.failRead = undefined;
  const again = await controller.check('auto', 'auto');
  expect(again.block.unread).toEqual([]);
  expect(again.summary.counts.error).toBe(6);
});

test('month mode: the pay sheet\'s read refused, the ledger is still checked against the roster and the pay rows are said as unread', async () => {
  const model = new FakeWorkbookModel();
  addMonthSheets(model);
  // The pay sheet is A1:C5: its top rows are read to know it (first load), then its one page
  // (second load), which Excel refuses.
  let payLoads = 0;
  model.failRead = (sheet) => (sheet === MONTH_SHEETS.pay && ++payLoads === 2 ? 'timeout' : undefined);
  installFakeExcel(model);
  const outcome = await new MonthController(new ExcelWorkbook()).checkMonth('auto');
  expect(outcome.block.unread).toEqual([{ sheet: MONTH_SHEETS.pay, firstRow: 1, lastRow: 5, reason: 'timeout' }]);
  // The ledger's four planted findings (support/month-workbook.ts), none of the pay sheet's.
  const items = await outcome.findings.page('all', 0, 100);
  expect(items.map((i) => `${i.finding.sheet}!${cellAddress(i.finding.row, i.finding.columnIndex)}`)).toEqual([`${MONTH_SHEETS.ledger}!B4`, `${MONTH_SHEETS.ledger}!C5`, `${MONTH_SHEETS.ledger}!F5`, `${MONTH_SHEETS.ledger}!A8`]);
  // Three errors (B4, C5, A8) and one warning (F5); the pay sheet is said as unread, not as missing.
  expect(monthStatus(outcome, 'en').text).toBe(`Checked "${MONTH_SHEETS.ledger}" (leave ledger, 6 entries) against the roster "${MONTH_SHEETS.roster}": 3 error(s), 1 warning(s). Rows 1–5 of "${MONTH_SHEETS.pay}" could not be read: timeout. They were not checked; check again.`);
});

test('the status line on its own: a sheet not recognised because its first page was refused says both', () => {
  const outcome = {
    block: { sheet: 'Roster', rows: [], firstRow: 1, firstColumn: 1, dateSystem: '1900', source: 'used', address: 'Roster!A1:I20', store: emptyStore(), unread: [{ sheet: 'Roster', firstRow: 1, lastRow: 20, reason: 'timeout' }] },
    summary: { sheet: 'Roster', kind: 'unknown', headerRow: 0, dataRows: 0, counts: { all: 0, error: 0, warning: 0, accepted: 0 }, byRule: [], marks: [], header: [], reportRows: 0 },
    findings: { summary: undefined, page: async () => [], reportSlice: async () => undefined, dispose: () => undefined },
  } as unknown as CheckOutcome;
  const status = rosterStatus(outcome, 'ja', 'roster');
  expect(status.checked).toBe(false);
  expect(status.text).toBe('Roster!A1:I20 に名簿・請求の見出しが見つかりません。氏名・来日日・任用回数・来日年数（Name, Arrival, Term, Year）などの見出しが必要です。 「Roster」の 1〜20 行目を読み込めませんでした: timeout。この行は点検していません。もう一度点検してください。');
  expect(unreadText([], 'en')).toBe('');
});

test('the findings list on its own: which findings a page shows, and how many a rule narrows the list to', () => {
  // 250 findings, 100 a page: the third page is 201–250 and the last.
  expect(pageWindow(2, 250)).toEqual({ from: 201, to: 250, first: false, last: true });
  expect(pageWindow(0, 250)).toEqual({ from: 1, to: 100, first: true, last: false });
  // Exactly 200: the second page is the last one.
  expect(pageWindow(1, 200)).toEqual({ from: 101, to: 200, first: false, last: true });
  const summary = {
    counts: { all: 12, error: 9, warning: 3, accepted: 4 },
    byRule: [
      { rule: 'Art 7.1', severity: 'error', count: 7 },
      { rule: 'Art 5.1', severity: 'error', count: 2 },
      { rule: 'Art 5.1', severity: 'warning', count: 3 },
    ],
  } as unknown as CheckSummary;
  expect(shownTotal(summary, 'all', undefined)).toBe(12);
  expect(shownTotal(summary, 'all', 'Art 5.1')).toBe(5);
  expect(shownTotal(summary, 'warning', 'Art 5.1')).toBe(3);
  expect(shownTotal(summary, 'error', 'Art 7.1')).toBe(7);
  // The accepted tab is never narrowed by a rule.
  expect(shownTotal(summary, 'accepted', 'Art 7.1')).toBe(4);
});

test('choosing a column on its own: the header row\'s filled cells with their letters, then "not kept"', () => {
  // The block starts in column B: its header cells are B…F.
  expect(columnChoices(['Name', null, '', { error: '#REF!' }, 42], 2, 'Not kept on this sheet')).toEqual([
    { column: 2, label: 'B: Name' },
    { column: 5, label: 'E: #REF!' },
    { column: 6, label: 'F: 42' },
    { column: 0, label: 'Not kept on this sheet' },
  ]);
});

test('messages from the Worker are checked before use: a misspelt or broken one is a named error, not a crash', () => {
  expect(fromWorker({ type: 'progress', done: 3, total: 10 })).toEqual({ type: 'progress', done: 3, total: 10 });
  expect(fromWorker({ type: 'failed', id: 4, message: 'no' })).toEqual({ type: 'failed', id: 4, message: 'no' });
  const misspelt = fromWorker({ type: 'progres', done: 3, total: 10 });
  expect(misspelt).toBeInstanceOf(WorkerMessageError);
  expect((misspelt as Error).message).toBe('the checking worker sent a message of an unknown kind "progres"; check again');
  expect(fromWorker(null)).toBeInstanceOf(WorkerMessageError);
  expect(fromWorker({ type: 'progress', done: '3', total: 10 })).toBeInstanceOf(WorkerMessageError);
  // A broken answer still names its question, so that only that question fails.
  const broken = fromWorker({ type: 'page', id: 7, items: [{ nonsense: true }] });
  expect(broken).toBeInstanceOf(WorkerMessageError);
  expect((broken as WorkerMessageError).id).toBe(7);
});

/** A Worker in this thread answering as the real one does, except for the questions `answer` says. */
function fakeWorker(answer: (m: { type: string; id?: number; from?: number }) => unknown) {
  return class {
    onmessage: ((e: { data: unknown }) => void) | null = null;
    onerror: unknown = null;
    constructor() {
      setTimeout(() => this.onmessage?.({ data: { type: 'ready' } }), 0);
    }
    postMessage(m: { type: string; id?: number }) {
      const reply = answer(m);
      if (reply !== undefined) setTimeout(() => this.onmessage?.({ data: reply }), 0);
    }
    terminate() {}
  };
}

const SUMMARY = { sheet: 'Roster', kind: 'roster', headerRow: 1, dataRows: 3, counts: { all: 250, error: 250, warning: 0, accepted: 0 }, byRule: [], marks: [], header: [], reportRows: 251 };
const ITEM = { finding: { sheet: 'Roster', row: 2, column: 'Monthly pay', columnIndex: 9, rule: 'Art 7.1', severity: 'error', message: 'm', message_ja: 'm', field: 'monthly' }, who: 'ALT 0', cell: 290000 };

test('one page request that fails or comes back broken refuses that page only; the check and its other pages go on', async () => {
  const g = globalThis as { Worker?: unknown };
  const had = g.Worker;
  g.Worker = fakeWorker((m) => {
    if (m.type === 'run') return { type: 'summary', summary: SUMMARY };
    if (m.type !== 'page') return undefined;
    if (m.from === 100) return { type: 'failed', id: m.id, message: 'out of memory' };
    if (m.from === 200) return { type: 'page', id: m.id, items: 'garbage' };
    return { type: 'page', id: m.id, items: [ITEM] };
  });
  try {
    const worker = await startWorker('validate-worker.js');
    if (!worker) throw new Error('the fake Worker did not start');
    const checked = await worker.run({ type: 'run', input: { name: 'Roster' }, mappings: [], store: emptyStore() }, () => undefined);
    expect(checked.summary.counts.all).toBe(250);
    const [first, second, third, again] = await Promise.allSettled([checked.page('all', 0, 100), checked.page('all', 100, 100), checked.page('all', 200, 100), checked.page('all', 0, 100)]);
    expect(first).toEqual({ status: 'fulfilled', value: [ITEM] });
    expect(second).toEqual({ status: 'rejected', reason: new Error('out of memory') });
    expect(third.status).toBe('rejected');
    expect(third.status === 'rejected' && (third.reason as Error).message).toBe('the checking worker sent a page of findings that are not findings; check again');
    expect(again).toEqual({ status: 'fulfilled', value: [ITEM] });
    checked.dispose();
  } finally {
    if (had === undefined) delete g.Worker;
    else g.Worker = had;
  }
});

test('the progress bar on its own: each phase its span of the bar, said once when checking and marking start', () => {
  const values: number[] = [];
  const said: string[] = [];
  let rows = 0;
  const report = phaseBar({ read: [0, 20], check: [20, 95] }, (phase, total) => {
    if (phase === 'read') rows = total;
    return `Checking ${rows} rows…`;
  }, 'Marking…', { value: (v) => values.push(v), say: (text) => said.push(text) });
  report('read', 0, 6000);
  report('read', 3000, 6000);
  report('check', 0, 1000);
  report('check', 500, 1000);
  report('check', 1000, 1000);
  report('mark', 0, 1);
  report('mark', 1, 1);
  // Reading is 0–20, checking 20–95 (half-way: 20 + 75 ÷ 2), marking 95–100.
  expect(values).toEqual([0, 10, 20, 57.5, 95, 95, 100]);
  expect(said).toEqual(['Checking 6000 rows…', 'Marking…']);
});
