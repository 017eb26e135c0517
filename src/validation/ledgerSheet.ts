// Leave ledger sheets 休暇簿 (docs/rules.md §12): rows in, entries and findings out. A ledger with a
// name column, or a person's own 休暇簿 named by its title or sheet name.

import {
  AltRuleset,
  LedgerEntry,
  LedgerKind,
  checkLedger,
  defaultAltRuleset,
  isoFromDay,
  Day,
  readLeaveAmount,
  leaveAmountText,
  annualLeaveBalance,
  annualAvailableDays,
  workingDaysBetween,
  HOURS_OF_AN_ENTRY,
  readHours,
  nameKey,
  readLeaveKind,
  unknownKindMessage,
} from '../core';
import { Cell, CellSchema, LEDGER_HEADERS, LedgerField, Msg, dateSchema, isEmptyCell, numberSchema, readCell, textSchema } from './fields';
import type { ColumnMapping } from './store';
import type { SheetInput, SheetResult } from './validate';
import { Header, M, Out, headerOf } from './sheetFindings';
import { definedOnly } from './strict';
import type { RosterPerson } from './people';
import { statedFiscalYear, withFiscalYear } from './months';


/** Hours as README "The leave ledger" writes them (h:mm text or a number of hours) → whole minutes of one day, or why not: the one hours reader. */
export function minutesOfHoursCell(c: Cell): number | Msg {
  if (typeof c === 'number' || typeof c === 'string') {
    const r = readHours(c, HOURS_OF_AN_ENTRY);
    return r.ok ? r.value : M(r.en, r.ja);
  }
  const shown = typeof c === 'object' && c ? c.error : String(c);
  return M(`${shown} is not a time; write h:mm (1:15), hours (1.25) or 1時間15分`, `${shown} は時間ではありません。h:mm（1:15）、時間数（1.25）または 1時間15分 で入力してください`);
}

/** Reads a ledger sheet's rows: the entries that could be read, and a finding for each cell that could not. */
export function readLedgerSheet(sheet: SheetInput, people?: ReadonlyMap<string, RosterPerson>, rs: AltRuleset = defaultAltRuleset(), mappings?: readonly ColumnMapping[], hint: 'cli' | 'pane' = 'cli'): { entries: LedgerEntry[]; out: Out<LedgerField>; header?: Header<LedgerField>; dataRows: number; unread: LeftOutRow[]; balances: WrittenBalance[]; owner?: string } {
  const rows = sheet.rows ?? [];
  const header = ledgerHeader(sheet, mappings);
  const out = new Out<LedgerField>(sheet, header ?? { row: 0, top: 0, columns: new Map(), unclaimed: [], notKept: new Set() });
  const entries: LedgerEntry[] = [];
  const unread: LeftOutRow[] = [];
  const balances: WrittenBalance[] = [];
  if (!header) return { entries, out, dataRows: 0, unread, balances };
  // The paper 休暇簿: one sheet per person, named by its title or the sheet's name (CONTRACT §4).
  const owner = header.columns.has('name') ? undefined : ledgerOwner(sheet, header.row, people);
  if (!header.columns.has('name') && owner === undefined) {
    out.add(header.row, '', 'warning', 'input', M(`a ledger of one person, but neither the sheet name "${sheet.name}" nor its title names a person of the roster: not checked (name the person in the title, e.g. 休暇簿 氏名：Emily Brown)`, `個人別の休暇簿ですが、シート名「${sheet.name}」にも表題にも名簿の人の氏名がありません。点検していません（表題に「休暇簿 氏名：Emily Brown」のように記入してください）`));
    return { entries, out, header, dataRows: 0, unread, balances };
  }
  // Without To every entry is its From day alone; without Hours every entry is whole days.
  out.missingColumns('ledger', [
    ['to', 'input', M('the end of each entry (every entry is read as its From day alone)', '各記録の終了日（すべて開始日の1日の記録として読みます）')],
    ['hours', 'input', M('the hours of part-day leave (every entry is read as whole days)', '時間単位の休暇の時間数（すべて日単位の記録として読みます）')],
  ], hint);
  const date = withFiscalYear(dateSchema(sheet.dateSystem ?? '1900'), statedFiscalYear(sheet, header.row)?.year);
  let dataRows = 0;
  // The clerk's header of a field's column, else the ledger's own word for it.
  const headerText = (f: LedgerField) => header.columns.get(f)?.text ?? LEDGER_HEADERS[f][0] ?? f;
  for (const { index: i, cell } of out.personRows(rows)) {
    dataRows++;
    let ok = true;
    const need = <T>(f: LedgerField, schema: CellSchema<T>, required: boolean): T | undefined => {
      const c = cell(f);
      if (isEmptyCell(c)) {
        if (required) {
          out.add(i, f, 'error', 'input', M(`${headerText(f)} is empty; it is required`, `${headerText(f)} が空欄です（必須）`));
          ok = false;
        }
        return undefined;
      }
      const got = readCell(schema, c);
      if (got.ok) return got.value;
      out.add(i, f, 'error', 'input', M(`${headerText(f)}: ${got.msg.en}`, `${headerText(f)}: ${got.msg.ja}`));
      ok = false;
      return undefined;
    };
    const name = owner ?? need('name', textSchema, true);
    const from = need('from', date, true);
    const to = need('to', date, false);
    const kindText = need('kind', textSchema, true);
    const note = need('note', textSchema, false);
    let kind: LedgerKind | undefined;
    if (kindText !== undefined) {
      // CONTRACT §4: the one kind reader, shared with ALT.SPECIALLEAVE; an unknown kind names the nearest names.
      kind = readLeaveKind(rs, kindText);
      if (!kind) {
        const m = unknownKindMessage(rs, kindText);
        out.add(i, 'kind', 'error', 'input', M(m.en, m.ja));
        ok = false;
      }
    }
    let minutes: number | undefined;
    const hoursCell = cell('hours');
    if (!isEmptyCell(hoursCell)) {
      const m = minutesOfHoursCell(hoursCell);
      if (typeof m === 'number') minutes = m;
      else {
        out.add(i, 'hours', 'error', 'input', M(`${headerText('hours')}: ${m.en}`, `${headerText('hours')}: ${m.ja}`));
        ok = false;
      }
    }
    if (!ok || name === undefined || from === undefined || kind === undefined) {
      if (name !== undefined) unread.push({ sheet: sheet.name, row: out.row(i), name, ...definedOnly({ from, kind }) });
      continue;
    }
    const daysCell = cell('days');
    if (!isEmptyCell(daysCell) && minutes === undefined) {
      const days = readCell(numberSchema(0, 10_000), daysCell);
      if (!days.ok) out.add(i, 'days', 'error', 'input', M(`${headerText('days')}: ${days.msg.en}`, `${headerText('days')}: ${days.msg.ja}`));
      else checkDaysColumn(out, i, days.value, from, to ?? from, kind);
    }
    if (kind.kind === 'paycut' && minutes !== undefined) {
      out.add(i, 'hours', 'warning', 'input', M('a pay cut has no hours (one row per instance); the hours are ignored', '減給に時間は記入しません（1回につき1行）。時間は無視します'));
      minutes = undefined;
    }
    entries.push({ row: out.row(i), name, from, to: to ?? from, kind, ...definedOnly({ minutes, note }) });
    const left = cell('leaveLeft');
    if (!isEmptyCell(left)) {
      if (typeof left === 'number' || typeof left === 'string') balances.push({ rowIndex: i, row: out.row(i), name, on: from, written: left });
      else {
        const shown = typeof left === 'object' && left ? left.error : String(left);
        out.add(i, 'leaveLeft', 'error', 'input', M(`${headerText('leaveLeft')}: ${shown} is not an amount of leave`, `${headerText('leaveLeft')}: ${shown} は日数ではありません`));
      }
    }
  }
  return { entries, out, header, dataRows, unread, balances, ...definedOnly({ owner }) };
}

/** A 残日数 cell of a ledger row: the balance the clerk wrote after that row. */
export interface WrittenBalance {
  rowIndex: number;
  row: number;
  name: string;
  on: Day;
  written: number | string;
}

const LEAVE_WORDS = /休暇|年休|休業|leave/i;

/**
 * A ledger's header: with a name column, or — the paper 休暇簿 of one person — without one, when a
 * 残日数 column or the title or sheet name says it is about leave (a 日付 / 種別 list of something
 * else is not a ledger).
 */
export function ledgerHeader(sheet: SheetInput, mappings?: readonly ColumnMapping[]): Header<LedgerField> | undefined {
  const withNames = headerOf<LedgerField>(sheet, 'ledger', mappings);
  if (withNames) return withNames;
  // A person's own 休暇簿: no name column, so it needs a 残日数 column or a title that says leave.
  const one = headerOf<LedgerField>(sheet, 'ledger', mappings, ['from', 'kind']);
  if (!one || one.columns.has('name')) return undefined;
  const titles = (sheet.rows ?? []).slice(0, one.top).flatMap((r) => r.filter((c): c is string => typeof c === 'string'));
  return one.columns.has('leaveLeft') || [sheet.name, ...titles].some((t) => LEAVE_WORDS.test(t.normalize('NFKC'))) ? one : undefined;
}

/**
 * Whose 休暇簿 a sheet without a name column is: the roster person its sheet name or a title row
 * above the header names (the longest name that fits), or without a roster the name after 氏名.
 */
export function ledgerOwner(sheet: SheetInput, headerRow: number, people?: ReadonlyMap<string, RosterPerson>): string | undefined {
  const texts = [sheet.name, ...(sheet.rows ?? []).slice(0, headerRow).flatMap((r) => r.filter((c): c is string => typeof c === 'string'))];
  if (people) {
    const keys = texts.map(nameKey);
    let best: RosterPerson | undefined;
    for (const [k, p] of people) if (k && keys.some((t) => t.includes(k)) && (!best || k.length > nameKey(best.name).length)) best = p;
    return best?.name;
  }
  for (const t of texts) {
    const m = /(?:氏名|名前|name)\s*[:：]\s*(.+)$/i.exec(t.normalize('NFKC').trim());
    const named = m?.[1];
    if (named !== undefined) return named.trim();
  }
  return undefined;
}

/**
 * The 日数 column against the entry's From–To: its working days (neither 週休日 nor 休日, Art 10.2,
 * 11), the days annual leave is taken on (Art 12.1); the other kinds may also be written as the
 * calendar days of the span, as sick leave (Art 13.1) and consecutive-day special leave are counted.
 */
function checkDaysColumn(out: Out<LedgerField>, i: number, days: number, from: Day, to: Day, kind: LedgerKind): void {
  if (to < from) return; // the ledger check reports the reversed span
  const working = workingDaysBetween(from, to);
  const calendar = to - from + 1;
  if (days === working || (kind.kind !== 'annual' && days === calendar)) return;
  const span = `${isoFromDay(from)}${to === from ? '' : ` – ${isoFromDay(to)}`}`;
  const orCalendar = kind.kind === 'annual' ? { en: '', ja: '' } : { en: ` (${calendar} calendar days)`, ja: `（暦日では${calendar}日）` };
  out.add(i, 'days', 'error', 'Art 10.2, 11', M(`${days} days, but ${span} has ${working} working days${orCalendar.en}`, `日数 ${days}日 ですが、${span} の勤務日は${working}日です${orCalendar.ja}`));
}

/** A ledger row of a person that the pay does not build on: unreadable, or with an error. */
export interface LeftOutRow {
  sheet: string;
  row: number;
  name: string;
  /** Its first day, when it could be read. */
  from?: number;
  /** Its kind, when it could be read. */
  kind?: LedgerKind;
}

export interface LedgerContext {
  /** Roster people (rosterPeople), or undefined when no roster sheet was found. */
  people?: Map<string, RosterPerson> | undefined;
  /** Undefined for the default ruleset. */
  alt?: AltRuleset | undefined;
  /** The clerk's column mapping (the same one the roster check uses). */
  mappings?: readonly ColumnMapping[] | undefined;
  /** How a missing-column warning says to map a column (as ValidateOptions.mapHint). */
  mapHint?: 'cli' | 'pane' | undefined;
}

/** Checks one ledger sheet (docs/rules.md §12); each finding on the entry's row. */
export function validateLedgerSheet(sheet: SheetInput, ctx: LedgerContext): SheetResult {
  return checkLedgerSheet(sheet, ctx).result;
}

/** The ledger check with the entries that passed it (the ones the pay may build on). */
export function checkLedgerSheet(sheet: SheetInput, ctx: LedgerContext): { result: SheetResult; sound: LedgerEntry[]; leftOut: LeftOutRow[] } {
  const rs = ctx.alt ?? defaultAltRuleset();
  const { entries, out, header, dataRows, unread, balances, owner } = readLedgerSheet(sheet, ctx.people, rs, ctx.mappings, ctx.mapHint);
  if (!header) return { result: { sheet: sheet.name, kind: 'unknown', headerRow: 0, dataRows: 0, findings: [] }, sound: [], leftOut: [] };
  if (!ctx.people) out.add(header.row, 'name', 'warning', 'input', M('no roster sheet found (in this workbook or the files given with it): the term, annual-leave balance and roster checks were skipped', '名簿シートが見つかりません（このブック・同時に指定したファイル）。任期・年休残高・名簿の点検を省略しました'));
  const people = ctx.people ? new Map([...ctx.people].map(([k, p]) => [k, p.terms])) : undefined;
  let sound = entries;
  const leftOut = [...unread];
  try {
    const found = checkLedger(rs, entries, people);
    for (const f of found) out.addAt(f.row, f.field, f.severity, f.rule, M(f.en, f.ja));
    const wrong = new Set(found.filter((f) => f.severity === 'error').map((f) => f.row));
    sound = entries.filter((e) => !wrong.has(e.row));
    for (const e of entries) if (wrong.has(e.row)) leftOut.push({ sheet: sheet.name, row: e.row, name: e.name, from: e.from, kind: e.kind });
    if (ctx.people) checkWrittenBalances(rs, balances, sound, ctx.people, out);
  } catch (e) {
    out.add(header.row, '', 'error', 'internal', M(`the check stopped: ${(e as Error).message}`, `点検が中断しました: ${(e as Error).message}`));
  }
  out.findings.sort((a, b) => a.row - b.row || a.columnIndex - b.columnIndex);
  return { result: { sheet: sheet.name, kind: 'ledger' as SheetResult['kind'], headerRow: (sheet.firstRow ?? 1) + header.row, dataRows, findings: out.findings, notes: out.notes, ...(owner ? { owner } : {}) }, sound, leftOut };
}

/**
 * A 残日数 column against the balance the rules give on the row's date (Art 12.1, 12.2, D-4, D-5):
 * the term's grant on that day plus carried days, less the annual leave of the ledger's rows up to
 * and including this one — the core's annualLeaveBalance, entry by entry.
 */
function checkWrittenBalances(rs: AltRuleset, balances: readonly WrittenBalance[], sound: readonly LedgerEntry[], people: ReadonlyMap<string, RosterPerson>, out: Out<LedgerField>): void {
  const hpd = rs.annualLeave.hoursPerDay;
  for (const b of balances) {
    const key = nameKey(b.name);
    const term = people.get(key)?.terms.find((t) => b.on >= t.start && b.on <= t.end);
    if (!term) continue; // not on the roster, or outside the term: the ledger check says so
    const read = readLeaveAmount(b.written, hpd);
    if (!read.ok) {
      out.add(b.rowIndex, 'leaveLeft', 'error', 'input', M(read.en, read.ja));
      continue;
    }
    const inTerm = sound.filter((e) => e.kind.kind === 'annual' && nameKey(e.name) === key && e.from >= term.start && e.from <= term.end).sort((x, y) => x.from - y.from || x.row - y.row);
    const rows = annualLeaveBalance(rs, term, inTerm);
    const upTo = rows.filter((r) => !r.problem && (r.entry.from < b.on || (r.entry.from === b.on && r.entry.row <= b.row))).pop();
    const granted = annualAvailableDays(rs, term, b.on).granted;
    // ownLeft counts against the whole term's grant; on this day only `granted` of it exists (D-4).
    const days = (upTo ? upTo.carriedLeft + upTo.ownLeft : term.carriedDays + rs.annualLeave.daysPerTerm) - (rs.annualLeave.daysPerTerm - granted);
    const expected = days * hpd * 60;
    if (Math.abs(read.value.minutes - expected) <= read.value.toleranceMinutes + 1e-6) continue;
    const text = (min: number) => leaveAmountText(min, hpd);
    out.add(b.rowIndex, 'leaveLeft', 'error', 'Art 12.1, 12.2', M(`leave left ${text(read.value.minutes).en} differs from the balance after this row on ${isoFromDay(b.on)}: ${text(expected).en} (${granted} granted + ${term.carriedDays} carried days less the annual leave taken)`, `残日数 ${text(read.value.minutes).ja} は ${isoFromDay(b.on)} のこの行の後の残日数 ${text(expected).ja}（付与${granted}日＋繰越${term.carriedDays}日 − 取得した年休）と異なります`));
  }
}
