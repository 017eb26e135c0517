// The leave ledger 休暇簿 — docs/rules.md §12 (Art 8, 12, 13, 14, 14-2, 14-3, 26, 28, 30; D-4–D-6, D-12, D-13).
// Entries in, findings per entry out; and what the entries mean for pay (a PayLedger).

import { holidayName, isWeeklyRestDay, isWorkday, workingDaysBetween } from '../calendar';
import { Day, dayFromIsoText, isoFromDay, ymdFromDay } from '../days';
import { HOURS_OF_AN_ENTRY, readHours } from '../read';
import type { AltRuleset, SpecialLeaveKind } from '../rulesets/schema';
import type { SpecialLeaveVariant } from './specialLeave';
import { NonEmpty, lastItem } from '../items';
import { nameKey, zeroPad } from '../text';
import { grantedDays, secondGrantDay, splitUse } from './annualLeave';
import { childReachesAgeOn } from './childcareLeave';
import type { LedgerKind } from './leaveKinds';
import { MonthKey, PayLedger, PayTerm, RatedDay, monthKeyOf } from './monthPay';
import { isPartialLeaveUnit, partialLeaveCapMinutes } from './partialLeave';
import { periodsJoin } from './sickLeave';
import { cappedByDailyHours, variantNamed } from './specialLeave';
import { suspensionPayPercent, suspensionPossible } from './suspension';

export function ledgerKindName(k: LedgerKind): { en: string; ja: string } {
  switch (k.kind) {
    case 'annual': return { en: 'annual leave', ja: '年休' };
    case 'sick': return { en: 'sick leave', ja: '病気休暇' };
    case 'special': return { en: `special leave item ${k.item}${k.variant ? ` (${k.variant})` : ''}`, ja: `特別休暇第${k.item}号${k.variant ? `（${k.variant}）` : ''}` };
    case 'partial': return { en: 'partial leave', ja: '部分休業' };
    case 'childcare': return { en: 'childcare leave', ja: '育児休業' };
    case 'absence': return { en: 'absence', ja: '欠勤' };
    case 'suspension': return { en: `suspension (${k.cause})`, ja: `休職（${{ 'work-related': '公務', illness: '病気', indictment: '起訴' }[k.cause]}）` };
    case 'dutySuspension': return { en: 'suspension from duty', ja: '停職' };
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
      if (e.kind.kind === 'dutySuspension' && (e.minutes !== undefined || e.to - e.from + 1 > rs.discipline.maxSuspensionDays)) {
        // Art 27.2.3: 7日以内の期間を定めて勤務を禁止する — whole calendar days.
        const n = e.to - e.from + 1;
        add(e, e.minutes !== undefined ? 'hours' : 'to', 'error', 'Art 27.2.3', e.minutes !== undefined ? 'suspension from duty 停職 is whole days: leave Hours empty' : `suspension from duty 停職 of ${n} days; at most ${rs.discipline.maxSuspensionDays} days`, e.minutes !== undefined ? '停職は日単位です。時間欄は空欄にしてください' : `停職${n}日は上限${rs.discipline.maxSuspensionDays}日を超えています`);
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
    checkPartial(rs, items, valid, add);
    checkChildAge(rs, valid, add);
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
  // Art 12.1, D-4: the core's grant rule; the second grant's day only for the message.
  const granted = grantedDays(rs, term.start, day, term.reappointed, false);
  return granted < rs.annualLeave.daysPerTerm ? { granted, secondFrom: secondGrantDay(rs, term.start) } : { granted };
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
  for (const e of entries) {
    const m = entryMinutes(rs, e);
    const { granted, secondFrom } = annualAvailableDays(rs, term, e.from);
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
    const { fromCarried, fromOwn } = splitUse(rs, m, carriedMin - usedCarried, ownAvailable - usedOwn);
    usedCarried += fromCarried;
    usedOwn += fromOwn;
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
export function sickChains(rs: AltRuleset, list: readonly LedgerEntry[]): NonEmpty<LedgerEntry>[] {
  const chains: NonEmpty<LedgerEntry>[] = [];
  let chain: NonEmpty<LedgerEntry> | undefined;
  let lastEnd = -Infinity;
  for (const e of list) {
    if (!(e.kind.kind === 'sick' || (e.kind.kind === 'suspension' && e.kind.cause === 'illness'))) continue;
    if (chain && periodsJoin(rs, lastEnd, e.from)) chain.push(e);
    else {
      chain = [e];
      chains.push(chain);
    }
    lastEnd = Math.max(lastEnd, e.to);
  }
  return chains;
}

function checkSick(rs: AltRuleset, list: LedgerEntry[], add: Add): void {
  const sl = rs.sickLeave;
  for (const chain of sickChains(rs, list)) {
    // Art 26.2.1: suspension for illness needs more than 20 consecutive days unable to work — the
    // sick leave of its chain before it (D-6) — and its application a certificate (Art 30.3).
    let sickBefore = 0;
    for (const e of chain) {
      if (e.kind.kind === 'sick') sickBefore += e.to - e.from + 1;
      if (e.kind.kind !== 'suspension') continue;
      if (!suspensionPossible(rs, sickBefore + 1)) {
        add(e, 'from', 'warning', 'Art 26.2.1', `suspension for illness from ${isoFromDay(e.from)} follows ${sickBefore} day(s) of sick leave in its chain; it needs more than ${sl.suspensionAfterDays} consecutive days unable to work (sick leave before it, joined as D-6 says) — check the ledger has them`, `${isoFromDay(e.from)} からの病気休職の前の病気休暇は${sickBefore}日です。休職には引き続き${sl.suspensionAfterDays}日を超えて勤務できないことが必要です（D-6により連続とみなす病気休暇）。休暇簿を確認してください`);
      }
      if (!notesCertificate(e.note)) {
        add(e, 'note', 'warning', 'Art 30.3', `an application for suspension 休職 needs a doctor's certificate (note it in the Note column)`, `休職の申請には医師の診断書が必要です（備考欄に記入してください）`);
      }
    }
  }
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
  const flush = (run: NonEmpty<LedgerEntry>) => {
    const from = run[0].from;
    const last = lastItem(run, 'sick run');
    const length = last.to - from + 1;
    if (length > sl.certificateAfterDays && !run.some((e) => notesCertificate(e.note))) {
      const at = run.find((e) => e.to - from + 1 > sl.certificateAfterDays) ?? last;
      add(at, 'note', 'warning', 'Art 30.3', `${length} consecutive days of sick leave from ${isoFromDay(from)}: a doctor's certificate is needed for more than ${sl.certificateAfterDays} (note it in the Note column)`, `${isoFromDay(from)} から連続${length}日の病気休暇: ${sl.certificateAfterDays}日を超える場合は医師の診断書が必要です（備考欄に記入してください）`);
    }
  };
  let run: NonEmpty<LedgerEntry> | undefined;
  for (const e of sick) {
    if (run && e.from > lastItem(run, 'sick run').to + 1) {
      flush(run);
      run = undefined;
    }
    if (run) run.push(e);
    else run = [e];
  }
  if (run) flush(run);
}

/** The variant an entry names, in its kind (忌引（祖母）) or its note (D-15). */
function variantOf(k: SpecialLeaveKind, e: LedgerEntry): SpecialLeaveVariant | undefined {
  const inKind = e.kind.kind === 'special' ? e.kind.variant : undefined;
  return variantNamed(k, inKind) ?? variantNamed(k, e.note);
}

/** What a Note must say for a larger limit (Art 14.1.5, 11, 14: 10 instead of 5), for an over-limit message. */
function variantHint(k: SpecialLeaveKind, variant: SpecialLeaveVariant | undefined): { en: string; ja: string } {
  const larger = k.variants.filter((v) => k.limit !== null && v.limit > k.limit);
  const [v] = larger;
  if (variant || !v) return { en: '', ja: '' };
  const en = larger.map((v) => `${v.limit} for ${v.en}`).join(', ');
  const ja = larger.map((v) => `${v.ja}の場合は${v.limit}日`).join('、');
  const example = v.key === 'ivf' ? { en: '"体外受精" or "IVF"', ja: '「体外受精」「IVF」' } : { en: `"${v.ja}" or "${v.en}"`, ja: `「${v.ja}」「${v.en}」` };
  return { en: ` (${en} instead of ${k.limit}: say so in the Note, e.g. ${example.en})`, ja: `（${ja}: 備考欄に${example.ja}などと記入してください）` };
}

/** D-16: a birth date in a note — 出産日 2024-02-03, 出産 2024/2/3, born 2024-02-03. */
const BIRTH_NOTE = /(?:出産日?|出生日?|誕生日?|birth|born)\D{0,8}(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/i;
export function birthDateOfNote(note: string | undefined): Day | undefined {
  return dateInNote(BIRTH_NOTE, note);
}

/** The date a note's pattern captures as year, month, day; undefined when none, or not a real day. */
function dateInNote(pattern: RegExp, note: string | undefined): Day | undefined {
  const m = note ? pattern.exec(note.normalize('NFKC')) : null;
  return m ? dayFromIsoText(`${m[1]}-${zeroPad(Number(m[2]), 2)}-${zeroPad(Number(m[3]), 2)}`) : undefined;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The period a days-limit is counted in, from the item's ruleset entry (countedPer). */
function countingPeriod(k: SpecialLeaveKind, e: LedgerEntry, term: PersonTerm | undefined, eventKey: () => string): { key: string; en: string; ja: string } {
  const { y } = ymdFromDay(e.from);
  switch (k.countedPer ?? 'term') {
    case 'calendar-year': {
      const w = k.takenWithinMonths;
      return w ? { key: `y${y}`, en: `in ${MONTHS_EN[w.from - 1]}–${MONTHS_EN[w.to - 1]} ${y}`, ja: `${y}年${w.from}月〜${w.to}月` } : { key: `y${y}`, en: `in ${y}`, ja: `${y}年中` };
    }
    case 'birth':
      return { key: eventKey(), en: 'for one birth', ja: '1回の出産につき' };
    case 'person-cared-for':
      return { key: 'all', en: 'in all for the person cared for', ja: '要介護者につき通算' };
    case 'term':
      return { key: `t${term ? term.start : 0}`, en: 'in the term', ja: '任期中' };
  }
}

function checkSpecial(rs: AltRuleset, items: ReadonlyMap<number, SpecialLeaveKind>, list: LedgerEntry[], terms: readonly PersonTerm[] | undefined, add: Add): void {
  const dailyMin = Math.round(rs.workingTime.dailyHours * 60);
  const totals = new Map<string, number>(); // item, period → minutes
  const spells = new Map<string, { count: number; lastTo: Day }>(); // item, period → spells so far
  const perDay = new Map<string, number>(); // item, day → minutes
  const events = new Map<number, { key: string; lastTo: Day }>(); // item → the current event (D-16)
  for (const e of list) {
    if (e.kind.kind !== 'special') continue;
    const item = e.kind.item;
    const k = items.get(item);
    if (!k) continue;
    const named = variantOf(k, e);
    const label = `${k.en}${named ? `, ${named.en}` : ''} (Art 14.1.${item})`;
    const labelJa = `${k.ja}${named ? `（${named.ja}）` : ''}（第14条第1項第${item}号）`;
    const w = k.takenWithinMonths;
    if (w) {
      // Art 14.1.21: 一の年の7月から9月までの期間内.
      const f = ymdFromDay(e.from);
      const t = ymdFromDay(e.to);
      if (f.m < w.from || t.m > w.to || f.y !== t.y) {
        add(e, 'from', 'error', k.clause, `${label} is taken within ${MONTHS_EN[w.from - 1]}–${MONTHS_EN[w.to - 1]}; ${isoFromDay(e.from)} is outside`, `${labelJa}は${w.from}月〜${w.to}月の期間内に取得します（${isoFromDay(e.from)} は期間外）`);
        continue;
      }
    }
    if (k.limit === null) continue; // 必要と認められる期間
    // D-15: the variant named decides; with none named, as the entry's unnamedVariant says.
    let limit = named ? named.limit : k.limit;
    let warnAbove: SpecialLeaveVariant | undefined;
    if (!named && k.unnamedVariant && k.variants.length) {
      const all = [k.limit, ...k.variants.map((v) => v.limit)];
      const smallest = k.variants.reduce((a, b) => (b.limit < a.limit ? b : a));
      if (k.unnamedVariant === 'smallest') limit = Math.min(...all);
      else {
        limit = Math.max(...all);
        if (smallest.limit < limit) warnAbove = smallest;
      }
    }
    const calendarDays = e.to - e.from + 1;
    const hint = k.unnamedVariant ? { en: '', ja: '' } : variantHint(k, named);
    const overSeverity: 'error' | 'warning' = k.overLimitWarns || k.limitInPrinciple ? 'warning' : 'error';
    const overWhy = k.overLimitWarns ? { en: ` — a warning, not an error: ${k.overLimitWarns.en}`, ja: `（${k.overLimitWarns.ja}、警告とします）` } : { en: '', ja: '' };
    switch (k.unit) {
      case 'consecutive-days':
      case 'weeks': {
        const per = k.unit === 'weeks' ? 7 : 1;
        const max = limit * per;
        const shown = (n: number) => (k.unit === 'weeks' ? { en: `${n} weeks (${n * per} days)`, ja: `${n}週（${n * per}日）` } : { en: `${n} days`, ja: `${n}日` });
        if (calendarDays > max) {
          add(e, 'to', overSeverity, k.clause, `${label}: ${calendarDays} consecutive days, more than ${shown(limit).en} per event${hint.en}${overWhy.en}`, `${labelJa}: 連続${calendarDays}日で、1回の上限${shown(limit).ja}を超えています${hint.ja}${overWhy.ja}`);
        } else if (warnAbove && calendarDays > warnAbove.limit * per) {
          const words = (warnAbove.words ?? []).slice(0, 4);
          add(e, 'note', 'warning', `${k.clause}, D-15`, `${label}: ${calendarDays} consecutive days, checked against ${shown(limit).en} because no relative is named; for a ${warnAbove.en} the limit is ${shown(warnAbove.limit).en} — name the relative in the Kind or the Note (e.g. ${words.join(', ')})`, `${labelJa}: 連続${calendarDays}日。続柄の記載がないため上限${shown(limit).ja}で点検しました。${warnAbove.ja}の場合は${shown(warnAbove.limit).ja}です。種別か備考に続柄を記入してください（例: ${words.join('、')}）`);
        }
        break;
      }
      case 'days':
      case 'days-per-term': {
        // Days in hours ÷ the day's hours (calendar days where the entry says so), added up over the item's period.
        const period = countingPeriod(k, e, termOf(terms, e.from), () => {
          // D-16: a birth date in the note decides the event; else entries more than eventGapDays apart are different births.
          const birth = birthDateOfNote(e.note);
          const last = events.get(item);
          const gap = k.eventGapDays ?? Infinity;
          const key = birth !== undefined ? `b${birth}` : last && e.from - last.lastTo <= gap ? last.key : `e${e.from}`;
          events.set(item, { key, lastTo: Math.max(e.to, last?.key === key ? last.lastTo : e.to) });
          return key;
        });
        const key = `${item}|${period.key}`;
        if (k.maxSpells !== undefined) {
          // Art 14.1.15: 3回を超えず — a spell is a run of days; a row right after the last one continues it.
          const s = spells.get(key);
          const count = !s ? 1 : e.from > s.lastTo + 1 ? s.count + 1 : s.count;
          if (count > k.maxSpells) {
            add(e, 'from', 'error', k.clause, `${label}: spell ${count} from ${isoFromDay(e.from)}; at most ${k.maxSpells} spells ${period.en}`, `${labelJa}: ${isoFromDay(e.from)} からは${count}回目で、${period.ja}${k.maxSpells}回までです`);
            continue;
          }
          spells.set(key, { count, lastTo: Math.max(e.to, s?.lastTo ?? e.to) });
        }
        const before = totals.get(key) ?? 0;
        const m = e.minutes === undefined && k.calendarDays ? calendarDays * dailyMin : entryMinutes(rs, e);
        const unitEn = k.calendarDays ? 'calendar days' : 'days';
        const unitJa = k.calendarDays ? '暦日' : '日';
        if (before + m > limit * dailyMin) {
          const n = days((before + m) / dailyMin);
          const field = e.minutes !== undefined ? 'hours' : 'to';
          if (k.limitInPrinciple) {
            // 「原則として4日」: more is possible when the board decides so; the days still count.
            add(e, field, 'warning', k.clause, `${label}: ${n} days with this entry ${period.en}; the rule gives ${limit} days in principle (原則として), so more needs the board's decision`, `${labelJa}: この記録で${period.ja}の合計が${n}日となります。原則として${limit}日のため、超える分は教育委員会の判断によります`);
            totals.set(key, before + m);
            break;
          }
          add(e, field, overSeverity, k.clause, `${label}: ${n} ${unitEn} with this entry, more than the ${limit} allowed ${period.en}${hint.en}${overWhy.en}`, `${labelJa}: この記録で${n}${unitJa}となり、上限（${period.ja}${limit}${unitJa}）を超えます${hint.ja}${overWhy.ja}`);
          if (overSeverity === 'warning') totals.set(key, before + m);
          continue;
        }
        totals.set(key, before + m);
        break;
      }
      case 'minutes-per-day':
      case 'hours-per-day': {
        const cap = k.unit === 'minutes-per-day' ? Math.round(limit) : Math.round(cappedByDailyHours(rs, k, limit) * 60);
        const key = `${item}|${e.from}`;
        const m = e.minutes ?? dailyMin;
        const total = (perDay.get(key) ?? 0) + m;
        if (total > cap || e.to !== e.from) {
          add(e, 'hours', 'error', k.capDailyHoursLessMinutes !== undefined ? `${k.clause}, Art 14-3.1` : k.clause, `${label}: ${hm(total)} on ${isoFromDay(e.from)}, more than ${hm(cap)} a day`, `${labelJa}: ${isoFromDay(e.from)} に${hmJa(total)}で、1日の上限${hmJa(cap)}を超えています`);
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

/** docs/rules.md §7: a child's birth date in a note — 子 2023-05-01 生, 子の生年月日 2023/5/1, child born 2023-05-01. */
const CHILD_NOTE = /(?:子|child)\D{0,10}(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/i;
export function childBirthOfNote(note: string | undefined): Day | undefined {
  return dateInNote(CHILD_NOTE, note);
}

/** Art 14-2.1, 14-3.1: the child's age limits, checked only where a note gives the birth date. */
function checkChildAge(rs: AltRuleset, list: LedgerEntry[], add: Add): void {
  for (const e of list) {
    const birth = childBirthOfNote(e.note);
    if (birth === undefined || (e.kind.kind !== 'partial' && e.kind.kind !== 'childcare')) continue;
    if (e.kind.kind === 'partial') {
      const until = childReachesAgeOn(birth, rs.partialLeave.untilChildMonths);
      if (e.from > until) add(e, 'from', 'error', 'Art 14-3.1', `partial leave on ${isoFromDay(e.from)}: the child born ${isoFromDay(birth)} reaches ${rs.partialLeave.untilChildMonths / 12} years on ${isoFromDay(until)}; partial leave runs until then`, `${isoFromDay(e.from)} の部分休業: ${isoFromDay(birth)} 生まれの子は ${isoFromDay(until)} に${rs.partialLeave.untilChildMonths / 12}歳に達します（部分休業はそれまで）`);
      continue;
    }
    const usual = childReachesAgeOn(birth, rs.childcareLeave.untilChildMonths);
    const extended = childReachesAgeOn(birth, rs.childcareLeave.extendedUntilChildMonths);
    if (e.to > extended) add(e, 'to', 'error', 'Art 14-2.1', `childcare leave to ${isoFromDay(e.to)}: the child born ${isoFromDay(birth)} reaches ${rs.childcareLeave.extendedUntilChildMonths} months on ${isoFromDay(extended)}, the latest end`, `${isoFromDay(e.to)} までの育児休業: ${isoFromDay(birth)} 生まれの子は ${isoFromDay(extended)} に${rs.childcareLeave.extendedUntilChildMonths}か月に達します（最長）`);
    else if (e.to > usual) add(e, 'to', 'warning', 'Art 14-2.1', `childcare leave to ${isoFromDay(e.to)}: past ${isoFromDay(usual)}, when the child is ${rs.childcareLeave.untilChildMonths} months old — only in the cases the ordinance names`, `${isoFromDay(e.to)} までの育児休業: 子が${rs.childcareLeave.untilChildMonths}か月に達する ${isoFromDay(usual)} 以後は条例で定める場合に限ります`);
  }
}

function checkPartial(rs: AltRuleset, items: ReadonlyMap<number, SpecialLeaveKind>, list: LedgerEntry[], add: Add): void {
  // Art 14-3.1: the kinds whose time that day lowers the cap (nursing time, care time) say so in their entry.
  const nursingOrCare = new Map<Day, number>();
  for (const e of list) if (e.kind.kind === 'special' && items.get(e.kind.item)?.limitsPartialLeave && e.minutes !== undefined) nursingOrCare.set(e.from, (nursingOrCare.get(e.from) ?? 0) + e.minutes);
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
  if (k.kind === 'absence' || k.kind === 'partial' || k.kind === 'dutySuspension') return true; // Art 8.1, 14-3.3, 27.2.3
  if (k.kind === 'special') return rs.specialLeave.find((s) => s.item === k.item)?.paid === false; // Art 14.2
  return false;
}

/** Why a whole unpaid day pays nothing (D-14), for the steps. */
function unpaidDayWhy(rs: AltRuleset, k: LedgerKind): RatedDay {
  if (k.kind === 'dutySuspension') return { percent: 0, clause: 'Art 27.2.3, D-14', en: 'suspension from duty 停職, unpaid', ja: '停職（無給）' };
  if (k.kind === 'absence') return { percent: 0, clause: 'Art 8.1, D-14', en: 'absence without leave, unpaid', ja: '欠勤（無給）' };
  const s = k.kind === 'special' ? rs.specialLeave.find((x) => x.item === k.item) : undefined;
  if (s) return { percent: 0, clause: `Art 14.2, D-14`, en: `${s.en} (Art 14.1.${s.item}), unpaid`, ja: `${s.ja}（第14条第1項第${s.item}号・無給）`, outOfAverage: s.leftOutOfAveragePay === true };
  return { percent: 0, clause: 'D-14', en: 'unpaid day', ja: '無給' };
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
      for (let d = e.from; d <= e.to; d++) rates.set(d, { percent: 0, clause: 'Art 14-2.2, D-12', en: 'childcare leave, unpaid', ja: '育児休業（無給）', outOfAverage: true });
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
  // D-14: whole days of unpaid leave, absence and 停職 are days at rate 0 (D-12), never more than the month's pay.
  if (rs.monthPay.unpaidWholeDays === 'rate-zero') {
    for (const e of sorted) {
      if (e.minutes !== undefined || !isUnpaid(rs, e.kind)) continue;
      const why = unpaidDayWhy(rs, e.kind);
      for (let d = e.from; d <= e.to; d++) rates.set(d, why);
    }
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
  // D-9: without a later term, the last term's end is the last day of service (no next month's pay).
  const ledger: PayLedger = { terms: [...terms], rates, unpaidMinutes, unpaidYear, payCuts };
  if (terms.length) ledger.serviceEnd = Math.max(...terms.map((t) => t.end));
  return ledger;
}
