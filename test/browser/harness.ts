// Loaded into the browser before the task pane: an in-memory Excel with a sample roster, exposed
// as window.Excel (what the pane's adapter talks to) and window.__model (what the test inspects).

import { FakeWorkbookModel, installFakeExcel } from '../fakes/excel-fake';
import { addMonthSheets } from '../support/month-workbook';
import { BOOKS } from '../corpus-ja/data';

const serial = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25569;

const model = new FakeWorkbookModel();
const sheet = model.addSheet(
  'Roster 名簿',
  [
    ['ALT roster FY2023 / 令和5年度 ALT 名簿'],
    [],
    ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay', 'Leave used (hours)', 'Carried leave', 'Sick days'],
    ['Alex Smith', 'USA', 'S1', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-30'), 280000, 35, 0, 2],
    ['Brianna Lee', 'Canada', 'S2', serial('2022-08-06'), 2, 2, serial('2023-08-07'), serial('2024-08-06'), 280000, 70, 5, 0],
    ['Chen Wei', '中国', 'S1', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-31'), 280000, 14, 0, 0],
    ['Eamon Kelly', 'Ireland', 'S1', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-30'), 280000, 21, 0, 22],
    ['Gus Ortega', 'Narnia', 'S1', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-30'), 280000, 0, 0, 5],
    ['<img src=x onerror=alert(1)>', 'USA', 'S1', 'TBD', 1, 1, '', '', 280000, 0, 0, 0],
    // A long name without spaces must wrap, never push the pane sideways.
    ['Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzenvonangreifendurchihrraubgierigfeinde', 'Germany', 'S1', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-30'), 300000, 0, 0, 0],
  ],
);
for (const [k, c] of sheet.cells) if ([4, 7, 8].includes(Number(k.split(',')[1])) && typeof c.value === 'number') c.numberFormat = 'yyyy-mm-dd';
// A user's own conditional format, which clearing our marks must leave alone.
sheet.formats.push({ id: 'user', cells: ['4,12'], formula: '=L4>1', fill: '#C6EFCE' });
model.addSheet('Notes', [['keep', 'these', 'values'], [1, 2, 3]]);
installFakeExcel(model, window as unknown as Record<string, unknown>);
(window as unknown as { __model: FakeWorkbookModel }).__model = model;

/**
 * A big roster for the progress and long-task measurements: `n` people, every one with a wrong
 * monthly pay (Art 7.1) and a wrong term end (Art 5.1), so 2n findings.
 */
(window as unknown as { __bigRoster: (n: number) => void }).__bigRoster = (n: number) => {
  const rows: (string | number)[][] = [['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay']];
  for (let i = 0; i < n; i++) rows.push([`ALT ${i}`, 'USA', 'S1', serial('2023-07-30'), 1, 1, serial('2023-07-31'), serial('2024-07-31'), 290000]);
  const big = model.addSheet('Big', rows);
  for (const [k, c] of big.cells) if ([4, 7, 8].includes(Number(k.split(',')[1])) && typeof c.value === 'number') c.numberFormat = 'yyyy-mm-dd';
  model.active = 'Big';
  model.selection = { sheet: 'Big', address: 'A1' };
};

/**
 * A second workbook for the "leave ledger and pay" mode: a roster, a leave ledger and a pay sheet
 * with planted problems (test/support/month-workbook.ts), put in place of the first.
 */
(window as unknown as { __monthWorkbook: () => void }).__monthWorkbook = () => {
  const month = new FakeWorkbookModel();
  addMonthSheets(month);
  installFakeExcel(month, window as unknown as Record<string, unknown>);
  (window as unknown as { __model: FakeWorkbookModel }).__model = month;
};

/**
 * A workbook of the Japanese corpus (test/corpus-ja) in place of the first: its values as Excel
 * holds them (a formula's cached value, date cells as serials with a date format).
 */
(window as unknown as { __corpusBook: (file: string) => void }).__corpusBook = (file: string) => {
  const spec = BOOKS.find((b) => b.file === file);
  if (!spec) throw new Error(`no corpus workbook ${file}`);
  const book = new FakeWorkbookModel();
  for (const s of spec.sheets) {
    const dates: string[] = [];
    const rows = s.rows.map((r, i) =>
      r.map((c, j) => {
        if (c === null || typeof c !== 'object') return c ?? null;
        if ('s' in c && c.s === 1) dates.push(`${i + 1},${j + 1}`);
        return (c.v as string | number | undefined) ?? null;
      }),
    );
    const sheet = book.addSheet(s.name, rows);
    for (const k of dates) {
      const cell = sheet.cells.get(k);
      if (cell) cell.numberFormat = 'yyyy/m/d';
    }
  }
  installFakeExcel(book, window as unknown as Record<string, unknown>);
  (window as unknown as { __model: FakeWorkbookModel }).__model = book;
};
