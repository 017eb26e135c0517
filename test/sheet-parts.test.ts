// The worksheet reader's parts on their own, with hand-made XML: cell values per type, row
// assembly and folding, shared formulas, and the element walk over a small sheet.

import { cellValue, parseRef } from '../src/cli/sheetCells';
import { FormulaCapture } from '../src/cli/sheetFormulas';
import { EMPTY_ROW, SheetRows, foldRow } from '../src/cli/sheetRows';
import { WorksheetContext, WorksheetReader } from '../src/cli/sheetXml';
import { Refusal } from '../src/cli/zip';

describe('cellValue: one cell by its type', () => {
  const sst = ['apple', 'りんご'];
  test.each([
    // type, <v>, <is>, value
    ['s', '1', null, 'りんご'],
    ['s', ' 0 ', null, 'apple'],
    ['s', '2', null, { error: '#REF!' }], // past the shared strings
    ['s', 'x', null, { error: '#REF!' }],
    ['s', '', null, null], // an empty <v/> is no shared string 0
    ['str', 'a formula’s text', null, 'a formula’s text'],
    ['inlineStr', null, 'inline', 'inline'],
    ['b', '1', null, true],
    ['b', '0', null, false],
    ['b', 'TRUE', null, true],
    ['b', '', null, null],
    ['e', ' #N/A ', null, { error: '#N/A' }],
    ['n', ' 12.5 ', null, 12.5],
    ['n', '-3e2', null, -300],
    ['n', '0x10', null, { error: '#NUM!' }], // no hexadecimal in xsd:double
    ['n', '1e400', null, { error: '#NUM!' }], // not finite
    ['n', 'Infinity', null, { error: '#NUM!' }],
    ['n', '', null, null],
    ['n', null, null, null],
  ] as const)('t="%s" v=%p is=%p → %p', (type, v, inline, want) => {
    expect(cellValue(type, v, inline, sst, '1900')).toEqual(want);
  });

  test('t="d": the ISO date as the serial of the book\'s date system, a time of day as its fraction', () => {
    // 2024-01-01 is serial 45292 in the 1900 system; + 31 (January) + 29 (February 2024) = 1 March.
    expect(cellValue('d', '2024-03-01', null, [], '1900')).toBe(45352);
    // The 1904 system counts 1,462 days fewer (from 1904-01-01 instead of 1899-12-31, with 1900's false 29 February).
    expect(cellValue('d', '2024-03-01', null, [], '1904')).toBe(43890);
    expect(cellValue('d', '2024-03-01T18:00:00', null, [], '1904')).toBe(43890.75);
    expect(cellValue('d', 'not a date', null, [], '1900')).toBe('not a date');
  });

  test('a number in a time-only style reads as the time shown', () => {
    // 0.75 of a day is 18:00; a clock style shows only the time of a date-time (45352.75).
    expect(cellValue('n', '45352.75', null, [], '1900', 'clock')).toBe('18:00');
    // [h]:mm shows elapsed hours: 1.5 days are 36 hours.
    expect(cellValue('n', '1.5', null, [], '1900', 'elapsed')).toBe('36:00');
    expect(cellValue('n', '1.5', null, [], '1900', 'clock')).toBe('12:00');
  });
});

test('parseRef: column letters and row digits, with or without $', () => {
  expect(parseRef('A1')).toEqual([1, 1]);
  expect(parseRef('$AB$12')).toEqual([12, 28]); // A=1 → AB = 1×26 + 2
  expect(parseRef('xfd1048576')).toEqual([1048576, 16384]); // X=24, F=6, D=4: 24×676 + 6×26 + 4
  expect(parseRef('ABCD1')).toBeUndefined(); // four letters
  expect(parseRef('A')).toBeUndefined();
  expect(parseRef('1A')).toBeUndefined();
  expect(parseRef('A1:B2')).toBeUndefined();
});

describe('SheetRows: row assembly', () => {
  test('cells land in their rows; the rows between share one frozen empty row', () => {
    const r = new SheetRows(undefined);
    r.start(2);
    r.put(3, 'C2');
    r.start(5);
    r.put(1, 'A5');
    r.end();
    expect(r.rows.length).toBe(5);
    expect(r.rows[0]).toBe(EMPTY_ROW);
    expect(r.rows[2]).toBe(EMPTY_ROW);
    expect(r.rows[1]?.[2]).toBe('C2');
    expect(r.rows[4]).toEqual(['A5']);
  });

  test('a row met twice keeps the cells of both', () => {
    const r = new SheetRows(undefined);
    r.start(1);
    r.put(1, 'a');
    r.start(2);
    r.put(1, 'b');
    r.moveTo(1);
    r.put(2, 'c');
    r.end();
    expect(r.rows).toEqual([['a', 'c'], ['b']]);
  });

  test('past row 20, columns right of the last known header fold into one marker', () => {
    const r = new SheetRows(undefined);
    r.start(1);
    r.put(1, 'Name');
    r.put(2, 'Arrival');
    r.put(4, 'memo'); // not a header any check reads
    r.start(25);
    r.put(1, 'X');
    r.put(4, 'y');
    r.put(6, 'z');
    r.start(26);
    r.put(16384, 'far right'); // only marks the row as used
    r.end();
    // Name and Arrival end at column B: from C (3) on, one marker.
    expect(r.foldedFrom).toBe(3);
    expect(r.rows[0]).toEqual(['Name', 'Arrival', undefined, 'memo']); // header rows stay whole
    expect(r.rows[24]).toEqual(['X', undefined, 'y']);
    expect(r.rows[25]).toEqual([undefined, undefined, 'far right']);
    expect(r.unrecognised).toBe(false);
  });

  test('no known header in the first 20 rows: the sheet is unrecognised', () => {
    const r = new SheetRows(undefined);
    r.start(1);
    r.put(1, 'Fruit');
    r.start(21);
    r.put(1, 'apple');
    r.end();
    expect(r.unrecognised).toBe(true);
  });

  test('a kept column (the clerk\'s mapping) widens what is read', () => {
    const r = new SheetRows({ headers: new Set(['memo']), columns: new Set([5]) });
    r.start(1);
    r.put(1, 'Name');
    r.put(4, 'memo');
    r.start(21);
    r.put(5, 'E21');
    r.put(7, 'G21');
    r.end();
    expect(r.foldedFrom).toBe(6);
    expect(r.rows[20]).toEqual([undefined, undefined, undefined, undefined, 'E21', 'G21']);
  });

  test('foldRow keeps the first cell at or past the limit, wherever it is', () => {
    const row: (string | undefined)[] = ['a'];
    row[9] = 'j';
    row[12] = 'm';
    expect(foldRow(row, 2)).toEqual(['a', undefined, 'j']);
    expect(foldRow(['a', 'b'], 2)).toEqual(['a', 'b']);
  });
});

test('FormulaCapture: a shared formula\'s later cells take the master\'s text and their offset from it', () => {
  const f = new FormulaCapture();
  f.add('ALT.PAY(A2,B2)', '<f t="shared" ref="C2:C4" si="0">', 2, 3, 280000);
  f.add('', '<f t="shared" si="0"/>', 4, 3, 300000);
  f.add('', '<f t="shared" si="7"/>', 5, 3, 1); // no master: nothing to recompute
  f.add('SUM(C2:C4)', '<f>', 5, 4, 580000);
  expect(f.formulas).toEqual([
    { row: 2, col: 3, text: 'ALT.PAY(A2,B2)', dRow: 0, dCol: 0, shared: true, cached: 280000 },
    { row: 4, col: 3, text: 'ALT.PAY(A2,B2)', dRow: 2, dCol: 0, shared: true, cached: 300000 },
    { row: 5, col: 4, text: 'SUM(C2:C4)', dRow: 0, dCol: 0, shared: false, cached: 580000 },
  ]);
});

describe('WorksheetReader: the element walk', () => {
  const ctx: WorksheetContext = { sheet: 'Roster', part: 'xl/worksheets/sheet1.xml', sst: ['Name', 'Brown'], system: '1904', timeStyles: new Map([[3, 'clock']]) };
  const read = (xml: string, chunk = xml.length) => {
    const r = new WorksheetReader(ctx);
    for (let i = 0; i < xml.length; i += chunk) r.write(xml.slice(i, i + chunk));
    r.end();
    return r;
  };
  const SHEET =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>来日</t></r><rPh sb="0" eb="2"><t>らいにち</t></rPh><r><t>日</t></r></is></c></row>' +
    // Cells without r follow on from the one before; t="d" in a 1904 book; a clock time in style 3.
    '<row r="3"><c t="s"><v>1</v></c><c t="d"><v>2024-03-01</v></c><c s="3"><v>0.5</v></c><c t="b"><v>1</v></c></row>' +
    '<row><c r="A4" t="str"><f>A1&amp;"!"</f><v><![CDATA[Name!]]></v></c></row>' +
    '</sheetData></worksheet>';

  test('values, gaps, phonetic runs left out, formulas', () => {
    for (const chunk of [SHEET.length, 7, 1]) {
      const r = read(SHEET, chunk);
      expect(r.rows.rows).toEqual([['Name', '来日日'], [], ['Brown', 43890, '12:00', true], ['Name!']]);
      expect(r.formulas).toEqual([{ row: 4, col: 1, text: 'A1&"!"', dRow: 0, dCol: 0, shared: false, cached: 'Name!' }]);
    }
  });

  test('elements of another namespace are not cells', () => {
    const r = read('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:o="urn:other"><sheetData><row r="1"><o:c r="A1"><o:v>9</o:v></o:c><c r="B1"><v>2</v></c></row></sheetData></worksheet>');
    expect(r.rows.rows).toEqual([[undefined, 2]]);
  });

  test.each([
    ['<row r="0"/>', /row numbered "0"/],
    ['<row r="1048577"/>', /past Excel's last row 1,048,576/],
    ['<row r="1"><c r="1A"/></row>', /reference "1A"/],
    ['<row r="1"><c r="XFE1"/></row>', /past Excel's last column XFD/],
  ])('%s is refused', (rows, message) => {
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    expect(() => read(xml)).toThrow(Refusal);
    expect(() => read(xml)).toThrow(message);
  });
});
