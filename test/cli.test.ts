// The command line, run as a user runs it (compiled by `npm run prepare`).

import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';

const BIN = join(__dirname, '..', 'bin', 'altrules.js');
const run = (args: string[], input?: string) => spawnSync('node', [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

beforeAll(() => {
  if (!existsSync(join(__dirname, '..', 'lib', 'src', 'cli', 'main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: join(__dirname, '..') });
});

test('altrules call ALT.PAY 1 2023-08-01 2023-08-07 prints 231304', () => {
  const r = run(['call', 'ALT.PAY', '1', '2023-08-01', '2023-08-07']);
  expect(r.stdout).toBe('231304\n');
  expect(r.status).toBe(0);
});

test('a bad call prints the error code and message on stderr, exit 1', () => {
  const r = run(['call', 'ALT.PAY', '9']);
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^#VALUE! year must be a whole JET year from 1 to 5; got 9/);
  const ja = run(['--lang', 'ja', 'call', 'CLAIR.OFFICE', 'Brazil']);
  expect(ja.stderr).toMatch(/^#N\/A ブラジルを担当するクレア海外事務所はありません/);
});

test('--jsonl: one object per line, in order, never stopping on a bad line', () => {
  const input = ['["ALT.PAY", 1, 45139, "2023-08-07"]', 'nonsense', '{"a":1}', '["ALT.HOLIDAYS", 2026, 9]', '["ALT.PAY", null]', '["CLAIR.STIPENDCAP", "Paris", 5]'].join('\n');
  const r = run(['call', '--jsonl'], input);
  expect(r.status).toBe(0);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines).toEqual([
    { value: 231304 },
    { error: '#VALUE!', message: 'the line is not valid JSON' },
    { error: '#VALUE!', message: 'each line must be an array like ["ALT.PAY", 1, 45139]' },
    { value: [[46286, '敬老の日'], [46287, '休日'], [46288, '秋分の日']] },
    { error: '#VALUE!', message: expect.stringMatching(/^year is required/) },
    { value: 1612500 },
  ]);
});

test('--explain shows the steps', () => {
  const r = run(['call', '--explain', 'ALT.PAY', '1', '2023-08-01', '2023-08-07']);
  expect(r.stdout).toMatch(/Art 7\.3: ¥280,000 × 19 ÷ 23 = 231304\.35\nD-2: round down to the yen → ¥231,304\nresult = ¥231,304\n$/);
});

test('list --json: every function with both languages', () => {
  const r = run(['list', '--json']);
  const { functions } = JSON.parse(r.stdout);
  const names = functions.map((f: { name: string }) => f.name);
  for (const n of ['ALT.PAY', 'ALT.PAYDATE', 'ALT.HOURLY', 'ALT.DEDUCT', 'ALT.LEAVE', 'ALT.TERMEND', 'ALT.HOLIDAY', 'ALT.ISWORKDAY', 'ALT.WORKDAYS', 'CLAIR.STIPENDCAP', 'CLAIR.OFFICE']) expect(names).toContain(n);
  for (const f of functions) {
    expect(f.description.en.length).toBeGreaterThan(10);
    expect(f.description.ja).toMatch(/[぀-ヿ一-龯]/);
    for (const p of f.parameters) {
      expect(typeof p.optional).toBe('boolean');
      expect(p.description.ja.length).toBeGreaterThan(0);
    }
  }
});

describe('altrules validate', () => {
  const roster = join(__dirname, '..', 'examples', 'roster.xlsx');

  test('--json gives the findings of CONTRACT.md §2', () => {
    const r = run(['validate', roster, '--json']);
    expect(r.status).toBe(0);
    const { findings } = JSON.parse(r.stdout);
    expect(findings.length).toBeGreaterThanOrEqual(8);
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(['column', 'field', 'message', 'message_ja', 'row', 'rule', 'severity', 'sheet']);
    expect(findings).toContainEqual(expect.objectContaining({ sheet: 'Roster 名簿', row: 5, column: 'Monthly pay', field: 'monthlyPay', severity: 'error', rule: 'Art 7.1' }));
    expect(findings).toContainEqual(expect.objectContaining({ row: 8, field: 'sickDays', rule: 'Art 13.2' }));
  });

  test('--out writes a marked copy with a report sheet; the input and every value are unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'altrules-'));
    const out = join(dir, 'checked.xlsx');
    const before = readFileSync(roster);
    const mtime = statSync(roster).mtimeMs;
    const r = run(['validate', roster, '--out', out]);
    expect(r.status).toBe(0);
    expect(readFileSync(roster).equals(before)).toBe(true);
    expect(statSync(roster).mtimeMs).toBe(mtime);
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.readFile(roster);
    await b.xlsx.readFile(out);
    const sheet = a.getWorksheet('Roster 名簿')!;
    const marked = b.getWorksheet('Roster 名簿')!;
    sheet.eachRow((row, n) => row.eachCell((cell, c) => expect(marked.getCell(n, c).value).toEqual(cell.value)));
    expect(marked.getCell('I5').note).toBeDefined();
    expect(b.getWorksheet('点検結果 Findings')!.rowCount).toBeGreaterThan(8);
  });

  test('refuses to overwrite the input; an unreadable file exits 2', () => {
    expect(run(['validate', roster, '--out', roster]).status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'altrules-'));
    const junk = join(dir, 'junk.xlsx');
    require('fs').writeFileSync(junk, 'not a workbook');
    const r = run(['validate', junk]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
    expect(run(['validate', join(dir, 'missing.xlsx')]).status).toBe(2);
  });
});
