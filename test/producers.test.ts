// The same roster as each producer saves it (test/support/producers.ts) reads with the same
// findings as the plain roster, and its marked copy opens in two other readers (openpyxl and
// LibreOffice) with the findings sheet, the marked cells and their notes.

import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { assertFreshLib } from './support/gates';
import { DAYS_1900_TO_1904, ROSTER_SHEET, fileOf, variants } from './support/producers';
import { libreOfficeDecision, openWithOpenpyxl, openpyxlDecision, resaveWithLibreOffice } from './support/second-reader';
import { sheetsOfFile } from '../src/cli/workbook';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'altrules.js');
const FINDINGS_SHEET = '点検結果 Findings';
const ERROR_FILL = 'FFFDE7E9';

const dir = mkdtempSync(join(tmpdir(), 'altrules-producers-'));
const all = variants().map((v, i) => {
  const file = join(dir, `v${String(i).padStart(2, '0')}.xlsx`);
  writeFileSync(file, fileOf(v));
  return { ...v, file, copy: join(dir, `v${String(i).padStart(2, '0')}-checked.xlsx`) };
});

interface JsonOut {
  sheets: { sheet: string; kind: string; dataRows: number }[];
  findings: { sheet: string; row: number; column: string; rule: string; severity: string; message: string }[];
}
const json = (file: string): JsonOut => {
  const r = spawnSync('node', [BIN, 'validate', '--json', file], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as JsonOut;
};

beforeAll(() => assertFreshLib(ROOT));

describe('every producer habit reads as the plain roster does', () => {
  let plain: JsonOut;
  beforeAll(() => {
    plain = json(all[0].file);
  });

  test('the plain roster: three people, each with a monthly pay of ¥1 that no pay table has', () => {
    // The summary counts the three pay errors under their one rule, and nothing else.
    expect(plain.sheets).toEqual([{ sheet: ROSTER_SHEET, kind: 'roster', headerRow: 1, dataRows: 3, summary: [{ rule: 'Art 7.1', clause: 'Art 7.1', severity: 'error', count: 3 }] }]);
    // One Monthly pay error per person, rows 2, 3 and 4 (the header is row 1).
    const pay = plain.findings.filter((f) => f.column === 'Monthly pay');
    expect(pay.map((f) => [f.row, f.severity])).toEqual([
      [2, 'error'],
      [3, 'error'],
      [4, 'error'],
    ]);
    expect(pay[0].message).toMatch(/monthly pay ¥1 differs/);
  });

  test.each(all.slice(1).map((v) => [v.habit, v] as const))('%s', (_habit, v) => {
    expect(json(v.file)).toEqual(plain);
  });

  test('the Excel 2013+ workbook is read as a 1904 workbook (the x15:workbookPr does not reset it)', async () => {
    const v = all.find((x) => x.habit.startsWith('Excel 2013'))!;
    const [sheet] = await sheetsOfFile(v.file);
    expect(sheet.dateSystem).toBe('1904');
    // Arrival of Ann Lee, 2023-07-28: 45137 in 1900 serials, 45137 − 1462 = 43675 in 1904 serials.
    expect(sheet.rows[1][3]).toBe(45137 - DAYS_1900_TO_1904);
  });

  test('an empty <v/> in a shared-string cell is an empty cell, not shared string 0 ("Name")', async () => {
    const v = all.find((x) => x.habit.startsWith('empty <v/>'))!;
    const [sheet] = await sheetsOfFile(v.file);
    expect(sheet.rows[2][2]).toBeUndefined(); // C3, Bo Kim's Cohort
    expect(sheet.rows[2][9]).toBeUndefined(); // J3, the empty number cell: no #NUM!
  });
});

describe('the marked copy of every habit', () => {
  beforeAll(() => {
    for (const v of all) {
      const r = spawnSync('node', [BIN, 'validate', v.file, '--out', v.copy], { encoding: 'utf8' });
      if (r.status !== 1 && r.status !== 0) throw new Error(`${v.habit}: exit ${r.status}: ${r.stderr}`);
    }
  });

  test.each(all.map((v) => [v.habit, v] as const))('%s: our reader reads it back with the findings sheet', async (_habit, v) => {
    const names = (await sheetsOfFile(v.copy)).map((s) => s.name);
    expect(names).toEqual([ROSTER_SHEET, FINDINGS_SHEET]);
  });

  const openpyxl = openpyxlDecision();
  // openpyxl reads transitional packages only, and looks part names up case-sensitively (OPC says
  // they are not): it cannot open those two inputs either. LibreOffice opens them below.
  const openpyxlCannot = (h: string) => h.startsWith('Strict') || h.startsWith('targets differing in case');
  (openpyxl.action === 'skip' ? test.skip : test)('openpyxl opens each copy: findings sheet, red fills and notes on I2:I4', () => {
    if (openpyxl.action !== 'run') throw new Error(openpyxl.reason);
    const copies = all.filter((v) => !openpyxlCannot(v.habit));
    const seen = openWithOpenpyxl(ROSTER_SHEET, copies.map((v) => v.copy));
    seen.forEach((s, i) => {
      const habit = copies[i].habit;
      expect({ habit, sheets: s.sheets }).toEqual({ habit, sheets: [ROSTER_SHEET, FINDINGS_SHEET] });
      for (const ref of ['I2', 'I3', 'I4']) {
        expect({ habit, ref, fill: s.cells[ref]?.fill }).toEqual({ habit, ref, fill: ERROR_FILL });
        expect(s.cells[ref]?.note).toMatch(/Art 7\.1/);
      }
      expect(s.findingsHeader.length).toBeGreaterThan(3);
    });
  });
  if (openpyxl.action === 'skip') test('openpyxl is missing', () => console.warn(openpyxl.reason));

  const lo = libreOfficeDecision();
  (lo.action === 'skip' ? test.skip : test)(
    'LibreOffice opens each copy (Strict too) and saves it with the findings sheet, fills and notes',
    () => {
      if (lo.action !== 'run') throw new Error(lo.reason);
      const out = join(dir, 'libreoffice');
      mkdirSync(out, { recursive: true });
      const r = resaveWithLibreOffice(
        all.map((v) => v.copy),
        out,
        join(dir, 'lo-profile'),
      );
      expect(r.status).toBe(0);
      expect(readdirSync(out).sort()).toEqual(all.map((v) => basename(v.copy)).sort());
      if (openpyxl.action !== 'run') return;
      const seen = openWithOpenpyxl(ROSTER_SHEET, all.map((v) => join(out, basename(v.copy))));
      seen.forEach((s, i) => {
        const habit = all[i].habit;
        expect({ habit, sheets: s.sheets }).toEqual({ habit, sheets: [ROSTER_SHEET, FINDINGS_SHEET] });
        for (const ref of ['I2', 'I3', 'I4']) {
          expect({ habit, ref, fill: s.cells[ref]?.fill }).toEqual({ habit, ref, fill: ERROR_FILL });
          expect(s.cells[ref]?.note).toMatch(/Art 7\.1/);
        }
      });
    },
    300_000,
  );
  if (lo.action === 'skip') test('LibreOffice is missing', () => console.warn(lo.reason));
});
