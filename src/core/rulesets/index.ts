// The versioned rulesets: the built-in ones (JSON data files, one per ruleset, in data/), their
// histories by family, and user-supplied JSON validated as a whole.

import { Day, dayFromIsoText, isoFromDay } from '../days';
import { entriesOf, flatMapOf } from '../text';
import { RuleError } from '../errors';
import { Trace } from '../trace';
import { RulesetFile, rulesetValues } from './parameters';
import { DEFAULT_FAMILY, RULESET_FILES } from './registry';
import { AltRuleset, ClairRuleset, altRulesetSchema, clairRulesetSchema } from './schema';

export * from './schema';
export * from './parameters';
export { DEFAULT_FAMILY, RULESET_FILES };

export type RulesetKind = 'alt' | 'clair';
export type AnyRuleset = AltRuleset | ClairRuleset;

function parseBuiltIn<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(`built-in ruleset is invalid: ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

/** A ruleset file → the validated ruleset the rules read. */
export function rulesetFromFile(file: RulesetFile): AnyRuleset {
  const values = rulesetValues(file);
  return file.kind === 'alt' ? parseBuiltIn(altRulesetSchema, values) : parseBuiltIn(clairRulesetSchema, values);
}

const BUILT_IN: AnyRuleset[] = RULESET_FILES.map(rulesetFromFile);

export function builtInRulesets(): readonly AnyRuleset[] {
  return BUILT_IN;
}

/** The newest ruleset of each family; only the kind's default family is used without a name. */
const NEWEST = new Map<string, AnyRuleset>();
for (const r of BUILT_IN) {
  const had = NEWEST.get(r.family);
  if (!had || r.version > had.version) NEWEST.set(r.family, r);
}
for (const [kind, family] of entriesOf(DEFAULT_FAMILY)) {
  if (NEWEST.get(family)?.kind !== kind) throw new Error(`DEFAULT_FAMILY.${kind}: no built-in ${kind} ruleset of family "${family}"`);
}

function newest<K extends RulesetKind>(kind: K, family: string = DEFAULT_FAMILY[kind]): Extract<AnyRuleset, { kind: K }> {
  return NEWEST.get(family) as Extract<AnyRuleset, { kind: K }>;
}

export const defaultAltRuleset = (): AltRuleset => newest('alt');
export const defaultClairRuleset = (): ClairRuleset => newest('clair');

const FROM_DAY = new WeakMap<AnyRuleset, Day>();
const fromDay = (r: AnyRuleset): Day => {
  let day = FROM_DAY.get(r);
  if (day === undefined) FROM_DAY.set(r, (day = dayFromIsoText(r.inForce.from) as Day));
  return day;
};

/** The rulesets of one family, oldest first (by the day each comes into force). */
export function rulesetHistory<R extends AnyRuleset>(rulesets: readonly R[], family: string): R[] {
  return rulesets.filter((r) => r.family === family).sort((a, b) => fromDay(a) - fromDay(b));
}

export interface InForce<R> {
  ruleset: R;
  /** True when the day is before the family's earliest ruleset, which is then used. */
  beforeEarliest: boolean;
}

/**
 * The ruleset of a history in force on a day: the latest one that has come into force. A day
 * before the earliest uses the earliest and says so (never a silent guess).
 */
export function rulesetInForce<R extends AnyRuleset>(history: readonly R[], day: Day, trace?: Trace): InForce<R> {
  const [earliest] = history;
  if (!earliest) throw new Error('empty ruleset history');
  let found = earliest;
  for (const r of history) if (fromDay(r) <= day) found = r;
  const beforeEarliest = day < fromDay(earliest);
  if (beforeEarliest) {
    trace?.step('ruleset', `${isoFromDay(day)} is before the earliest ruleset of "${found.family}", ${found.id} (in force from ${found.inForce.from}): ${found.id} is used`, `${isoFromDay(day)} は「${found.family}」の最も古いルールセット ${found.id}（${found.inForce.from} から適用）より前です: ${found.id} を使用`);
  } else if (found.inForce.to !== undefined && day > (dayFromIsoText(found.inForce.to) as Day)) {
    trace?.step('ruleset', `${isoFromDay(day)} is after the last day of ${found.id} (${found.inForce.to}) and no later ruleset exists: ${found.id} is used`, `${isoFromDay(day)} は ${found.id} の適用終了日（${found.inForce.to}）より後で、後継のルールセットがありません: ${found.id} を使用`);
  } else if (history.length > 1) {
    trace?.step('ruleset', `on ${isoFromDay(day)} the ruleset in force is ${found.id} (from ${found.inForce.from})`, `${isoFromDay(day)} に適用されるルールセットは ${found.id}（${found.inForce.from} から）`);
  }
  return { ruleset: found, beforeEarliest };
}

/** The family a kind uses when none is named: a setting (DEFAULT_FAMILY), never the highest version. */
export function defaultFamily(kind: RulesetKind): string {
  return DEFAULT_FAMILY[kind];
}

/** The built-in families of a kind, the default first. */
function familiesOf(kind: RulesetKind): string[] {
  const others = [...NEWEST.values()].filter((r) => r.kind === kind && r.family !== DEFAULT_FAMILY[kind]).map((r) => r.family);
  return [DEFAULT_FAMILY[kind], ...others];
}

const BUILT_IN_HISTORY = new Map<string, AnyRuleset[]>();

/** The built-in ruleset of a family (by default the kind's default family) in force on a day; never another family's. */
export function builtInInForce<K extends RulesetKind>(kind: K, day: Day, trace?: Trace, family: string = DEFAULT_FAMILY[kind]): InForce<Extract<AnyRuleset, { kind: K }>> {
  let history = BUILT_IN_HISTORY.get(family);
  if (!history) BUILT_IN_HISTORY.set(family, (history = rulesetHistory(BUILT_IN, family)));
  return rulesetInForce(history as Extract<AnyRuleset, { kind: K }>[], day, trace);
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Overrides replace leaves and arrays; objects merge key by key. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  // defineProperty: an own "__proto__" key stays a key (refused later), never the object's prototype.
  for (const [k, v] of entriesOf(over)) Object.defineProperty(out, k, { value: Object.prototype.hasOwnProperty.call(base, k) ? deepMerge(base[k], v) : v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The paths of keys JSON.parse keeps as own keys but that would reach an object's prototype if assigned: named as faults. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function prototypeKeyPaths(x: unknown, path: (string | number)[] = []): string[] {
  if (Array.isArray(x)) return flatMapOf(x, (v, i) => prototypeKeyPaths(v, [...path, i]));
  if (!isPlainObject(x)) return [];
  return flatMapOf(Object.keys(x), (k) => (PROTOTYPE_KEYS.has(k) ? [pathText([...path, k])] : prototypeKeyPaths(x[k], [...path, k])));
}

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/**
 * A user's ruleset, from JSON text or a parsed object. It may `extends` a built-in ruleset by
 * id and override only some values. It is validated whole: any fault rejects all of it, with
 * every bad path named.
 */
export function parseUserRuleset(input: string | unknown): AnyRuleset {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch {
      // The engine's own wording differs between Excel's runtimes and Node, so the message is ours alone.
      throw RuleError.value('ruleset', 'ruleset is not valid JSON: check the quotes, commas and braces', 'ルールセットが正しい JSON ではありません。引用符・カンマ・括弧を確認してください');
    }
  }
  if (!isPlainObject(raw)) throw RuleError.value('ruleset', 'ruleset must be a JSON object', 'ルールセットは JSON オブジェクトでなければなりません');
  const bad = prototypeKeyPaths(raw);
  if (bad.length > 0) {
    throw RuleError.value('ruleset', `ruleset rejected: ${bad.map((p) => `${p}: this key name is not allowed`).join('; ')}`, `ルールセットを受け付けられません: ${bad.map((p) => `${p}: このキー名は使えません`).join('；')}`);
  }
  let merged: unknown = raw;
  if (raw.extends !== undefined) {
    const base = BUILT_IN.find((r) => r.id === raw.extends);
    if (!base) {
      throw RuleError.value('ruleset', `ruleset.extends: "${String(raw.extends)}" is not a built-in ruleset (${BUILT_IN.map((r) => r.id).join(', ')})`, `ruleset.extends:「${String(raw.extends)}」は組み込みルールセットではありません（${BUILT_IN.map((r) => r.id).join('、')}）`);
    }
    const { extends: _ignored, ...rest } = raw;
    merged = deepMerge(base, rest);
  }
  const kind = isPlainObject(merged) ? merged.kind : undefined;
  const schema = kind === 'alt' ? altRulesetSchema : kind === 'clair' ? clairRulesetSchema : undefined;
  if (!schema) throw RuleError.value('ruleset', 'ruleset.kind must be "alt" or "clair"', 'ruleset.kind は "alt" か "clair" でなければなりません');
  const result = schema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`);
    throw RuleError.value('ruleset', `ruleset rejected: ${problems.join('; ')} (the parameters are listed in docs/rules.md)`, `ルールセットを受け付けられません: ${problems.join('；')}（パラメータは docs/rules.md に一覧があります）`);
  }
  // A user ruleset may not pose as a built-in one: auditors read the id.
  if (BUILT_IN.some((r) => r.id === result.data.id)) {
    throw RuleError.value('ruleset', `ruleset.id: "${result.data.id}" is a built-in id; give your ruleset its own id`, `ruleset.id:「${result.data.id}」は組み込みの ID です。独自の ID を付けてください`);
  }
  return result.data;
}

/** Parsed user rulesets by their text — and refusals too: a workbook repeats one ruleset cell in thousands of formulas. */
const userCache = new Map<string, AnyRuleset | RuleError>();

/**
 * The ruleset an argument names: omitted (or a family name such as `saitama-alt`) → the one in
 * force on `onDay` (the newest without a day); a built-in id → exactly that one; or JSON text of
 * a user ruleset (a cell can hold it).
 */
export function resolveRuleset<K extends RulesetKind>(kind: K, spec?: string, onDay?: Day, trace?: Trace): Extract<AnyRuleset, { kind: K }> {
  const text = spec?.trim() ?? '';
  let found: AnyRuleset | undefined;
  const family = !text ? DEFAULT_FAMILY[kind] : familiesOf(kind).find((f) => f === text.toLowerCase());
  if (family !== undefined) {
    return onDay === undefined ? newest(kind, family) : builtInInForce(kind, onDay, trace, family).ruleset;
  }
  if (text.startsWith('{')) {
    let cached = userCache.get(text);
    if (!cached) {
      try {
        cached = parseUserRuleset(text);
      } catch (e) {
        if (!(e instanceof RuleError)) throw e;
        cached = e;
      }
      if (userCache.size > 100) userCache.clear();
      userCache.set(text, cached);
    }
    if (cached instanceof RuleError) throw cached;
    found = cached;
  } else {
    found = BUILT_IN.find((r) => r.id === text.toLowerCase());
    if (!found) {
      const ids = [...BUILT_IN.filter((r) => r.kind === kind).map((r) => r.id), ...familiesOf(kind)];
      throw RuleError.value('ruleset', `ruleset "${text}" is unknown; use ${ids.join(', ')} or a ruleset as JSON text`, `ルールセット「${text}」は不明です。${ids.join('、')} か JSON のルールセットを指定してください`);
    }
  }
  if (found.kind !== kind) {
    throw RuleError.value('ruleset', `ruleset "${found.id}" is a ${found.kind} ruleset; this function needs a ${kind} ruleset`, `ルールセット「${found.id}」は ${found.kind} 用です。この関数には ${kind} 用が必要です`);
  }
  return found as Extract<AnyRuleset, { kind: K }>;
}

/** A built-in ruleset by its id: what tests and examples pin, so that a new revision does not move them. */
export function builtInRuleset<K extends RulesetKind>(kind: K, id: string): Extract<AnyRuleset, { kind: K }> {
  const found = BUILT_IN.find((r) => r.id === id && r.kind === kind);
  if (!found) throw new Error(`no built-in ${kind} ruleset "${id}"`);
  return found as Extract<AnyRuleset, { kind: K }>;
}
