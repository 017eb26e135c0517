// Registering rulesets: every file in the data folder is built in, the default family is a
// setting, and a second prefecture's ruleset changes nothing for the first.

import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { DEFAULT_FAMILY, RULESET_FILES, RulesetFile } from '../src/core';

const DATA = join(__dirname, '..', 'src', 'core', 'rulesets', 'data');

test('every JSON file in src/core/rulesets/data is registered, under its file name as id', () => {
  const files = readdirSync(DATA).filter((n) => n.endsWith('.json')).sort();
  expect(files.length).toBeGreaterThanOrEqual(2);
  // Add a new file to RULESET_FILES in src/core/rulesets/registry.ts (and its section to docs/rules.md via npm run docs).
  expect(files.map((n) => n.replace(/\.json$/, ''))).toEqual(RULESET_FILES.map((f) => f.id).sort());
  for (const n of files) {
    const onDisk = JSON.parse(readFileSync(join(DATA, n), 'utf8')) as RulesetFile;
    expect(RULESET_FILES.find((f) => f.id === onDisk.id)).toEqual(onDisk);
  }
});

test('the default family of each kind is an explicit setting naming a built-in family of that kind', () => {
  expect(DEFAULT_FAMILY).toEqual({ alt: 'saitama-alt', clair: 'clair' });
  for (const [kind, family] of Object.entries(DEFAULT_FAMILY)) expect(RULESET_FILES.some((f) => f.kind === kind && f.family === family)).toBe(true);
});

/** Another prefecture's ruleset with a higher version, in force from before Saitama's (a test fixture, not a real 要綱). */
function secondPrefecture(): RulesetFile {
  const saitama = RULESET_FILES.find((f) => f.id === 'saitama-alt-r5')!;
  const copy = JSON.parse(JSON.stringify(saitama)) as RulesetFile & { parameters: { pay: { monthlyByYear: { value: number[] } } } };
  copy.id = 'test-other-alt-r9';
  copy.family = 'test-other-alt';
  copy.version = 9999;
  copy.inForce = { from: '2020-04-01' };
  copy.parameters.pay.monthlyByYear.value = [290000, 310000, 335000, 340000, 340000];
  return copy;
}

describe('a second prefecture added to the folder', () => {
  type Invoke = typeof import('../src/functions/registry').invoke;
  let invoke: Invoke = () => ({ value: 0 });
  beforeAll(() => {
    jest.isolateModules(() => {
      jest.doMock('../src/core/rulesets/registry', () => {
        const real = jest.requireActual('../src/core/rulesets/registry');
        return { ...real, RULESET_FILES: [...real.RULESET_FILES, secondPrefecture()] };
      });
      invoke = (jest.requireActual('../src/functions/registry') as { invoke: Invoke }).invoke;
    });
  });
  afterAll(() => jest.dontMock('../src/core/rulesets/registry'));

  test('changes nothing for the first: August 2023, JET year 1, is still Saitama\'s ¥280,000', () => {
    // saitama-alt-r5 pay.monthlyByYear[0] = 280,000 for a full month (Art 7.1); the other family's 290,000 must not leak in.
    expect(invoke('ALT.PAY', [1, '2023-08-01'] as never[])).toEqual({ value: 280000 });
    expect(invoke('ALT.PAY', [3] as never[])).toEqual({ value: 325000 });
  });

  test('is used only when named, by family or by id', () => {
    expect(invoke('ALT.PAY', [1, '2023-08-01', null, null, 'test-other-alt'] as never[])).toEqual({ value: 290000 });
    expect(invoke('ALT.PAY', [1, '2023-08-01', null, null, 'test-other-alt-r9'] as never[])).toEqual({ value: 290000 });
    expect(invoke('ALT.PAY', [1, '2023-08-01', null, null, 'saitama-alt'] as never[])).toEqual({ value: 280000 });
  });
});

describe('survivors of the mutation run, pinned', () => {
  test('builtInRuleset needs id and kind to agree', async () => {
    const { builtInRuleset } = await import('../src/core');
    expect(builtInRuleset('alt', 'saitama-alt-r5').id).toBe('saitama-alt-r5');
    expect(() => builtInRuleset('clair', 'saitama-alt-r5')).toThrow('no built-in clair ruleset "saitama-alt-r5"');
  });

  test('a ruleset in force for one day (inForce.to = inForce.from) is valid; a day earlier is not', async () => {
    const { parseUserRuleset } = await import('../src/core');
    expect(parseUserRuleset({ extends: 'saitama-alt-r5', id: 'test-one-day', inForce: { from: '2024-04-01', to: '2024-04-01' } }).inForce).toEqual({ from: '2024-04-01', to: '2024-04-01' });
    expect(() => parseUserRuleset({ extends: 'saitama-alt-r5', id: 'test-one-day', inForce: { from: '2024-04-01', to: '2024-03-31' } })).toThrow('inForce: inForce.to cannot be before inForce.from');
  });
});
