// One worksheet cell: where its reference puts it, and what its stored text means for its type
// (ECMA-376 Part 1 §18.3.1.4 c, §18.18.11 ST_CellType).

import { DateSystem, dayFromIsoText, serialFromDay, timeTextOfDayFraction } from '../core';
import { Cell } from '../validation/fields';
import { own } from './xml';

/** How a time-only format shows a number: as a clock time (h:mm) or as elapsed hours ([h]:mm). */
export type TimeStyle = 'clock' | 'elapsed';

/** "AB12" → [row 12, column 28]; undefined when it is not a cell reference. */
export function parseRef(ref: string): [number, number] | undefined {
  // By hand: this runs once per cell of the sheet.
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(0) === 0x24) i++;
  let col = 0;
  const c0 = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === c0 || i - c0 > 3) return undefined;
  if (ref.charCodeAt(i) === 0x24) i++;
  const d0 = i;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
    row = row * 10 + (c - 0x30);
  }
  if (i === d0 || i - d0 > 10) return undefined;
  return [row, col];
}

/** A number as SpreadsheetML writes one (xsd:double): no hexadecimal, no empty text, no "Infinity". */
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Seconds of an ISO time of day ("T09:30", "T09:30:15.5") as a fraction of a day, or 0. */
function dayFractionOfIso(text: string): number {
  const m = /T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/.exec(text);
  if (!m) return 0;
  const seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
  return seconds > 0 && seconds < 86400 ? seconds / 86400 : 0;
}

/**
 * A cell's value from its type (t), its decoded <v> text and its decoded inline string (null when
 * the element is absent), the shared strings, the book's date system and the cell's time style.
 */
export function cellValue(type: string, v: string | null, inline: string | null, sst: readonly string[], system: DateSystem, timeStyle?: TimeStyle): Cell {
  switch (type) {
    case 's': {
      // An empty <v/> is an empty cell, not shared string 0.
      if (v === null || v.trim() === '') return null;
      if (!/^\s*\d+\s*$/.test(v)) return { error: '#REF!' };
      const s = sst[Number(v)];
      return s === undefined ? { error: '#REF!' } : s;
    }
    case 'inlineStr':
      return own(inline ?? v ?? '');
    case 'str':
      return own(v ?? '');
    case 'b':
      return v === null || v.trim() === '' ? null : v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case 'e':
      return v === null || v.trim() === '' ? null : { error: v.trim() };
    case 'd': {
      if (v === null || v.trim() === '') return null;
      const text = v.trim();
      const day = dayFromIsoText(text.slice(0, 10));
      // A date-time keeps its time of day as the serial's fraction, as Excel stores it.
      return day === undefined ? own(v) : serialFromDay(day, system) + dayFractionOfIso(text);
    }
    default: {
      if (v === null) return inline === null ? null : own(inline);
      if (v.trim() === '') return null; // an empty <v></v> is an empty cell
      if (!NUMBER.test(v)) return { error: '#NUM!' };
      const n = Number(v);
      if (!Number.isFinite(n)) return { error: '#NUM!' };
      if (!timeStyle) return n;
      // h:mm on a date-time shows the time of day; [h]:mm shows hours elapsed.
      const shown = timeStyle === 'clock' && n >= 1 ? n - Math.floor(n) : n;
      return timeTextOfDayFraction(shown) ?? n;
    }
  }
}
