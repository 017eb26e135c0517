// zod/mini for the rulesets' schema, set up once: jitless (zod compiles no code at run time, so the
// pane and functions keep a CSP without 'unsafe-eval') and with messages in our words, naming what
// is allowed and what was found. schema.ts imports zod through this module only.

import * as z from 'zod/mini';

export * from 'zod/mini';

function shown(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (Array.isArray(x)) return 'a list';
  if (x === null) return 'null';
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
  const s = typeof x === 'string' ? `"${x.length > 40 ? `${x.slice(0, 40)}…` : x}"` : String(x);
  return `${typeof x === 'string' ? 'text ' : ''}${s}`;
}

const EXPECTED: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object', record: 'an object' };

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** zod's issue (as its error map receives it) → our sentence. */
function message(iss: z.core.$ZodRawIssue): string | undefined {
  const unitOf = (origin: unknown) => (origin === 'string' ? 'character' : 'item');
  switch (iss.code) {
    case 'invalid_type':
      return `expected ${EXPECTED[iss.expected] ?? iss.expected}, got ${shown(iss.input)}`;
    case 'invalid_value':
      return iss.values.length === 1 ? `expected ${JSON.stringify(iss.values[0])}, got ${shown(iss.input)}` : `expected one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}, got ${shown(iss.input)}`;
    case 'too_small':
      if (iss.origin === 'number') return iss.inclusive ? `must be at least ${String(iss.minimum)}, got ${shown(iss.input)}` : `must be more than ${String(iss.minimum)}, got ${shown(iss.input)}`;
      return `needs at least ${plural(Number(iss.minimum), unitOf(iss.origin))}`;
    case 'too_big':
      if (iss.origin === 'number') return iss.inclusive ? `must be at most ${String(iss.maximum)}, got ${shown(iss.input)}` : `must be less than ${String(iss.maximum)}, got ${shown(iss.input)}`;
      return `takes at most ${plural(Number(iss.maximum), unitOf(iss.origin))}`;
    case 'invalid_key':
      return `is not an allowed key`;
    default:
      return undefined;
  }
}

z.config({ jitless: true, customError: message });

/** A pattern, described in words for the message ("a date as YYYY-MM-DD"). */
export function regex(re: RegExp, what: string) {
  return z.regex(re, { error: (iss) => `expected ${what}, got ${shown(iss.input)}` });
}
