// Leave ledger 休暇簿 and pay sheet 給与点検 (README "The leave ledger", docs/rules.md §12): which
// sheet is which, and the hook that checks them for validateWorkbook. Pure like the roster check: the
// CLI and the pane hand over cell values. People are matched by name against the roster sheet(s) of
// the same workbook or of the other files given with it. The parts: people.ts (the roster's people),
// ledgerSheet.ts, payBook.ts (the expected pay), paySheet.ts and monthColumnsPay.ts, months.ts.

import { AltRuleset } from '../core';
import { LedgerField, PayField } from './fields';
import { findHeader } from './header';
import type { ColumnMapping } from './store';
import type { SheetInput, SheetResult } from './validate';
import { rosterPeople } from './people';
import { checkLedgerSheet, ledgerHeader } from './ledgerSheet';
import { PayBook } from './payBook';
import { monthColumnsPaySheet } from './monthColumnsPay';
import { validatePaySheet } from './paySheet';

export type LedgerSheetField = LedgerField;
export type PaySheetField = PayField;
export { LEDGER_HEADERS, PAY_HEADERS, LEDGER_BY_HEADER, PAY_BY_HEADER } from './fields';
export { rosterPeople } from './people';
export type { RosterPerson, RosterSkip, UnknownService } from './people';
export { checkLedgerSheet, ledgerOwner, minutesOfHoursCell, readLedgerSheet, validateLedgerSheet } from './ledgerSheet';
export type { LedgerContext, LeftOutRow, WrittenBalance } from './ledgerSheet';
export { PayBook, leftOutText, payStepsText } from './payBook';
export type { ExpectedPay, PaySheetResult } from './payBook';
export { validatePaySheet } from './paySheet';
export { fiscalYearOfText, monthOfCell } from './months';

export type LedgerLikeKind = 'ledger' | 'pay';

/** What a sheet is by its headers: a ledger (Name, From, Kind), a pay sheet (Name, Month), or neither. */
export function ledgerKindOfSheet(sheet: SheetInput, mappings?: readonly ColumnMapping[]): LedgerLikeKind | undefined {
  const kind = findHeader(sheet.rows ?? [], { mappings, sheet: sheet.name, firstColumn: sheet.firstColumn })?.kind;
  if (kind === 'ledger' || kind === 'pay') return kind;
  if (kind !== undefined) return undefined;
  // The layouts without a name column per row: a person's own 休暇簿, and the month-columns pay sheet.
  if (ledgerHeader(sheet, mappings)) return 'ledger';
  return monthColumnsPaySheet(sheet) ? 'pay' : undefined;
}

// ---- the hook for validateWorkbook --------------------------------------------------------

/**
 * Replaces the results of sheets that the roster check did not recognise with the ledger or pay
 * check, when their headers say so. `related` are the sheets of the other files given together.
 * The pay builds only on ledger entries without an error: a wrong entry is fixed first.
 */
export function withLedgerAndPay(sheets: readonly SheetInput[], results: SheetResult[], options: { alt?: AltRuleset; related?: readonly SheetInput[]; mappings?: readonly ColumnMapping[]; mapHint?: 'cli' | 'pane' } = {}): SheetResult[] {
  const mappings = options.mappings;
  const kinds = sheets.map((s, i) => (results[i]?.kind === 'unknown' ? ledgerKindOfSheet(s, mappings) : undefined));
  if (!kinds.some(Boolean)) return results;
  const all = [...sheets, ...(options.related ?? [])];
  const found = rosterPeople(all, options.alt, undefined, mappings);
  const people = found.size > 0 ? found : undefined;
  const ledgers = new Map<SheetInput, ReturnType<typeof checkLedgerSheet>>();
  for (const s of all) if (ledgerKindOfSheet(s, mappings) === 'ledger') ledgers.set(s, checkLedgerSheet(s, { people, alt: options.alt, mappings, mapHint: options.mapHint }));
  let book: PayBook | undefined;
  return results.map((r, i) => {
    const sheet = sheets[i];
    if (!sheet) return r; // one result per sheet: never
    if (kinds[i] === 'ledger') return ledgers.get(sheet)?.result ?? r;
    if (kinds[i] === 'pay') {
      if (people) book ??= new PayBook(people, [...ledgers.values()].flatMap((l) => l.sound), options.alt, [...ledgers.values()].flatMap((l) => l.leftOut));
      return validatePaySheet(sheet, book, mappings, options.mapHint);
    }
    return r;
  });
}
