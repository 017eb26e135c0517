// The month's pay expected of each person from the roster and the sound ledger entries, and the
// judgement of one paid amount against it (Art 7, 8, D-11, D-12, D-13).

import {
  AltRuleset,
  LedgerEntry,
  LedgerKind,
  MonthKey,
  MonthPay,
  PayTerm,
  defaultAltRuleset,
  grouped,
  monthKeyOf,
  lastDayOfMonthKey,
  firstDayOfMonthKey,
  monthLabel,
  monthPaySchedule,
  nameKey,
  payLedgerOf,
} from '../core';
import { Msg } from './fields';
import type { SheetResult, Severity } from './validate';
import { M } from './sheetFindings';
import { definedOnly } from './strict';
import type { RosterPerson } from './people';
import type { LeftOutRow } from './ledgerSheet';


/** The expected pay of each person and month, computed once per person from the first month of service. */
export class PayBook {
  private readonly byPerson = new Map<string, LedgerEntry[]>();
  private readonly cache = new Map<string, { from: MonthKey; rows: MonthPay[] }>();
  private readonly explained = new Map<string, { from: MonthKey; rows: MonthPay[] }>();
  private readonly leftOutByPerson = new Map<string, LeftOutRow[]>();
  constructor(
    readonly people: Map<string, RosterPerson>,
    entries: readonly LedgerEntry[],
    readonly rs: AltRuleset = defaultAltRuleset(),
    leftOut: readonly LeftOutRow[] = [],
  ) {
    for (const r of leftOut) {
      const k = nameKey(r.name);
      this.leftOutByPerson.set(k, [...(this.leftOutByPerson.get(k) ?? []), r]);
    }
    for (const e of entries) {
      const k = nameKey(e.name);
      const list = this.byPerson.get(k);
      if (list) list.push(e);
      else this.byPerson.set(k, [e]);
    }
  }

  /**
   * The person's ledger rows that the pay left out (an error, or unreadable) and that could bear on
   * the month: those starting by its last day, or whose date could not be read, unless their kind
   * never touches pay (annual leave and paid special leave are paid as worked: Art 12, 14.2).
   */
  leftOut(name: string, month: MonthKey): LeftOutRow[] {
    const last = lastDayOfMonthKey(month);
    const neverInPay = (k: LedgerKind | undefined) => k?.kind === 'annual' || (k?.kind === 'special' && this.rs.specialLeave.find((s) => s.item === k.item)?.paid === true);
    return (this.leftOutByPerson.get(nameKey(name)) ?? []).filter((r) => (r.from === undefined || r.from <= last) && !neverInPay(r.kind)).sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
  }

  /**
   * Why the month cannot be priced: some of its days fall in service whose term the roster does not
   * give (D-11, D-12). Such a month is refused, never priced with those days at 0.
   */
  unknown(name: string, month: MonthKey): Msg | undefined {
    const first = firstDayOfMonthKey(month);
    const last = lastDayOfMonthKey(month);
    const u = this.people.get(nameKey(name))?.unknown.find((x) => (x.from === undefined || x.from <= last) && x.to >= first);
    return u && M(u.en, u.ja);
  }

  /** The month's pay of a person, or undefined when the person is not on the roster; with its steps when asked. */
  month(name: string, month: MonthKey, withSteps = true): MonthPay | undefined {
    const key = nameKey(name);
    const person = this.people.get(key);
    if (!person) return undefined;
    const cache = withSteps ? this.explained : this.cache;
    let c = cache.get(key);
    const firstTerm = person.terms[0];
    const lastTerm = person.terms[person.terms.length - 1];
    if (!firstTerm || !lastTerm) return undefined; // rosterPeople gives every person a term
    const first = monthKeyOf(firstTerm.start);
    if (month < first) return { month, gross: 0, cut: 0, unpaidMinutes: 0, unpaidHours: 0, deduction: 0, taken: 0, expected: 0, carried: 0, steps: [{ clause: 'Art 7.3', en: `${monthLabel(month)}: before the first term: nothing is due`, ja: `${monthLabel(month)}: 任期前のため支給なし` }] };
    if (!c || month >= c.from + c.rows.length) {
      const terms: PayTerm[] = person.terms.map((t) => ({ start: t.start, end: t.end, jetYear: t.jetYear }));
      const last = Math.max(month, monthKeyOf(lastTerm.end));
      c = { from: first, rows: monthPaySchedule(this.rs, payLedgerOf(this.rs, terms, this.byPerson.get(key) ?? []), first, last, { steps: withSteps }) };
      cache.set(key, c);
    }
    return c.rows[month - c.from];
  }
}

/** The steps behind a month's pay, one line each with its clause — as `--explain` shows them. */
export function payStepsText(p: MonthPay, lang: 'en' | 'ja'): string[] {
  return p.steps.map((s) => `${s.clause ? `${s.clause}: ` : ''}${lang === 'ja' ? s.ja : s.en}`);
}

/** Says which ledger rows of a person the pay left out: "ledger rows 9, 12 of this person have errors and were not counted". */
export function leftOutText(rows: readonly LeftOutRow[]): Msg | undefined {
  const [firstRow] = rows;
  if (!firstRow) return undefined;
  const oneSheet = rows.every((r) => r.sheet === firstRow.sheet);
  const en = rows.map((r) => (oneSheet ? `${r.row}` : `${r.sheet}!${r.row}`)).join(', ');
  const ja = rows.map((r) => (oneSheet ? `${r.row}行目` : `${r.sheet}の${r.row}行目`)).join('・');
  const where = oneSheet ? { en: ` (sheet ${firstRow.sheet})`, ja: `（シート「${firstRow.sheet}」）` } : { en: '', ja: '' };
  return M(
    `ledger row${rows.length > 1 ? 's' : ''} ${en}${where.en} of this person ${rows.length > 1 ? 'have' : 'has an'} error${rows.length > 1 ? 's' : ''} and ${rows.length > 1 ? 'were' : 'was'} not counted: correct ${rows.length > 1 ? 'them' : 'it'} and check again`,
    `この人の休暇簿${where.ja}の${ja}は誤りがあるため計算に入れていません。修正して再度点検してください`,
  );
}

export interface ExpectedPay {
  row: number;
  /** The month column's header, on a month-columns pay sheet. */
  column?: string;
  name: string;
  month: string;
  expected: number;
  paid?: number;
  steps: string[];
  steps_ja: string[];
}

export interface PaySheetResult extends SheetResult {
  expected: ExpectedPay[];
  /** The month-columns layout (4月 … 3月): its fiscal year and where it was read, for the status. */
  layout?: 'month-columns';
  status?: Msg;
}

/**
 * One person's month on a pay sheet: the expected pay and its steps, and a finding through `add`
 * when the amount paid differs, the month cannot be priced (D-11, D-12), or the person is unknown.
 */
export function judgeMonth(book: PayBook, name: string, monthKey: MonthKey, paid: number | undefined, add: (field: 'name' | 'paid', severity: Severity, rule: string, msg: Msg) => void): Omit<ExpectedPay, 'row'> | undefined {
  const refused = book.unknown(name, monthKey);
  if (refused) {
    // Nothing expected is reported, so nothing is written beside it.
    add('paid', 'warning', 'D-11, D-12', M(`${monthLabel(monthKey)} cannot be priced: ${refused.en}`, `${monthLabel(monthKey)} は計算できません: ${refused.ja}`));
    return undefined;
  }
  const quick = book.month(name, monthKey, false);
  // The steps only where a figure is reported or questioned.
  const p = quick && (paid === undefined || paid !== quick.expected) ? book.month(name, monthKey, true) : quick;
  if (!p) {
    add('name', 'error', 'input', M(`${name} is not on the roster`, `${name} は名簿にありません`));
    return undefined;
  }
  const steps = payStepsText(p, 'en');
  const stepsJa = payStepsText(p, 'ja');
  const left = leftOutText(book.leftOut(name, monthKey));
  if (left) {
    steps.push(left.en);
    stepsJa.push(left.ja);
  }
  if (paid !== undefined && paid !== p.expected) {
    add('paid', 'error', 'Art 7, 8, D-12, D-13', M(`paid ¥${grouped(paid)} differs from the expected ¥${grouped(p.expected)} for ${monthLabel(monthKey)}: ${steps.join('; ')}`, `支給額 ${grouped(paid)}円 は ${monthLabel(monthKey)} の計算額 ${grouped(p.expected)}円 と異なります: ${stepsJa.join('；')}`));
  }
  return { name, month: monthLabel(monthKey), expected: p.expected, ...definedOnly({ paid }), steps, steps_ja: stepsJa };
}
