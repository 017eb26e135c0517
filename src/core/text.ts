// Matching names the way clerks type them: any width, any case, stray spaces and dots.

/**
 * Unicode's format characters (general category Cf, as of Unicode 17), written out: the \p{Cf} escape
 * is ES2018, which the webviews of Excel 2019 (EdgeHTML) cannot parse. A test compares the two.
 */
export const FORMAT_CHARACTERS = /[\u00AD\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\u{110BD}\u{110CD}\u{13430}-\u{1343F}\u{1BCA0}-\u{1BCA3}\u{1D173}-\u{1D17A}\u{E0001}\u{E0020}-\u{E007F}]/gu;

/** A key for comparing names: NFKC (full-width → half-width), lower case, no spaces or punctuation. */
export function nameKey(text: string): string {
  // Plain ASCII needs no width folding.
  // Format characters (zero-width spaces and joiners, direction marks) are invisible: drop them.
  return (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC').replace(FORMAT_CHARACTERS, ''))
    .toLowerCase()
    .replace(/[\s.,'’\-_・･()（）「」]/g, '');
}

// Excel's JavaScript-only runtime runs ECMAScript 2016 (Microsoft, "Support for recent versions of
// JavaScript"): no String.prototype.padStart, no Object.entries/values/fromEntries. These stand in.

/** 7 → "07" (width 2): a non-negative whole number with leading zeros. */
export function zeroPad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = `0${s}`;
  return s;
}

/** The own enumerable [key, value] pairs of an object, as Object.entries (ES2017) gives them. */
export function entriesOf<T>(o: { readonly [k: string]: T }): [string, T][] {
  const out: [string, T][] = [];
  for (const k of Object.keys(o)) {
    const v = o[k];
    // Only a key set to undefined reads as undefined; no caller has one (JSON cannot say it).
    if (v !== undefined) out.push([k, v]);
  }
  return out;
}

/** Each item mapped to a list, the lists joined, as Array.prototype.flatMap (ES2019) does. */
export function flatMapOf<T, U>(items: readonly T[], f: (item: T, index: number) => readonly U[]): U[] {
  const out: U[] = [];
  items.forEach((item, i) => {
    for (const u of f(item, i)) out.push(u);
  });
  return out;
}

/** An object from [key, value] pairs, as Object.fromEntries (ES2019) makes it. */
export function objectFrom<T>(pairs: Iterable<readonly [string, T]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of pairs) out[k] = v;
  return out;
}
