// Results as a clerk reads them (the CLI at a terminal, and EXPLAIN's lines): a date as
// 2024-12-20 (45646), days of leave as 16.43 (16日3時間), yen with separators. Excel itself gets
// the raw values (a serial, a number), which the cell's format shows.

import { dayFromSerial, grouped, isSupportedDay, isoFromDay, leaveText, resolveRuleset } from '../core';
import type { ColumnKind, FnDecl, Lang, Scalar, Value } from './registry';

/** A serial that is a supported date → `2024-12-20 (45646)`; anything else as it is. */
export function shownDate(serial: number): string {
  if (!Number.isInteger(serial)) return String(serial);
  try {
    const day = dayFromSerial(serial);
    return isSupportedDay(day) ? `${isoFromDay(day)} (${serial})` : String(serial);
  } catch {
    return String(serial);
  }
}

/** 16.428571… days → `16.43 (16日3時間)` / `16.43 (16 days 3 h)`, by the default ruleset's hours a day (Art 12.1). */
export function shownLeave(days: number, lang: Lang): string {
  return `${grouped(days, 2)} (${leaveText(days, resolveRuleset('alt').annualLeave.hoursPerDay, lang)})`;
}

export function shownScalar(v: Scalar, kind: ColumnKind | undefined, lang: Lang): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v !== 'number') return v;
  switch (kind) {
    case 'date':
      return shownDate(v);
    case 'yen':
      return `¥${grouped(v)}`;
    case 'leave':
      return shownLeave(v, lang);
    case 'hours':
      return lang === 'ja' ? `${grouped(v, 2)}時間` : `${grouped(v, 2)} h`;
    default:
      return String(v);
  }
}

/** A call's value, a spill as tab-separated rows, each cell shown by its column's kind. */
export function shownValue(f: FnDecl, v: Value, lang: Lang): string {
  if (!Array.isArray(v)) return shownScalar(v, f.result === 'spill' ? undefined : f.result, lang);
  return v.map((row) => row.map((c, i) => shownScalar(c, f.columns?.[i], lang)).join('\t')).join('\n');
}
