// The task pane's adapter and controller against the in-memory Excel: findings, marks that never
// touch a value, exact clearing, and a fixed number of context.sync() calls.

import { installFakeExcel, FakeWorkbookModel } from './fakes/excel-fake';
import { CheckOutcome, PageItem, PaneController, Validator, inlineValidator } from '../src/taskpane/controller';
import type { DateSystem } from '../src/core';
import type { Source } from '../src/taskpane/workbook';
import { ExcelWorkbook, MARK_FORMULA, detectDateSystem, topLeftOf } from '../src/taskpane/workbook';
import { STORE_SHEET, parseStore, storeRows } from '../src/validation/store';
import { ruleLabel, whereLabel } from '../src/taskpane/present';
import { markRuns } from '../src/taskpane/marks';
import fc from 'fast-check';

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
  for (let from = 0; from < outcome.summary.counts.all; from += 100) items.push(...(await controller.page(outcome, 'all', from, 100)));
  const accepted = await controller.page(outcome, 'accepted', 0, outcome.summary.counts.accepted);
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
  await controller.writeReport(first);
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
  await controller.writeReport(outcome);
  expect(await controller.reportExists()).toBe(true);
  await controller.writeReport(outcome);
  const report = model.sheets.filter((s) => s.name === '点検結果 Findings');
  expect(report).toHaveLength(1);
  const cell = (r: number, c: number) => report[0].cells.get(`${r},${c}`);
  expect(cell(1, 1)!.value).toBe('Sheet シート');
  expect(cell(1, 3)!.value).toBe('Who 氏名');
  expect([cell(2, 2)!.value, cell(2, 3)!.value, cell(2, 5)!.value, cell(2, 6)!.value]).toEqual(['I2', '=HYPERLINK("http://x","click")', 'Error エラー', 'Art 7.1 第7条第1項']);
  expect([cell(3, 3)!.value, cell(4, 3)!.value]).toEqual(['-', '+81 3']);
  for (const [k, c] of report[0].cells) expect([k, c.formula]).toEqual([k, undefined]);
  expect(report[0].layout).toMatchObject({ frozenRows: 1, autoFilter: 'A1:I5', orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$1:$1', wrap: ['A1:I5'] });
  expect(Object.keys(report[0].layout!.columnWidths!)).toHaveLength(9);
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
  await controller.writeReport(second);
  const report = model.sheet('点検結果 Findings');
  expect([report.cells.get('3,5')!.value, report.cells.get('3,9')!.value]).toEqual(['Accepted 承認済', 'Sato, 2026-11-29: approved by the board of education']);

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

test('clause tags in the clerk\'s language; project documents and decisions are never cited', () => {
  expect(['Art 7.1', 'Note 2.2', 'Art 5.3, Note 3', 'Art 26.2.1', 'Art 14-3.3', 'Note 2.2–2.3', 'Note 2.3, D-8', 'input', 'D-7', 'CLAIR: 滞在経費助成金'].map((r) => ruleLabel(r, 'ja'))).toEqual([
    '第7条第1項', '注2の2', '第5条第3項・注3', '第26条第2項第1号', '第14条の3第3項', '注2の2〜2の3', '注2の3', '入力', '入力', 'クレア: 滞在経費助成金',
  ]);
  expect(['Art 7.1', 'input', 'Art 5.3, Note 3, D-8'].map((r) => ruleLabel(r, 'en'))).toEqual(['Art 7.1', 'input', 'Art 5.3, Note 3']);
  const sheetWide = { sheet: 'S', row: 3, column: '', field: 'cohort' as const, severity: 'warning' as const, rule: 'Note 2.2', message: '', message_ja: '', columnIndex: 0 };
  expect([whereLabel(sheetWide, 'en'), whereLabel(sheetWide, 'ja')]).toEqual(['header row 3', '見出し行 3']);
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
