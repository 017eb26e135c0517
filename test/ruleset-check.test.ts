// altrules ruleset check: every fault with its path and exit 1; a short summary and exit 0.

import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../src/cli/main';
import { checkRuleset } from '../src/core/rulesets/check';
import { parseUserRuleset } from '../src/core';
import { globalConfig } from 'zod/v4/core';

const dir = mkdtempSync(join(tmpdir(), 'ruleset-check-'));
const SAITAMA = join(__dirname, '..', 'src', 'core', 'rulesets', 'data', 'saitama-alt-r5.json');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

test('a built-in ruleset file is valid: exit 0 and a one-line summary', async () => {
  const r = await run('ruleset', 'check', SAITAMA);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/: valid — ALT ruleset saitama-alt-r5 \(family saitama-alt, version 2023, in force from 2023-04-01; ruleset file, \d+ parameters\)\n$/);
});

test('a ruleset file with five faults lists all five with their paths in the file, exit 1', async () => {
  const file = JSON.parse(readFileSync(SAITAMA, 'utf8'));
  file.id = 'my-pref-alt-r7';
  file.inForce.from = '2023-02-31';
  file.parameters.pay.payDay.value = 35;
  file.parameters.pay.monthlyByYear.value[2] = -5;
  file.parameters.pay.payDya = { value: 1, unit: 'day', clause: 'Art 7.2', en: 'a typo' };
  delete file.parameters.sickLeave.maxDays;
  const r = await run('ruleset', 'check', write('five.json', file));
  expect(r.code).toBe(1);
  expect(r.out.split('\n').slice(1).filter(Boolean).sort()).toEqual(
    [
      '  inForce.from: a date that exists (e.g. not 31 February)',
      '  parameters.pay.monthlyByYear.value[2]: must be more than 0, got -5',
      '  parameters.pay.payDay.value: must be at most 28, got 35',
      '  parameters.pay.payDya: is not a ruleset parameter (a misspelt name?)',
      '  parameters.sickLeave.maxDays: expected a number, got nothing',
    ].sort(),
  );
  expect(r.out.split('\n')[0]).toMatch(/five\.json: 5 faults$/);
});

test('a user ruleset: a fault and a misspelt name both reported; a good one is valid', async () => {
  const bad = await run('ruleset', 'check', write('user-bad.json', { extends: 'saitama-alt-r5', id: 'mine', pay: { payDay: 35, payDya: 3 } }));
  expect([bad.code, bad.out.split('\n').slice(1).filter(Boolean)]).toEqual([1, ['  pay.payDay: must be at most 28, got 35', '  pay.payDya: is not a ruleset parameter (a misspelt name?)']]);
  const good = await run('ruleset', 'check', write('user-ok.json', { extends: 'saitama-alt-r5', id: 'mine', pay: { payDay: 25 } }));
  expect([good.code, good.out]).toEqual([0, `${join(dir, 'user-ok.json')}: valid — ALT ruleset mine (family saitama-alt, version 2023, in force from 2023-04-01; user ruleset)\n`]);
});

test('not JSON is exit 1 with one line; an unreadable file exit 2; --help exit 0; Japanese with --lang ja', async () => {
  const notJson = await run('ruleset', 'check', write('broken.json', '{"id": '));
  expect([notJson.code, notJson.out.split('\n').length]).toEqual([1, 2]);
  expect(notJson.out).toMatch(/broken\.json: not valid JSON: /);
  expect((await run('ruleset', 'check', join(dir, 'missing.json'))).code).toBe(2);
  const help = await run('ruleset', 'check', '--help');
  expect([help.code, help.out]).toEqual([0, expect.stringContaining('altrules ruleset check FILE.json')]);
  expect((await run('ruleset', 'frobnicate')).code).toBe(2);
  const ja = await run('--lang', 'ja', 'ruleset', 'check', write('user-bad-ja.json', { extends: 'saitama-alt-r5', id: 'mine', pay: { payDay: 35 } }));
  expect(ja.out.split('\n')[0]).toMatch(/user-bad-ja\.json: 1 件の問題$/);
});

describe('a "__proto__" key never becomes a prototype', () => {
  // JSON.parse keeps "__proto__" as an own key; assigning it to an object would set the prototype.
  const text = '{"extends":"saitama-alt-r5","id":"mine","term":{"cohortArrivals":{"__proto__":{"S1":"2023-04-01"}}}}';

  test('a user ruleset with one is refused, naming the path; Object.prototype is untouched', () => {
    expect(() => parseUserRuleset(text)).toThrow('ruleset rejected: term.cohortArrivals.__proto__: this key name is not allowed');
    expect(({} as Record<string, unknown>).S1).toBeUndefined();
  });

  test('the check reports it in a ruleset file too', () => {
    const file = JSON.parse(readFileSync(SAITAMA, 'utf8'));
    file.parameters.term.cohortArrivals.value = JSON.parse('{"__proto__": {"S1": "2023-04-01"}}');
    expect(checkRuleset(file).faults).toEqual([{ path: 'parameters.term.cohortArrivals.value.__proto__', message: 'this key name is not allowed' }]);
    expect(({} as Record<string, unknown>).S1).toBeUndefined();
  });

  test('a record key that is not a fiscal year is a fault, not dropped', () => {
    expect(() => parseUserRuleset({ extends: 'saitama-alt-r5', id: 'mine', term: { cohortArrivals: { FY23: { S1: '2023-04-01' } } } })).toThrow(/term\.cohortArrivals\.FY23/);
  });
});

test('zod is set up jitless: it compiles no code at run time, so a CSP without unsafe-eval holds', () => {
  // Importing the rulesets (above) runs src/core/rulesets/zod.ts, which sets zod's global config.
  expect(globalConfig.jitless).toBe(true);
});
