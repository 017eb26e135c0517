// Hostile workbooks, through the same reader as `altrules validate`: each gives findings or one
// clear message naming the limit it breaks, never a crash, never unbounded memory.

import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { validateSheet } from '../src/validation/validate';
import { checkWorkbook } from '../src/cli/validate';
import { closeZip, openZip, Refusal } from '../src/cli/zip';
import { MAIN, R, ROSTER_HEAD, book, sheetData, worksheet, zipOf } from './xlsx-fixtures';
import { assertFreshLib } from './support/gates';

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'altrules-hostile-'));
const HEAD = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay'];
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function roundTrip(build: (wb: ExcelJS.Workbook) => void, name: string) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return readBook(file);
}

async function readBook(file: string) {
  const zip = openZip(file);
  try {
    return (await checkWorkbook(zip, 'en')).results;
  } finally {
    closeZip(zip);
  }
}

/** The refusal a file gets, in English. */
async function refusal(file: string): Promise<string> {
  try {
    await readBook(file);
  } catch (e) {
    if (e instanceof Refusal) return e.en;
    throw e;
  }
  return 'accepted';
}

function save(name: string, data: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

const oneSheet = (xml: string) => book({ sheets: [{ name: 'Roster', xml }] });

test('an empty sheet and a header-only sheet', async () => {
  const [empty, header] = await roundTrip((wb) => {
    wb.addWorksheet('Empty');
    wb.addWorksheet('Header').addRow(HEAD);
  }, 'empty.xlsx');
  expect(empty).toMatchObject({ kind: 'unknown', findings: [] });
  expect(header).toMatchObject({ kind: 'roster', dataRows: 0, findings: [] });
});

test('merged cells, formulas returning errors, text in number and date columns', async () => {
  const [r] = await roundTrip((wb) => {
    const ws = wb.addWorksheet('Roster');
    ws.addRow(HEAD);
    ws.addRow(['Merged Name', 'USA', 'S1', utc('2023-07-30'), 1, 1, utc('2023-07-31'), utc('2024-07-30'), 280000]);
    ws.addRow(['', 'USA', 'S1', utc('2023-07-30'), 1, 1, utc('2023-07-31'), utc('2024-07-30'), 280000]);
    ws.mergeCells('A2:A3');
    ws.addRow(['Err', 'USA', 'S1', { formula: 'NA()', result: { error: '#N/A' } }, 1, 1, utc('2023-07-31'), utc('2024-07-30'), { formula: '1/0', result: { error: '#DIV/0!' } }]);
    ws.addRow(['Text', 'USA', 'S1', 'next week', 'first', 1, utc('2023-07-31'), utc('2024-07-30'), 'lots']);
  }, 'merged.xlsx');
  expect(r.kind).toBe('roster');
  const at = (row: number) => r.findings.filter((f) => f.row === row).map((f) => f.field);
  expect(at(4)).toEqual(['arrival', 'monthlyPay']);
  expect(r.findings.find((f) => f.row === 4 && f.field === 'arrival')!.message).toMatch(/error #N\/A/);
  expect(at(5)).toEqual(['arrival', 'term', 'monthlyPay']);
});

test('the 1904 date system', async () => {
  const [r] = await roundTrip((wb) => {
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const ws = wb.addWorksheet('Roster');
    ws.addRow(HEAD);
    ws.addRow(['A', 'USA', 'S1', utc('2023-07-30'), 1, 1, utc('2023-07-31'), utc('2024-07-30'), 280000]);
    ws.addRow(['B', 'USA', 'S1', utc('2023-07-30'), 1, 1, utc('2023-07-31'), utc('2024-07-31'), 280000]);
  }, '1904.xlsx');
  expect(r.findings.map((f) => `${f.row}:${f.field}`)).toEqual(['3:termEnd']);
  expect(r.findings[0].message).toMatch(/2024-07-31 should be 2024-07-30/);
});

test('extra and duplicate headers: unknown columns ignored, the first of a name wins', async () => {
  const [r] = await roundTrip((wb) => {
    const ws = wb.addWorksheet('Roster');
    ws.addRow(['Notes', ...HEAD, 'Monthly pay', '月額報酬', 'Shoe size']);
    ws.addRow(['hello', 'A', 'USA', 'S1', utc('2023-07-30'), 1, 1, utc('2023-07-31'), utc('2024-07-30'), 280000, 'junk', 'junk', 44]);
  }, 'dupes.xlsx');
  expect(r.kind).toBe('roster');
  expect(r.findings).toEqual([]);
});

test('100,000 rows: findings, in time, without a crash', () => {
  const rows: (string | number)[][] = [HEAD];
  for (let i = 0; i < 100_000; i++) rows.push([`ALT ${i}`, 'USA', 'S1', 45137, 1, 1, 45138, 45503, i % 1000 === 0 ? 1 : 280000]);
  let progressCalls = 0;
  const r = validateSheet({ name: 'Big', rows }, { onProgress: () => progressCalls++ });
  expect(r.dataRows).toBe(100_000);
  expect(r.findings).toHaveLength(100);
  expect(progressCalls).toBeGreaterThan(10);
});

test('a file that is not a workbook, and a workbook that is all noise, each give one clear message', async () => {
  assertFreshLib(join(__dirname, '..')); // bin/altrules.js runs lib/: never a stale build
  const bin = join(__dirname, '..', 'bin', 'altrules.js');
  const notXlsx = join(dir, 'fake.xlsx');
  require('fs').writeFileSync(notXlsx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
  const r = spawnSync('node', [bin, 'validate', notXlsx], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/cannot read .* as an \.xlsx workbook/);
  const [noise] = await roundTrip((wb) => {
    const ws = wb.addWorksheet('Noise');
    for (let i = 0; i < 50; i++) ws.addRow([i, `${i}`, true, null, { error: '#REF!' }]);
  }, 'noise.xlsx');
  expect(noise.kind).toBe('unknown');
});

describe('hostile packages are refused with the limit they break', () => {
  test('a cell at row 999,999,999 (past the last row 1,048,576)', async () => {
    const file = save('far-row.xlsx', oneSheet(worksheet('<row r="999999999"><c r="A999999999"><v>1</v></c></row>')));
    expect(await refusal(file)).toMatch(/sheet "Roster" has a cell in row 999,999,999, past Excel's last row 1,048,576 \(the limit\)/);
    const cli = spawnSync('node', [join(__dirname, '..', 'bin', 'altrules.js'), '--lang', 'ja', 'validate', file], { encoding: 'utf8' });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/999,999,999 行目.*1,048,576（上限）/);
  });

  test('a cell reference past column XFD', async () => {
    const file = save('far-col.xlsx', oneSheet(worksheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')));
    expect(await refusal(file)).toMatch(/column 16,385, past Excel's last column XFD \(16,384, the limit\)/);
  });

  test('a zip bomb: 64 MiB of blanks packed into 64 KiB stops at the ratio limit', async () => {
    const xml = Buffer.concat([Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>`), Buffer.alloc(64 << 20, 0x20), Buffer.from('</sheetData></worksheet>')]);
    const honest = save('bomb.xlsx', oneSheet(xml.toString()));
    expect(await refusal(honest)).toMatch(/unpacks to more than 200 times its packed size \(the limit\); the file looks like a zip bomb/);
    // The same bomb as the shared strings, and with a directory that lies about the size.
    const sst = book({ sheets: [{ name: 'Roster', xml: worksheet('') }], sharedStrings: xml });
    expect(await refusal(save('bomb-sst.xlsx', sst))).toMatch(/sharedStrings\.xml unpacks to more than 200 times .*zip bomb/);
    const lying = oneSheet(xml.toString());
    patchDeclaredSize(lying, 'xl/worksheets/sheet1.xml', 1000);
    expect(await refusal(save('bomb-lying.xlsx', lying))).toMatch(/zip bomb/);
  });

  test('a DOCTYPE (billion laughs) is refused before any entity is expanded', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    expect(await refusal(save('lol.xlsx', oneSheet(lol)))).toMatch(/a DOCTYPE \(DTD\) is not allowed/);
  });

  test('a cell longer than Excel allows', async () => {
    const file = save('long-cell.xlsx', oneSheet(worksheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(300_000)}</t></is></c></row>`)));
    expect(await refusal(file)).toMatch(/more than 32,767 characters \(Excel's limit\)/);
  });

  test('a cut-off package and a damaged directory', async () => {
    const whole = oneSheet(worksheet(sheetData([ROSTER_HEAD])));
    expect(await refusal(save('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2))))).toMatch(/the file is cut off \(it begins as a zip package but its end is missing\)/);
    const bad = Buffer.from(whole);
    bad.writeUInt32LE(0xdeadbeef, bad.length - 22 + 16); // the directory offset
    expect(await refusal(save('bad-dir.xlsx', bad))).toMatch(/cut off|damaged|outside/);
  });

  test('one cell in column XFD on every row: nothing between is materialised, the roster is checked', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>ALT ${i}</t></is></c><c r="B${i + 2}" t="inlineStr"><is><t>USA</t></is></c><c r="C${i + 2}" t="inlineStr"><is><t>S1</t></is></c><c r="D${i + 2}"><v>45137</v></c><c r="E${i + 2}"><v>1</v></c><c r="F${i + 2}"><v>1</v></c><c r="G${i + 2}"><v>45138</v></c><c r="H${i + 2}"><v>45503</v></c><c r="I${i + 2}"><v>280000</v></c><c r="XFD${i + 2}"><v>${i}</v></c></row>`).join('');
    const file = save('xfd.xlsx', oneSheet(worksheet(sheetData([ROSTER_HEAD]) + rows)));
    const [r] = await readBook(file);
    expect(r).toMatchObject({ kind: 'roster', dataRows: 20_000, findings: [] });
  });

  test('a shared-string index out of range, a sheet whose part is missing, and a chart sheet', async () => {
    const chartsheet = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet';
    const data = book({
      sheets: [{ name: 'Roster', xml: worksheet(sheetData([ROSTER_HEAD]) + '<row r="2"><c r="A2" t="s"><v>999</v></c></row>') }],
      workbookExtra: '',
    });
    const [r] = await readBook(save('sst.xlsx', data));
    expect(r.kind).toBe('roster');
    expect(r.findings.find((f) => f.row === 2 && f.field === 'name')?.message).toMatch(/#REF!/);
    // A chart sheet and a sheet entry pointing at no part: listed, read as empty, no crash.
    const parts = zipOf([
      ['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
      ['_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
      ['xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Chart" sheetId="1" r:id="rId1"/><sheet name="Gone" sheetId="2" r:id="rId2"/></sheets></workbook>`],
      ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${chartsheet}" Target="chartsheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/missing.xml"/></Relationships>`],
      ['xl/chartsheets/sheet1.xml', '<chartsheet/>'],
    ]);
    expect((await readBook(save('chartsheet.xlsx', parts))).map((x) => [x.sheet, x.kind])).toEqual([
      ['Chart', 'unknown'],
      ['Gone', 'unknown'],
    ]);
  });
});

/** Overwrites the uncompressed size the central directory declares for one entry. */
function patchDeclaredSize(zip: Buffer, name: string, size: number): void {
  let p = zip.readUInt32LE(zip.length - 22 + 16);
  while (zip.readUInt32LE(p) === 0x02014b50) {
    const nameLen = zip.readUInt16LE(p + 28);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      zip.writeUInt32LE(size, p + 24);
      zip.writeUInt32LE(size, zip.readUInt32LE(p + 42) + 22);
    }
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
}
