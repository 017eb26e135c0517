// The findings sheet of `altrules validate --out`, read back from the written xlsx: the summary's
// counts are numbers (SUM adds them up), and one language unless --both-languages asks for two.

import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { ROSTER_HEAD, book, sheetData, worksheet } from './xlsx-fixtures';
import { main } from '../src/cli/main';
import { REPORT_SHEET } from '../src/validation/report';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'altrules-findings-'));

// Three year-1 ALTs (arrival 2023-07-29, term 2023-07-30 – 2024-07-29): two paid ¥290,000 where the
// table gives ¥280,000 (Art 7.1, one error each), one paid right.
const ROSTER = join(dir, 'roster.xlsx');
writeFileSync(
  ROSTER,
  book({
    sheets: [
      {
        name: 'Roster',
        xml: worksheet(
          sheetData(
            [ROSTER_HEAD, ['Ann Able', 'USA', 'S1', 45137, 1, 1, 45138, 45503, 290_000], ['Ben Baker', 'USA', 'S1', 45137, 1, 1, 45138, 45503, 290_000], ['Cal Cole', 'USA', 'S1', 45137, 1, 1, 45138, 45503, 280_000]],
            1,
            (_r, c) => ([4, 7, 8].includes(c) ? 1 : undefined),
          ),
        ),
      },
    ],
  }),
);

async function validate(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(['validate', ROSTER, ...args], { out: () => undefined, err: (t) => void (err += t) });
  return { code, err };
}

async function findingsOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(REPORT_SHEET);
  if (!ws) throw new Error(`no sheet ${REPORT_SHEET} in ${file}`);
  return ws;
}

/** The first row whose column A reads `text`. */
function rowOf(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === text) return r;
  throw new Error(`no row "${text}"`);
}

test('the summary counts are numbers in the cell: 2 errors of Art 7.1, 2 in all', async () => {
  const out = join(dir, 'en.xlsx');
  expect(await validate(['--out', out, '--lang', 'en'])).toEqual({ code: 0, err: '' });
  const ws = await findingsOf(out);
  const head = rowOf(ws, 'Count');
  expect([1, 2, 3].map((c) => ws.getCell(head + 1, c).value)).toEqual([2, 'Error', 'Art 7.1']);
  expect([1, 2].map((c) => ws.getCell(head + 2, c).value)).toEqual([2, 'Total']);
  expect(ws.getCell(head + 1, 1).type).toBe(ExcelJS.ValueType.Number);
  expect(ws.getCell(head + 2, 1).type).toBe(ExcelJS.ValueType.Number);
  // Shown with a digit-grouping format, not as text ("@").
  expect(ws.getCell(head + 1, 1).numFmt).toBe('#,##0');
  // One language: the table's header and the clause in English only.
  const table = rowOf(ws, 'Who');
  expect(ws.getCell(table, 6).value).toBe('Clause');
  expect(ws.getCell(table + 1, 6).value).toBe('Art 7.1');
});

test('--both-languages: Japanese above English in the findings sheet; without --out it is refused', async () => {
  const out = join(dir, 'both.xlsx');
  expect(await validate(['--out', out, '--lang', 'en', '--both-languages'])).toEqual({ code: 0, err: '' });
  const ws = await findingsOf(out);
  const table = rowOf(ws, '氏名 Who');
  expect(ws.getCell(table, 6).value).toBe('条項 Clause');
  expect([ws.getCell(table + 1, 1).value, ws.getCell(table + 1, 5).value, ws.getCell(table + 1, 6).value]).toEqual(['Ann Able', 'エラー\nError', '第7条第1項\nArt 7.1']);
  // The counts stay numbers in both languages too.
  expect(ws.getCell(rowOf(ws, '件数 Count') + 1, 1).value).toBe(2);
  const ja = join(dir, 'ja.xlsx');
  expect(await validate(['--out', ja, '--lang', 'ja'])).toEqual({ code: 0, err: '' });
  const jaSheet = await findingsOf(ja);
  expect(jaSheet.getCell(rowOf(jaSheet, '氏名'), 6).value).toBe('条項');
  const refused = await validate(['--both-languages', '--lang', 'en']);
  expect(refused.code).toBe(2);
  expect(refused.err).toBe('--both-languages goes with --out (it is the findings sheet\'s languages)\n');
});

test('--json: each finding says who its row is about (CONTRACT §2), before its messages', async () => {
  let out = '';
  const code = await main(['validate', ROSTER, '--json'], { out: (t) => void (out += t), err: () => undefined });
  expect(code).toBe(0);
  const { findings } = JSON.parse(out) as { findings: Record<string, unknown>[] };
  expect(findings.map((f) => [f.row, f.rule, f.who])).toEqual([
    [2, 'Art 7.1', 'Ann Able'],
    [3, 'Art 7.1', 'Ben Baker'],
  ]);
  expect(Object.keys(findings[0] ?? {})).toEqual(['sheet', 'row', 'column', 'field', 'severity', 'rule', 'who', 'message', 'message_ja']);
});

test('--json over a folder: the same who on each finding', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'altrules-folder-'));
  writeFileSync(join(folder, 'roster.xlsx'), readFileSync(ROSTER));
  let out = '';
  await main(['validate', folder, '--json'], { out: (t) => void (out += t), err: () => undefined });
  const files = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { findings?: { who?: string }[] })
    .filter((r) => r.findings);
  expect(files.flatMap((r) => (r.findings ?? []).map((f) => f.who))).toEqual(['Ann Able', 'Ben Baker']);
});
