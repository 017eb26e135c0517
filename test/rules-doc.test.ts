import { readFileSync } from 'fs';
import { join } from 'path';
import { withParameters } from '../scripts/rules-doc';
import { RULESET_FILES, parameterEntries } from '../src/core';

const doc = () => readFileSync(join(__dirname, '..', 'docs', 'rules.md'), 'utf8');

test('the parameter tables of docs/rules.md are the ones generated from the ruleset files (npm run docs)', () => {
  expect(doc()).toBe(withParameters(doc()));
});

test('docs/rules.md names every parameter and every decision D-1 … D-13', () => {
  const text = doc();
  for (const f of RULESET_FILES) for (const { path } of parameterEntries(f)) expect([f.id, path, text.includes(`\`${path}\``)]).toEqual([f.id, path, true]);
  for (let n = 1; n <= 13; n++) expect([n, new RegExp(`\\*\\*D-${n}\\*\\*`).test(text)]).toEqual([n, true]);
});

test('nothing in the docs or README links outside the repository', () => {
  for (const file of ['README.md', join('docs', 'rules.md')]) {
    expect(readFileSync(join(__dirname, '..', file), 'utf8')).not.toMatch(/\]\(\.\.\//);
  }
});
