import { Day, dayFromYmd, isoFromDay } from '../src/core/days';
import { invoke } from '../src/functions/registry';

/** ISO text → day number, for readable tests. */
export function d(iso: string): Day {
  const [y, m, dd] = iso.split('-').map(Number);
  return dayFromYmd(y, m, dd);
}

export const iso = isoFromDay;

/** A worksheet function's value through the path Excel and the CLI use; throws on an error. */
export const value = (name: string, ...args: unknown[]) => {
  const out = invoke(name, args as never[]);
  if (!('value' in out)) throw new Error(`${name}: ${out.error} ${out.message}`);
  return out.value;
};

/** A worksheet function's error through the same path; throws on a value. */
export const error = (name: string, ...args: unknown[]) => {
  const out = invoke(name, args as never[]);
  if ('value' in out) throw new Error(`${name} returned ${JSON.stringify(out.value)}`);
  return out;
};
