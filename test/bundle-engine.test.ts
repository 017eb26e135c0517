// The functions bundles as the oldest Excel that runs them sees them. Excel's JavaScript-only
// custom-functions runtime "supports ECMAScript 2016" (Microsoft in office-js-docs-pr#4496;
// Microsoft's page "Support for recent versions of JavaScript"), may have no Intl, and decodes the
// script it fetches in a way Microsoft does not document. So each production bundle must:
//  - parse at ecmaVersion 2016 (acorn, regular expressions included);
//  - be pure ASCII (every other character written as an escape);
//  - load in an engine whose ES2017+ built-ins and Intl are deleted, register every function, and
//    answer every registry example, and a generated corpus of calls, exactly as the CLI does.

import { parse } from 'acorn';
import { readFileSync } from 'fs';
import { join } from 'path';
import vm from 'vm';
import { FUNCTIONS, FnDecl, fullName, invoke } from '../src/functions/registry';
import { CorpusCall, corpusFor, exampleCall } from './support/corpus';
import { productionBuild } from './support/production-build';

jest.setTimeout(600_000);

const BUNDLES = ['alt/functions.js', 'clair/functions.js'] as const;
const ADDIN_OF = { 'alt/functions.js': 'ALT', 'clair/functions.js': 'CLAIR' } as const;

/** Built-ins that came after ECMAScript 2016 (the ones the issue names, and the other common ones). */
const AFTER_ES2016 = [
  'Object.fromEntries', 'Object.values', 'Object.entries', 'Object.getOwnPropertyDescriptors', 'Object.hasOwn',
  'Array.prototype.flat', 'Array.prototype.flatMap', 'Array.prototype.at', 'Array.prototype.findLast', 'Array.prototype.findLastIndex',
  'String.prototype.padStart', 'String.prototype.padEnd', 'String.prototype.trimStart', 'String.prototype.trimEnd',
  'String.prototype.replaceAll', 'String.prototype.matchAll', 'String.prototype.at',
  'Promise.prototype.finally', 'Promise.allSettled', 'Promise.any',
];

/**
 * The part of Microsoft's CustomFunctions namespace a bundle touches, as
 * @types/custom-functions-runtime declares it: `associate(id, fn)`, `new Error(code, message)` and
 * `ErrorCode` (invalidValue "#VALUE!", notAvailable "#N/A"). Calls are then made as the runtime
 * makes them (custom-functions-runtime.js, `_batchInvocationEntries`): one value per declared
 * parameter, null for an omitted one, and the Invocation object appended last.
 */
const CUSTOM_FUNCTIONS_STAND_IN = `
  var CustomFunctions = {
    registered: {},
    associate: function (id, fn) { CustomFunctions.registered[id] = fn; },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    Error: function (code, message) { this.code = code; this.message = message; }
  };
`;

type Answer = { ok: true; value: unknown } | { ok: false; code: string; message: string };

interface Es2016Engine {
  registered: string[];
  call(name: string, excelArgs: unknown[]): Answer;
}

function es2016Engine(bundle: string): Es2016Engine {
  const context = vm.createContext({});
  // Delete inside the new realm, so its own built-ins are the ones missing.
  vm.runInContext(
    `${AFTER_ES2016.map((p) => `delete ${p};`).join('\n')}
     delete this.Intl; delete this.globalThis;
     var self = this, window = this;
     ${CUSTOM_FUNCTIONS_STAND_IN}`,
    context,
  );
  vm.runInContext(bundle, context);
  const cf = vm.runInContext('CustomFunctions', context) as { registered: Record<string, (...a: unknown[]) => unknown> };
  return {
    registered: Object.keys(cf.registered).sort(),
    call(name, excelArgs) {
      try {
        // Values cross the realm boundary as JSON, as they cross the runtime's bridge.
        const value = cf.registered[name](...(JSON.parse(JSON.stringify(excelArgs)) as unknown[]), { address: 'Sheet1!A1' });
        return { ok: true, value: JSON.parse(JSON.stringify(value)) as unknown };
      } catch (e) {
        const err = e as { code?: string; message?: string };
        if (typeof err.code !== 'string') throw e;
        return { ok: false, code: err.code, message: String(err.message) };
      }
    },
  };
}

/** What the CLI answers (the same `invoke`), shaped as the add-in returns it: no display language, so both. */
function cliAnswer(c: CorpusCall): Answer {
  const flat = c.flat;
  const en = invoke(fullName(c.fn), flat, { lang: 'en' });
  if ('value' in en) return { ok: true, value: JSON.parse(JSON.stringify(en.value)) as unknown };
  const ja = invoke(fullName(c.fn), flat, { lang: 'ja' });
  return { ok: false, code: en.error, message: `${en.message} ／ ${'message' in ja ? ja.messageJa : ''}` };
}

let build: string;
beforeAll(async () => {
  build = await productionBuild();
});

describe.each(BUNDLES)('%s', (file) => {
  const addin = ADDIN_OF[file];
  const mine = FUNCTIONS.filter((f: FnDecl) => f.addin === addin);
  const source = () => readFileSync(join(build, file), 'utf8');

  test('every byte is ASCII', () => {
    const bytes = readFileSync(join(build, file));
    const firstWide = bytes.findIndex((b) => b > 0x7f);
    expect(firstWide).toBe(-1);
  });

  test('parses as ECMAScript 2016, regular expressions included', () => {
    expect(() => parse(source(), { ecmaVersion: 2016, sourceType: 'script' })).not.toThrow();
  });

  test('loads without the ES2017+ built-ins and Intl: every function registers, every example answers as the CLI does', () => {
    const engine = es2016Engine(source());
    expect(engine.registered).toEqual(mine.map((f) => f.name).sort());
    for (const f of mine) {
      const c = exampleCall(f);
      expect({ fn: fullName(f), got: engine.call(f.name, c.excel) }).toEqual({ fn: fullName(f), got: cliAnswer(c) });
      expect({ fn: fullName(f), got: engine.call(f.name, c.excel) }).toEqual({ fn: fullName(f), got: { ok: true, value: f.example.result } });
    }
  });

  test('a generated corpus of calls per function answers there exactly as the CLI does', () => {
    const engine = es2016Engine(source());
    const diffs: string[] = [];
    mine.forEach((f, k) => {
      for (const c of corpusFor(f, FUNCTIONS, 60, 20261204 + k)) {
        const got = engine.call(f.name, c.excel);
        const want = cliAnswer(c);
        if (JSON.stringify(got) !== JSON.stringify(want)) diffs.push(`${fullName(f)}(${JSON.stringify(c.excel)}): bundle ${JSON.stringify(got)}, CLI ${JSON.stringify(want)}`);
      }
    });
    expect(diffs.slice(0, 5)).toEqual([]);
  });
});

test('the engine really lacks what it should (else the test above proves nothing)', () => {
  const context = vm.createContext({});
  vm.runInContext(`${AFTER_ES2016.map((p) => `delete ${p};`).join('\n')} delete this.Intl;`, context);
  expect(vm.runInContext('[typeof Object.fromEntries, typeof "".padStart, typeof [].flatMap, typeof Intl, typeof [].includes]', context)).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'function']);
});
