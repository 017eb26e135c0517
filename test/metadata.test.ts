// Excel's metadata comes from the registry, in English and Japanese, with the same shape.

import { customFunctionsMetadata } from '../src/functions/metadata';
import { FUNCTIONS } from '../src/functions/registry';

// Everything but the words: ids, names, results, options, help links, parameters.
const shape = (m: ReturnType<typeof customFunctionsMetadata>) =>
  m.functions.map(({ description: _d, parameters, ...rest }) => ({ ...rest, parameters: parameters.map(({ description: _p, ...p }) => p) }));

describe.each(['ALT', 'CLAIR'] as const)('%s metadata', (addin) => {
  const en = customFunctionsMetadata(addin, 'en', 'https://localhost:3000/help.html');
  const ja = customFunctionsMetadata(addin, 'ja', 'https://localhost:3000/help.html');

  test('both languages carry the same ids, parameters and options', () => {
    expect(shape(ja)).toEqual(shape(en));
    expect(en.functions.length).toBe(FUNCTIONS.filter((f) => f.addin === addin).length);
  });

  test('descriptions are translated: Japanese text in ja, none missing', () => {
    for (const [e, j] of en.functions.map((f, i) => [f, ja.functions[i]] as const)) {
      expect(e.description).not.toMatch(/^\s*$/);
      expect(j.description).toMatch(/[぀-ヿ一-龯]/);
      j.parameters.forEach((p, i) => {
        expect(p.description).toMatch(/[぀-ヿ一-龯]/);
        expect(e.parameters[i].description.length).toBeGreaterThan(3);
      });
    }
  });

  test('ids and parameter names are valid for Excel; optional parameters come last', () => {
    for (const f of en.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      const names = f.parameters.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      const firstOptional = f.parameters.findIndex((p) => p.optional || p.repeating);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional || p.repeating)).toBe(true);
      expect(f.parameters.filter((p) => p.repeating).length).toBeLessThanOrEqual(1);
    }
    expect(new Set(en.functions.map((f) => f.id)).size).toBe(en.functions.length);
  });
});

test('the contract signatures are declared exactly (CONTRACT.md §1)', () => {
  const sig = (addin: 'ALT' | 'CLAIR', id: string) => {
    const f = customFunctionsMetadata(addin, 'en').functions.find((x) => x.id === id)!;
    return f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ');
  };
  expect(sig('ALT', 'PAY')).toBe('year, [month], [serviceStart], [serviceEnd], [ruleset]');
  expect(sig('ALT', 'PAYDATE')).toBe('month, [ruleset]');
  expect(sig('ALT', 'HOURLY')).toBe('year, [ruleset]');
  expect(sig('ALT', 'DEDUCT')).toBe('year, absent, [unit], [ruleset]');
  expect(sig('ALT', 'LEAVE')).toBe('termStart, asOf, [usedHours], [carriedDays], [reappointed], [earlyGrant], [ruleset]');
  expect(sig('ALT', 'TERMEND')).toBe('arrival, [cohort], [term], [country], [summer2Arrival], [april1Arrival], [ruleset]');
  expect(sig('ALT', 'HOLIDAY')).toBe('date');
  expect(sig('ALT', 'ISWORKDAY')).toBe('date');
  expect(sig('ALT', 'WORKDAYS')).toBe('start, end');
  expect(sig('CLAIR', 'STIPENDCAP')).toBe('office, [months], [ruleset]');
  expect(sig('CLAIR', 'OFFICE')).toBe('country');
});
