// The leave ledger 休暇簿 — docs/rules.md §12 (Art 8, 12, 13, 14, 14-2, 14-3, 26, 28, 30; D-4–D-6, D-12, D-13).
// Entries in, findings per entry out; and what the entries mean for pay (a PayLedger).

import { holidayName, isWeeklyRestDay, isWorkday, workingDaysBetween } from '../calendar';
import { Day, isoFromDay, ymdFromDay } from '../days';
import { HOURS_OF_AN_ENTRY, readHours } from '../read';
import type { AltRuleset, SpecialLeaveKind } from '../rulesets/schema';
import { nameKey } from '../text';
import { secondGrantDay } from './annualLeave';
import { MonthKey, PayLedger, PayTerm, RatedDay, monthKeyOf } from './monthPay';
import { isPartialLeaveUnit, partialLeaveCapMinutes } from './partialLeave';
import { cappedByDailyHours } from './specialLeave';
import { SuspensionCause, parseSuspensionCause, suspensionPayPercent } from './suspension';

export type LedgerKind =
  | { kind: 'annual' }
  | { kind: 'sick' }
  | { kind: 'special'; item: number }
  | { kind: 'partial' }
  | { kind: 'childcare' }
  | { kind: 'absence' }
  | { kind: 'suspension'; cause: SuspensionCause }
  | { kind: 'paycut' };

const SIMPLE: Record<string, LedgerKind['kind']> = {
  annual: 'annual', annualleave: 'annual', 年休: 'annual', 年次休暇: 'annual', 年次有給休暇: 'annual', 有給休暇: 'annual',
  sick: 'sick', sickleave: 'sick', 病休: 'sick', 病気休暇: 'sick',
  partial: 'partial', partialleave: 'partial', 部分休業: 'partial',
  childcare: 'childcare', childcareleave: 'childcare', 育児休業: 'childcare', 育休: 'childcare',
  absence: 'absence', absent: 'absence', 欠勤: 'absence',
  paycut: 'paycut', 減給: 'paycut',
};

/** README "The leave ledger" kinds, either language, any width: `annual` 年休, `special 5` 特休5, `suspension illness` 休職（病気）… */
export function parseLedgerKind(text: string): LedgerKind | undefined {
  const key = text.normalize('NFKC').toLowerCase().replace(/[\s()（）「」[\]_\-・:：]/g, '');
  const simple = SIMPLE[key];
  if (simple) return { kind: simple } as LedgerKind;
  const special = /^(?:special|specialleave|特休|特別休暇)(?:no\.?|item|第)?(\d{1,2})号?$/.exec(key);
  if (special) return { kind: 'special', item: Number(special[1]) };
  const susp = /^(?:suspension|休職)(.+)$/.exec(key);
  if (susp) {
    try {
      return { kind: 'suspension', cause: parseSuspensionCause(susp[1]) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function ledgerKindName(k: LedgerKind): { en: string; ja: string } {
  switch (k.kind) {
    case 'annual': return { en: 'annual leave', ja: '年休' };
    case 'sick': return { en: 'sick leave', ja: '病気休暇' };
    case 'special': return { en: `special leave item ${k.item}`, ja: `特別休暇第${k.item}号` };
    case 'partial': return { en: 'partial leave', ja: '部分休業' };
    case 'childcare': return { en: 'childcare leave', ja: '育児休業' };
    case 'absence': return { en: 'absence', ja: '欠勤' };
    case 'suspension': return { en: `suspension (${k.cause})`, ja: `休職（${{ 'work-related': '公務', illness: '病気', indictment: '起訴' }[k.cause]}）` };
    case 'paycut': return { en: 'pay cut', ja: '減給' };
  }
}

/** An hourly entry's time (README "The leave ledger") in whole minutes, read by the one hours reader; undefined when not a time of one day. */
export function minutesOfHours(v: number | string): number | undefined {
  const r = readHours(v, HOURS_OF_AN_ENTRY);
  return r.ok ? r.value : undefined;
}

export interface LedgerEntry {
  /** The caller's position of the entry (its sheet row), named in messages about other entries. */
  row: number;
  /** The person's name as written; matched by nameKey. */
  name: string;
  from: Day;
  /** Last day; the same as `from` for a one-day entry. */
  to: Day;
  kind: LedgerKind;
  /** Hourly entries: minutes (on the one day `from`). */
  minutes?: number;
  note?: string;
}

/** One term of a person, from the roster. */
export interface PersonTerm {
  start: Day;
  end: Day;
  /** JET year of the term (D-11); needed for pay only. */
  jetYear?: number;
  /** Art 12.1: a re-appointment receives all 20 days at once. */
  reappointed: boolean;
  /** Art 12.2: days carried into the term. */
  carriedDays: number;
}

export type LedgerField = 'name' | 'from' | 'to' | 'kind' | 'hours' | 'note' | '';

export interface LedgerFinding {
  row: number;
  field: LedgerField;
  severity: 'error' | 'warning';
  rule: string;
  en: string;
  ja: string;
}

const hm = (min: number): string => (min % 60 === 0 ? `${min / 60} h` : `${Math.floor(min / 60)} h ${min % 60} min`);
const hmJa = (min: number): string => (min % 60 === 0 ? `${min / 60}時間` : `${Math.floor(min / 60)}時間${min % 60}分`);
const days = (n: number): string => `${+n.toFixed(4)}`;
const CERTIFICATE_NOTE = /診断書|証明|certificate|cert\b|doctor/i;
/** Words that say the certificate is not (yet) there: 診断書未提出, "no certificate yet", 診断書なし. */
const NOT_GIVEN = /未|な[しい]|無し|無|予定|後日|待ち|\b(?:no|not|none|without|pending|yet|missing|awaiting|to follow|tbc|tbd)\b|n't/i;

/** Art 30.3: whether a ledger note records a doctor's certificate (a negated mention does not). */
export function notesCertificate(note: string | undefined): boolean {
  if (!note) return false;
  const t = note.normalize('NFKC');
  return CERTIFICATE_NOTE.test(t) && !NOT_GIVEN.test(t);
}

/** Why no work is required on a day: a weekly rest day or the holiday's name. */
function noWorkReason(day: Day): { en: string; ja: string } {
  if (isWeeklyRestDay(day)) return { en: 'a weekly rest day', ja: '週休日' };
  const name = holidayName(day, 'ja');
  const en = holidayName(day, 'en');
  // The Cabinet Office lists 振替休日 and 国民の休日 by the law's word 休日 alone: say which it is.
  const ja = name === '休日' ? ({ 'Substitute Holiday': '振替休日', "Citizens' Holiday": '国民の休日' }[en] ?? name) : name;
  return { en: `a holiday (${en || name})`, ja: `休日（${ja}）` };
}

function termOf(terms: readonly PersonTerm[] | undefined, day: Day): PersonTerm | undefined {
  if (!terms) return undefined;
  for (const t of terms) if (day >= t.start && day <= t.end) return t;
  return undefined;
}

/** Special-leave items checked against a window the article gives (Art 14.1.21: July–September). */
const SUMMER_LEAVE = { item: 21, fromMonth: 7, toMonth: 9 };

/** The minutes an entry takes from the working time: hourly → its minutes; days → working days × the day's hours. */
export function entryMinutes(rs: AltRuleset, e: LedgerEntry): number {
  if (e.minutes !== undefined) return e.minutes;
  return workingDaysBetween(e.from, e.to) * Math.round(rs.workingTime.dailyHours * 60);
}

function isDayCountedKind(items: ReadonlyMap<number, SpecialLeaveKind>, e: LedgerEntry): boolean {
  const k = e.kind;
  if (k.kind === 'annual' || k.kind === 'partial' || k.kind === 'absence') return true;
  if (k.kind === 'special') {
    const s = items.get(k.item);
    return !!s && s.unit !== 'consecutive-days' && s.unit !== 'weeks';
  }
  return false;
}

/** The catalogue by item number, made once per ruleset. */
const ITEMS = new WeakMap<AltRuleset, Map<number, SpecialLeaveKind>>();
function itemsOf(rs: AltRuleset): Map<number, SpecialLeaveKind> {
  let m = ITEMS.get(rs);
  if (!m) ITEMS.set(rs, (m = new Map(rs.specialLeave.map((s) => [s.item, s]))));
  return m;
}

/**
 * Checks a ledger. `people` maps nameKey → the person's terms from the roster; without a roster
 * (undefined) the checks that need one are skipped. Findings are in entry order.
 */
export function checkLedger(rs: AltRuleset, entries: readonly LedgerEntry[], people?: ReadonlyMap<string, readonly PersonTerm[]>): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  const add = (e: LedgerEntry, field: LedgerField, severity: 'error' | 'warning', rule: string, en: string, ja: string) => out.push({ row: e.row, field, severity, rule, en, ja });
  const byPerson = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    const key = nameKey(e.name);
    let list = byPerson.get(key);
    if (!list) byPerson.set(key, (list = []));
    list.push(e);
  }
  const dailyMin = Math.round(rs.workingTime.dailyHours * 60);
  const items = itemsOf(rs);
  for (const [key, list] of byPerson) {
    list.sort((a, b) => a.from - b.from || a.row - b.row);
    const terms = people?.get(key);
    const valid: LedgerEntry[] = [];
    for (const e of list) {
      if (e.to < e.from) {
        add(e, 'to', 'error', 'input', `ends ${isoFromDay(e.to)}, before it starts ${isoFromDay(e.from)}`, `終了日 ${isoFromDay(e.to)} が開始日 ${isoFromDay(e.from)} より前です`);
        continue;
      }
      if (e.minutes !== undefined && e.to !== e.from) {
        add(e, 'hours', 'error', 'input', `an hourly entry covers one day; this one runs ${isoFromDay(e.from)} to ${isoFromDay(e.to)}: for whole days leave Hours empty, or write one row per day with its hours`, `時間単位の記録は1日分です（${isoFromDay(e.from)}〜${isoFromDay(e.to)} になっています）。全日の休暇は時間欄を空欄にするか、1日ごとに1行で時間を記入してください`);
        continue;
      }
      if (e.minutes !== undefined && (e.minutes <= 0 || e.minutes > dailyMin) && e.kind.kind !== 'paycut') {
        add(e, 'hours', 'error', 'Art 10.2', `${hm(e.minutes)} is not a part of the ${hm(dailyMin)} working day`, `${hmJa(e.minutes)} は1日の勤務時間${hmJa(dailyMin)}の範囲外です`);
        continue;
      }
      if (e.kind.kind === 'annual' && e.minutes !== undefined && e.minutes % 60 !== 0) {
        add(e, 'hours', 'error', 'Art 12.1', `annual leave is taken by the day or by the hour; ${hm(e.minutes)} is not whole hours`, `年休は1日又は1時間単位です（${hmJa(e.minutes)}は時間単位ではありません）`);
        continue;
      }
      if (e.kind.kind === 'partial' && e.minutes === undefined) {
        add(e, 'hours', 'error', 'Art 14-3.2', 'partial leave needs its hours (30-minute units)', '部分休業は時間（30分単位）を記入してください');
        continue;
      }
      if (e.kind.kind === 'special' && !items.has(e.kind.item)) {
        add(e, 'kind', 'error', 'Art 14.1', `special leave item ${e.kind.item} does not exist; Art 14.1 has items 1–${rs.specialLeave.length}`, `特別休暇第${e.kind.item}号はありません（第14条第1項は第1〜${rs.specialLeave.length}号）`);
        continue;
      }
      if (people && !terms) {
        add(e, 'name', 'error', 'input', `${e.name} is not on the roster`, `${e.name} は名簿にありません`);
      } else if (terms) {
        // Art 5.1: leave belongs to a term; an entry must lie inside one.
        const t = termOf(terms, e.from);
        if (!t || e.to > t.end) {
          const name = ledgerKindName(e.kind);
          const shown = terms.map((x) => `${isoFromDay(x.start)}–${isoFromDay(x.end)}`).join(', ');
          add(e, t ? 'to' : 'from', 'error', 'Art 5.1', `${name.en} ${isoFromDay(e.from)}${e.to !== e.from ? `–${isoFromDay(e.to)}` : ''} lies outside ${e.name}'s term (${shown})`, `${name.ja} ${isoFromDay(e.from)}${e.to !== e.from ? `〜${isoFromDay(e.to)}` : ''} は${e.name}の任期（${shown}）の外です`);
          continue;
        }
      }
      if (e.kind.kind !== 'paycut' && isDayCountedKind(items, e) && workingDaysBetween(e.from, e.to) === 0) {
        const name = ledgerKindName(e.kind);
        const why = noWorkReason(e.from);
        add(e, 'from', 'error', 'Art 10.2, 11', `${name.en} on ${isoFromDay(e.from)}${e.to !== e.from ? `–${isoFromDay(e.to)}` : ''}: no work is required (${why.en})`, `${name.ja} ${isoFromDay(e.from)}${e.to !== e.from ? `〜${isoFromDay(e.to)}` : ''}: 勤務を要しない日です（${why.ja}）`);
        continue;
      }
      valid.push(e);
    }
    checkOverlaps(valid, dailyMin, add);
    if (terms) checkAnnual(rs, valid, terms, add);
    checkSick(rs, valid, add);
    checkSpecial(rs, items, valid, terms, add);
    checkPartial(rs, valid, add);
  }
  out.sort((a, b) => a.row - b.row);
  return out;
}

type Add = (e: LedgerEntry, field: LedgerField, severity: 'error' | 'warning', rule: string, en: string, ja: string) => void;

/**
 * No article forbids two entries on one day; a day simply cannot be two kinds of leave (docs/rules.md
 * §12), so a clash is an input fault, tagged 'input' like the other faults of the ledger itself.
 */
const OVERLAP_RULE = 'input';

/** Two entries may not cover the same day; hourly entries may share one up to the day's hours (docs/rules.md §12). */
function checkOverlaps(list: LedgerEntry[], dailyMin: number, add: Add): void {
  const full = new Map<Day, LedgerEntry>();
  const hourly = new Map<Day, { minutes: number; first: LedgerEntry }>();
  // In sheet order: the entry written later is the one that clashes.
  for (const e of [...list].sort((a, b) => a.row - b.row)) {
    if (e.kind.kind === 'paycut') continue;
    if (e.minutes !== undefined) {
      const other = full.get(e.from);
      if (other) {
        add(e, 'from', 'error', OVERLAP_RULE, `${ledgerKindName(e.kind).en} on ${isoFromDay(e.from)} overlaps the ${ledgerKindName(other.kind).en} of row ${other.row}`, `${isoFromDay(e.from)} の${ledgerKindName(e.kind).ja}は${other.row}行目の${ledgerKindName(other.kind).ja}と重なっています`);
        continue;
      }
      const h = hourly.get(e.from);
      const total = (h?.minutes ?? 0) + e.minutes;
      if (total > dailyMin) {
        add(e, 'hours', 'error', 'Art 10.2', `hourly entries on ${isoFromDay(e.from)} add up to ${hm(total)} with this one, more than the ${hm(dailyMin)} working day`, `${isoFromDay(e.from)} の時間単位の記録がこの行で合計${hmJa(total)}となり、1日の勤務時間${hmJa(dailyMin)}を超えます`);
        continue;
      }
      hourly.set(e.from, { minutes: total, first: h?.first ?? e });
      continue;
    }
    let clash: { day: Day; other: LedgerEntry } | undefined;
    for (let d = e.from; d <= e.to && !clash; d++) {
      const other = full.get(d) ?? hourly.get(d)?.first;
      if (other) clash = { day: d, other };
    }
    if (clash) {
      const n = ledgerKindName(e.kind);
      add(e, 'from', 'error', OVERLAP_RULE, `${n.en} ${isoFromDay(e.from)}${e.to !== e.from ? `–${isoFromDay(e.to)}` : ''} overlaps the ${ledgerKindName(clash.other.kind).en} of row ${clash.other.row} on ${isoFromDay(clash.day)}`, `${n.ja} ${isoFromDay(e.from)}${e.to !== e.from ? `〜${isoFromDay(e.to)}` : ''} は${clash.other.row}行目の${ledgerKindName(clash.other.kind).ja}と ${isoFromDay(clash.day)} に重なっています`);
      continue;
    }
    for (let d = e.from; d <= e.to; d++) full.set(d, e);
  }
}

/** The annual-leave state of a term on a day (Art 12.1, D-4, D-5). */
export function annualAvailableDays(rs: AltRuleset, term: PersonTerm, day: Day): { granted: number; secondFrom?: Day } {
  const al = rs.annualLeave;
  if (term.reappointed) return { granted: al.daysPerTerm };
  const second = secondGrantDay(rs, term.start);
  return day >= second ? { granted: al.daysPerTerm } : { granted: al.firstGrantDays, secondFrom: second };
}

export interface AnnualBalanceRow {
  entry: LedgerEntry;
  /** Minutes the entry takes; 0 when refused. */
  minutes: number;
  /** Days left after the entry: carried ones and the term's own (D-5), each hours ÷ 7. */
  carriedLeft: number;
  ownLeft: number;
  /** Why the entry was refused, if it was. */
  problem?: { rule: string; en: string; ja: string };
}

/**
 * Annual leave entry by entry (Art 12.1): the balance on each entry's date — the first 10 days,
 * the second 10 from the D-4 day, all 20 on re-appointment, plus carried days taken first (D-5).
 * The entry that takes more than is available on its date is refused and not counted.
 */
export function annualLeaveBalance(rs: AltRuleset, term: PersonTerm, entries: readonly LedgerEntry[]): AnnualBalanceRow[] {
  const hpdMin = rs.annualLeave.hoursPerDay * 60;
  let usedCarried = 0;
  let usedOwn = 0;
  const carriedMin = term.carriedDays * hpdMin;
  const rows: AnnualBalanceRow[] = [];
  const second = term.reappointed ? undefined : secondGrantDay(rs, term.start);
  for (const e of entries) {
    const m = entryMinutes(rs, e);
    // Art 12.1, D-4 (as annualAvailableDays, with the second grant's day worked out once).
    const later = second !== undefined && e.from < second;
    const granted = later ? rs.annualLeave.firstGrantDays : rs.annualLeave.daysPerTerm;
    const secondFrom = later ? second : undefined;
    const ownAvailable = granted * hpdMin;
    const availableLeft = carriedMin - usedCarried + ownAvailable - usedOwn;
    if (m > availableLeft) {
      const later = secondFrom !== undefined ? { en: `; the other ${rs.annualLeave.daysPerTerm - granted} days only from ${isoFromDay(secondFrom)} (D-4)`, ja: `。残り${rs.annualLeave.daysPerTerm - granted}日は ${isoFromDay(secondFrom)} から（D-4）` } : { en: '', ja: '' };
      rows.push({
        entry: e,
        minutes: 0,
        carriedLeft: (carriedMin - usedCarried) / hpdMin,
        ownLeft: (ownAvailable - usedOwn) / hpdMin,
        problem: {
          rule: secondFrom !== undefined ? 'Art 12.1, D-4' : 'Art 12.1, 12.2',
          en: `annual leave of ${hm(m)} on ${isoFromDay(e.from)} overdraws the balance: ${hm(Math.max(0, availableLeft))} (${days(Math.max(0, availableLeft) / hpdMin)} days) left of ${granted} granted + ${term.carriedDays} carried days${later.en}`,
          ja: `${isoFromDay(e.from)} の年休${hmJa(m)}は残高を超えています: 残り${hmJa(Math.max(0, availableLeft))}（${days(Math.max(0, availableLeft) / hpdMin)}日）／付与${granted}日＋繰越${term.carriedDays}日${later.ja}`,
        },
      });
      continue;
    }
    // D-5: carried days first, then the term's own grant.
    const fromCarried = rs.annualLeave.takeCarriedFirst ? Math.min(m, carriedMin - usedCarried) : Math.max(0, m - (ownAvailable - usedOwn));
    usedCarried += fromCarried;
    usedOwn += m - fromCarried;
    rows.push({ entry: e, minutes: m, carriedLeft: (carriedMin - usedCarried) / hpdMin, ownLeft: (rs.annualLeave.daysPerTerm * hpdMin - usedOwn) / hpdMin });
  }
  return rows;
}

function checkAnnual(rs: AltRuleset, list: LedgerEntry[], terms: readonly PersonTerm[], add: Add): void {
  for (const [i, t] of terms.entries()) {
    const inTerm = list.filter((e) => e.kind.kind === 'annual' && e.from >= t.start && e.from <= t.end);
    const rows = annualLeaveBalance(rs, t, inTerm);
    for (const r of rows) if (r.problem) add(r.entry, r.entry.minutes !== undefined ? 'hours' : 'from', 'error', r.problem.rule, r.problem.en, r.problem.ja);
    // Art 12.2, D-5: what carries into the next term is at most what is left of this term's own grant.
    // The ledger may miss entries, which only makes that larger: a carry above it is certainly wrong.
    const next = terms[i + 1];
    const last = rows.filter((r) => !r.problem).pop();
    if (!next || !next.reappointed || next.start !== t.end + 1 || !last) continue;
    const canCarry = Math.min(last.ownLeft, rs.annualLeave.maxCarryDays);
    if (next.carriedDays > canCarry + 1e-9) {
      const e = last.entry;
      add(e, e.minutes !== undefined ? 'hours' : 'from', 'warning', 'Art 12.2, D-5', `the roster carries ${days(next.carriedDays)} days into the term from ${isoFromDay(next.start)}, but after this entry only ${days(last.ownLeft)} days of the term's own grant are left to carry (carried days do not carry again)`, `名簿では ${isoFromDay(next.start)} からの任期に${days(next.carriedDays)}日を繰り越していますが、この記録の後に残る当該任期の付与日数は${days(last.ownLeft)}日です（繰越分は再度繰り越せません）`);
    }
  }
}

/** Chains of sick leave and illness suspension, joined when fewer than 7 days apart (Art 13.2, D-6). */
export function sickChains(rs: AltRuleset, list: readonly LedgerEntry[]): LedgerEntry[][] {
  const chains: LedgerEntry[][] = [];
  let lastEnd = -Infinity;
  for (const e of list) {
    if (!(e.kind.kind === 'sick' || (e.kind.kind === 'suspension' && e.kind.cause === 'illness'))) continue;
    if (chains.length > 0 && e.from - lastEnd - 1 < rs.sickLeave.joinIfGapLessThanDays) chains[chains.length - 1].push(e);
    else chains.push([e]);
    lastEnd = Math.max(lastEnd, e.to);
  }
  return chains;
}

function checkSick(rs: AltRuleset, list: LedgerEntry[], add: Add): void {
  const sl = rs.sickLeave;
  for (const chain of sickChains(rs, list)) {
    let counted = 0;
    for (const e of chain) {
      if (e.kind.kind !== 'sick') continue;
      // D-6: the chain counts the calendar days of its sick-leave periods.
      const before = counted;
      counted += e.to - e.from + 1;
      if (counted > sl.maxDays) {
        const dayOver = Math.max(before + 1, sl.maxDays + 1);
        const firstOver = e.from + (dayOver - before - 1);
        add(e, 'to', 'error', 'Art 13.2, 26.2.1', `sick leave from ${isoFromDay(chain[0].from)} reaches ${counted} days with this entry, more than the ${sl.maxDays} allowed (Art 13.2, D-6); from day ${sl.maxDays + 1} (${isoFromDay(firstOver)}) the ALT can only be on suspension 休職 (Art 26.2.1)`, `${isoFromDay(chain[0].from)} からの病気休暇がこの記録で${counted}日となり、上限${sl.maxDays}日を超えます（第13条第2項・D-6）。${sl.maxDays + 1}日目（${isoFromDay(firstOver)}）からは休職（第26条第2項第1号）によります`);
      }
    }
  }
  // Art 30.3: runs of consecutive sick days longer than 3 need a certificate; a note clears it.
  const sick = list.filter((e) => e.kind.kind === 'sick');
  let run: LedgerEntry[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const length = run[run.length - 1].to - run[0].from + 1;
    if (length > sl.certificateAfterDays && !run.some((e) => notesCertificate(e.note))) {
      const at = run.find((e) => e.to - run[0].from + 1 > sl.certificateAfterDays) ?? run[run.length - 1];
      add(at, 'note', 'warning', 'Art 30.3', `${length} consecutive days of sick leave from ${isoFromDay(run[0].from)}: a doctor's certificate is needed for more than ${sl.certificateAfterDays} (note it in the Note column)`, `${isoFromDay(run[0].from)} から連続${length}日の病気休暇: ${sl.certificateAfterDays}日を超える場合は医師の診断書が必要です（備考欄に記入してください）`);
    }
    run = [];
  };
  for (const e of sick) {
    if (run.length > 0 && e.from > run[run.length - 1].to + 1) flush();
    run.push(e);
  }
  flush();
}

/** A note naming "two or more" (children, persons cared for): 子2人, 複数, 2 children, twins… */
const TWO_OR_MORE_NOTE = /複数|[2-9二三四五]\s*人|two|three|twins|\b[2-9]\b|children|persons|people/i;

function variantLimit(k: SpecialLeaveKind, note: string | undefined): { limit: number | null; variant?: string } {
  if (note) {
    const key = nameKey(note);
    // A note names a variant by its key, its name, or one of the name's parts (祖父母, grandparent, IVF…).
    const parts = (x: SpecialLeaveKind['variants'][number]) => [x.key, x.en, x.ja, ...`${x.key} ${x.en} ${x.ja}`.split(/[・、,/\s-]+/)].map(nameKey).filter((t) => t.length >= 2 && !['or', 'and', 'two', 'more'].includes(t));
    const v = k.variants.find((x) => parts(x).some((t) => key.includes(t)) || (x.key === 'two-or-more' && TWO_OR_MORE_NOTE.test(note.normalize('NFKC'))));
    if (v) return { limit: v.limit, variant: v.en };
  }
  return { limit: k.limit };
}

/** What a Note must say for a larger limit (Art 14.1.5, 11, 14: 10 instead of 5), for an over-limit message. */
function variantHint(k: SpecialLeaveKind, variant: string | undefined): { en: string; ja: string } {
  if (variant || k.variants.length === 0) return { en: '', ja: '' };
  const en = k.variants.map((v) => `${v.limit} for ${v.en}`).join(', ');
  const ja = k.variants.map((v) => `${v.ja}の場合は${v.limit}日`).join('、');
  const v = k.variants[0];
  const example = v.key === 'ivf' ? { en: '"体外受精" or "IVF"', ja: '「体外受精」「IVF」' } : { en: `"${v.ja}" or "${v.en}"`, ja: `「${v.ja}」「${v.en}」` };
  return { en: ` (${en} instead of ${k.limit}: say so in the Note, e.g. ${example.en})`, ja: `（${ja}: 備考欄に${example.ja}などと記入してください）` };
}

/** The period a days-limit is counted in: per summer (item 21), per term, or as the ruleset says for item 11. */
function countingPeriod(rs: AltRuleset, item: number, day: Day, term: PersonTerm | undefined): { key: number; en: string; ja: string } {
  const { y } = ymdFromDay(day);
  if (item === SUMMER_LEAVE.item) return { key: y, en: 'in one summer', ja: '夏季' }; // Art 14.1.21: 一の年の7月から9月
  if (item === SICK_CHILD_ITEM && rs.specialLeaveCount.sickChildPeriod === 'calendar-year') return { key: y, en: `in ${y}`, ja: `${y}年中` };
  return { key: term ? term.start : 0, en: 'in the term', ja: '任期中' };
}

/** Art 14.1.11, sick child: the 要綱 names no period (specialLeaveCount.sickChildPeriod). */
const SICK_CHILD_ITEM = 11;
/** Art 14.1.8: 2 days within the window around one birth — the ledger has no birth date, so a term's entries count as one birth. */
const SPOUSE_BIRTH_ITEM = 8;

function checkSpecial(rs: AltRuleset, items: ReadonlyMap<number, SpecialLeaveKind>, list: LedgerEntry[], terms: readonly PersonTerm[] | undefined, add: Add): void {
  const dailyMin = Math.round(rs.workingTime.dailyHours * 60);
  const totals = new Map<number, number>(); // item, period → minutes
  const perDay = new Map<number, number>(); // item, day → minutes
  for (const e of list) {
    if (e.kind.kind !== 'special') continue;
    const item = e.kind.item;
    const k = items.get(item)!;
    const { limit, variant } = k.variants.length ? variantLimit(k, e.note) : { limit: k.limit, variant: undefined };
    const label = `${k.en}${variant ? `, ${variant}` : ''} (Art 14.1.${item})`;
    const labelJa = `${k.ja}（第14条第1項第${item}号）`;
    const f = item === SUMMER_LEAVE.item ? ymdFromDay(e.from) : undefined;
    if (f) {
      const t = ymdFromDay(e.to);
      if (f.m < SUMMER_LEAVE.fromMonth || t.m > SUMMER_LEAVE.toMonth || f.y !== t.y) {
        add(e, 'from', 'error', k.clause, `${label} is taken within July–September; ${isoFromDay(e.from)} is outside`, `${labelJa}は7月〜9月の期間内に取得します（${isoFromDay(e.from)} は期間外）`);
        continue;
      }
    }
    if (limit === null) continue; // 必要と認められる期間
    const calendarDays = e.to - e.from + 1;
    const hint = variantHint(k, variant);
    switch (k.unit) {
      case 'consecutive-days':
      case 'weeks': {
        const max = k.unit === 'weeks' ? limit * 7 : limit;
        if (calendarDays > max) add(e, 'to', 'error', k.clause, `${label}: ${calendarDays} consecutive days, more than ${k.unit === 'weeks' ? `${limit} weeks (${max} days)` : `${max} days`} per event`, `${labelJa}: 連続${calendarDays}日で、1回の上限${k.unit === 'weeks' ? `${limit}週（${max}日）` : `${max}日`}を超えています`);
        break;
      }
      case 'days':
      case 'days-per-term': {
        // Days in hours ÷ the day's hours, added up over the item's period.
        const period = countingPeriod(rs, item, e.from, termOf(terms, e.from));
        const key = item * 1e7 + period.key;
        const before = totals.get(key) ?? 0;
        const m = entryMinutes(rs, e);
        if (before + m > limit * dailyMin) {
          const n = days((before + m) / dailyMin);
          const field = e.minutes !== undefined ? 'hours' : 'to';
          if (k.limitInPrinciple) {
            // 「原則として4日」: more is possible when the board decides so; the days still count.
            add(e, field, 'warning', k.clause, `${label}: ${n} days with this entry ${period.en}; the rule gives ${limit} days in principle (原則として), so more needs the board's decision`, `${labelJa}: この記録で${period.ja}${n}日となります。原則として${limit}日のため、超える分は教育委員会の判断によります`);
            totals.set(key, before + m);
            break;
          }
          if (item === SPOUSE_BIRTH_ITEM) {
            add(e, field, 'error', k.clause, `${label}: ${n} days with this entry, more than the ${limit} allowed for one birth (between the hospitalisation and 2 weeks after the birth; the ledger's entries in one term are taken as one birth)`, `${labelJa}: この記録で${n}日となり、1回の出産につき${limit}日（入院等の日から出産の日後2週間まで）を超えます（同じ任期の記録は1回の出産とみなしています）`);
            continue;
          }
          add(e, field, 'error', k.clause, `${label}: ${n} days with this entry, more than the ${limit} allowed ${period.en}${hint.en}`, `${labelJa}: この記録で${n}日となり、${period.ja}の上限${limit}日を超えます${hint.ja}`);
          continue;
        }
        totals.set(key, before + m);
        break;
      }
      case 'minutes-per-day':
      case 'hours-per-day': {
        const cap = k.unit === 'minutes-per-day' ? Math.round(limit) : Math.round(cappedByDailyHours(rs, k, limit) * 60);
        const key = item * 1e7 + e.from;
        const m = e.minutes ?? dailyMin;
        const total = (perDay.get(key) ?? 0) + m;
        if (total > cap || e.to !== e.from) {
          add(e, 'hours', 'error', item === 16 ? `${k.clause}, Art 14-3.1` : k.clause, `${label}: ${hm(total)} on ${isoFromDay(e.from)}, more than ${hm(cap)} a day`, `${labelJa}: ${isoFromDay(e.from)} に${hmJa(total)}で、1日の上限${hmJa(cap)}を超えています`);
          continue;
        }
        perDay.set(key, total);
        break;
      }
      case 'as-needed':
        break;
    }
  }
}

function checkPartial(rs: AltRuleset, list: LedgerEntry[], add: Add): void {
  const nursingOrCare = new Map<Day, number>();
  for (const e of list) if (e.kind.kind === 'special' && (e.kind.item === 10 || e.kind.item === 16) && e.minutes !== undefined) nursingOrCare.set(e.from, (nursingOrCare.get(e.from) ?? 0) + e.minutes);
  const taken = new Map<Day, number>();
  for (const e of list) {
    if (e.kind.kind !== 'partial' || e.minutes === undefined) continue;
    if (!isPartialLeaveUnit(rs, e.minutes)) {
      add(e, 'hours', 'error', 'Art 14-3.2', `partial leave of ${hm(e.minutes)} on ${isoFromDay(e.from)} is not in units of ${rs.partialLeave.unitMinutes} minutes`, `${isoFromDay(e.from)} の部分休業${hmJa(e.minutes)}は${rs.partialLeave.unitMinutes}分単位ではありません`);
      continue;
    }
    const other = nursingOrCare.get(e.from) ?? 0;
    const cap = partialLeaveCapMinutes(rs, other);
    const total = (taken.get(e.from) ?? 0) + e.minutes;
    if (total > cap) {
      add(e, 'hours', 'error', 'Art 14-3.1', `partial leave of ${hm(total)} on ${isoFromDay(e.from)} is more than the day's ${hm(cap)}${other ? ` (${hm(rs.partialLeave.withNursingOrCareMaxMinutes)} less ${hm(other)} of nursing or care time that day)` : ` (${rs.workingTime.dailyHours} h less ${hm(rs.partialLeave.minWorkedMinutes)})`}`, `${isoFromDay(e.from)} の部分休業${hmJa(total)}は1日の上限${hmJa(cap)}${other ? `（${hmJa(rs.partialLeave.withNursingOrCareMaxMinutes)}から同日の保育時間・介護時間${hmJa(other)}を減じた時間）` : `（${rs.workingTime.dailyHours}時間 − ${hmJa(rs.partialLeave.minWorkedMinutes)}）`}を超えています`);
      continue;
    }
    taken.set(e.from, total);
  }
}

// ---- what the ledger means for pay --------------------------------------------------------

function isUnpaid(rs: AltRuleset, k: LedgerKind): boolean {
  if (k.kind === 'absence' || k.kind === 'partial') return true; // Art 8.1, 14-3.3
  if (k.kind === 'special') return rs.specialLeave.find((s) => s.item === k.item)?.paid === false; // Art 14.2
  return false;
}

/**
 * A person's PayLedger: the terms at their JET years, the days paid at another rate (childcare
 * leave 0 %, Art 14-2.2; suspension by Art 28), unpaid minutes per month (D-13) and pay-cut
 * instances (Art 27.2.2). Entries that failed their checks should be left out by the caller.
 */
export function payLedgerOf(rs: AltRuleset, terms: readonly PayTerm[], entries: readonly LedgerEntry[]): PayLedger {
  const rates = new Map<Day, RatedDay>();
  const sorted = [...entries].sort((a, b) => a.from - b.from || a.row - b.row);
  for (const e of sorted) {
    if (e.kind.kind === 'childcare') {
      for (let d = e.from; d <= e.to; d++) rates.set(d, { percent: 0, clause: 'Art 14-2.2, D-12', en: 'childcare leave, unpaid', ja: '育児休業（無給）' });
    }
  }
  // Art 28.2: illness suspension pays by day counted from the first day unable to work — the
  // start of its chain of sick leave and suspension (Art 13.2, D-6).
  for (const chain of sickChains(rs, sorted)) {
    const first = chain[0].from;
    for (const e of chain) {
      if (e.kind.kind !== 'suspension') continue;
      for (let d = e.from; d <= e.to; d++) {
        const p = suspensionPayPercent(rs, 'illness', first, d);
        rates.set(d, { percent: p, clause: 'Art 28.2, D-12', en: `illness suspension, days counted from ${isoFromDay(first)}: full to day ${rs.suspensionPay.illnessFullUntilDay}, ${rs.suspensionPay.illnessReducedPercent} % to day ${rs.suspensionPay.illnessHalfUntilDay}`, ja: `病気休職（${isoFromDay(first)} から起算: ${rs.suspensionPay.illnessFullUntilDay}日目まで全額、${rs.suspensionPay.illnessHalfUntilDay}日目まで${rs.suspensionPay.illnessReducedPercent}%）` });
      }
    }
  }
  for (const e of sorted) {
    if (e.kind.kind !== 'suspension' || e.kind.cause === 'illness') continue;
    const p = suspensionPayPercent(rs, e.kind.cause, e.from, e.from);
    const why = e.kind.cause === 'indictment' ? { clause: 'Art 28.3, D-12', en: 'indictment suspension', ja: '起訴休職' } : { clause: 'Art 28.1, D-12', en: 'work-related suspension (less compensation benefits, not known here)', ja: '公務上の休職（補償給付の控除は別途）' };
    for (let d = e.from; d <= e.to; d++) rates.set(d, { percent: p, ...why });
  }
  const unpaidMinutes = new Map<MonthKey, number>();
  const unpaidYear = new Map<MonthKey, number>();
  const payCuts = new Map<MonthKey, number>();
  const dailyMin = Math.round(rs.workingTime.dailyHours * 60);
  const termAt = (d: Day) => terms.find((t) => d >= t.start && d <= t.end);
  const addUnpaid = (d: Day, m: number) => {
    const t = termAt(d);
    if (!t || rates.get(d)?.percent === 0) return; // D-13: days already at rate 0 are not deducted again
    const k = monthKeyOf(d);
    unpaidMinutes.set(k, (unpaidMinutes.get(k) ?? 0) + m);
    unpaidYear.set(k, t.jetYear);
  };
  for (const e of sorted) {
    if (e.kind.kind === 'paycut') {
      const k = monthKeyOf(e.from);
      payCuts.set(k, (payCuts.get(k) ?? 0) + 1);
      continue;
    }
    if (!isUnpaid(rs, e.kind)) continue;
    if (e.minutes !== undefined) addUnpaid(e.from, e.minutes);
    else for (let d = e.from; d <= e.to; d++) if (isWorkday(d)) addUnpaid(d, dailyMin); // D-13: a day counts the day's hours
  }
  return { terms: [...terms], rates, unpaidMinutes, unpaidYear, payCuts };
}
