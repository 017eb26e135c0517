// zod 4 reads built-ins newer than ECMAScript 2016, the language of Excel's JavaScript-only
// custom-functions runtime (Microsoft: office-js-docs-pr#4496), and of EdgeHTML panes for some:
// globalThis (ES2020) while loading, Object.entries/values/getOwnPropertyDescriptors (ES2017) and
// Object.fromEntries (ES2019) when schemas are built, Array.prototype.flatMap (ES2019). They are defined here, only
// where missing, as the first module of every webpack entry (before zod loads); Node needs none.

/* eslint-disable @typescript-eslint/no-explicit-any */

const root: any = typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : typeof window !== 'undefined' ? window : undefined;
const define = (target: any, name: string, value: unknown): void => {
  if (target && typeof target[name] === 'undefined') Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
};

define(root, 'globalThis', root);
define(Object, 'entries', (o: any) => Object.keys(o).map((k) => [k, o[k]]));
define(Object, 'values', (o: any) => Object.keys(o).map((k) => o[k]));
define(Object, 'getOwnPropertyDescriptors', (o: any) => {
  const out: any = {};
  for (const k of Reflect.ownKeys(o)) Object.defineProperty(out, k, { value: Object.getOwnPropertyDescriptor(o, k), writable: true, configurable: true, enumerable: true });
  return out;
});
define(Object, 'fromEntries', (pairs: Iterable<[PropertyKey, unknown]>) => {
  const out: any = {};
  for (const [k, v] of Array.from(pairs)) Object.defineProperty(out, k, { value: v, writable: true, configurable: true, enumerable: true });
  return out;
});
define(Array.prototype, 'flatMap', function flatMap(this: unknown[], fn: (v: unknown, i: number, a: unknown[]) => unknown, thisArg?: unknown) {
  const out: unknown[] = [];
  this.forEach((v, i, a) => {
    const r = fn.call(thisArg, v, i, a);
    if (Array.isArray(r)) out.push(...r);
    else out.push(r);
  });
  return out;
});
