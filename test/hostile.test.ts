// Hostile workbooks for the validator, through the same exceljs adapter as `altrules validate`:
// each gives findings or one clear message, never a crash.

import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { spawnSync } from 'child_process';
import { readWorkbook, sheetsOf } from '../src/cli/xlsx';
import { validateWorkbook, validateSheet } from '../src/validation/validate';
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
  return validateWorkbook(sheetsOf(await readWorkbook(file)));
}

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
