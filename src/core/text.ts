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
