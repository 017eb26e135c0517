// Rulesets as dated data (the OpenFisca way): each ruleset is a JSON file whose parameters carry
// their value, unit and the clause they come from; the file says from when it is in force.
import { entriesOf } from '../text';

/** One parameter as a ruleset file writes it. */
export interface ParameterEntry {
  value: unknown;
  /** What the number counts: "yen a month", "days", "one of: earlier, later"… */
  unit: string;
  /** The clause or decision it comes from: `Art 7.2`, `D-3`, `CLAIR: 滞在経費助成金`. */
  clause: string;
  /** What it means, in a sentence. */
  en: string;
}

export interface RulesetFile {
  id: string;
  family: string;
  kind: 'alt' | 'clair';
  version: number;
  /** The first day this ruleset applies (and, optionally, the last). */
  inForce: { from: string; to?: string };
  title: { en: string; ja: string };
  source: string;
  parameters: Record<string, unknown>;
}

function isEntry(x: unknown): x is ParameterEntry {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'value' in x && 'clause' in x && 'unit' in x;
}

/** Every parameter of a file with its dotted path, in file order. */
export function parameterEntries(file: RulesetFile): { path: string; entry: ParameterEntry }[] {
  const out: { path: string; entry: ParameterEntry }[] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (isEntry(node)) {
      out.push({ path: path.join('.'), entry: node });
      return;
    }
    if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new Error(`ruleset file ${file.id}: ${path.join('.')} is neither a parameter {value, unit, clause} nor a group`);
    for (const [k, v] of entriesOf(node as Record<string, unknown>)) walk(v, [...path, k]);
  };
  walk(file.parameters, []);
  return out;
}

/** The ruleset's plain values (what the rules read), keyed as the schema expects. */
export function rulesetValues(file: RulesetFile): Record<string, unknown> {
  const strip = (node: unknown): unknown => {
    if (isEntry(node)) return node.value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of entriesOf(node as Record<string, unknown>)) out[k] = strip(v);
    return out;
  };
  const { parameters, ...meta } = file;
  return { ...meta, ...(strip(parameters) as Record<string, unknown>) };
}
