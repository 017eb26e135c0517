// Clause tags in Japanese everywhere (issue 21): one converter in the core, used by EXPLAIN, the
// CLI's --explain and the findings sheet. Expected strings written from the 要綱's numbering.

import { clauseJa, clauseTag, explainLine, ruleLabel } from '../src/core/clauseLabel';
import { ruleLabel as reportRuleLabel } from '../src/validation/report';
import { main } from '../src/cli/main';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

test.each([
  ['Art 7', '第7条'],
  ['Art 7.1', '第7条第1項'],
  ['Art 26.2.1', '第26条第2項第1号'],
  ['Art 14-3.3', '第14条の3第3項'],
  ['Art 14-2', '第14条の2'],
  ['Art 12–14', '第12条〜第14条'],
  ['Note 3', '注3'],
  ['Note 2.2', '注2の2'],
  ['Notes 2.2–2.3', '注2の2〜2の3'],
])('clauseJa(%s) = %s', (tag, ja) => {
  expect(clauseJa(tag)).toBe(ja);
});

test('clauseJa leaves what is not an article or note to the caller', () => {
  expect(clauseJa('D-9')).toBeUndefined();
  expect(clauseJa('CLAIR: 担当地域')).toBeUndefined();
});

test.each([
  // The decisions of docs/rules.md stay, in brackets after the clause, as 判断D-n.
  ['Art 8.1, D-9', '第8条第1項（判断D-9）'],
  ['Art 8.2 (D-9)', '第8条第2項（判断D-9）'],
  ['Art 12.1, D-4', '第12条第1項（判断D-4）'],
  ['Note 2.3, D-8', '注2の3（判断D-8）'],
  ['Art 13.2, 26.2.1', '第13条第2項・第26条第2項第1号'],
  ['D-13, Art 8.2', '第8条第2項（判断D-13）'],
  // Decisions alone are named as decisions, once.
  ['D-3', '判断D-3'],
  ['D-12, D-2', '判断D-12・D-2'],
  ['Art 27.2.2, P-1', '第27条第2項第2号（P-1）'],
  ['CLAIR: 担当地域', 'クレア: 担当地域'],
  ['ruleset', '規則'],
])('clauseTag(%s, ja) = %s', (clause, ja) => {
  expect(clauseTag(clause, 'ja')).toBe(ja);
});

test('clauseTag in English is the tag as cited', () => {
  expect(clauseTag('Art 8.1, D-9', 'en')).toBe('Art 8.1, D-9');
  expect(explainLine('Art 7.3', 'x', 'en')).toBe('Art 7.3: x');
  expect(explainLine('Art 7.3', 'x', 'ja')).toBe('第7条第3項: x');
  expect(explainLine('', 'x', 'ja')).toBe('x');
});

test('the findings keep their decisions (two findings under different decisions never share a label), and report.ts re-exports the one in the core', () => {
  expect(reportRuleLabel).toBe(ruleLabel);
  expect(ruleLabel('Note 2.3, D-8', 'ja')).toBe('注2の3（判断D-8）');
  expect(ruleLabel('D-7', 'ja')).toBe('判断D-7');
  expect(ruleLabel('CLAIR: 滞在経費助成金, D-7', 'ja')).not.toBe(ruleLabel('CLAIR: 滞在経費助成金', 'ja'));
  expect(ruleLabel('input', 'ja')).toBe('入力');
  expect(ruleLabel('Art 10.2, 11', 'ja')).toBe('第10条第2項・第11条');
});

test('altrules call --explain --lang ja: every step tagged in Japanese, decisions kept', async () => {
  // Year 1, 2 h 30 min absent: rounds to 3 h (Art 8.2); hourly ¥1,846 (Art 7.4, D-3); 3 × 1,846 = 5,538.
  const r = await cli(['call', '--explain', '--lang', 'ja', 'ALT.DEDUCT', '1', '2:30']);
  expect(r.code).toBe(0);
  const tags = r.out
    .split('\n')
    .filter((l) => /^(第|判断|注)/.test(l))
    .map((l) => l.slice(0, l.indexOf(':')));
  expect(tags).toEqual(['第8条第2項', '第7条第1項', '第7条第4項', '判断D-3', '第8条第1項']);
  expect(r.out).toContain('結果 = ¥5,538');
  expect(r.out).not.toMatch(/\bArt \d|\bNote \d/);
  // The 3-month wait of Art 12.1 is read with D-4: the decision stays beside the clause.
  const leave = await cli(['call', '--explain', '--lang', 'ja', 'ALT.LEAVE', '2023-08-01', '2023-11-01', '14']);
  expect(leave.out).toContain('第12条第1項（判断D-4）: ');
  const en = await cli(['call', '--explain', '--lang', 'en', 'ALT.DEDUCT', '1', '2:30']);
  expect(en.out).toContain('Art 8.2: ');
  expect(en.out).toContain('D-3: ');
});

test('altrules pay --explain --lang ja: the steps behind each figure carry Japanese clause tags', async () => {
  const r = await cli(['pay', 'examples/roster.xlsx', 'examples/ledger.xlsx', '--month', '2024-07', '--explain', '--lang', 'ja']);
  expect(r.out).toContain('第7条第1項: ');
  // The deduction of June taken from July's pay (翌月精算) is D-9's.
  expect(r.out).toContain('判断D-9: ');
  expect(r.out).toContain('第8条第1項（判断D-12）: ');
  expect(r.out).not.toMatch(/^\s+(Art|Note|D-)\S* ?[\d.,]*:/m);
  const en = await cli(['pay', 'examples/roster.xlsx', 'examples/ledger.xlsx', '--month', '2024-07', '--explain', '--lang', 'en']);
  expect(en.out).toMatch(/^\s+Art 7\.1: /m);
});
