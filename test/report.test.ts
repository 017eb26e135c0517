// The findings sheet to file and the summaries (issue 21 items 1, 2, 4): the model the pane and the
// command line both write, the CLI's Japanese output, --json's summary, and the --out copy's print
// titles and note font.

import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { findingsSheet, linesIn, ruleLabel, ruleSummary } from '../src/validation/report';
import type { Finding } from '../src/validation/validate';
import { unzip } from './xlsx-fixtures';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'altrules.js');
const run = (args: string[]) => spawnSync('node', [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });

const f = (row: number, rule: string, severity: 'error' | 'warning' = 'error'): Finding => ({ sheet: 'Roster', row, column: 'Monthly pay', field: 'monthlyPay', severity, rule, message: `m${row}`, message_ja: `メ${row}`, columnIndex: 9 });

test('count by rule and severity: errors first, then the most frequent, then by clause in number order', () => {
  const counts = ruleSummary([f(2, 'Art 7.1'), f(3, 'Art 13.2', 'warning'), f(4, 'Art 7.1'), f(5, 'Art 12.1'), f(6, 'Art 13.2', 'warning'), f(7, 'Art 13.2')]);
  // Errors: Art 7.1 ×2, then Art 12.1 and Art 13.2 once each (7 < 12 < 13 as numbers); warnings: Art 13.2 ×2.
  expect(counts).toEqual([
    { rule: 'Art 7.1', severity: 'error', count: 2 },
    { rule: 'Art 12.1', severity: 'error', count: 1 },
    { rule: 'Art 13.2', severity: 'error', count: 1 },
    { rule: 'Art 13.2', severity: 'warning', count: 2 },
  ]);
});

test('clause tags in Japanese form, the ruleset notice as 規則', () => {
  expect(['Art 7.1', 'Note 2.2', 'input', 'Art 14-3.1', 'Art 13.2, 26.2.1', 'ruleset'].map((r) => ruleLabel(r, 'ja'))).toEqual(['第7条第1項', '注2の2', '入力', '第14条の3第1項', '第13条第2項・第26条第2項第1号', '規則']);
});

test('lines a wrapped cell needs: CJK two units a character, other text 0.85, two units of slack a line', () => {
  // 40 kanji = 80 units in a 46-wide column (44 usable): ceil(80 / 44) = 2 lines.
  expect(linesIn('漢'.repeat(40), 46)).toBe(2);
  // 100 letters = 85 units in 44 usable: 2 lines; a second paragraph adds its own line.
  expect(linesIn('a'.repeat(100), 46)).toBe(2);
  expect(linesIn(`${'a'.repeat(100)}\nb`, 46)).toBe(3);
});

test('the findings sheet: title block, the summary first, then one row per finding in the chosen language', () => {
  const findings = [f(5, 'Art 7.1'), { ...f(8, 'Art 30.3', 'warning'), sheet: 'Ledger', column: 'Note', field: 'note' as const, message: 'certificate needed', message_ja: '診断書が必要です' }];
  const sheet = findingsSheet(findings, (x) => (x.row === 5 ? 'Brianna Lee' : 'Eamon Kelly'), { lang: 'ja', date: '2026-12-04', sources: ['roster.xlsx', 'ledger.xlsx'], rulesets: ['埼玉県 外国語指導助手取扱要綱'] });
  expect(sheet.rows.slice(0, 12)).toEqual([
    ['点検結果'],
    ['点検日: 2026-12-04'],
    ['点検対象: roster.xlsx'],
    ['点検対象: ledger.xlsx'],
    ['適用規則: 埼玉県 外国語指導助手取扱要綱'],
    [],
    ['条項別・重要度別の件数'],
    ['件数', '重要度', '条項'],
    [1, 'エラー', '第7条第1項'],
    [1, '警告', '第30条第3項'],
    [2, '合計'],
    [],
  ]);
  expect([sheet.summaryHeaderRow, sheet.headerRow]).toEqual([7, 13]);
  expect(sheet.rows[12]).toEqual(['氏名', 'シート', 'セル', '列', '重要度', '条項', 'メッセージ', '対応']);
  expect(sheet.rows[13].slice(0, 7)).toEqual(['Brianna Lee', 'Roster', 'I5', 'Monthly pay', 'エラー', '第7条第1項', 'メ5']);
  expect(sheet.rows[14].slice(0, 7)).toEqual(['Eamon Kelly', 'Ledger', 'I8', 'Note', '警告', '第30条第3項', '診断書が必要です']);
  expect(sheet.rows[14][7]).toMatch(/備考欄に「診断書」/);
  // One language only: no English in the Japanese sheet's finding rows.
  expect(sheet.rows.slice(13).flat().join('')).not.toMatch(/certificate needed|Art /);
  // Rows above the table one line (13.5 + 3 pt), the title 24 pt; the certificate row as high as its next step.
  expect(sheet.heights.slice(0, 3)).toEqual([24, 16.5, 16.5]);
  expect(sheet.heights[14]).toBe(linesIn(String(sheet.rows[14][7]), 40) * 13.5 + 3);
});

test('both languages only when asked: Japanese above English in the same cell', () => {
  const sheet = findingsSheet([f(5, 'Art 7.1')], () => 'Brianna Lee', { lang: 'en', both: true, date: '2026-12-04', sources: [], rulesets: [] });
  const row = sheet.rows[sheet.headerRow];
  expect(sheet.rows[sheet.headerRow - 1][0]).toBe('氏名 Who');
  expect([row[2], row[4], row[5], row[6]]).toEqual(['I5', 'エラー\nError', '第7条第1項\nArt 7.1', 'メ5\nm5']);
});

describe('altrules validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'altrules-report-'));

  test('--lang ja: clauses in Japanese form, a count by rule after the sheet; --json carries the count', () => {
    const ja = run(['validate', 'examples/roster.xlsx', '--lang', 'ja']).stdout;
    expect(ja).not.toMatch(/\[(Art|Note) |\[input\]/);
    expect(ja).toMatch(/^ {2}I5 +エラー \[第7条第1項\] Brianna Lee: /m);
    expect(ja).toMatch(/^ {2}A12 +エラー \[入力\] Alex Smith: /m);
    // The sample's planted problems: two input errors (the duplicate, "TBD"), the rest one each.
    expect(ja).toMatch(/ {2}条項別の件数:\n {4}2 エラー 入力\n/);
    const json = JSON.parse(run(['validate', 'examples/roster.xlsx', '--json', '--lang', 'ja']).stdout) as { sheets: { sheet: string; summary: { rule: string; severity: string; count: number; clause: string }[] }[] };
    const roster = json.sheets.find((s) => s.sheet === 'Roster 名簿')!;
    expect(roster.summary[0]).toEqual({ rule: 'input', severity: 'error', count: 2, clause: '入力' });
    expect(roster.summary.reduce((n, c) => n + c.count, 0)).toBe(8);
    const en = run(['validate', 'examples/roster.xlsx']).stdout;
    expect(en).toMatch(/ {2}By rule:\n {4}2 Error +input\n/);
  });

  test('--out: the findings sheet prints its table header on every page, and notes are not in Tahoma', () => {
    const out = join(dir, 'checked.xlsx');
    expect(run(['validate', 'examples/roster.xlsx', '--out', out, '--lang', 'ja']).status).toBe(0);
    const parts = unzip(readFileSync(out));
    const workbook = parts.get('xl/workbook.xml')!.data.toString('utf8');
    const sheets = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const index = sheets.indexOf('点検結果 Findings');
    expect(index).toBe(sheets.length - 1);
    // Title, day, file, rules (4 rows), a blank, the summary's title and header, 7 rules, the total, a blank: the header on row 17.
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'点検結果 Findings'!$17:$17</definedName>`);
    const comments = [...parts.keys()].filter((k) => /comments\d*\.xml$/.test(k)).map((k) => parts.get(k)!.data.toString('utf8')).join('');
    expect(comments).not.toContain('Tahoma');
    expect(comments).toContain('<rFont val="Meiryo UI"/>');
    expect(comments).toContain('第7条第1項');
  });
});
