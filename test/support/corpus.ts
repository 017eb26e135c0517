// A generated corpus of worksheet calls, shaped per parameter kind: mostly plausible values a clerk
// types or a cell holds, sometimes wild ones. Each call exists in two shapes: the flat argument list
// `altrules call --jsonl` reads, and the parameter values Excel's host sends for the same formula.

import fc from 'fast-check';
import { FnDecl, ParamDecl, fullName } from '../../src/functions/registry';
import type { Raw } from '../../src/functions/coerce';

export interface CorpusCall {
  fn: FnDecl;
  /** What `altrules call --jsonl` reads after the name (null = omitted). */
  flat: Raw[];
  /** What Excel's host passes: one entry per declared parameter, a repeating one as one array. */
  excel: Raw[];
}

const serials = fc.oneof(fc.integer({ min: 29_221, max: 73_050 }), fc.constantFrom(45_139, 45_140, 45_505, 42_102, 44_681, 60, 61, 0, 73_051, 1e9), fc.integer({ min: 29_221, max: 73_050 }).map((n) => n + 0.5));
const isoDates = fc.date({ min: new Date(Date.UTC(1979, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const dateText = fc.oneof(
  isoDates,
  isoDates.map((s) => s.replace(/-/g, '/')),
  fc.constantFrom('2023-08-01', '2023-08-07', '2024-03-31', '2015-04-08', '2015-08-02', '2023-02-30', '令和5年8月1日', 'R5.8.1', 'R05/08/01', '2023年8月1日', 'H27.4.8', '平成27年4月8日', '令和1年4月30日', '２０２３-０８-０１', 'TBD', '', ' ', '45139'),
);
const dateArb: fc.Arbitrary<Raw> = fc.oneof({ weight: 5, arbitrary: serials }, { weight: 5, arbitrary: dateText }, { weight: 1, arbitrary: fc.boolean() });
const numberArb: fc.Arbitrary<Raw> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 8 }) },
  { weight: 2, arbitrary: fc.double({ min: -10, max: 1000, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0.25, 2.5, 12, 31, 744, 1e15, -1e300, 1e300, 280000, 2887500) },
  { weight: 2, arbitrary: fc.constantFrom('2.5', '1:30', '2:25', '¥280,000', '280,000円', '３', 'three', '', '0.5') },
  { weight: 1, arbitrary: fc.boolean() },
);
const WORDS = [
  'S1', 'S2', 'S3', 'A1', 'A2', '夏季①', '夏季②', '夏季③', '4月①', '4月②', 's1', 'ｓ１',
  'USA', 'United States', 'アメリカ合衆国', 'Canada', 'UK', 'Ireland', 'Republic of Ireland', 'Republic of Korea', '韓国', 'China', '中国', 'Brazil', 'Peru', 'Australia', 'France', 'Narnia',
  'New York', 'ニューヨーク', 'London', 'ロンドン', 'Paris', 'Singapore', 'Seoul', 'Sydney', 'Beijing', '北京', 'Tokyo',
  'hours', 'minutes', 'time', 'ja', 'en', 'illness', 'work', 'indictment', '公務', 'headquarters', 'overseas', '本部', 'salary', 'stay', '滞在経費', 'travel', 'English', 'French', 'Chinese', 'Korean', '仏語',
  'bereavement', 'wedding', 'summer', '夏季休暇', 'leave', '休暇', 'care time', 'ivf', 'two-or-more', 'parent', 'sibling',
  'PAY', 'ALT.PAY', 'HOURLY', 'CLAIR.STIPENDCAP', 'TERMEND', 'NOPE', '', ' ', '=1+1', '-', '@x', '<b>x</b>',
];
const textArb: fc.Arbitrary<Raw> = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 25 }) });
const booleanArb: fc.Arbitrary<Raw> = fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 2, 'TRUE', 'はい', 'maybe') });
const rulesetArb: fc.Arbitrary<Raw> = fc.constantFrom(null, null, null, 'saitama-alt-r5', 'clair-r8', 'no-such-ruleset', '{', '{"extends":"saitama-alt-r5","id":"mine"}');
const scalarArb: fc.Arbitrary<Raw> = fc.oneof(dateArb, numberArb, textArb, booleanArb);
const rangeArb: fc.Arbitrary<Raw> = fc.array(fc.array(fc.oneof({ weight: 3, arbitrary: dateArb }, { weight: 2, arbitrary: numberArb }, { weight: 1, arbitrary: fc.constant(null) }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }) as fc.Arbitrary<Raw>;

function valueFor(p: ParamDecl): fc.Arbitrary<Raw> {
  switch (p.kind) {
    case 'date':
      return dateArb;
    case 'number':
    case 'integer':
      return numberArb;
    case 'text':
      return textArb;
    case 'boolean':
      return booleanArb;
    case 'ruleset':
      return rulesetArb;
    case 'range':
      return rangeArb;
    case 'any':
      return scalarArb;
  }
}

/** One parameter's value: an optional one is often left out (Excel then passes null). */
function paramArb(p: ParamDecl): fc.Arbitrary<Raw> {
  const v = valueFor(p);
  return p.optional ? fc.oneof({ weight: 3, arbitrary: v }, { weight: 2, arbitrary: fc.constant(null) }) : fc.oneof({ weight: 12, arbitrary: v }, { weight: 1, arbitrary: fc.constant(null) });
}

/** The two shapes of one call from its declared parameter values (repeating values as one array). */
export function shapes(fn: FnDecl, declared: Raw[]): CorpusCall {
  const repeating = fn.params[fn.params.length - 1]?.repeating === true;
  if (!repeating) return { fn, flat: declared, excel: declared };
  const head = declared.slice(0, fn.params.length - 1);
  const rest = (declared[fn.params.length - 1] as Raw[] | null) ?? [];
  return { fn, flat: [...head, ...rest], excel: [...head, rest] };
}

const trimNulls = (vals: Raw[]): Raw[] => {
  let n = vals.length;
  while (n > 0 && vals[n - 1] === null) n--;
  return vals.slice(0, n);
};

/**
 * EXPLAIN*: a function picked by name, then that function's arguments as the repeating parameter.
 * The repeating parameter is scalar, so a range-taking target gets single values here.
 */
function explainCall(all: FnDecl[]): fc.Arbitrary<Raw[]> {
  const targets = all.filter((f) => !f.params.some((p) => p.repeating));
  return fc
    .constantFrom(...targets)
    .chain((t) => fc.tuple(fc.constantFrom(t.name, fullName(t), t.name.toLowerCase(), 'NO.SUCH'), fc.tuple(...t.params.map((p) => (p.kind === 'range' ? scalarArb : paramArb(p))))))
    .map(([name, vals]) => [name, trimNulls(vals)]);
}

export function corpusFor(fn: FnDecl, all: FnDecl[], size: number, seed: number): CorpusCall[] {
  const arb: fc.Arbitrary<Raw[]> = fn.params.some((p) => p.repeating) ? explainCall(all) : fc.tuple(...fn.params.map(paramArb));
  return [exampleCall(fn), ...fc.sample(arb, { numRuns: size, seed }).map((declared) => shapes(fn, declared))];
}

/** The registry's own worked example, as Excel would deliver it. */
export function exampleCall(fn: FnDecl): CorpusCall {
  const args = fn.example.args;
  if (fn.params[fn.params.length - 1]?.repeating) {
    const head = args.slice(0, fn.params.length - 1);
    return { fn, flat: args, excel: [...head, args.slice(fn.params.length - 1)] };
  }
  const declared = [...args, ...Array<Raw>(fn.params.length - args.length).fill(null)];
  return { fn, flat: declared, excel: declared };
}
