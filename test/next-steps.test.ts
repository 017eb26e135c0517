// A next step for every kind of finding the checks can report, in both languages (issue 21 item 3).

import { readFileSync } from 'fs';
import { join } from 'path';
import { spawnSync } from 'child_process';
import { ALL_NEXT_STEPS, hasNextStepFor, nextStep, nextStepOf } from '../src/validation/nextSteps';
import { builtInRulesets } from '../src/core/rulesets';
import type { Finding } from '../src/validation/validate';
import { validateSheet } from '../src/validation/validate';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'altrules.js');

/**
 * The rules the checks can cite: every rule-like text in the files that make findings, except the
 * clauses of pay steps (`clause: …`, explanations, not findings), and the clause of every special
 * leave item (the ledger cites its ruleset entry's clause).
 */
function rulesTheChecksCite(): Set<string> {
  const rules = new Set<string>();
  const ledgerParts = ['ledger', 'ledgerSheet', 'people', 'payBook', 'paySheet', 'monthColumnsPay'].map((n) => `src/validation/${n}.ts`);
  for (const f of ['src/core/rules/ledger.ts', 'src/validation/validate.ts', ...ledgerParts]) {
    const src = readFileSync(join(ROOT, f), 'utf8');
    for (const m of src.matchAll(/(clause:\s*)?'((?:Art \d|Notes? \d|CLAIR: |D-\d)[^'\n]*|input|internal|ruleset)'/g)) if (!m[1]) rules.add(m[2]);
  }
  for (const rs of builtInRulesets()) if (rs.kind === 'alt') for (const k of rs.specialLeave) rules.add(k.clause);
  return rules;
}

test('every rule the checks can cite has a next step', () => {
  const rules = rulesTheChecksCite();
  // The extraction finds the rules it must (a guard against a regex that finds nothing).
  for (const known of ['Art 7.1', 'Art 30.3', 'input', 'CLAIR: 担当地域', 'Art 12.1, D-4', 'Note 2.3, D-8', 'Art 7, 8, D-12, D-13']) expect(rules).toContain(known);
  expect([...rules].filter((r) => !hasNextStepFor(r))).toEqual([]);
});

test('every next step reads in English and in Japanese', () => {
  for (const s of ALL_NEXT_STEPS) {
    expect(s.en).toMatch(/^[A-Z"(]/);
    expect(s.ja).toMatch(/[ぁ-んァ-ヶ一-龯]/);
    expect(s.ja).toMatch(/。$/);
  }
});

test('every finding of the sample workbooks gets a next step written for its kind', () => {
  const r = spawnSync('node', [BIN, 'validate', 'examples/roster.xlsx', 'examples/claims.xlsx', 'examples/ledger.xlsx', 'examples/pay.xlsx', '--json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
  const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings.map((f) => ({ ...f, columnIndex: f.row > 0 && f.column ? 1 : 0 }));
  expect(findings.length).toBeGreaterThan(20);
  expect(findings.filter((f) => !nextStepOf(f)).map((f) => `${f.sheet} ${f.row} ${f.rule}`)).toEqual([]);
});

const finding = (over: Partial<Finding>): Finding => ({ sheet: 'Roster', row: 5, column: 'Name', field: 'name', severity: 'error', rule: 'input', message: '', message_ja: '', columnIndex: 1, ...over });

test('the kinds the issue names: a duplicate, year 6, a missing certificate', () => {
  // The same person twice: which row to keep, or 兼務.
  const dup = finding({ message: 'Alex Smith appears twice (first on row 4)' });
  expect(nextStep(dup, 'en')).toMatch(/which row to keep.*兼務/);
  expect(nextStep(dup, 'ja')).toMatch(/どちらの行を残すか.*兼務/);
  // Year 6: the term end is wrong too.
  const year6 = finding({ field: 'year', column: 'Year', rule: 'Art 5.3, Note 3', message: 'JET year 6 is outside 1–5' });
  expect(nextStep(year6, 'en')).toMatch(/term end is wrong too/);
  expect(nextStep(year6, 'ja')).toMatch(/任期終了日も誤っている/);
  // More than 3 days of sick leave: note 診断書 in the Note column.
  const cert = finding({ sheet: 'Ledger', field: 'note', column: 'Note', severity: 'warning', rule: 'Art 30.3' });
  expect(nextStep(cert, 'en')).toMatch(/write 診断書 in the Note column/);
  expect(nextStep(cert, 'ja')).toMatch(/備考欄に「診断書」/);
});

test('one rule text, several kinds: the field and the message tell them apart', () => {
  const notOnRoster = finding({ sheet: 'Ledger', message: 'Zoe Park is not on the roster' });
  const notADate = finding({ field: 'arrival', column: 'Arrival', message: 'Arrival: "TBD" is not a date' });
  expect(nextStep(notOnRoster, 'en')).toMatch(/exactly as on the roster/);
  expect(nextStep(notADate, 'en')).toMatch(/^Correct the cell/);
  // Annual leave by the hour in part-hours vs overdrawn, both Art 12.1 on the ledger.
  expect(nextStep(finding({ field: 'hours', rule: 'Art 12.1', message: 'annual leave is taken by the day or by the hour; 1:30 is not whole hours' }), 'en')).toMatch(/whole hour/);
  expect(nextStep(finding({ field: 'from', rule: 'Art 12.1, D-4', message: 'annual leave of 35 h overdraws the balance' }), 'en')).toMatch(/overdrawn/);
});

test('a missing column: choose it in the pane or with --columns, whatever rule needed it', () => {
  const result = validateSheet({ name: 'Roster', rows: [['Name', 'Arrival', 'Term', 'Year'], ['A', '2023-07-30', 1, 1]] });
  const missing = result.findings.filter((f) => f.columnIndex === 0 && f.field);
  expect(missing.length).toBeGreaterThan(0);
  for (const f of missing) expect(nextStep(f, 'en')).toMatch(/Choose the column.*--columns/);
});
