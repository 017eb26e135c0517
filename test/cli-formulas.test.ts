// Formula cells in `altrules validate`: our own functions (as Excel saves them, with `_xldudf_`)
// are recomputed and a stale saved value is a finding; other formulas are judged on their saved
// value, and a finding says so.

import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkWorkbook } from '../src/cli/validate';
import { closeZip, openZip, readEntry } from '../src/cli/zip';
import { CellSpec, ROSTER_HEAD, book, sheetData, worksheet } from './xlsx-fixtures';
import type { Finding } from '../src/validation/validate';
import { functionOfStoredName, storedName } from '../src/functions/stored-formula';
import { findFunction, fullName } from '../src/functions/registry';

const dir = mkdtempSync(join(tmpdir(), 'altrules-formulas-'));

async function findingsOf(sheets: { name: string; xml: string }[]): Promise<Finding[]> {
  const file = join(dir, `${sheets[0].name}-${Math.random()}.xlsx`);
  writeFileSync(file, book({ sheets }));
  const zip = openZip(file);
  try {
    return (await checkWorkbook(zip, 'en')).results.flatMap((r) => r.findings);
  } finally {
    closeZip(zip);
  }
}

// 45137 = 2023-07-30 arrival, 45138 term start, 45503 = 2024-07-30 term end: a clean first-year row.
const person = (name: string, pay: CellSpec): CellSpec[] => [name, 'USA', 'S1', 45137, 1, 1, 45138, 45503, pay];

describe('our own functions are recomputed', () => {
  test('ALT.PAY saved by Excel as _xldudf_ALT.PAY: a right saved value passes, a stale one is a finding', async () => {
    const rows = sheetData([
      ROSTER_HEAD,
      person('Right', { f: '_xldudf_ALT.PAY(F2)', v: 280000 }), // Art 7.1: year 1 → ¥280,000
      person('Stale', { f: '_xldudf_ALT.PAY(F3)', v: 100 }),
      person('Plain', { f: 'ALT.PAY(F4)', v: 280000 }),
      person('Literal', { f: '_xldudf_ALT.PAY(1)', v: 280000 }),
    ]);
    const fs = await findingsOf([{ name: 'Roster', xml: worksheet(rows) }]);
    expect(fs.map((f) => `${f.row}:${f.field}:${f.rule}`)).toEqual(['3:monthlyPay:ALT.PAY']);
    expect(fs[0]).toMatchObject({
      column: 'Monthly pay',
      severity: 'error',
      message: expect.stringMatching(/^the saved value 100 is out of date: ALT\.PAY gives 280000 for these arguments/),
      message_ja: expect.stringMatching(/保存されている値 100 は古くなっています。この引数では ALT\.PAY は 280000 です/),
    });
  });

  test('a shared formula filled down a column is recomputed for each row with its own references', async () => {
    // Rows 2–4 hold JET years 1, 2, 3: ¥280,000, ¥300,000, ¥325,000 (Art 7.1). Row 4's saved value is year 1's.
    const xml = worksheet(
      sheetData([ROSTER_HEAD]) +
        '<row r="2"><c r="F2"><v>1</v></c><c r="I2"><f t="shared" ref="I2:I4" si="0">_xldudf_ALT.PAY(F2)</f><v>280000</v></c></row>' +
        '<row r="3"><c r="F3"><v>2</v></c><c r="I3"><f t="shared" si="0"/><v>300000</v></c></row>' +
        '<row r="4"><c r="F4"><v>3</v></c><c r="I4"><f t="shared" si="0"/><v>280000</v></c></row>',
    );
    const fs = (await findingsOf([{ name: 'Pay', xml }])).filter((f) => f.rule === 'ALT.PAY');
    expect(fs.map((f) => [f.row, f.message.replace(/ for these.*/, '')])).toEqual([[4, 'the saved value 280000 is out of date: ALT.PAY gives 325000']]);
  });

  test('CLAIR.STIPENDCAP with text arguments; a reference to an error cell is left to the saved value', async () => {
    const xml = worksheet(
      sheetData([
        ['Office', 'Fiscal year', 'Claimed', 'Months'],
        // D-7: the London cap for 6 months is ¥2,520,000 (as in examples/claims.xlsx).
        ['London', 2026, { f: '_xldudf_CLAIR.STIPENDCAP("London",6)', v: 2520000 }, 6],
        ['London', 2027, { f: '_xldudf_CLAIR.STIPENDCAP(A3,E3)', v: 9 }, 6, { t: 'e', v: '#N/A', s: 0 }],
      ]),
    );
    const fs = await findingsOf([{ name: 'Claims', xml }]);
    expect(fs.filter((f) => f.rule.startsWith('CLAIR.STIPENDCAP'))).toEqual([]);
  });
});

describe('other formulas are judged on their saved value, and a finding says so', () => {
  test('=2887500*3 saved as 9000000 over the cap: the finding names the formula and the cache', async () => {
    const xml = worksheet(sheetData([['Office', 'Fiscal year', 'Claimed', 'Months'], ['London', 2026, { f: '2887500*3', v: 9000000 }, 12]]));
    const [f] = await findingsOf([{ name: 'Claims', xml }]);
    expect(f).toMatchObject({ row: 2, field: 'claimed' });
    expect(f.message).toMatch(/\(this value is the last saved result of the cell's formula =2887500\*3; Excel may show another after recalculating\)$/);
    expect(f.message_ja).toMatch(/（この値はセルの数式 =2887500\*3を最後に保存したときの結果です。再計算すると変わることがあります）$/);
  });

  test('a finding on a plain value has no such remark', async () => {
    const xml = worksheet(sheetData([['Office', 'Fiscal year', 'Claimed', 'Months'], ['London', 2026, 9000000, 12]]));
    const [f] = await findingsOf([{ name: 'Claims', xml }]);
    expect(f.field).toBe('claimed');
    expect(f.message).not.toMatch(/saved result/);
  });
});

// How Excel writes our functions into a saved workbook (src/functions/stored-formula.ts): the
// reader accepts each form, the samples are written in the first.

test('the stored forms of a JS custom function name map back to the function', () => {
  const pay = findFunction('ALT.PAY')!;
  expect(storedName(pay)).toBe('_xldudf_ALT_PAY');
  for (const token of ['_xldudf_ALT_PAY', '_xldudf_alt_pay', '_xldudf_ALT.PAY', 'ALT.PAY', '[2]!_xldudf_ALT_PAY']) expect(fullName(functionOfStoredName(token)!)).toBe('ALT.PAY');
  expect(fullName(functionOfStoredName('_xldudf_CLAIR_STIPENDCAP')!)).toBe('CLAIR.STIPENDCAP');
  for (const token of ['PAY', '_xldudf_PAY', 'SUM', '_xldudf_ALT_NOSUCH']) expect(functionOfStoredName(token)).toBeUndefined();
});

test('the samples keep our formulas as Excel saves them, so they recalculate when opened with the add-in', () => {
  for (const [file, fn] of [['roster.xlsx', /^_xldudf_ALT_(TERMEND|PAY)\(/], ['claims.xlsx', /^_xldudf_CLAIR_STIPENDCAP\(/]] as const) {
    const zip = openZip(join(__dirname, '..', 'examples', file));
    try {
      const xml = readEntry(zip, zip.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!, 1 << 24).toString('utf8');
      const formulas = [...xml.matchAll(/<f[^>]*>([^<]+)<\/f>/g)].map((m) => m[1]);
      expect(formulas.length).toBeGreaterThan(3);
      for (const f of formulas) expect({ file, f, saved: fn.test(f) }).toEqual({ file, f, saved: true });
    } finally {
      closeZip(zip);
    }
  }
});
