// A time typed into a cell: Excel stores "1:20" as 0.0555… of a day with a time number format
// (h:mm). Read as a number it would be hours, so readers that see the format turn such a cell
// into the text the clerk typed, which every hours reader understands.
import { zeroPad } from './text';

/** Built-in number formats that show a time and no date (ECMA-376 Part 1, §18.8.30 numFmt). */
const BUILT_IN_TIME_FORMATS = new Set([18, 19, 20, 21, 45, 46, 47]);

/** Whether a number format shows a time of day or a duration, and no date. */
export function isTimeOnlyFormat(code: string | number | undefined): boolean {
  if (typeof code === 'number') return BUILT_IN_TIME_FORMATS.has(code);
  if (!code) return false;
  // The first section only; quoted text, escapes and colours say nothing of the kind of value.
  const [firstSection = ''] = code.split(';');
  const section = firstSection.replace(/"[^"]*"|\\.|_.|\*./g, '').replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  if (/[ydeg]/i.test(section.replace(/\[[hms]+\]/gi, ''))) return false;
  return /h|\[m+\]|s/i.test(section);
}

/**
 * A time cell's value as text h:mm (whole minutes; hours past 24 kept, as [h]:mm shows them), or
 * undefined for a value that is no duration.
 */
export function timeTextOfDayFraction(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  const minutes = Math.round(value * 1440);
  return `${Math.floor(minutes / 60)}:${zeroPad(minutes % 60, 2)}`;
}
