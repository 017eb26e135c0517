// Matching names the way clerks type them: any width, any case, stray spaces and dots.

/** A key for comparing names: NFKC (full-width → half-width), lower case, no spaces or punctuation. */
export function nameKey(text: string): string {
  // Plain ASCII needs no width folding.
  // Format characters (zero-width spaces and joiners, direction marks) are invisible: drop them.
  return (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC').replace(/\p{Cf}/gu, ''))
    .toLowerCase()
    .replace(/[\s.,'’\-_・･()（）「」]/g, '');
}
