// The few schema pieces a ruleset needs — objects, arrays, records, enums, whole and decimal numbers
// in bounds, patterns, cross-field checks — with zod's names, so that schema.ts reads as before.
// zod/mini cost the functions bundle 30 KiB (minified) for this; these are about 2 KiB and compile
// no code at run time (a strict CSP without 'unsafe-eval' holds). Messages name the path and what
// is allowed; a ruleset is accepted whole or refused with every fault listed.
import { entriesOf, objectFrom } from '../text';

export interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
}

interface Ctx {
  addIssue(issue: { path?: PropertyKey[]; message: string; code?: string }): void;
}

/** A check on a value already of the right type. */
export type Check<T> = (value: T, ctx: Ctx) => void;

export interface Schema<T> {
  /** Reads `x`, appending faults to `issues` (paths from `path`); the result is meaningful only without faults. */
  read(x: unknown, path: PropertyKey[], issues: Issue[]): T;
  check(...checks: Check<T>[]): Schema<T>;
  safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
  /** Set by `optional`: an object may leave the key out. */
  readonly optional?: true;
}

type Out<S> = S extends Schema<infer T> ? T : never;
export type infer<S> = Out<S>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Shape = Record<string, Schema<unknown>>;
type ObjectOut<S extends Shape> = Simplify<
  { [K in keyof S as S[K] extends { optional: true } ? never : K]: Out<S[K]> } & { [K in keyof S as S[K] extends { optional: true } ? K : never]?: Out<S[K]> }
>;

function shown(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (Array.isArray(x)) return 'a list';
  if (x === null || typeof x === 'object') return x === null ? 'null' : 'an object';
  const s = typeof x === 'string' ? `"${x.length > 40 ? `${x.slice(0, 40)}…` : x}"` : String(x);
  return `${typeof x === 'string' ? 'text ' : ''}${s}`;
}

function make<T>(read: (x: unknown, path: PropertyKey[], issues: Issue[]) => T | typeof BAD, checks: Check<T>[] = [], optional?: true): Schema<T> {
  const schema: Schema<T> = {
    optional,
    read(x, path, issues) {
      const v = read(x, path, issues);
      if (v === BAD) return x as T;
      for (const c of checks) c(v, { addIssue: (i) => issues.push({ path: [...path, ...(i.path ?? [])], message: i.message, code: i.code ?? 'custom' }) });
      return v;
    },
    check: (...more) => make(read, [...checks, ...more], optional),
    safeParse(x) {
      const issues: Issue[] = [];
      const data = schema.read(x, [], issues);
      return issues.length ? { success: false, error: { issues } } : { success: true, data };
    },
  };
  return schema;
}

/** The value was not of the schema's type at all: no checks run on it. */
const BAD = Symbol('bad');

function typed<T>(ok: (x: unknown) => x is T, what: string): Schema<T> {
  return make((x, path, issues) => {
    if (ok(x)) return x;
    issues.push({ path, message: `expected ${what}, got ${shown(x)}`, code: 'invalid_type' });
    return BAD;
  });
}

export const string = (): Schema<string> => typed((x): x is string => typeof x === 'string', 'text');
export const number = (): Schema<number> => typed((x): x is number => typeof x === 'number' && Number.isFinite(x), 'a number');
export const int = (): Schema<number> => typed((x): x is number => Number.isSafeInteger(x), 'a whole number');
export const boolean = (): Schema<boolean> => typed((x): x is boolean => typeof x === 'boolean', 'true or false');

export function literal<const L extends string | number | boolean>(value: L): Schema<L> {
  return typed((x): x is L => x === value, JSON.stringify(value));
}

function enumOf<const L extends readonly string[]>(values: L): Schema<L[number]> {
  return typed((x): x is L[number] => typeof x === 'string' && values.includes(x), `one of ${values.map((v) => `"${v}"`).join(', ')}`);
}
export { enumOf as enum };

export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return make<T | undefined>((x, path, issues) => (x === undefined ? undefined : inner.read(x, path, issues)), [], true);
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return make<T | null>((x, path, issues) => (x === null ? null : inner.read(x, path, issues)));
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return make<T[]>((x, path, issues) => {
    if (!Array.isArray(x)) {
      issues.push({ path, message: `expected a list, got ${shown(x)}`, code: 'invalid_type' });
      return BAD;
    }
    return x.map((v, i) => item.read(v, [...path, i], issues));
  });
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Known keys in the shape's order; unknown keys are dropped (as zod does). */
export function object<S extends Shape>(shape: S): Schema<ObjectOut<S>> & { shape: S } {
  const schema = make<ObjectOut<S>>((x, path, issues) => {
    if (!isRecord(x)) {
      issues.push({ path, message: `expected an object, got ${shown(x)}`, code: 'invalid_type' });
      return BAD;
    }
    const out: Record<string, unknown> = {};
    for (const [k, s] of entriesOf<Schema<unknown>>(shape)) {
      if (!(k in x) && s.optional) continue;
      out[k] = s.read(x[k], [...path, k], issues);
    }
    return out as ObjectOut<S>;
  });
  return Object.assign(schema, { shape });
}

/** Every key of the object optional. */
export function partial<S extends Shape>(obj: { shape: S }): Schema<Partial<ObjectOut<S>>> {
  const loose = objectFrom(entriesOf<Schema<unknown>>(obj.shape).map(([k, s]): [string, Schema<unknown>] => [k, optional(s)]));
  return object(loose) as unknown as Schema<Partial<ObjectOut<S>>>;
}

export function record<V>(key: Schema<string>, value: Schema<V>): Schema<Record<string, V>> {
  return make<Record<string, V>>((x, path, issues) => {
    if (!isRecord(x)) {
      issues.push({ path, message: `expected an object, got ${shown(x)}`, code: 'invalid_type' });
      return BAD;
    }
    const out: Record<string, V> = {};
    for (const [k, v] of entriesOf(x)) {
      key.read(k, [...path, k], issues);
      out[k] = value.read(v, [...path, k], issues);
    }
    return out;
  });
}

// ---- checks ----

const fault = (ctx: Ctx, message: string, code: string) => ctx.addIssue({ message, code });

export const minimum = (n: number): Check<number> => (v, ctx) => (v >= n ? undefined : fault(ctx, `must be at least ${n}, got ${v}`, 'too_small'));
export const maximum = (n: number): Check<number> => (v, ctx) => (v <= n ? undefined : fault(ctx, `must be at most ${n}, got ${v}`, 'too_big'));
export const positive = (): Check<number> => (v, ctx) => (v > 0 ? undefined : fault(ctx, `must be more than 0, got ${v}`, 'too_small'));
export const minLength = (n: number): Check<{ length: number }> => (v, ctx) => (v.length >= n ? undefined : fault(ctx, `needs at least ${n} ${typeof v === 'string' ? 'character' : 'item'}${n === 1 ? '' : 's'}`, 'too_small'));
export const maxLength = (n: number): Check<{ length: number }> => (v, ctx) => (v.length <= n ? undefined : fault(ctx, `takes at most ${n} ${typeof v === 'string' ? 'character' : 'item'}${n === 1 ? '' : 's'}`, 'too_big'));
export const regex = (re: RegExp, what: string): Check<string> => (v, ctx) => (re.test(v) ? undefined : fault(ctx, `expected ${what}, got ${shown(v)}`, 'invalid_format'));
export const refine = <T>(ok: (v: T) => boolean, message: string): Check<T> => (v, ctx) => (ok(v) ? undefined : fault(ctx, message, 'custom'));
/** A cross-field check; it runs even when a field failed, so it reads defensively (as zod's does). */
export const superRefine = <T>(fn: (v: T, ctx: Ctx) => void): Check<T> => fn;
