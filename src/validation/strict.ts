// Small helpers for the strict settings (noUncheckedIndexedAccess, exactOptionalPropertyTypes):
// an index that cannot be out of range says so by a named error, and an object with some properties
// undefined becomes one without them, as an optional property must be absent, not undefined.

/** An index that the code's own logic keeps in range was not: a bug here, never bad input. */
export class IndexOutOfRange extends Error {
  constructor(what: string, index: number, length: number) {
    super(`internal: ${what}[${index}] is out of range (length ${length})`);
    this.name = 'IndexOutOfRange';
  }
}

/** `list[i]` where i is in range by construction; throws IndexOutOfRange when it is not. */
export function at<T>(list: ArrayLike<T>, i: number, what = 'list'): T {
  const v = list[i];
  if (v === undefined && !(i >= 0 && i < list.length)) throw new IndexOutOfRange(what, i, list.length);
  return v as T;
}

/** The properties that may be undefined, made optional. */
type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> };

/** A copy without the properties whose value is undefined. */
export function definedOnly<T extends object>(o: T): Defined<T> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as Defined<T>;
}
