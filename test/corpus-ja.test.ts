// Workbooks kept the way Japanese offices keep them (test/corpus-ja), with zero setup: every planted
// problem is found and no label, blank or total row gets a finding — through `altrules validate
// --json` and through the validation API the pane calls (the same header reader, skipping and mapping).

import { execFileSync, spawnSync } from 'child_process';
import fc from 'fast-check';
import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { BOOKS, CorpusSheet, bytesOf } from './corpus-ja/books';
import { EXPECTED } from './corpus-ja/expected';
import { Cell } from '../src/validation/fields';
import { Finding, SheetInput, validateWorkbook } from '../src/validation/validate';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'altrules.js');
const run = (args: string[], lang = 'C') => spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' } });
const dir = mkdtempSync(join(tmpdir(), 'corpus-ja-'));
const path = (file: string) => join(dir, file);

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'lib', 'src', 'cli', 'main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT });
  for (const b of BOOKS) writeFileSync(path(b.file), await bytesOf(b));
});

type Plain = Pick<Finding, 'sheet' | 'row' | 'field' | 'severity' | 'rule'>;
const key = (f: Plain) => [f.sheet, f.row, f.field, f.severity, f.rule];
const sorted = (list: unknown[][]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The cell values the pane hands over: text, numbers, a formula's cached value. */
function paneSheet(s: CorpusSheet): SheetInput {
  const rows: Cell[][] = s.rows.map((r) => r.map((c): Cell => (c === null || typeof c !== 'object' ? c : (c.v as Cell) ?? null)));
  return { name: s.name, rows };
}

test('the corpus has at least 12 workbooks, each with its expectations', () => {
  expect(BOOKS.length).toBeGreaterThanOrEqual(12);
  for (const b of BOOKS) expect(EXPECTED[b.file]).toBeDefined();
});

describe.each(BOOKS.map((b) => [b.file, b] as const))('%s', (file) => {
  const want = EXPECTED[file];

  test('altrules validate --json, no --columns: exactly the planted findings; skipped rows are notes', () => {
    const r = run(['validate', path(file), '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { sheets: { sheet: string; kind: string }[]; findings: Plain[]; notes?: { sheet: string; row: number }[] };
    expect(Object.fromEntries(out.sheets.map((s) => [s.sheet, s.kind]))).toEqual(want.kinds);
    expect(sorted(out.findings.map(key))).toEqual(sorted(want.findings));
    for (const [sheet, row] of want.skipped) {
      expect(out.findings.filter((f) => f.sheet === sheet && f.row === row)).toEqual([]);
      expect(out.notes?.filter((n) => n.sheet === sheet && n.row === row)).toHaveLength(1);
    }
  });

  test('the validation API the pane uses gives the same findings and notes', () => {
    const book = BOOKS.find((b) => b.file === file)!;
    const results = validateWorkbook(book.sheets.map(paneSheet), { mapHint: 'pane' });
    expect(Object.fromEntries(results.map((r) => [r.sheet, r.kind]))).toEqual(want.kinds);
    expect(sorted(results.flatMap((r) => r.findings).map(key))).toEqual(sorted(want.findings));
    const notes = results.flatMap((r) => r.notes ?? []);
    for (const [sheet, row] of want.skipped) expect(notes.filter((n) => n.sheet === sheet && n.row === row)).toHaveLength(1);
  });
});

describe('a clerk who must map a column learns how from the message', () => {
  const missing = (fs: Finding[] | Plain[]) => (fs as Finding[]).find((f) => f.field === 'termStart' && f.severity === 'warning')!;

  test('CLI: the candidates and the --columns form with an example, in English and Japanese', () => {
    const en = missing(JSON.parse(run(['validate', path('08-no-term-start.xlsx'), '--json']).stdout).findings);
    expect(en.message).toMatch(/"勤務校" \(H\)/);
    expect(en.message).toContain('--columns map.json, with map.json {"termStart": "勤務校"}');
    expect(en.message_ja).toMatch(/「勤務校」（H列）/);
    expect(en.message_ja).toContain('--columns map.json');
    // Following the message: the column is read as the term start (and 〇〇小学校 is no date).
    const map = path('map.json');
    writeFileSync(map, '{"termStart": "勤務校"}');
    const mapped = JSON.parse(run(['validate', path('08-no-term-start.xlsx'), '--json', '--columns', map]).stdout).findings as Finding[];
    expect(mapped.filter((f) => f.field === 'termStart').map((f) => [f.row, f.severity])).toEqual([
      [2, 'error'],
      [3, 'error'],
    ]);
  });

  test('pane: the same warning says "Choose the column…"', () => {
    const book = BOOKS.find((b) => b.file === '08-no-term-start.xlsx')!;
    const [r] = validateWorkbook(book.sheets.map(paneSheet), { mapHint: 'pane' });
    const f = missing(r.findings);
    expect(f.message).toContain('"Choose the column…"');
    expect(f.message_ja).toContain('「列を選ぶ…」');
    expect(f.message).not.toContain('--columns');
  });

  test('a roster that keeps 年次 only: mapping term to the same column does not double a finding', () => {
    const rows: Cell[][] = [
      ['氏名', '国籍', '来日日', '年次', '任期開始日', '任期終了日', '報酬月額'],
      ['Kate Fox', 'USA', '2024/8/6', '一', '2024/8/7', '2025/8/6', 280000], // 年次 unreadable: one finding, not two
    ];
    const [r] = validateWorkbook([{ name: '名簿', rows }], { mappings: [{ sheet: '名簿', field: 'term', column: 4, header: '年次' }] });
    const onYear = r.findings.filter((f) => f.row === 2 && f.columnIndex === 4);
    expect(onYear).toHaveLength(1);
  });
});

describe('--help', () => {
  test('altrules --help names --columns; validate, list and pay answer --help', () => {
    const top = run(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toContain('--columns');
    for (const cmd of ['validate', 'list', 'pay']) expect(run([cmd, '--help']).status).toBe(0);
    const v = run(['validate', '--help']);
    expect(v.stdout).toContain('--columns MAP.json');
    expect(v.stdout).toContain('docs/fields.md');
    expect(run(['validate', '--help'], 'ja_JP.UTF-8').stdout).toContain('見出しで分からない列');
  });
});

test('over several files a mapping applies where it matches: a mapped roster with a ledger in another file', () => {
  const roster = path('roster-opening.xlsx');
  const ledger = path('ledger-only.xlsx');
  const rosterBook = BOOKS.find((b) => b.file === '10-ledger-header.xlsx')!;
  const rosterRows = rosterBook.sheets[0].rows.map((r, i) => (i === 0 ? r.map((c) => (c === '任期開始日' ? 'Opening' : c)) : r));
  return Promise.all([
    bytesOf({ file: 'roster-opening.xlsx', producer: 'xml', sheets: [{ name: 'ALT', rows: rosterRows }] }),
    bytesOf({ file: 'ledger-only.xlsx', producer: 'xml', sheets: [rosterBook.sheets[1]] }),
  ]).then(([a, b]) => {
    writeFileSync(roster, a);
    writeFileSync(ledger, b);
    const map = path('opening.json');
    writeFileSync(map, '{"termStart": "Opening"}');
    const r = run(['validate', ledger, roster, '--json', '--columns', map]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { findings } = JSON.parse(r.stdout) as { findings: (Plain & { file: string })[] };
    // The ledger's one planted problem, and no "no roster sheet" warning: the mapped roster serves it.
    expect(findings.filter((f) => f.file === ledger).map((f) => [f.row, f.field, f.severity])).toEqual([[4, 'from', 'error']]);
    // A mapping that matches nothing in any file is reported (exit 2).
    writeFileSync(map, '{"termStart": "Nowhere"}');
    const bad = run(['validate', ledger, roster, '--json', '--columns', map]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no sheet has a column headed "Nowhere" \(in any file\)/);
  });
});

// Label rows are left out here: a label carries meaning for the rows under it (【…（兼務）】).
test('blank, total and ※ rows, put anywhere in a roster, never change its findings (property)', () => {
  const book = BOOKS.find((b) => b.file === '01-board-roster.xlsx')!;
  const sheet = paneSheet(book.sheets[0]);
  const HEADER = 3; // 1-based sheet row of the header
  const base = validateWorkbook([sheet])[0].findings.map((f) => [f.row, f.columnIndex, f.rule, f.message]);
  const extra: Cell[][] = [[], [null, '合計', null, null, null, null, null, null, null, 1_000_000], ['小計'], ['※ 注記'], [null, null, null, null, null, null, null, null, null, null]];
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: HEADER, max: sheet.rows.length }), fc.constantFrom(...extra)), { maxLength: 6 }), (inserts) => {
      const rows = [...sheet.rows];
      // Insert from the bottom up so each position refers to the original rows; remember where each original row goes.
      const sortedInserts = [...inserts].sort((a, b) => b[0] - a[0]);
      for (const [at, r] of sortedInserts) rows.splice(at, 0, r);
      const shift = (row: number) => row + inserts.filter(([at]) => at < row).length;
      const got = validateWorkbook([{ name: sheet.name, rows }])[0].findings.map((f) => [f.row, f.columnIndex, f.rule, f.message.replace(/row \d+/, 'row N')]);
      expect(got).toEqual(base.map(([row, c, rule, m]) => [(row as number) <= HEADER ? row : shift(row as number), c, rule, (m as string).replace(/row \d+/, 'row N')]));
    }),
    { numRuns: 60 },
  );
});
