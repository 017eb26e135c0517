// The task pane's adapter and controller against the in-memory Excel: findings, marks that never
// touch a value, exact clearing, and a fixed number of context.sync() calls.

import { installFakeExcel, FakeWorkbookModel } from './fakes/excel-fake';
import { CheckOutcome, PageItem, PaneController, Validator, inlineValidator } from '../src/taskpane/controller';
import type { DateSystem } from '../src/core';
import type { Source } from '../src/taskpane/workbook';
import { ExcelWorkbook, MARK_FORMULA, detectDateSystem, topLeftOf } from '../src/taskpane/workbook';
import { STORE_SHEET, emptyStore, parseStore, storeRows } from '../src/validation/store';
import { clerkMessage, dayInJapan, ruleLabel, whereLabel } from '../src/taskpane/present';
import { markRuns } from '../src/taskpane/marks';
import fc from 'fast-check';
import { MonthController, MonthOutcome, monthCoverage, workerMonthValidator } from '../src/taskpane/month';
import { READ_CELLS, REPORT_ROWS, cellsOf, timeColumnsOf } from '../src/taskpane/workbook';
import { cellAddress } from '../src/validation/report';
import type { Finding, SheetInput } from '../src/validation/validate';
import { checkMonthSheets, monthWorker } from '../src/taskpane/monthCheck';
import type { CheckSession } from '../src/taskpane/session';
import { MONTH_FINDINGS, MONTH_SHEETS, addMonthSheets } from './support/month-workbook';

/** The run a findings sheet states on top (what the pane passes when the clerk writes it). */
const RUN = { lang: 'en' as const, date: '2026-12-03', sources: ['sheet "Roster"'], rulesets: ['Saitama ALT rules, FY2023'] };

const HEAD = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay'];
const serial = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25569;

function roster(n: number, badEvery = 0): (string | number)[][] {
  const rows: (string | number)[][] = [HEAD];
  for (let i = 0; i < n; i++) {
    const bad = badEvery > 0 && i % badEvery === 0;
    rows.push([`ALT ${i}`, 'USA', 'S1', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-30'), bad ? 290000 : 280000]);
  }
  return rows;
}

/** A check, with every open and accepted finding asked for as the pane would, a page at a time. */
async function checkAll(controller: PaneController, source: Source, dateSystem: DateSystem | 'auto') {
  const outcome: CheckOutcome = await controller.check(source, dateSystem);
  const items: PageItem[] = [];
  for (let from = 0; from < outcome.summary.counts.all; from += 100) items.push(...(await outcome.findings.page('all', from, 100)));
  const accepted = await outcome.findings.page('accepted', 0, outcome.summary.counts.accepted);
  return { ...outcome, result: { ...outcome.summary, findings: items.map((i) => i.finding) }, items, accepted };
}

function setup(rows: (string | number | boolean)[][], start = 'A1') {
  const model = new FakeWorkbookModel();
  const sheet = model.addSheet('Roster', rows, start);
  model.addSheet('Other', [['keep me', 1]]);
  installFakeExcel(model);
  const wb = new ExcelWorkbook();
  return { model, sheet, wb, controller: new PaneController(wb, 'roster') };
}

test('a check finds, marks and keeps every value; clearing removes exactly our marks', async () => {
  const { model, sheet, controller } = setup(roster(6, 3), 'B3');
  // A user's own conditional format must survive.
  sheet.formats.push({ id: 'user', cells: ['4,10'], formula: '=J4>0', fill: '#00FF00' });
  sheet.formats.push({ id: 'scale', type: 'ColorScale', cells: ['5,10'], formula: '', fill: '' });
  const before = model.values();
  const { result, block } = await checkAll(controller, 'auto', 'auto');
  expect(block.source).toBe('used');
  expect(block.firstRow).toBe(3);
  expect(result.findings.map((f) => `${f.row}:${f.columnIndex}:${f.rule}`)).toEqual(['4:10:Art 7.1', '7:10:Art 7.1']);
  expect(model.values()).toEqual(before);
  const ours = sheet.formats.filter((f) => f.formula === MARK_FORMULA);
  expect(ours.flatMap((f) => f.cells).sort()).toEqual(['4,10', '7,10']);
  expect(ours.every((f) => f.fill === '#FDE7E9')).toBe(true);

  // A second check replaces the marks rather than piling them up.
  await checkAll(controller, 'auto', 'auto');
  expect(sheet.formats.filter((f) => f.formula === MARK_FORMULA).flatMap((f) => f.cells).sort()).toEqual(['4,10', '7,10']);

  // Clearing counts the cells it unmarked, not the rules behind them.
  expect(await controller.clearMarks()).toBe(2);
  expect(sheet.formats).toEqual([
    { id: 'user', cells: ['4,10'], formula: '=J4>0', fill: '#00FF00' },
    { id: 'scale', type: 'ColorScale', cells: ['5,10'], formula: '', fill: '' },
  ]);
  expect(model.values()).toEqual(before);
});

test('syncs: a fixed few, plus one per slice of READ_CELLS cells read', async () => {
  const counts: number[] = [];
  for (const n of [5, 500, 5000]) {
    const { wb, controller } = setup(roster(n, 7));
    await checkAll(controller, 'auto', 'auto');
    counts.push(wb.counter.syncs);
  }
  // 1 look + 1 read slice + 2 to mark. 5,001 rows × 9 columns = 45,009 cells: a first slice of
  // 555 rows (4,995 cells, FIRST_READ_CELLS), then 4,444 rows (39,996 cells, READ_CELLS), then 2.
  expect(counts).toEqual([4, 4, 6]);
  // With a table: one more look, for its address.
  const { sheet, wb, controller } = setup(roster(50, 7));
  sheet.tables.push({ name: 'Roster', address: 'A1:I51' });
  const { block } = await checkAll(controller, 'auto', 'auto');
  expect(block.source).toBe('table');
  expect(wb.counter.syncs).toBe(5);
});

test('a selection holding a header row is checked on its own; clicking a finding selects its cell', async () => {
  const { model, controller } = setup(roster(10, 2));
  model.selection = { sheet: 'Roster', address: 'A1:I4' };
  const { result, block } = await checkAll(controller, 'auto', 'auto');
  expect(block.source).toBe('selection');
  expect(block.address).toBe('Roster!A1:I4');
  expect(result.findings.map((f) => f.row)).toEqual([2, 4]);
  await controller.select(result.findings[1]);
  expect(model.selection).toEqual({ sheet: 'Roster', address: 'I4' });
});

test('whole columns selected: only the part holding data is read', async () => {
  const { model, controller } = setup(roster(10, 2));
  model.selection = { sheet: 'Roster', address: 'A1:I1048576' };
  const { result, block } = await checkAll(controller, 'auto', 'auto');
  expect(block.source).toBe('selection');
  expect([block.address, result.dataRows]).toEqual(['Roster!A1:I11', 10]);
  expect(result.findings).toHaveLength(5);
  // Asked for explicitly, the selection alone is read.
  const explicit = await checkAll(controller, 'selection', 'auto');
  expect([explicit.block.address, explicit.result.dataRows]).toEqual(['Roster!A1:I11', 10]);
  expect(explicit.result.findings).toHaveLength(5);
});

test('Automatic passes over a selection without a header row: two cells, or data rows alone', async () => {
  const { model, controller } = setup(roster(10, 2), 'A3');
  for (const address of ['I8:J8', 'A5:I9', 'C7']) {
    model.selection = { sheet: 'Roster', address };
    const { result, block } = await checkAll(controller, 'auto', 'auto');
    expect([address, block.source, block.address, result.kind, result.findings.length]).toEqual([address, 'used', 'Roster!A3:I13', 'roster', 5]);
    // I8:J8 holds one value (J8 is empty): a single cell, which Automatic never takes as the data.
    expect(block.selectionHadHeader).toBe(address === 'A5:I9' ? false : undefined);
  }
  // Several areas selected: getSelectedRange() fails; Automatic goes on with the used range.
  model.selection = { sheet: 'Roster', address: 'A3:I5,C9' };
  const several = await checkAll(controller, 'auto', 'auto');
  expect([several.block.source, several.block.address, several.result.findings.length]).toEqual(['used', 'Roster!A3:I13', 5]);
  await expect(checkAll(controller, 'selection', 'auto')).rejects.toThrow(/more than one range/);
  // Asked for explicitly, the selection is what is checked, header or not; the pane then says so.
  model.selection = { sheet: 'Roster', address: 'I8:J8' };
  const { result, block } = await checkAll(controller, 'selection', 'auto');
  expect([block.source, block.address, result.kind]).toEqual(['selection', 'Roster!I8', 'unknown']);
});

test('the findings sheet is never checked: with it active, the sheet checked before is read', async () => {
  const { model, controller } = setup(roster(4, 2));
  const first = await checkAll(controller, 'auto', 'auto');
  await controller.writeReport(first, RUN);
  expect(model.active).toBe('点検結果 Findings');
  model.selection = { sheet: '点検結果 Findings', address: 'A1:H3' };
  const again = await checkAll(controller, 'auto', 'auto');
  expect([again.block.sheet, again.result.kind, again.result.findings.length]).toEqual(['Roster', 'roster', first.result.findings.length]);
  // A fresh pane with the findings sheet active reads the first other sheet.
  installFakeExcel(model);
  const fresh = await checkAll(new PaneController(new ExcelWorkbook(), 'roster'), 'auto', 'auto');
  expect(fresh.block.sheet).toBe('Roster');
});

test('the findings sheet: text stays text, header frozen and filtered, sized, wrapped, one page wide; replaced, not piled up', async () => {
  // Names a user might type that Range.values would otherwise take as formulas.
  const rows = roster(4, 1);
  rows[1][0] = '=HYPERLINK("http://x","click")';
  rows[2][0] = '-';
  rows[3][0] = '+81 3';
  const { model, controller } = setup(rows);
  const before = model.values();
  const outcome = await checkAll(controller, 'auto', 'auto');
  expect(await controller.reportExists()).toBe(false);
  await controller.writeReport(outcome, RUN);
  expect(await controller.reportExists()).toBe(true);
  await controller.writeReport(outcome, RUN);
  const report = model.sheets.filter((s) => s.name === '点検結果 Findings');
  expect(report).toHaveLength(1);
  const cell = (r: number, c: number) => report[0].cells.get(`${r},${c}`);
  const col = (r: number) => [1, 2, 3, 4, 5, 6].map((c) => cell(r, c)?.value ?? '');
  // On top: title, day, what was checked, the rules; then the count by rule (all four rows pay 290,000 in year 1).
  expect([1, 2, 3, 4, 6].map((r) => cell(r, 1)!.value)).toEqual(['Findings', 'Checked on: 2026-12-03', 'Checked: sheet "Roster"', 'Rules: Saitama ALT rules, FY2023', 'Count by rule and severity']);
  expect([7, 8, 9].map((r) => col(r).slice(0, 3))).toEqual([['Count', 'Severity', 'Clause'], [4, 'Error', 'Art 7.1'], [4, 'Total', '']]);
  // Row 10 is blank, row 11 the table's header, then one row per finding.
  expect(col(11)).toEqual(['Who', 'Sheet', 'Cell', 'Column', 'Severity', 'Clause']);
  expect([cell(11, 7)!.value, cell(11, 8)!.value]).toEqual(['Message', 'What to do']);
  expect(col(12)).toEqual(['=HYPERLINK("http://x","click")', 'Roster', 'I2', 'Monthly pay', 'Error', 'Art 7.1']);
  expect(cell(12, 7)!.value).toBe('monthly pay ¥290,000 differs from the table for JET year 1: ¥280,000');
  expect(cell(12, 8)!.value).toMatch(/^Check the JET year/);
  expect([cell(13, 1)!.value, cell(14, 1)!.value]).toEqual(['-', '+81 3']);
  for (const [k, c] of report[0].cells) expect([k, c.formula]).toEqual([k, undefined]);
  // 15 rows: the header of row 11 frozen, filtered, wrapped and printed on every page; A4 landscape, one page wide.
  expect(report[0].layout).toMatchObject({ frozenRows: 11, autoFilter: 'A11:H15', orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$11:$11', wrap: ['A11:H15'] });
  expect(Object.keys(report[0].layout!.columnWidths!)).toHaveLength(8);
  // Rows as high as their text: the title 24 pt, one line 13.5 + 3 pt, a finding with a wrapped next step several lines.
  const heights = report[0].layout!.rowHeights!;
  expect([heights[1], heights[2], heights[8]]).toEqual([24, 16.5, 16.5]);
  expect(heights[12]).toBeGreaterThanOrEqual(3 * 13.5 + 3);
  for (const [k, v] of Object.entries(before)) expect(model.values()[k]).toBe(v);
});

test('the fake takes text starting with = + - as a formula unless the cell is text, as the typings say', async () => {
  const model = new FakeWorkbookModel();
  model.addSheet('S');
  installFakeExcel(model);
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.getRange('A1:C1').values = [['=1+1', '-', 'plain']];
    const b = sheet.getRange('A2:B2');
    b.numberFormat = [['@', '@']];
    b.values = [['=1+1', '-']];
    await context.sync();
  });
  const cells = model.sheet('S').cells;
  expect([cells.get('1,1')!.formula, cells.get('1,2')!.formula, cells.get('1,3')!.formula]).toEqual(['=1+1', '-', undefined]);
  expect([cells.get('2,1'), cells.get('2,2')]).toEqual([{ value: '=1+1', numberFormat: '@' }, { value: '-', numberFormat: '@' }]);
});

test('a malformed sheet gives findings, never a crash; an empty sheet is unknown', async () => {
  const { result } = await checkAll(setup([['Name', 'Arrival', 'Term', 'Year'], ['#N/A', 'soon', 'x', 9], [true, 12.5, -1, '']]).controller, 'auto', 'auto');
  expect(result.kind).toBe('roster');
  expect(result.findings.length).toBeGreaterThanOrEqual(5);
  const empty = new FakeWorkbookModel();
  empty.addSheet('Blank');
  installFakeExcel(empty);
  const r = await checkAll(new PaneController(new ExcelWorkbook(), 'roster'), 'auto', 'auto');
  expect(r.result.kind).toBe('unknown');
});

test('the 1904 date system is recognised from the dates Excel displays', async () => {
  const model = new FakeWorkbookModel();
  model.use1904 = true;
  const shift = 1462;
  const rows = roster(2).map((r, i) => (i === 0 ? r : r.map((v, j) => ([3, 6, 7].includes(j) ? (v as number) - shift : v))));
  const sheet = model.addSheet('Roster', rows);
  for (const [k, c] of sheet.cells) if ([4, 7, 8].includes(Number(k.split(',')[1])) && typeof c.value === 'number') c.numberFormat = 'yyyy-mm-dd';
  installFakeExcel(model);
  const { result, block } = await checkAll(new PaneController(new ExcelWorkbook(), 'roster'), 'auto', 'auto');
  expect(block.dateSystem).toBe('1904');
  expect(result.findings).toEqual([]);
});

test('helpers', () => {
  expect(topLeftOf("'My sheet'!$C$7:$F$9")).toEqual({ row: 7, column: 3 });
  expect(detectDateSystem([[45137]], [['2023-07-30']], [['yyyy-mm-dd']])).toBe('1900');
  expect(detectDateSystem([[43675]], [['7/30/23']], [['m/d/yy']])).toBe('1904');
});

test('an accepted finding is stored with who, when, why and value; not marked while the value stays; back when it changes', async () => {
  const { model, sheet, controller } = setup(roster(4, 2));
  const first = await checkAll(controller, 'auto', 'auto');
  expect(first.result.findings.map((f) => `${f.row}:${f.columnIndex}`)).toEqual(['2:9', '4:9']);
  await controller.accept(first, first.items[0], ' Sato ', 'approved by the board of education', new Date(Date.UTC(2026, 10, 29, 9, 30)));
  const store = model.sheet(STORE_SHEET);
  expect(store.visibility).toBe('VeryHidden');
  expect(store.cells.get('2,1')).toEqual({ value: 'accepted', numberFormat: '@' });
  expect(parseStore([[], ['accepted', 'Roster', 'I2', 'Art 7.1', '290000', 'Sato', '2026-11-29T09:30:00.000Z', 'approved by the board of education']]).acceptances).toEqual(
    parseStore([...Array(3)].map((_, r) => [...Array(8)].map((__, c) => store.cells.get(`${r + 1},${c + 1}`)?.value ?? ''))).acceptances,
  );

  const second = await checkAll(controller, 'auto', 'auto');
  expect(second.result.findings.map((f) => `${f.row}:${f.columnIndex}`)).toEqual(['4:9']);
  expect(second.accepted.map((a) => [a.finding.row, a.acceptance?.who, a.acceptance?.why])).toEqual([[2, 'Sato', 'approved by the board of education']]);
  expect(sheet.formats.filter((f) => f.formula === MARK_FORMULA).flatMap((f) => f.cells)).toEqual(['4,9']);
  await controller.writeReport(second, RUN);
  const report = model.sheet('点検結果 Findings');
  // Counted apart (row 9: 1 open error on row 8, 1 marked as checked, 2 in all), listed last with who, when and why.
  expect([8, 9, 10].map((r) => [1, 2, 3].map((c) => report.cells.get(`${r},${c}`)?.value ?? ''))).toEqual([[1, 'Error', 'Art 7.1'], [1, 'Marked as checked', ''], [2, 'Total', '']]);
  expect(report.cells.get('12,9')!.value).toBe('Marked as checked');
  expect([13, 14].map((r) => report.cells.get(`${r},3`)!.value)).toEqual(['I4', 'I2']);
  expect([report.cells.get('14,5')!.value, report.cells.get('14,9')!.value]).toEqual(['Marked as checked', 'Sato, 2026-11-29: approved by the board of education']);

  // The clerk changes the pay: the acceptance no longer holds.
  sheet.cells.set('2,9', { value: 291000 });
  const third = await checkAll(controller, 'auto', 'auto');
  expect(third.result.findings.map((f) => `${f.row}:${f.columnIndex}`)).toEqual(['2:9', '4:9']);
  expect(third.accepted).toEqual([]);
});

test('a column the headers do not name can be chosen, or marked "not kept"; the choice is stored and reused', async () => {
  const head = ['Name', 'Country', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Pay (yen)'];
  const rows: (string | number)[][] = [head, ['A', 'USA', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-30'), 290000], ['B', 'USA', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-30'), 280000]];
  const { model, controller } = setup(rows);
  const first = await checkAll(controller, 'auto', 'auto');
  expect(first.result.findings.map((f) => `${f.row}:${f.field}:${f.severity}`)).toEqual(['1:cohort:warning', '1:monthlyPay:warning']);
  await controller.mapColumn(first, 'monthlyPay', 8);
  await controller.mapColumn(first, 'cohort', 0);
  const second = await checkAll(controller, 'auto', 'auto');
  expect(second.result.findings.map((f) => `${f.row}:${f.columnIndex}:${f.rule}`)).toEqual(['2:8:Art 7.1']);
  expect(second.result.findings[0].column).toBe('Pay (yen)');
  // A new pane reads the same choice from the workbook; a moved column is followed by its header.
  const roster = model.sheet('Roster');
  for (let r = 1; r <= 3; r++) {
    roster.cells.set(`${r},9`, roster.cells.get(`${r},8`)!);
    roster.cells.delete(`${r},8`);
  }
  model.touch(roster);
  const fresh = await checkAll(new PaneController(new ExcelWorkbook(), 'roster'), 'auto', 'auto');
  expect(fresh.result.findings.map((f) => `${f.row}:${f.columnIndex}:${f.rule}`)).toEqual(['2:9:Art 7.1']);
});

test('the store keeps rows it does not know, and skips malformed ones', () => {
  const rows = [['kind'], ['mapping', 'S', 'monthlyPay', 'Pay', '8'], ['mapping', 'S', 'nonsense', 'x', '1'], ['future', 'a', 'b'], ['accepted', 'S', 'not a cell', 'r', '1', 'w', 't', 'y'], []];
  const store = parseStore(rows);
  expect(store.mappings).toEqual([{ sheet: 'S', field: 'monthlyPay', header: 'Pay', column: 8 }]);
  expect(store.acceptances).toEqual([]);
  expect(storeRows(store).slice(1)).toEqual([['mapping', 'S', 'monthlyPay', 'Pay', '8', '', '', ''], ['mapping', 'S', 'nonsense', 'x', '1'], ['future', 'a', 'b'], ['accepted', 'S', 'not a cell', 'r', '1', 'w', 't', 'y']]);
});

test('a column\'s consecutive marked rows become one range', () => {
  const m = (row: number, columnIndex: number) => ({ sheet: 'S', row, columnIndex, column: '', field: '' as const, severity: 'error' as const, rule: 'Art 7.1', message: '', message_ja: '' });
  expect(markRuns([m(2, 9), m(3, 9), m(4, 9), m(6, 9), m(2, 8), m(5, 1)])).toEqual({ error: ['A5', 'H2', 'I2:I4', 'I6'], warning: [] });
});

test('clause tags in the clerk\'s language; decisions kept as 判断D-n, project documents never cited', () => {
  expect(['Art 7.1', 'Note 2.2', 'Art 5.3, Note 3', 'Art 26.2.1', 'Art 14-3.3', 'Note 2.2–2.3', 'Note 2.3, D-8', 'input', 'D-7', 'CLAIR: 滞在経費助成金'].map((r) => ruleLabel(r, 'ja'))).toEqual([
    '第7条第1項', '注2の2', '第5条第3項・注3', '第26条第2項第1号', '第14条の3第3項', '注2の2〜2の3', '注2の3（判断D-8）', '入力', '判断D-7', 'クレア: 滞在経費助成金',
  ]);
  expect(['Art 7.1', 'input', 'Art 5.3, Note 3, D-8'].map((r) => ruleLabel(r, 'en'))).toEqual(['Art 7.1', 'input', 'Art 5.3, Note 3, D-8']);
  expect(ruleLabel('CONTRACT §3, Art 7.1', 'en')).toBe('Art 7.1');
  // A missing column is said on the header row; a finding about a row whose field has no column, on that row.
  const sheetWide = { sheet: 'S', row: 3, column: '', field: 'cohort' as const, severity: 'warning' as const, rule: 'Note 2.2', message: 'no "Cohort" column (Cohort, 来日区分): the cohort check skipped', message_ja: '', columnIndex: 0 };
  expect([whereLabel(sheetWide, 'en'), whereLabel(sheetWide, 'ja')]).toEqual(['header row 3', '見出し行 3']);
  const rowLevel = { ...sheetWide, row: 7, message: 'an April–June arrival needs its cohort' };
  expect([whereLabel(rowLevel, 'en'), whereLabel(rowLevel, 'ja')]).toEqual(['row 7', '7行目']);
});

test('"Set to" writes the one right value into that one cell and nothing else', async () => {
  const rows = roster(3, 2);
  rows[2][7] = serial('2024-07-31'); // term end a day late, as a date serial
  rows[3][7] = '2024/07/31'; // the same, typed as text
  const { model, controller } = setup(rows);
  const outcome = await checkAll(controller, 'auto', 'auto');
  const find = (cell: string) => outcome.items.find((i) => `${i.finding.row}:${i.finding.columnIndex}` === cell)!;
  expect(outcome.result.findings.map((f) => `${f.row}:${f.columnIndex}:${f.rule}`)).toEqual(['2:9:Art 7.1', '3:8:Art 5.1, Note 2', '4:8:Art 5.1, Note 2', '4:9:Art 7.1']);
  expect([find('2:9').fix, find('3:8').fix]).toEqual([
    { kind: 'yen', value: 280000 },
    { kind: 'day', value: serial('2024-07-30') - 25569 },
  ]);
  const before = model.values();
  expect(await controller.applyFix(outcome, find('2:9'))).toBe('280000');
  expect(await controller.applyFix(outcome, find('3:8'))).toBe('2024-07-30');
  expect(await controller.applyFix(outcome, find('4:8'))).toBe('2024-07-30');
  const after = model.values();
  const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
  expect(changed.sort()).toEqual(['Roster!2,9', 'Roster!3,8', 'Roster!4,8']);
  expect([after['Roster!2,9'], after['Roster!3,8'], after['Roster!4,8']]).toEqual([280000, serial('2024-07-30'), '2024-07-30']);
  const again = await checkAll(controller, 'auto', 'auto');
  expect(again.result.findings.map((f) => `${f.row}:${f.columnIndex}`)).toEqual(['4:9']);
});

test('marks: every finding cell in exactly one run, of its worst severity; nothing else marked', () => {
  // Expands A1-style runs (I2, I3:I9) back into "row,column" cells.
  const cellsOf = (runs: string[]) =>
    runs.flatMap((run) => {
      const [a, b = a] = run.split(':').map(topLeftOf);
      return Array.from({ length: b.row - a.row + 1 }, (_, i) => `${a.row + i},${a.column}`);
    });
  const finding = fc.record({ row: fc.integer({ min: 1, max: 40 }), columnIndex: fc.integer({ min: 0, max: 30 }), severity: fc.constantFrom('error' as const, 'warning' as const) });
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 120 }), (raw) => {
      const findings = raw.map((f) => ({ ...f, sheet: 'S', column: '', field: '' as const, rule: 'Art 7.1', message: '', message_ja: '' }));
      const worst = new Map<string, string>();
      for (const f of findings) if (f.columnIndex && worst.get(`${f.row},${f.columnIndex}`) !== 'error') worst.set(`${f.row},${f.columnIndex}`, f.severity);
      const runs = markRuns(findings);
      const errors = cellsOf(runs.error);
      const warnings = cellsOf(runs.warning);
      expect([...errors, ...warnings].sort()).toEqual([...worst.keys()].sort());
      expect(new Set([...errors, ...warnings]).size).toBe(errors.length + warnings.length);
      for (const c of errors) expect(worst.get(c)).toBe('error');
      for (const c of warnings) expect(worst.get(c)).toBe('warning');
      // Runs are maximal: no two runs of one severity touch in a column.
      for (const list of [runs.error, runs.warning]) {
        const ends = new Set(list.map((r) => r.split(':').pop()!).map(topLeftOf).map((p) => `${p.row + 1},${p.column}`));
        for (const r of list) expect(ends.has(`${topLeftOf(r).row},${topLeftOf(r).column}`)).toBe(false);
      }
    }),
  );
});

test('a check that fails while reading ends its run, and the one before it lets its findings go', async () => {
  const { model, wb } = setup(roster(4, 2));
  const events: string[] = [];
  // A validator that tells what became of each run; the checking itself is the inline one.
  const spy: Validator = () => {
    const run = inlineValidator();
    const n = events.length;
    return {
      add: run.add,
      cancel: () => events.push(`cancel ${n}`),
      finish: async (...args) => {
        const found = await run.finish(...args);
        return { ...found, dispose: () => events.push(`dispose ${n}`) };
      },
    };
  };
  const controller = new PaneController(wb, 'roster', spy);
  await controller.check('auto', 'auto');
  events.push('checked');
  // Several areas selected and "Selection" asked for: Excel refuses getSelectedRange().
  model.selection = { sheet: 'Roster', address: 'A3:I5,C9' };
  await expect(controller.check('selection', 'auto')).rejects.toThrow(/more than one range/);
  expect(events).toEqual(['checked', 'dispose 0', 'cancel 2']);
});

// ---- the "leave ledger and pay" mode -----------------------------------------------------------

function monthSetup() {
  const model = new FakeWorkbookModel();
  model.addSheet('Notes', [['keep me', 1]]);
  addMonthSheets(model);
  installFakeExcel(model);
  const wb = new ExcelWorkbook();
  return { model, wb, month: new MonthController(wb), roster: new PaneController(wb, 'roster') };
}
const where = (f: Finding) => `${f.sheet}!${cellAddress(f.row, f.columnIndex)}`;
/** Every open finding of a month check, and the accepted ones, asked for as the pane would. */
async function monthItems(outcome: MonthOutcome) {
  const items = await outcome.findings.page('all', 0, outcome.summary.counts.all);
  return { items, findings: items.map((i) => i.finding), accepted: await outcome.findings.page('accepted', 0, outcome.summary.counts.accepted) };
}

test('month mode: the ledger and pay sheets are found by their headers, checked against the roster, and exactly their finding cells marked', async () => {
  const { model, month } = monthSetup();
  const before = model.values();
  const outcome = await month.checkMonth('auto');
  expect(outcome.results.map((r) => [r.sheet, r.kind, r.dataRows])).toEqual([[MONTH_SHEETS.ledger, 'ledger', 6], [MONTH_SHEETS.pay, 'pay', 4]]);
  expect(monthCoverage(outcome)).toEqual({ rosters: [MONTH_SHEETS.roster], checked: [{ sheet: MONTH_SHEETS.ledger, kind: 'ledger', rows: 6, paidColumn: false }, { sheet: MONTH_SHEETS.pay, kind: 'pay', rows: 4, paidColumn: true }], missing: [] });
  const { items, findings } = await monthItems(outcome);
  expect(findings.map((f) => [f.sheet, cellAddress(f.row, f.columnIndex), f.severity, f.rule])).toEqual(MONTH_FINDINGS);
  // Who: the entry's name.
  expect(items.map((i) => i.who)).toEqual(['Alex Smith', 'Eamon Kelly', 'Eamon Kelly', 'Zoe Park', 'Kai Tanaka', 'Zoe Park']);
  // docs/rules.md §12: 2 h 30 absent in June → 3 h × ¥1,846 = ¥5,538 taken from July: ¥274,462, with the steps.
  const pay = findings.find((f) => where(f) === `${MONTH_SHEETS.pay}!C3`)!;
  expect(pay.message).toMatch(/^paid ¥280,000 differs from the expected ¥274,462 for 2024-07: .*¥5,538/);
  expect(pay.message_ja).toMatch(/計算額 274,462円/);
  expect(outcome.expected).toEqual([
    { sheet: MONTH_SHEETS.pay, row: 2, expected: 280000 },
    { sheet: MONTH_SHEETS.pay, row: 3, expected: 274462 },
    { sheet: MONTH_SHEETS.pay, row: 4, expected: 280000 },
  ]);
  const marked = (name: string) => model.sheet(name).formats.filter((f) => f.formula === MARK_FORMULA).map((f) => [f.fill, f.cells.sort().join(' ')]);
  expect(marked(MONTH_SHEETS.ledger)).toEqual([['#FFF4CE', '5,6'], ['#FDE7E9', '4,2 5,3 8,1']]);
  expect(marked(MONTH_SHEETS.pay)).toEqual([['#FDE7E9', '3,3 5,1']]);
  expect(marked(MONTH_SHEETS.roster)).toEqual([]);
  expect(model.values()).toEqual(before);
  // Japanese clause tags, the article carried to a bare number.
  expect(findings.map((f) => ruleLabel(f.rule, 'ja'))).toEqual(['第12条第1項（判断D-4）', '第13条第2項・第26条第2項第1号', '第30条第3項', '入力', '第7条・第8条（判断D-12・D-13）', '入力']);
});

test('month mode: one finding accepted is stored, not marked, listed as accepted in the report', async () => {
  const { model, month, roster } = monthSetup();
  const first = await month.checkMonth('auto');
  const warning = (await monthItems(first)).items.find((i) => i.finding.severity === 'warning')!;
  await month.accept(first, warning, 'Sato', 'certificate filed on paper', new Date(Date.UTC(2026, 10, 29)));
  const stored = parseStore([...Array(2)].map((_, r) => [...Array(8)].map((__, c) => model.sheet(STORE_SHEET).cells.get(`${r + 1},${c + 1}`)?.value ?? '')));
  expect(stored.acceptances).toEqual([{ sheet: MONTH_SHEETS.ledger, cell: 'F5', rule: 'Art 30.3', value: '""', who: 'Sato', when: '2026-11-29T00:00:00.000Z', why: 'certificate filed on paper' }]);
  const second = await month.checkMonth('auto');
  const listed = await monthItems(second);
  expect(listed.findings).toHaveLength(5);
  expect(listed.accepted.map((a) => where(a.finding))).toEqual([`${MONTH_SHEETS.ledger}!F5`]);
  expect(model.sheet(MONTH_SHEETS.ledger).formats.flatMap((f) => f.cells).sort()).toEqual(['4,2', '5,3', '8,1']);
  await roster.writeReport(second, { ...RUN, both: true });
  const report = model.sheet('点検結果 Findings');
  // Both languages, as asked: Japanese first, English below it in the same cell.
  const head = [...Array(40)].findIndex((_, r) => report.cells.get(`${r + 1},1`)?.value === '氏名 Who') + 1;
  expect(report.cells.get('1,1')!.value).toBe('点検結果 Findings');
  const row = (r: number) => [1, 2, 3, 5, 6].map((c) => report.cells.get(`${head + r},${c}`)?.value);
  expect(row(1)).toEqual(['Alex Smith', MONTH_SHEETS.ledger, 'B4', 'エラー\nError', '第12条第1項（判断D-4）\nArt 12.1, D-4']);
  expect(row(5)).toEqual(['Zoe Park', MONTH_SHEETS.pay, 'A5', 'エラー\nError', '入力\ninput']);
  expect(row(6)).toEqual(['Eamon Kelly', MONTH_SHEETS.ledger, 'F5', '確認済み Marked as checked', '第30条第3項\nArt 30.3']);
  // The certificate's next step, in both languages.
  expect(report.cells.get(`${head + 6},8`)!.value).toMatch(/^医師の診断書を受け取ったら、この記録の備考欄に「診断書」と書きます.*\nOnce the doctor's certificate is in, write 診断書 in the Note column/s);
  // The findings sheet and the store are never taken for a ledger or pay sheet.
  const third = await month.checkMonth('auto');
  expect(third.results.map((r) => r.sheet)).toEqual([MONTH_SHEETS.ledger, MONTH_SHEETS.pay]);
});

test('month mode: "write expected pay" writes only the new column; a second run reuses it; a column holding other data is asked for first', async () => {
  const { model, month } = monthSetup();
  const outcome = await month.checkMonth('auto');
  const before = model.values();
  expect(await month.writeExpectedPay(outcome)).toEqual({ written: [{ sheet: MONTH_SHEETS.pay, column: 'D', amounts: 3 }] });
  const after = model.values();
  const changed = Object.keys(after).filter((k) => after[k] !== before[k]).sort();
  expect(changed).toEqual([`${MONTH_SHEETS.pay}!1,4`, `${MONTH_SHEETS.pay}!2,4`, `${MONTH_SHEETS.pay}!3,4`, `${MONTH_SHEETS.pay}!4,4`]);
  expect(changed.map((k) => after[k])).toEqual(['Expected pay 支給見込額', 280000, 274462, 280000]);
  expect(Object.keys(before).every((k) => after[k] === before[k])).toBe(true);
  // Checked again, the sheet has the column: it is found by its header and written again, not a new one.
  const again = await month.checkMonth('auto');
  expect(month.expectedColumns(again).map((c) => [c.column, c.reused])).toEqual([[4, true]]);
  await month.writeExpectedPay(again);
  expect(model.sheet(MONTH_SHEETS.pay).cells.has('1,5')).toBe(false);
  // The clerk wrote a note in that column: the pane asks before replacing it, and writes nothing until told.
  model.sheet(MONTH_SHEETS.pay).cells.set('5,4', { value: 'ask HR' });
  model.touch(model.sheet(MONTH_SHEETS.pay));
  const third = await month.checkMonth('auto');
  const untouched = model.values();
  expect(await month.writeExpectedPay(third)).toEqual({ occupied: { sheet: MONTH_SHEETS.pay, cell: 'D5', value: 'ask HR' } });
  expect(model.values()).toEqual(untouched);
  await month.writeExpectedPay(third, true);
  expect(model.sheet(MONTH_SHEETS.pay).cells.has('5,4')).toBe(false);
});

test('month mode: a pay sheet without Paid gives its expected amounts and judges nothing; a workbook without a ledger says so', async () => {
  const model = new FakeWorkbookModel();
  addMonthSheets(model);
  model.sheets = model.sheets.filter((s) => s.name !== MONTH_SHEETS.ledger);
  for (let r = 1; r <= 5; r++) model.sheet(MONTH_SHEETS.pay).cells.delete(`${r},3`);
  installFakeExcel(model);
  const month = new MonthController(new ExcelWorkbook());
  const outcome = await month.checkMonth('auto');
  expect(monthCoverage(outcome)).toMatchObject({ checked: [{ sheet: MONTH_SHEETS.pay, kind: 'pay', rows: 4, paidColumn: false }], missing: ['ledger'] });
  expect((await monthItems(outcome)).findings.map(where)).toEqual([`${MONTH_SHEETS.pay}!A5`]);
  // Without the ledger, Kai's absences are unknown: July is the full ¥280,000.
  expect(outcome.expected.map((e) => e.expected)).toEqual([280000, 280000, 280000]);
  const { written } = (await month.writeExpectedPay(outcome)) as { written: { column: string }[] };
  expect(written[0].column).toBe('C');
  // Neither a ledger nor a pay sheet: nothing checked, nothing marked.
  const empty = new FakeWorkbookModel();
  empty.addSheet('Notes', [['Name', 'Month?']]);
  installFakeExcel(empty);
  const none = await new MonthController(new ExcelWorkbook()).checkMonth('auto');
  expect([none.summary.kind, none.results, monthCoverage(none).missing]).toEqual(['unknown', [], ['roster', 'ledger', 'pay']]);
});

test('month mode: the sync count of marks, report and expected pay stays the same from 1,000 to 20,000 ledger rows; reading grows only with cells ÷ READ_CELLS', async () => {
  const figures: { read: number; mark: number; report: number; write: number; cells: number; findings: number }[] = [];
  for (const n of [1_000, 20_000]) {
    const model = new FakeWorkbookModel();
    addMonthSheets(model);
    const ledger = model.sheet(MONTH_SHEETS.ledger);
    const pay = model.sheet(MONTH_SHEETS.pay);
    // n more entries: every fourth of a person not on the roster (an error on its Name cell), the
    // rest annual leave by the hour on weekdays; and a pay row for each of 100 people not on the roster.
    for (let i = 0; i < n; i++) {
      const r = 9 + i;
      const day = serial('2023-08-01') + Math.floor(i / 5) * 7 + (i % 5);
      ledger.cells.set(`${r},1`, { value: i % 4 === 0 ? `Nobody ${i}` : 'Kai Tanaka' });
      ledger.cells.set(`${r},2`, { value: day });
      ledger.cells.set(`${r},4`, { value: '年休' });
      ledger.cells.set(`${r},5`, { value: 1 });
    }
    for (let i = 0; i < n / 10; i++) {
      pay.cells.set(`${6 + i},1`, { value: `Nobody ${i}` });
      pay.cells.set(`${6 + i},2`, { value: '2024-06' });
      pay.cells.set(`${6 + i},3`, { value: 280000 });
    }
    installFakeExcel(model);
    const wb = new ExcelWorkbook();
    const month = new MonthController(wb);
    let atMark = 0;
    const outcome = await month.checkMonth('auto', (phase) => {
      if (phase === 'mark' && !atMark) atMark = wb.counter.syncs;
    });
    const read = atMark;
    const mark = wb.counter.syncs - atMark;
    let at = wb.counter.syncs;
    await new PaneController(wb, 'roster').writeReport(outcome, RUN);
    // Two syncs, then one more per REPORT_ROWS rows written (Excel on the web takes 5 MB a request).
    const report = wb.counter.syncs - at - Math.ceil(outcome.summary.reportRows / REPORT_ROWS) + 1;
    at = wb.counter.syncs;
    await month.writeExpectedPay(outcome);
    const write = wb.counter.syncs - at;
    const cells = [MONTH_SHEETS.roster, MONTH_SHEETS.ledger, MONTH_SHEETS.pay].map((s) => model.usedBox(model.sheet(s))!).map((b) => Math.ceil(((b.r2 - b.r1 + 1) * (b.c2 - b.c1 + 1)) / READ_CELLS));
    figures.push({ read, mark, report, write, cells: cells.reduce((a, b) => a + b, 0), findings: outcome.summary.counts.all });
  }
  // Findings grow with the rows (every fourth entry, every pay row), the syncs to show them do not.
  expect(figures[1].findings).toBeGreaterThan(figures[0].findings * 15);
  expect(figures.map((f) => [f.mark, f.report, f.write])).toEqual([[4, 2, 2], [4, 2, 2]]);
  // Reading: three looks (sheets; used ranges and store; top rows), then one sync per slice of READ_CELLS cells of each sheet.
  expect(figures.map((f) => f.read)).toEqual(figures.map((f) => 3 + f.cells));
  // By hand: 1,000 — ledger 1,008 rows × 6 = 6,048 cells, pay 105 × 3, roster 4 × 9: one slice each.
  // 20,000 — ledger 20,008 × 6 = 120,048 cells: 4 slices of 6,666 rows; pay 2,005 × 3 and roster: one each.
  expect(figures.map((f) => f.cells)).toEqual([3, 6]);
}, 60_000);

test('clause tags of the ledger and pay: a bare number after an article is an article; an en-dash range reads as one', () => {
  expect(['Art 13.2, 26.2.1', 'Art 10.2, 11', 'Art 12.1, 12.2', 'Art 12–14', 'Art 14-3.2', 'Art 14.1.21', 'Art 27.2.2, P-1'].map((r) => ruleLabel(r, 'ja'))).toEqual([
    '第13条第2項・第26条第2項第1号', '第10条第2項・第11条', '第12条第1項・第12条第2項', '第12条〜第14条', '第14条の3第2項', '第14条第1項第21号', '第27条第2項第2号（P-1）',
  ]);
  expect(ruleLabel('Art 7, 8, D-12, D-13', 'en')).toBe('Art 7, 8, D-12, D-13');
});

test('month mode in the Worker: rows in slices, the findings kept there, the same result as in this thread', () => {
  const model = new FakeWorkbookModel();
  addMonthSheets(model);
  const sheetOf = (name: string): SheetInput => {
    const s = model.sheet(name);
    const b = model.usedBox(s)!;
    const rows = [...Array(b.r2 - b.r1 + 1)].map((_, r) => [...Array(b.c2 - b.c1 + 1)].map((__, c) => s.cells.get(`${b.r1 + r},${b.c1 + c}`)?.value ?? null));
    return { name, rows, firstRow: b.r1, firstColumn: b.c1, dateSystem: '1900' };
  };
  const input = { sheets: [sheetOf(MONTH_SHEETS.ledger), sheetOf(MONTH_SHEETS.pay)], rosters: [sheetOf(MONTH_SHEETS.roster)] };
  let session: CheckSession | undefined;
  const progress: number[] = [];
  const handle = monthWorker((made) => (session = made), (done) => progress.push(done));
  const all = [...input.sheets, ...input.rosters];
  all.forEach((s, index) => {
    handle({ type: 'month-rows', index, rows: s.rows.slice(0, 3) });
    handle({ type: 'month-rows', index, rows: s.rows.slice(3) });
  });
  handle({ type: 'month', sheets: all.map(({ rows: _rows, ...meta }, i) => ({ ...meta, role: i < 2 ? 'check' : 'roster' })), store: emptyStore() });
  const direct = checkMonthSheets(input);
  expect(session!.page('all', 0, 100).map((i) => i.finding)).toEqual(direct.results.flatMap((r) => r.findings));
  expect(session!.summary.month?.expected).toEqual(direct.expected);
  expect(session!.summary.month?.results).toEqual(direct.results.map(({ findings: _f, ...r }) => r));
  expect(direct.results.flatMap((r) => r.findings).map((f) => [f.sheet, cellAddress(f.row, f.columnIndex), f.severity, f.rule])).toEqual(MONTH_FINDINGS);
  expect(progress[progress.length - 1]).toBe(1000);
});

test('month mode: without a Worker, or with one that cannot start, the check runs in this thread with the same result', async () => {
  const model = new FakeWorkbookModel();
  addMonthSheets(model);
  installFakeExcel(model);
  const g = globalThis as { Worker?: unknown };
  const had = g.Worker;
  try {
    delete g.Worker;
    const none = await new MonthController(new ExcelWorkbook(), workerMonthValidator('validate-worker.js')).checkMonth('auto');
    expect((await monthItems(none)).findings.map((f) => [f.sheet, cellAddress(f.row, f.columnIndex), f.severity, f.rule])).toEqual(MONTH_FINDINGS);
    // A Worker whose script is refused: an error event after it is made, before any message
    // (the WorkerGlobalScope's script fetch failing fires "error" at the Worker object, HTML §10.2.4).
    g.Worker = class {
      onerror: ((e: { message: string }) => void) | null = null;
      onmessage: unknown = null;
      constructor() {
        setTimeout(() => this.onerror?.({ message: '' }), 0);
      }
      postMessage() {}
      terminate() {}
    };
    const refused = await new MonthController(new ExcelWorkbook(), workerMonthValidator('validate-worker.js')).checkMonth('auto');
    expect((await monthItems(refused)).findings.map((f) => [f.sheet, cellAddress(f.row, f.columnIndex), f.severity, f.rule])).toEqual(MONTH_FINDINGS);
  } finally {
    if (had === undefined) delete g.Worker;
    else g.Worker = had;
  }
});

test('hours typed as times (1:10 kept by Excel as 0.0486… of a day, format h:mm) read as h:mm, in both checks', async () => {
  const { model, month } = monthSetup();
  // Kai's absences as Excel keeps them when typed into an h:mm cell (E6, E7).
  const ledger = model.sheet(MONTH_SHEETS.ledger);
  ledger.cells.set('6,5', { value: 70 / 1440, numberFormat: 'h:mm' });
  ledger.cells.set('7,5', { value: 80 / 1440, numberFormat: '[h]:mm' });
  const outcome = await month.checkMonth('auto');
  // The same findings and docs/rules.md §12's ¥274,462 as with the hours typed as text.
  expect((await monthItems(outcome)).findings.map((f) => [f.sheet, cellAddress(f.row, f.columnIndex), f.severity, f.rule])).toEqual(MONTH_FINDINGS);
  expect(outcome.expected.map((e) => e.expected)).toEqual([280000, 274462, 280000]);
  // A roster's hours column formatted [h]:mm reads as hours too; a plain number column stays a number.
  expect(timeColumnsOf([['Name', 'Leave used (hours)', 'Term'], ['A', 35 / 24, 1], ['B', 0.5, 2]], [['General', 'General', 'General'], ['General', '[h]:mm', '0'], ['General', '[h]:mm', '0']])).toEqual(new Set([1]));
  expect(cellsOf(['A', 35 / 24, 1], new Set([1]))).toEqual(['A', '35:00', 1]);
  // A column with a time in one row and a plain number in another is not taken for times.
  expect(timeColumnsOf([[1.5], [0.05]], [['General'], ['h:mm']])).toEqual(new Set());
});

test('"Set to" never overwrites a value the clerk typed after the check', async () => {
  const rows = roster(3, 2);
  rows[2][7] = serial('2024-07-31'); // term end a day late
  const { model, controller } = setup(rows);
  const outcome = await checkAll(controller, 'auto', 'auto');
  const termEnd = outcome.items.find((i) => i.finding.row === 3 && i.finding.columnIndex === 8)!;
  // The clerk corrects the cell by hand to another day before clicking.
  model.sheet('Roster').cells.set('3,8', { value: serial('2024-11-05') });
  const before = model.values();
  expect(await controller.applyFix(outcome, termEnd)).toBeUndefined();
  expect(model.values()).toEqual(before);
});

test('an acceptance shows the day it was made in Japan', () => {
  expect([dayInJapan('2026-11-29T23:30:00.000Z'), dayInJapan('2026-11-29T14:59:00.000Z'), dayInJapan('not a time')]).toEqual(['2026-11-30', '2026-11-29', 'not a time']);
});

test('messages as the clerk reads them: no decision numbers; clauses in Japanese in the Japanese text', () => {
  expect(clerkMessage('annual leave overdraws the balance; the other 10 days only from 2023-11-07 (D-4)', 'en')).toBe('annual leave overdraws the balance; the other 10 days only from 2023-11-07');
  expect(clerkMessage('sick leave passes 20 days (Art 13.2, D-6); from day 21 suspension', 'en')).toBe('sick leave passes 20 days (Art 13.2); from day 21 suspension');
  expect(clerkMessage('Art 7.1: 2024-07: full month; D-9: last month\'s deduction ¥5,538 is taken; D-12, Art 8.1: ¥280,000 − ¥5,538 = ¥274,462', 'en')).toBe('Art 7.1: 2024-07: full month; last month\'s deduction ¥5,538 is taken; Art 8.1: ¥280,000 − ¥5,538 = ¥274,462');
  expect(clerkMessage('Art 7.1: 2024-07: 全日100%で勤務; D-9: 前月分 5,538円を控除; D-12, Art 8.1: 280,000円', 'ja')).toBe('第7条第1項: 2024-07: 全日100%で勤務; 前月分 5,538円を控除; 第8条第1項: 280,000円');
  expect(clerkMessage('病気休暇が20日を超えます（Art 13.2, 26.2.1）; Note 2.2 による', 'ja')).toBe('病気休暇が20日を超えます（第13条第2項・第26条第2項第1号）; 注2の2 による');
  // Text without tags is left as it is; a year or an amount is no clause.
  expect(clerkMessage('monthly pay ¥290,000 differs from ¥280,000 (2023-24, year 1)', 'ja')).toBe('monthly pay ¥290,000 differs from ¥280,000 (2023-24, year 1)');
});
