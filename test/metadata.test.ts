// Excel's metadata comes from the registry. Two independent checks:
//  - Microsoft's own generator (custom-functions-metadata's parseTree, what the yo office template
//    runs on JSDoc) given the same declarations as JSDoc must produce the same English metadata;
//  - the Japanese file follows Microsoft's localization rules ("Custom functions naming and
//    localization": same ids, localized function descriptions and parameter names and descriptions).

import { customFunctionsMetadata, FunctionMeta } from '../src/functions/metadata';
import { FUNCTIONS, FnDecl, ResultKind } from '../src/functions/registry';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseTree } = require('custom-functions-metadata/lib/parseTree') as {
  parseTree(source: string, file: string): { functions: FunctionMeta[]; extras: { errors: string[] }[] };
};

const JSDOC_RESULT: Record<ResultKind, string> = { number: 'number', yen: 'number', date: 'number', leave: 'number', text: 'string', boolean: 'boolean', spill: 'any[][]', any: 'any' };

// A metadata parameter may be called "function"; a JavaScript parameter may not.
const RESERVED = new Set(['function', 'arguments']);
const jsName = (name: string) => (RESERVED.has(name) ? `${name}_` : name);

/** The declaration as a template author would write it in JSDoc. */
function jsdoc(f: FnDecl, i: number): string {
  const params = f.params.map((p) => {
    const type = p.repeating ? 'any[]' : p.kind === 'range' ? 'any[][]' : 'any';
    return ` * @param {${type}} ${p.optional || p.repeating ? `[${jsName(p.name)}]` : jsName(p.name)} ${p.en}`;
  });
  return ['/**', ` * ${f.en}`, ` * @customfunction ${f.name}`, ...params, ` * @returns {${JSDOC_RESULT[f.result]}} result`, ' */', `function f${i}(${f.params.map((p) => jsName(p.name)).join(', ')}) { return 0; }`].join('\n');
}

/** Microsoft's generator leaves defaults out (scalar, any); spell them out to compare. */
function normal(m: FunctionMeta): unknown {
  return {
    id: m.id,
    name: m.name,
    description: m.description,
    result: { type: m.result.type ?? 'any', dimensionality: m.result.dimensionality ?? 'scalar' },
    parameters: m.parameters.map((p) => ({ name: p.name.replace(/_$/, ''), description: p.description, type: p.type ?? 'any', dimensionality: p.dimensionality ?? 'scalar', optional: p.optional ?? false, repeating: p.repeating ?? false })),
  };
}

describe.each(['ALT', 'CLAIR'] as const)('%s metadata', (addin) => {
  const decls = FUNCTIONS.filter((f) => f.addin === addin);
  const en = customFunctionsMetadata(addin, 'en');
  const ja = customFunctionsMetadata(addin, 'ja');

  test("equals what Microsoft's metadata generator makes of the same declarations", () => {
    const generated = parseTree(decls.map(jsdoc).join('\n\n'), 'functions.ts');
    expect(generated.extras.flatMap((e) => e.errors)).toEqual([]);
    expect(en.functions.map(normal)).toEqual(generated.functions.map(normal));
  });

  test('Japanese: the same ids, functions and parameters localized, no label repeated in its description', () => {
    expect(ja.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    ja.functions.forEach((j, i) => {
      expect(j.description).toMatch(/[぀-ヿ一-龯]/);
      expect(j.parameters).toHaveLength(en.functions[i].parameters.length);
      const names = j.parameters.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      for (const p of j.parameters) {
        expect({ fn: j.id, name: p.name, japanese: /[぀-ヿ一-龯]/.test(p.name) }).toEqual({ fn: j.id, name: p.name, japanese: true });
        expect({ fn: j.id, description: p.description, repeatsLabel: p.description.startsWith(p.name) }).toEqual({ fn: j.id, description: p.description, repeatsLabel: false });
      }
    });
  });

  test('ids and names are valid for Excel; optional parameters come last; one repeating parameter at most, last', () => {
    for (const f of en.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      const firstOptional = f.parameters.findIndex((p) => p.optional || p.repeating);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional || p.repeating)).toBe(true);
      const repeating = f.parameters.findIndex((p) => p.repeating);
      if (repeating >= 0) expect(repeating).toBe(f.parameters.length - 1);
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
