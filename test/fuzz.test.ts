// Every worksheet function under 10,000 generated argument vectors: numbers (negative, huge,
// fractional, serials at and past the range edges), strings (empty, Japanese, full-width digits,
// garbage, 10,000 characters), booleans, omitted arguments, ranges, too many arguments.
// Each result is a finite number, text, boolean, a rectangular spill of those, or #VALUE!/#N/A
// with a message — never a throw, NaN, Infinity, undefined or an internal error. (How fast the calls
// are is measured by `npm run bench`, not asserted here; the slowest calls are printed.)

import fc from 'fast-check';
import { FUNCTIONS, FnDecl, Outcome, fullName, invoke } from '../src/functions/registry';
import { Raw } from '../src/functions/coerce';

jest.setTimeout(300_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

const serialEdges = [0, 1, 59, 60, 61, 29220, 29221, 29222, 45139, 73050, 73415, 73416, 2958465, 2958466, 1e9];
const numberArb = fc.oneof(
  fc.constantFrom(...serialEdges),
  fc.constantFrom(-1, 0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 20, 21, 31, 0.5, 2.5, -0.0001, 1e15, -1e15, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, NaN, Infinity, -Infinity),
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: 29_000, max: 74_000 }).map((n) => n + 0.25),
);
const stringArb = fc.oneof(
  fc.constantFrom('', ' ', '2023-08-01', '2023/8/7', '２０２３-０８-０１', '2100-01-01', '1979-12-31', '2023-02-30', '45139', '１', 'TRUE', 'false', 'S1', 'S3', 'A1', 'A2', '夏季②', '4月①', 'USA', 'アメリカ合衆国', '韓国', 'Narnia', 'New York', 'ロンドン', 'paris office', 'PAY', 'CLAIR.STIPENDCAP', 'HOURLY', 'EXPLAIN', 'illness', '公務', 'headquarters', 'overseas', '滞在経費', 'salary', 'English', '仏語', 'ja', 'en', 'hours', 'minutes', 'time', '2:30', '99:99', 'ivf', 'two-or-more', '夏季休暇', 'saitama-alt-r5', 'clair-r8', '{', '{"extends":"saitama-alt-r5","id":"x","pay":{"payDay":40}}', '{"extends":"clair-r8","id":"y"}', '#N/A', '<script>alert(1)</script>', '\u0000', '𠮷野家', 'ｓ１'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constant('x'.repeat(10_000)),
  fc.constant('１'.repeat(10_000)),
);
const scalarArb: fc.Arbitrary<Raw> = fc.oneof({ weight: 4, arbitrary: numberArb }, { weight: 4, arbitrary: stringArb }, { weight: 1, arbitrary: fc.boolean() }, { weight: 2, arbitrary: fc.constantFrom(null, undefined) });
const rangeArb: fc.Arbitrary<Raw> = fc.array(fc.array(scalarArb, { minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 6 }) as fc.Arbitrary<Raw>;
const argArb: fc.Arbitrary<Raw> = fc.oneof({ weight: 9, arbitrary: scalarArb }, { weight: 1, arbitrary: rangeArb });

/** Arguments shaped like the function's own, often plausible, sometimes wild. */
function argsFor(f: FnDecl): fc.Arbitrary<Raw[]> {
  const n = f.params.length;
  return fc.oneof(
    fc.array(argArb, { minLength: 0, maxLength: n + 2 }),
    fc.tuple(...f.params.map((p) => (p.kind === 'range' ? fc.oneof(rangeArb, scalarArb) : argArb))),
    fc.constant(f.example.args),
    fc.tuple(...f.example.args.map((a) => fc.oneof({ weight: 3, arbitrary: fc.constant(a) }, { weight: 1, arbitrary: argArb }))),
  );
}

function isScalar(v: unknown): boolean {
  return (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || typeof v === 'boolean';
}

export function wellFormed(out: Outcome): string | undefined {
  if ('value' in out) {
    const v = out.value;
    if (Array.isArray(v)) {
      if (v.length === 0) return 'empty spill';
      const width = v[0].length;
      if (width === 0) return 'empty spill row';
      for (const row of v) {
        if (!Array.isArray(row) || row.length !== width) return 'ragged spill';
        for (const c of row) if (!isScalar(c)) return `bad cell ${String(c)}`;
      }
      return undefined;
    }
    return isScalar(v) ? undefined : `bad value ${String(v)}`;
  }
  if (out.error !== '#VALUE!' && out.error !== '#N/A') return `bad error code ${out.error}`;
  if (!out.message || !out.messageJa) return 'error without a message';
  if (/internal error/.test(out.message)) return out.message;
  return undefined;
}

const slowest: { name: string; ms: number; args: string }[] = [];

describe.each(FUNCTIONS.map((f) => [fullName(f), f] as const))('%s', (name, f) => {
  test(`${RUNS} generated argument vectors give well-formed results`, () => {
    let worst = 0;
    let worstArgs: Raw[] = [];
    fc.assert(
      fc.property(argsFor(f), (args) => {
        let out: Outcome | undefined;
        let thrown: unknown;
        const t0 = process.hrtime.bigint();
        try {
          out = invoke(name, args);
        } catch (e) {
          thrown = e;
        }
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (thrown) throw new Error(`threw ${String(thrown)}`);
        const problem = wellFormed(out!);
        if (problem) throw new Error(problem);
        if (ms > worst) {
          worst = ms;
          worstArgs = args;
        }
        return true;
      }),
      { numRuns: RUNS, seed: 20261129 },
    );
    slowest.push({ name, ms: worst, args: JSON.stringify(worstArgs).slice(0, 80) });
  });
});

afterAll(() => {
  const top = [...slowest].sort((a, b) => b.ms - a.ms).slice(0, 5);
  // eslint-disable-next-line no-console
  console.log(`fuzz: ${FUNCTIONS.length} functions × ${RUNS} vectors; slowest calls:\n${top.map((s) => `  ${s.name} ${s.ms.toFixed(3)} ms ${s.args}`).join('\n')}`);
});
