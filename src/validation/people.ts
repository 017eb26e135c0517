// The roster's people for the ledger and the pay: each roster row one term, with its JET year and
// the service the roster cannot tell (D-11, D-12).

import {
  AltRuleset,
  CohortCode,
  Country,
  PersonTerm,
  RuleError,
  defaultAltRuleset,
  isoFromDay,
  Day,
  termsToJetYear,
  nameKey,
  termPlan,
  Term,
} from '../core';
import { Cell, CellSchema, Msg, RosterField, cohortSchema, countrySchema, dateSchema, intSchema, isEmptyCell, numberSchema, periodSchema, readCell, textSchema } from './fields';
import { sortRow, textsOf } from './header';
import type { ColumnMapping } from './store';
import type { SheetInput } from './validate';
import { headerOf } from './sheetFindings';
import { definedOnly } from './strict';


export interface RosterPerson {
  name: string;
  terms: (PersonTerm & { jetYear: number; whyUnknown?: Msg[] })[];
  /**
   * Service the roster cannot tell: before a re-appointed person's first known term, or between two
   * terms (Note 2.3 leaves no gap). Its days cannot be priced, and are never priced at 0 (D-11, D-12).
   */
  unknown: UnknownService[];
}

/** Days of service whose term (and so JET year) the roster does not give: from (or everything before) `to`. */
export interface UnknownService {
  from?: Day;
  to: Day;
  en: string;
  ja: string;
}

/** A roster row that gave no term, and why (for `altrules pay`, which must not leave people out silently). */
export interface RosterSkip {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  name?: string;
  en: string;
  ja: string;
}

/**
 * The people of the roster sheets, by nameKey: each roster row is one term (its start and end,
 * or else derived from the arrival as the roster check does), with its JET year and carried days.
 * Rows whose term cannot be known are left out; the roster check reports them.
 */
export function rosterPeople(sheets: readonly SheetInput[], rs: AltRuleset = defaultAltRuleset(), skipped?: RosterSkip[], mappings?: readonly ColumnMapping[]): Map<string, RosterPerson> {
  const people = new Map<string, RosterPerson>();
  // Earlier terms of a re-appointed person, worked out from a row of a later term; a term that a row gives explicitly wins.
  const earlier = new Map<RosterPerson, RosterPerson['terms']>();
  for (const sheet of sheets) {
    const rows = sheet.rows ?? [];
    const header = headerOf<RosterField>(sheet, 'roster', mappings);
    if (!header) continue;
    if (!(header.columns.has('name') && (header.columns.has('termStart') || header.period || header.columns.has('arrival')) && (header.columns.has('year') || header.columns.has('term')))) continue;
    const date = dateSchema(sheet.dateSystem ?? '1900');
    let why: Msg[] = [];
    const get = <T>(cells: Cell[], f: RosterField, schema: CellSchema<T>): T | undefined => {
      const col = header.columns.get(f);
      if (!col || isEmptyCell(cells[col.index])) return undefined;
      const got = readCell(schema, cells[col.index]);
      if (!got.ok) why.push({ en: `${col.text}: ${got.msg.en}`, ja: `${col.text}: ${got.msg.ja}` });
      return got.ok ? got.value : undefined;
    };
    const firstRowOfName = new Map<string, number>();
    const texts = textsOf(rows, header);
    // A single period column (任用期間 R6.8.7～R7.8.6) gives both ends.
    const startSchema = header.period && header.columns.get('termStart')?.index === header.period.index ? periodSchema(sheet.dateSystem ?? '1900', 'start') : date;
    const endSchema = header.period && header.columns.get('termEnd')?.index === header.period.index ? periodSchema(sheet.dateSystem ?? '1900', 'end') : date;
    for (const [i, cells] of rows.entries()) {
      if (i <= header.row || sortRow(cells, header, texts) !== 'person') continue;
      why = [];
      const sheetRow = (sheet.firstRow ?? 1) + i;
      const skip = (name: string | undefined, msg: Msg) => skipped?.push({ sheet: sheet.name, row: sheetRow, ...definedOnly({ name }), en: msg.en, ja: msg.ja });
      const name = get(cells, 'name', textSchema);
      if (!name) {
        skip(undefined, { en: 'no name', ja: '氏名がありません' });
        continue;
      }
      const termGiven = get(cells, 'term', intSchema(1, 99));
      let year = get(cells, 'year', intSchema(1, rs.term.maxYears));
      let start = get(cells, 'termStart', startSchema);
      let end = get(cells, 'termEnd', endSchema);
      const arrival = get(cells, 'arrival', date);
      let plan: Term[] | undefined;
      // With the arrival, the row's term or JET year gives the other and every earlier term
      // (Note 2, D-8, D-11): a roster that keeps only 年次 is not asked for 任用回数 too.
      if (arrival !== undefined && (termGiven !== undefined || year !== undefined)) {
        const input = {
          arrival,
          ...definedOnly({
            cohort: get<CohortCode>(cells, 'cohort', cohortSchema),
            country: get<Country>(cells, 'country', countrySchema)?.en,
            summer2Arrival: get(cells, 'summer2Arrival', date),
            april1Arrival: get(cells, 'april1Arrival', date),
          }),
        };
        try {
          plan = termGiven !== undefined ? termPlan(rs, input, termGiven) : year !== undefined ? termsToJetYear(rs, input, year, start) : undefined;
        } catch (e) {
          if (!(e instanceof RuleError)) throw e;
          why.push({ en: e.message, ja: e.messageJa });
        }
      }
      const planned = plan?.[plan.length - 1];
      const term = termGiven ?? planned?.number;
      if (planned) {
        start ??= planned.start;
        end ??= planned.end;
        year ??= planned.jetYear;
      }
      if (start === undefined || end === undefined || year === undefined || end < start) {
        const missing = end !== undefined && start !== undefined && end < start
          ? { en: 'the term ends before it starts', ja: '任期終了が任期開始より前です' }
          : { en: `no readable ${[start === undefined && 'term start', end === undefined && 'term end', year === undefined && 'JET year'].filter(Boolean).join(', ')} (give Term start, Term end and Year, or an Arrival to derive them)`, ja: `${[start === undefined && '任期開始', end === undefined && '任期終了', year === undefined && '来日年数'].filter(Boolean).join('・')}が読み取れません（任期開始・任期終了・来日年数、または来日日を入力してください）` };
        const reasons = [...why, missing];
        skip(name, { en: reasons.map((m) => m.en).join('; '), ja: reasons.map((m) => m.ja).join('；') });
        continue;
      }
      // Art 12.1, Note 2.3: JET year 2 or later is only reached by re-appointment.
      const reappointed = term !== undefined ? term > 1 : year > 1;
      const key = nameKey(name);
      let p = people.get(key);
      if (!p) people.set(key, (p = { name, terms: [], unknown: [] }));
      if (plan && planned && plan.length >= 2) {
        // Note 2.3: each later term starts the day after the previous one ends, so the roster's row
        // of term n also fixes terms 1…n−1 (term 1 from the arrival, Note 2.2), each at its own JET
        // year (D-11, shifted with the row's Year); Art 12.1: only term 1 is a first appointment.
        const shift = year - planned.jetYear;
        const before: RosterPerson['terms'] = [];
        for (const t of plan.slice(0, -1)) {
          const tEnd = Math.min(t.end, start - 1);
          const jetYear = t.jetYear + shift;
          if (tEnd < t.start || jetYear < 1 || jetYear > rs.term.maxYears) continue;
          before.push({ start: t.start, end: tEnd, jetYear, reappointed: t.number > 1, carriedDays: 0 });
        }
        // The term just before ends the day before this row's start, whatever the plan says.
        const last = before[before.length - 1];
        if (last && last.end < start - 1) last.end = start - 1;
        earlier.set(p, [...(earlier.get(p) ?? []), ...before]);
      }
      if (p.terms.some((t) => t.start === start)) {
        // The roster check reports the duplicate; the pay counts the term once.
        skip(name, { en: `the same term as row ${firstRowOfName.get(`${key}|${start}`) ?? '?'} (counted once)`, ja: `${firstRowOfName.get(`${key}|${start}`) ?? '?'}行目と同じ任期です（1回だけ計算）` });
        continue;
      }
      firstRowOfName.set(`${key}|${start}`, sheetRow);
      p.terms.push({ start, end, jetYear: year, reappointed, ...(reappointed && !plan ? { whyUnknown: why } : {}), carriedDays: Math.min(get(cells, 'carriedLeave', numberSchema(0, 1000)) ?? 0, rs.annualLeave.maxCarryDays) });
      p.terms.sort((a, b) => a.start - b.start);
    }
  }
  for (const [p, list] of earlier) {
    for (const t of list) {
      if (p.terms.some((x) => x.start <= t.end && t.start <= x.end)) continue; // a row of its own, or already added
      p.terms.push(t);
    }
    p.terms.sort((a, b) => a.start - b.start);
  }
  for (const p of people.values()) p.unknown = unknownService(p);
  return people;
}

/** D-11, D-12: the stretches before or between a person's known terms that a re-appointment says were served. */
function unknownService(p: RosterPerson): UnknownService[] {
  const out: UnknownService[] = [];
  p.terms.forEach((t, i) => {
    const before = p.terms[i - 1];
    if (!t.reappointed || (before && before.end + 1 >= t.start)) return;
    const from = before ? before.end + 1 : undefined;
    const why = t.whyUnknown?.length ? { en: ` (${t.whyUnknown.map((m) => m.en).join('; ')})`, ja: `（${t.whyUnknown.map((m) => m.ja).join('；')}）` } : { en: '', ja: '' };
    const span = from === undefined ? { en: `before ${isoFromDay(t.start)}`, ja: `${isoFromDay(t.start)}より前` } : { en: `from ${isoFromDay(from)} to ${isoFromDay(t.start - 1)}`, ja: `${isoFromDay(from)}〜${isoFromDay(t.start - 1)}` };
    out.push({
      ...definedOnly({ from }),
      to: t.start - 1,
      en: `${p.name}'s term from ${isoFromDay(t.start)} is a re-appointment (JET year ${t.jetYear}), but the roster does not give the earlier term ${span.en}${why.en}: its days cannot be priced (D-11, D-12); give the arrival date, or a roster row for that term`,
      ja: `${p.name} の ${isoFromDay(t.start)} からの任期は再任用（来日${t.jetYear}年目）ですが、${span.ja}の前の任期が名簿から分かりません${why.ja}。その日の報酬は計算できません（D-11・D-12）。来日日を入力するか、前の任期の行を加えてください`,
    });
  });
  return out;
}
