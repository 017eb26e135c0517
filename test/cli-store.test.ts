// `altrules validate` honours the workbook's `_altrules` store (issue 9): the clerk's column
// mappings, `--columns MAP.json`, and accepted findings — shown as accepted while the cell's value
// is unchanged, and never marked in the --out copy.

import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CellSpec, ROSTER_HEAD, book, sheetData, unzip, worksheet, zipOf } from './xlsx-fixtures';

const BIN = join(__dirname, '..', 'bin', 'altrules.js');
const run = (args: string[], lang = 'C') => spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' } });
const dir = mkdtempSync(join(tmpdir(), 'altrules-store-'));

// Serials: 45137 = 2023-07-30, 45138 = 2023-07-31, 45140 = 2023-08-02, 45503 = 2024-07-30.
// A Summer 1 first-year ALT arriving 2023-07-30 starts the term on 2023-07-31 and ends it on
// 2024-07-30 (Art 5.1, Note 2.2), and year 1 pays ¥280,000 a month (Art 7.1).
const HEAD = ROSTER_HEAD.map((h) => (h === 'Term start' ? 'Opening' : h)); // G1 "Opening": no known header
const ROWS: CellSpec[][] = [
  HEAD,
  ['Early start', 'USA', 'S1', 45137, 1, 1, 45140, 45503, 280000], // G2: starts 2023-08-02, not 2023-07-31
  ['Low pay', 'USA', 'S1', 45137, 1, 1, 45138, 45503, 250000], // I3: ¥250,000, not ¥280,000
  ['Also low', 'USA', 'S1', 45137, 1, 1, 45138, 45503, 250000], // I4: the same, not accepted
];

const STORE_HEAD = ['kind', 'sheet', 'field / cell', 'header / rule', 'column / value', 'who', 'when', 'why'];
const WHEN = '2026-11-01T09:00:00Z';
const mapping = ['mapping', 'Roster', 'termStart', 'Opening', '7', '', '', ''];
const acceptance = (value: string) => ['accepted', 'Roster', 'I3', 'Art 7.1', value, 'Tanaka', WHEN, 'board pays less by agreement'];

/** A workbook with a roster and, when given, a very hidden `_altrules` sheet (as the pane writes it). */
function workbook(name: string, storeRows?: string[][]): string {
  const sheets = [{ name: 'Roster', xml: worksheet(sheetData(ROWS)) }];
  if (storeRows) sheets.push({ name: '_altrules', xml: worksheet(sheetData(storeRows)) });
  const parts = [...unzip(book({ sheets }))].map(([n, e]): [string, Buffer] => [n, n === 'xl/workbook.xml' ? Buffer.from(e.data.toString('utf8').replace('<sheet name="_altrules"', '<sheet name="_altrules" state="veryHidden"'), 'utf8') : e.data]);
  const path = join(dir, name);
  writeFileSync(path, zipOf(parts));
  return path;
}

interface JsonOut {
  sheets: { sheet: string; kind: string }[];
  findings: { sheet: string; row: number; column: string; rule: string; severity: string; message: string; accepted?: { who: string; when: string; why: string } }[];
}
const json = (args: string[]): JsonOut => {
  const r = run([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as JsonOut;
};
const at = (out: JsonOut, row: number, rule: string) => out.findings.filter((f) => f.sheet === 'Roster' && f.row === row && f.rule === rule);

describe('the _altrules store on the command line', () => {
  const plain = workbook('plain.xlsx');
  const stored = workbook('stored.xlsx', [STORE_HEAD, mapping, acceptance('250000')]);
  const changed = workbook('changed.xlsx', [STORE_HEAD, mapping, acceptance('260000')]);

  test('without a mapping the "Opening" column is not read, so the early start goes unnoticed', () => {
    const out = json(['validate', plain]);
    expect(at(out, 2, 'Note 2.2')).toEqual([]);
    // Both low-pay rows are ordinary findings.
    expect(at(out, 3, 'Art 7.1')).toHaveLength(1);
    expect(at(out, 3, 'Art 7.1')[0].accepted).toBeUndefined();
  });

  test('the store sheet is not checked, and its mapping makes "Opening" the term start', () => {
    const out = json(['validate', stored]);
    expect(out.sheets.map((s) => s.sheet)).toEqual(['Roster']);
    expect(out.findings.some((f) => f.sheet === '_altrules')).toBe(false);
    const early = at(out, 2, 'Note 2.2');
    expect(early).toHaveLength(1);
    expect(early[0].severity).toBe('error');
    expect(early[0].column).toBe('Opening');
    expect(early[0].message).toContain('2023-08-02 should be 2023-07-31');
  });

  test('an accepted finding whose cell is unchanged is shown as accepted, with who, when and why', () => {
    const out = json(['validate', stored]);
    expect(at(out, 3, 'Art 7.1')).toEqual([expect.objectContaining({ column: 'Monthly pay', accepted: { who: 'Tanaka', when: WHEN, why: 'board pays less by agreement' } })]);
    // The same finding on the next row was not accepted.
    expect(at(out, 4, 'Art 7.1')).toHaveLength(1);
    expect(at(out, 4, 'Art 7.1')[0].accepted).toBeUndefined();
    expect(out.findings.filter((f) => f.accepted)).toHaveLength(1);
  });

  test('a store of many records is read whole: an acceptance below its 20th row still counts', () => {
    const others = Array.from({ length: 30 }, (_, i) => ['accepted', 'Roster', `Z${i + 50}`, 'Art 7.1', '1', 'Sato', WHEN, 'earlier approvals']);
    const long = workbook('long-store.xlsx', [STORE_HEAD, mapping, ...others, acceptance('250000')]);
    const out = json(['validate', long]);
    expect(at(out, 3, 'Art 7.1')[0].accepted).toEqual({ who: 'Tanaka', when: WHEN, why: 'board pays less by agreement' });
  });

  test('a changed value brings the finding back as an ordinary one', () => {
    const out = json(['validate', changed]);
    expect(at(out, 3, 'Art 7.1')).toHaveLength(1);
    expect(at(out, 3, 'Art 7.1')[0].accepted).toBeUndefined();
    expect(at(out, 2, 'Note 2.2')).toHaveLength(1); // the mapping still holds
  });

  test('text output: no word of the store sheet, the accepted finding on its own line, counted apart', () => {
    const r = run(['validate', stored]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('_altrules');
    // Open: G2 (Note 2.2) and I4 (Art 7.1) are errors; I3 is accepted.
    expect(r.stdout).toMatch(/■ Roster \(roster, 3 rows\): 2 error\(s\), 0 warning\(s\), 1 marked as checked\n/);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^\s+I3\s/.test(l))).toEqual([expect.stringMatching(/^ {2}I3 {5}marked as checked \(board pays less by agreement, Tanaka, 2026-11-01T09:00:00Z\) \[Art 7\.1\] /)]);
    expect(lines.filter((l) => /^\s+I4\s/.test(l))).toEqual([expect.stringMatching(/error +\[Art 7\.1\]/)]);
    const ja = run(['validate', stored], 'ja_JP.UTF-8');
    expect(ja.stdout).toContain('確認済み 1件');
    expect(ja.stdout).toMatch(/I3 +確認済み（board pays less by agreement、Tanaka、2026-11-01T09:00:00Z）/);
  });

  test('--out does not mark an accepted cell, lists it as accepted, and keeps the store sheet', () => {
    const out = join(dir, 'stored-checked.xlsx');
    const r = run(['validate', stored, '--out', out]);
    expect(r.status).toBe(0);
    const before = unzip(readFileSync(stored));
    const after = unzip(readFileSync(out));
    const sheet = after.get('xl/worksheets/sheet1.xml')!.data.toString('utf8');
    const styleOf = (ref: string) => new RegExp(`<c r="${ref}"([^>]*)>`).exec(sheet)?.[1] ?? '';
    expect(styleOf('I3')).not.toMatch(/\ss="/); // left as it was: unstyled
    expect(styleOf('I4')).toMatch(/\ss="\d+"/);
    expect(styleOf('G2')).toMatch(/\ss="\d+"/);
    // The store sheet is copied byte for byte, and stays very hidden.
    expect(after.get('xl/worksheets/sheet2.xml')!.raw.equals(before.get('xl/worksheets/sheet2.xml')!.raw)).toBe(true);
    expect(after.get('xl/workbook.xml')!.data.toString('utf8')).toContain('<sheet name="_altrules" state="veryHidden"');
    // The findings sheet (the third worksheet) lists I3 as marked as checked, with who, when (the day in Japan) and why.
    const report = after.get('xl/worksheets/sheet3.xml')!.data.toString('utf8');
    // Text cells inline, counts as numbers (<v>).
    const row = (n: number) => [...(new RegExp(`<row r="${n}"[^>]*>([\\s\\S]*?)</row>`).exec(report)?.[1] ?? '').matchAll(/<t[^>]*>([^<]*)<\/t>|<v>([^<]*)<\/v>/g)].map((m) => m[1] ?? Number(m[2]));
    // Rows 8–11: the two open errors by rule, the one marked as checked, three in all; row 13 the table's header.
    expect([8, 9, 10, 11].map(row)).toEqual([[1, 'Error', 'Art 7.1'], [1, 'Error', 'Note 2.2'], [1, 'Marked as checked'], [3, 'Total']]);
    expect(row(13)).toEqual(['Who', 'Sheet', 'Cell', 'Column', 'Severity', 'Clause', 'Message', 'What to do', 'Marked as checked']);
    const rows = [14, 15, 16].map(row);
    expect(rows.map((cells) => cells[2])).toEqual(['G2', 'I4', 'I3']);
    const i3 = rows[2];
    expect(i3[4]).toBe('Marked as checked');
    // 2026-11-01T09:00:00Z is 18:00 that day in Japan.
    expect(i3[i3.length - 1]).toBe('Tanaka, 2026-11-01: board pays less by agreement');
    expect(rows[1][4]).toBe('Error');
  });
});

describe('altrules validate --columns MAP.json', () => {
  const plain = workbook('columns.xlsx');
  const map = (name: string, content: string) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  test('a field mapped to a header text, for every sheet', () => {
    const out = json(['validate', plain, '--columns', map('text.json', '{"termStart": "Opening"}')]);
    expect(at(out, 2, 'Note 2.2')).toHaveLength(1);
    expect(at(out, 2, 'Note 2.2')[0].column).toBe('Opening');
  });

  test('a field mapped to a column letter, for one named sheet', () => {
    const out = json(['validate', plain, '--columns', map('letter.json', '{"Roster": {"termStart": "G"}}')]);
    expect(at(out, 2, 'Note 2.2')).toHaveLength(1);
  });

  test('--columns lays over the store: the store maps Opening, the command line says not kept', () => {
    const stored = workbook('columns-stored.xlsx', [STORE_HEAD, mapping]);
    expect(at(json(['validate', stored]), 2, 'Note 2.2')).toHaveLength(1);
    expect(at(json(['validate', stored, '--columns', map('none.json', '{"termStart": null}')]), 2, 'Note 2.2')).toEqual([]);
  });

  test.each([
    ['missing.json', undefined, /--columns: cannot read .*missing\.json/, /を読めません/],
    ['broken.json', '{"termStart": ', /is not valid JSON/, /正しい JSON ではありません/],
    ['array.json', '["termStart"]', /must hold an object/, /オブジェクトを書いてください/],
    ['unknown.json', '{"termBegin": "Opening"}', /unknown field "termBegin"; fields: .*termStart/, /"termBegin" という項目はありません/],
    ['number.json', '{"termStart": 7}', /must be a header text, a column letter/, /見出しの文字列、列の文字/],
    ['nohead.json', '{"termStart": "Beginning"}', /no sheet has a column headed "Beginning"/, /その見出しの列がどのシートにもありません/],
    ['nosheet.json', '{"Staff": {"termStart": "G"}}', /names sheet "Staff", which the workbook does not have/, /シート「Staff」がブックにありません/],
  ])('%s is refused with exit 2, in both languages', (name, content, en, ja) => {
    const p = content === undefined ? join(dir, name) : map(name, content);
    const r = run(['validate', plain, '--columns', p]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(en);
    const rj = run(['validate', plain, '--columns', p], 'ja_JP.UTF-8');
    expect(rj.status).toBe(2);
    expect(rj.stderr).toMatch(ja);
  });
});

describe('altrules validate DIR/ honours each workbook’s store too', () => {
  test('the mapping is read, the store sheet is not a sheet, the accepted finding is not counted', () => {
    const folder = mkdtempSync(join(tmpdir(), 'altrules-store-folder-'));
    const path = workbook('stored-for-folder.xlsx', [STORE_HEAD, mapping, acceptance('250000')]);
    writeFileSync(join(folder, 'roster.xlsx'), readFileSync(path));
    const r = run(['validate', folder, '--json', '--threads', '0']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { sheets: { sheet: string; errors: number; accepted?: number }[]; findings: JsonOut['findings'] };
    // Open errors: G2 (Note 2.2, through the mapping) and I4 (Art 7.1); I3 accepted.
    expect(report.sheets).toEqual([expect.objectContaining({ sheet: 'Roster', errors: 2, accepted: 1 })]);
    expect(report.findings.filter((f) => f.accepted).map((f) => [f.row, f.rule, f.accepted!.who])).toEqual([[3, 'Art 7.1', 'Tanaka']]);
    expect(report.findings.some((f) => f.row === 2 && f.rule === 'Note 2.2')).toBe(true);
    const text = run(['validate', folder, '--threads', '0']);
    expect(text.stdout).toContain('roster.xlsx: Roster (roster) — 2 error(s), 0 warning(s), 1 marked as checked');
  });
});
