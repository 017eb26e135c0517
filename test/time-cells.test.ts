// A time typed into a cell (1:20) is stored by Excel as a fraction of a day with a time format:
// the readers that see formats turn it back into the h:mm text the clerk typed.

import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { isTimeOnlyFormat, timeTextOfDayFraction } from '../src/core';
import { sheetsOfFile } from '../src/cli/workbook';
import { validateWorkbook } from '../src/validation/validate';
import { PaySheetResult } from '../src/validation/ledger';
import { MAIN, XML, book, sheetData, worksheet } from './xlsx-fixtures';

test('which number formats show a time and no date', () => {
  // Built-in ids (ECMA-376 §18.8.30): 20 h:mm, 21 h:mm:ss, 46 [h]:mm:ss time; 14 a date; 22 date and time; 0 General.
  expect([20, 21, 46, 18, 45].map(isTimeOnlyFormat)).toEqual([true, true, true, true, true]);
  expect([0, 14, 22, 2].map(isTimeOnlyFormat)).toEqual([false, false, false, false]);
  expect(['h:mm', '[h]:mm', 'hh:mm;@', '[$-F400]h:mm:ss AM/PM', 'h"時間"mm"分"', '[Red]h:mm', 'mm:ss'].map(isTimeOnlyFormat)).toEqual([true, true, true, true, true, true, true]);
  expect(['General', 'yyyy-mm-dd', 'yyyy/m/d h:mm', '[$-ja-JP]ggge"年"m"月"d"日"', '0.00', '#,##0', '@', 'm/d', '"h"0'].map(isTimeOnlyFormat)).toEqual([false, false, false, false, false, false, false, false, false]);
});

test('a day fraction as h:mm', () => {
  expect(timeTextOfDayFraction(80 / 1440)).toBe('1:20'); // what Excel stores for 1:20: 0.0555…
  expect(timeTextOfDayFraction(0.0555555555555556)).toBe('1:20');
  expect(timeTextOfDayFraction(35 / 24)).toBe('35:00'); // [h]:mm past a day
  expect(timeTextOfDayFraction(0)).toBe('0:00');
  expect(timeTextOfDayFraction(-0.1)).toBeUndefined();
});

describe('a workbook whose hours were typed as times', () => {
  const dir = mkdtempSync(join(tmpdir(), 'altrules-time-'));
  // cellXfs: 0 General, 1 yyyy-mm-dd, 2 h:mm (custom 165), 3 built-in 20 (h:mm), 4 [h]:mm (custom 166).
  const styles = `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="h:mm"/><numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="20"/><xf numFmtId="166"/></cellXfs></styleSheet>`;
  const serial = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25569;
  const date = (iso: string) => ({ s: 1, v: serial(iso) });
  const file = join(dir, 'book.xlsx');
  writeFileSync(
    file,
    book({
      styles,
      sheets: [
        {
          name: 'Roster',
          xml: worksheet(sheetData([
            ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Leave used (hours)'],
            ['Alex Smith', 'USA', 'S1', date('2023-08-06'), 1, 1, date('2023-08-07'), date('2024-08-06'), { s: 4, v: 35 / 24 }],
          ])),
        },
        {
          name: 'Ledger',
          xml: worksheet(sheetData([
            ['Name', 'From', 'To', 'Kind', 'Hours', 'Note'],
            ['Alex Smith', date('2024-06-10'), null, 'absence', { s: 2, v: 70 / 1440 }], // 1:10 typed into an h:mm cell
            ['Alex Smith', date('2024-06-24'), null, 'absence', { s: 3, v: 80 / 1440 }], // 1:20, built-in h:mm
          ])),
        },
        { name: 'Pay', xml: worksheet(sheetData([['Name', 'Month', 'Paid'], ['Alex Smith', '2024-07', 280000]])) },
      ],
    }),
  );

  test('the reader gives the h:mm the clerk typed; dates and plain numbers stay numbers', async () => {
    const [roster, ledger] = await sheetsOfFile(file);
    expect(roster.rows[1][8]).toBe('35:00');
    expect(roster.rows[1][3]).toBe(serial('2023-08-06'));
    expect(roster.rows[1][4]).toBe(1);
    expect([ledger.rows[1][4], ledger.rows[2][4]]).toEqual(['1:10', '1:20']);
  });

  test('RULES.md §12: June\'s 1:10 + 1:20 = 2 h 30 → 3 h × ¥1,846 taken from July: ¥274,462', async () => {
    const sheets = await sheetsOfFile(file);
    const results = validateWorkbook(sheets);
    expect(results[1].findings).toEqual([]);
    const pay = results[2] as PaySheetResult;
    expect(pay.expected.map((e) => e.expected)).toEqual([274462]);
    expect(pay.findings.map((f) => [f.row, f.severity])).toEqual([[2, 'error']]);
  });
});
