// Results as a clerk reads them (the CLI at a terminal, and EXPLAIN's lines): a date as
// 2024-12-20 (45646), days of leave as 16.43 (16日3時間), yen with separators. Excel itself gets
// the raw values (a serial, a number), which the cell's format shows.

import { dayFromSerial, grouped, isSupportedDay, isoFromDay, leaveText, resolveRuleset } from '../core';
import type { Raw } from './coerce';
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

/** 16.428571… days → `16.43 (16日3時間)` / `16.43 (16 days 3 h)`, by the ruleset's hours a day (Art 12.1). */
export function shownLeave(days: number, lang: Lang, hoursPerDay = resolveRuleset('alt').annualLeave.hoursPerDay): string {
  return `${grouped(days, 2)} (${leaveText(days, hoursPerDay, lang)})`;
}

export function shownScalar(v: Scalar, kind: ColumnKind | undefined, lang: Lang, hoursPerDay?: number): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v !== 'number') return v;
  switch (kind) {
    case 'date':
      return shownDate(v);
    case 'yen':
      return `¥${grouped(v)}`;
    case 'leave':
      return shownLeave(v, lang, hoursPerDay);
    case 'hours':
      return lang === 'ja' ? `${grouped(v, 2)}時間` : `${grouped(v, 2)} h`;
    default:
      return String(v);
  }
}

/** The hours in a day of leave under the ruleset a call names (its ruleset argument), else the default's. */
export function hoursPerDayOf(f: FnDecl, args: readonly Raw[]): number | undefined {
  const i = f.params.findIndex((p) => p.kind === 'ruleset');
  const given = i >= 0 ? args[i] : undefined;
  if (f.addin !== 'ALT' || typeof given !== 'string' || given.trim() === '') return undefined;
  try {
    return resolveRuleset('alt', given).annualLeave.hoursPerDay;
  } catch {
    return undefined; // the call itself has reported the ruleset's fault
  }
}

/** A call's value, a spill as tab-separated rows, each cell shown by its column's kind. */
export function shownValue(f: FnDecl, v: Value, lang: Lang, hoursPerDay?: number): string {
  if (!Array.isArray(v)) return shownScalar(v, f.result === 'spill' ? undefined : f.result, lang, hoursPerDay);
  return v.map((row) => row.map((c, i) => shownScalar(c, f.columns?.[i], lang, hoursPerDay)).join('\t')).join('\n');
}
