// A ruleset checked as a whole for `altrules ruleset check`: a ruleset file (as in data/, each
// parameter {value, unit, clause, en}) or a user ruleset (plain values, maybe `extends`). Every
// fault is listed with its path in the file's own terms; nothing stops at the first.

import { AnyRuleset, RULESET_FILES, builtInRulesets, parseUserRuleset, prototypeKeyPaths } from './index';
import { parameterEntries } from './parameters';
import { ParameterEntry, RulesetFile, rulesetValues } from './parameters';
import { altRulesetSchema, clairRulesetSchema } from './schema';
import { RuleError } from '../errors';
import { entriesOf, flatMapOf } from '../text';

export interface RulesetFault {
  /** Where, as the file writes it: `parameters.pay.payDay.value`, `inForce.from`, `(root)`. */
  path: string;
  message: string;
}

export interface RulesetCheck {
  form: 'file' | 'user';
  faults: RulesetFault[];
  /** The validated ruleset, when there are no faults. */
  ruleset?: AnyRuleset;
  /** How many parameters a ruleset file gives (0 for a user ruleset). */
  parameters: number;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isEntry = (x: unknown): x is ParameterEntry => isObject(x) && 'value' in x;

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Keys of the input that the schema does not know (a typo would otherwise be dropped without a word). */
function unknownKeys(input: unknown, known: unknown, path: PropertyKey[], out: PropertyKey[][]): void {
  if (Array.isArray(input) && Array.isArray(known)) input.forEach((v, i) => unknownKeys(v, known[i], [...path, i], out));
  else if (isObject(input) && isObject(known)) {
    for (const k of Object.keys(input)) {
      if (Object.prototype.hasOwnProperty.call(known, k)) unknownKeys(input[k], known[k], [...path, k], out);
      else out.push([...path, k]);
    }
  }
}

const schemaOf = (kind: unknown) => (kind === 'alt' ? altRulesetSchema : kind === 'clair' ? clairRulesetSchema : undefined);

function checkFile(file: Record<string, unknown>): RulesetCheck {
  const faults: RulesetFault[] = prototypeKeyPaths(file).map((path) => ({ path, message: 'this key name is not allowed' }));
  if (faults.length) return { form: 'file', faults, parameters: 0 };
  const entries = new Set<string>();
  let structural = 0;
  // The parameters: groups of groups, down to entries {value, unit, clause, en}.
  const walk = (node: unknown, path: string[]): void => {
    if (isEntry(node)) {
      entries.add(path.join('.'));
      for (const k of ['unit', 'clause'] as const) {
        if (typeof node[k] !== 'string' || node[k] === '') faults.push({ path: pathText(['parameters', ...path, k]), message: `every parameter names its ${k} (text)` });
      }
      return;
    }
    if (!isObject(node)) {
      structural++;
      faults.push({ path: pathText(['parameters', ...path]), message: 'expected a parameter {"value", "unit", "clause", "en"} or a group of parameters' });
      return;
    }
    for (const [k, v] of entriesOf(node)) walk(v, [...path, k]);
  };
  walk(file.parameters, []);
  // A node that is neither a parameter nor a group leaves no values to check: its faults are the answer.
  if (structural) return { form: 'file', faults, parameters: entries.size };
  // Names the built-in files of this kind do not have: a misspelt name would otherwise be dropped.
  const reference = flatMapOf(RULESET_FILES.filter((f) => f.kind === file.kind), (f) => parameterEntries(f).map((e) => e.path));
  const known = new Set(flatMapOf(reference, (path) => path.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
  if (reference.length) {
    for (const path of entries) {
      const parts = path.split('.');
      const first = parts.findIndex((_, i) => !known.has(parts.slice(0, i + 1).join('.')));
      if (first >= 0) faults.push({ path: pathText(['parameters', ...parts.slice(0, first + 1)]), message: 'is not a ruleset parameter (a misspelt name?)' });
    }
  }
  const schema = schemaOf(file.kind);
  if (!schema) return { form: 'file', faults: [{ path: 'kind', message: 'expected "alt" or "clair"' }, ...faults], parameters: entries.size };
  const values = rulesetValues(file as unknown as RulesetFile);
  /** A values path → the file's path: `.value` after the parameter the path enters. */
  const filePath = (p: readonly PropertyKey[]): string => {
    for (let n = p.length; n > 0; n--) {
      if (entries.has(p.slice(0, n).join('.'))) return pathText(['parameters', ...p.slice(0, n), 'value', ...p.slice(n)]);
    }
    const meta = ['id', 'family', 'kind', 'version', 'inForce', 'title', 'source'];
    return pathText(p.length && meta.includes(String(p[0])) ? p : ['parameters', ...p]);
  };
  const result = schema.safeParse(values);
  if (!result.success) {
    for (const i of result.error.issues) faults.push({ path: filePath(i.path), message: i.message });
    return { form: 'file', faults, parameters: entries.size };
  }
  const extra: PropertyKey[][] = [];
  unknownKeys(values, result.data, [], extra);
  for (const p of extra) faults.push({ path: filePath(p), message: 'is not a ruleset parameter (a misspelt name?)' });
  return faults.length ? { form: 'file', faults, parameters: entries.size } : { form: 'file', faults, parameters: entries.size, ruleset: result.data };
}

function checkUser(raw: Record<string, unknown>): RulesetCheck {
  // Compared with the ruleset it extends: a misspelt name is reported even beside other faults.
  const base = builtInRulesets().find((r) => r.id === raw.extends);
  const { extends: _ignored, ...rest } = raw;
  const extra: PropertyKey[][] = [];
  if (base) unknownKeys(rest, base, [], extra);
  const misspelt = extra.map((p) => ({ path: pathText(p), message: 'is not a ruleset parameter (a misspelt name?)' }));
  let ruleset: AnyRuleset;
  try {
    ruleset = parseUserRuleset(raw);
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    // parseUserRuleset joins the faults with "; " after "ruleset rejected: "; one per line here.
    const text = e.message.replace(/^ruleset rejected: /, '').replace(/ \(the parameters are listed in docs\/rules\.md\)$/, '');
    const faults = text.split('; ').map((f) => {
      const at = f.indexOf(': ');
      return at > 0 && !/\s/.test(f.slice(0, at)) ? { path: f.slice(0, at), message: f.slice(at + 2) } : { path: '(root)', message: f };
    });
    return { form: 'user', parameters: 0, faults: [...faults, ...misspelt] };
  }
  if (!base) unknownKeys(rest, ruleset, [], extra);
  const faults = base ? misspelt : extra.map((p) => ({ path: pathText(p), message: 'is not a ruleset parameter (a misspelt name?)' }));
  return faults.length ? { form: 'user', faults, parameters: 0 } : { form: 'user', faults, parameters: 0, ruleset };
}

/** Checks a ruleset given as parsed JSON: a file with `parameters`, or a user ruleset. */
export function checkRuleset(raw: unknown): RulesetCheck {
  if (!isObject(raw)) return { form: 'user', faults: [{ path: '(root)', message: 'a ruleset is a JSON object' }], parameters: 0 };
  return 'parameters' in raw ? checkFile(raw) : checkUser(raw);
}
