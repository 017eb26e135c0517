// altrules pay takes the same column mapping as validate (--columns): a roster whose name column
// is headed with a word no table knows is priced once the clerk maps it, and not before.

import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'altrules.js');
const run = (args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });

let dir: string;
let roster: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pay-columns-'));
  roster = join(dir, 'roster.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名簿');
  ws.addRow(['令和6年度 ALT名簿']);
  // 担当者 is not a name header of any table: only a mapping makes it the name column.
  ws.addRow(['担当者', '着任日', '年次', '任用開始日', '任期満了日']);
  ws.addRow(['Alex Smith', 'R6.8.6', 1, 'R6.8.7', 'R7.8.6']);
  await wb.xlsx.writeFile(roster);
});

test('without the mapping nobody can be priced; with {"name": "担当者"} October 2024 is the full year-1 pay', () => {
  const bare = run(['pay', roster, '--month', '2024-10', '--json']);
  expect(bare.stdout + bare.stderr).not.toContain('Alex Smith');
  const map = join(dir, 'map.json');
  writeFileSync(map, JSON.stringify({ name: '担当者' }));
  const mapped = run(['pay', roster, '--month', '2024-10', '--json', '--columns', map]);
  expect(mapped.status).toBe(0);
  // Year 1 monthly pay ¥280,000 (Art 7.1); 1–31 October 2024 all inside the term 2024-08-07 … 2025-08-06: no proration.
  expect(JSON.parse(mapped.stdout).pay.map((p: { name: string; expected: number }) => [p.name, p.expected])).toEqual([['Alex Smith', 280000]]);
});

test('a mapping whose header the workbook does not have is refused (exit 2), as validate refuses it', () => {
  const map = join(dir, 'wrong.json');
  writeFileSync(map, JSON.stringify({ name: '職員番号' }));
  const r = run(['pay', roster, '--month', '2024-10', '--columns', map]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('職員番号');
});
