// Special leave 特別休暇 — docs/rules.md §7 (Art 14, 30): the catalogue is data in the ruleset.

import { RuleError } from '../errors';
import type { AltRuleset, SpecialLeaveKind } from '../rulesets/schema';
import { flatMapOf, nameKey } from '../text';
import { Trace } from '../trace';
import { readLeaveKind } from './leaveKinds';

export type SpecialLeaveVariant = SpecialLeaveKind['variants'][number];

/** A note naming "two or more" (children, persons cared for): 子2人, 複数, 2 children, twins… */
const TWO_OR_MORE_NOTE = /複数|[2-9二三四五]\s*人|two|three|twins|\b[2-9]\b|children|persons|people/i;

/**
 * The variant a text names (D-15): by its key or name, or by one of its `words` (祖母, grandmother…),
 * longest word first so that 祖母 is a grandparent and not 母. Undefined when it names none, or two.
 */
export function variantNamed(k: SpecialLeaveKind, text: string | undefined): SpecialLeaveVariant | undefined {
  if (!text || k.variants.length === 0) return undefined;
  const key = nameKey(text);
  const exact = k.variants.find((x) => [x.key, x.en, x.ja].some((n) => nameKey(n) === key));
  if (exact) return exact;
  const withWords = k.variants.filter((x) => x.words?.length);
  if (withWords.length) {
    let rest = text.normalize('NFKC').toLowerCase();
    const found = new Set<SpecialLeaveVariant>();
    const words = flatMapOf(withWords, (v) => (v.words ?? []).map((w) => ({ w: w.normalize('NFKC').toLowerCase(), v }))).sort((a, b) => b.w.length - a.w.length);
    for (const { w, v } of words) {
      // English words stand alone ("son" is not in "person"); Japanese words are read inside the text.
      const re = /^[a-z ]+$/.test(w) ? new RegExp(`\\b${w}s?\\b`) : new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      if (re.test(rest)) {
        found.add(v);
        rest = rest.replace(new RegExp(re.source, 'g'), ' ');
      }
    }
    if (found.size === 1) return [...found][0];
    if (found.size > 1) return undefined;
  }
  // A name's parts (祖父母, grandparent, IVF…) or "two or more" in any words.
  const parts = (x: SpecialLeaveVariant) => [x.key, x.en, x.ja, ...`${x.key} ${x.en} ${x.ja}`.split(/[・、,/\s-]+/)].map(nameKey).filter((t) => t.length >= 2 && !['or', 'and', 'two', 'more'].includes(t));
  return k.variants.find((x) => !x.words?.length && (parts(x).some((t) => key.includes(t)) || (x.key === 'two-or-more' && TWO_OR_MORE_NOTE.test(text.normalize('NFKC')))));
}

/** A kind by its item number (1–22), its Japanese or English name, or a name clerks write (夏休, 忌引き; the one kind reader). */
export function findSpecialLeave(rs: AltRuleset, kind: number | string): SpecialLeaveKind {
  const list = rs.specialLeave;
  let found: SpecialLeaveKind | undefined;
  const asNumber = typeof kind === 'number' ? kind : /^\s*\d+\s*$/.test(kind.normalize('NFKC')) ? Number(kind.normalize('NFKC')) : undefined;
  const read = typeof kind === 'string' && asNumber === undefined ? readLeaveKind(rs, kind) : undefined;
  if (asNumber !== undefined) found = list.find((s) => s.item === asNumber);
  else if (read?.kind === 'special') found = list.find((s) => s.item === read.item);
  else {
    const key = nameKey(String(kind));
    found = list.find((s) => nameKey(s.ja) === key || nameKey(s.en) === key);
    if (!found && key.length >= 2) {
      // A part of a name is enough only when it names one kind: "leave" or 休暇 name many.
      const partial = list.filter((s) => nameKey(s.ja).includes(key) || nameKey(s.en).includes(key));
      if (partial.length > 1) {
        const shown = partial.slice(0, 8).map((s) => `${s.item} ${s.en}`).join(', ');
        const shownJa = partial.slice(0, 8).map((s) => `${s.item} ${s.ja}`).join('、');
        const more = partial.length > 8 ? ` … (${partial.length} in all)` : '';
        throw RuleError.value('kind', `special leave "${kind}" matches ${partial.length} kinds: ${shown}${more}; give the item number or the full name`, `特別休暇「${kind}」は${partial.length}種類に当てはまります: ${shownJa}${more ? `…（全${partial.length}種類）` : ''}。号か正式な名称で指定してください`);
      }
      found = partial[0];
    }
  }
  if (!found) {
    throw RuleError.value('kind', `special leave "${kind}" is not one of the ${list.length} kinds of Art 14.1; give its item number 1–${list.length} or its name (e.g. 5 or "Fertility treatment" / 不妊治療)`, `特別休暇「${kind}」は第14条第1項の${list.length}種類にありません。号（1〜${list.length}）か名称（例: 5、不妊治療）で指定してください`);
  }
  return found;
}

/**
 * Art 14.1.16 (care time): at most the listed hours a day, or the daily working hours less
 * 5 h 45 min when that is less — 7 h − 5 h 45 = 1.25 h for the ALT, 2 h for an 8-hour day.
 */
/** Art 14.1.16: a per-day limit that is at most the daily hours less some minutes (care time: 1 h 15 for the 7-hour day). */
export function cappedByDailyHours(rs: AltRuleset, k: SpecialLeaveKind, limit: number, trace?: Trace): number {
  if (k.capDailyHoursLessMinutes === undefined) return limit;
  const dailyMinutes = Math.round(rs.workingTime.dailyHours * 60);
  const rest = Math.max(0, dailyMinutes - k.capDailyHoursLessMinutes) / 60;
  const capped = Math.min(limit, rest);
  const h = (m: number) => `${Math.floor(m / 60)} h ${m % 60} min`;
  trace?.step(k.clause, `at most ${limit} h a day, or the daily ${h(dailyMinutes)} less ${h(k.capDailyHoursLessMinutes)} = ${+rest.toFixed(4)} h if less → ${+capped.toFixed(4)} h`, `1日${limit}時間、又は勤務時間 ${h(dailyMinutes)} から ${h(k.capDailyHoursLessMinutes)} を減じた ${+rest.toFixed(4)}時間が下回るときはその時間 → ${+capped.toFixed(4)}時間`);
  return capped;
}

/** The limit of a kind, optionally in a named circumstance (variant key or name); null when "as needed". */
export function specialLeaveLimit(rs: AltRuleset, kind: number | string, variant?: string, trace?: Trace): number | null {
  const k = findSpecialLeave(rs, kind);
  // 忌引（祖母）: the variant may come with the kind's name (D-15).
  const read = typeof kind === 'string' ? readLeaveKind(rs, kind) : undefined;
  if ((variant === undefined || variant.trim() === '') && read?.kind === 'special' && read.variant) variant = read.variant;
  if (variant !== undefined && variant.trim() !== '') {
    const v = variantNamed(k, variant);
    if (!v) {
      const options = k.variants.map((x) => `"${x.key}" (${x.en} / ${x.ja})`).join(', ');
      throw RuleError.value('variant', `variant "${variant}" does not apply to ${k.en}; ${options ? `use ${options} or leave it empty` : 'this kind has no variants'}`, `「${variant}」は${k.ja}の区分にありません。${options ? `${options} を指定するか空欄にしてください` : 'この休暇に区分はありません'}`);
    }
    trace?.step(k.clause, `${k.en}, ${v.en}: ${v.limit} ${k.unit}`, `${k.ja}（${v.ja}）: ${v.limit} ${k.unit}`);
    return cappedByDailyHours(rs, k, v.limit, trace);
  }
  const others = k.variants.filter((v) => v.limit !== k.limit);
  if (others.length && k.limit !== null) {
    // The answer depends on a variant left out: say which limit applies when (D-15).
    trace?.step(k.clause, `no variant given: ${k.limit} ${k.unit}; it depends on the circumstance — ${others.map((v) => `${v.limit} for ${v.en} ("${v.key}" or ${v.ja})`).join(', ')}`, `区分の指定なし: ${k.limit} ${k.unit}。区分により異なります — ${others.map((v) => `${v.ja}（"${v.key}"）は${v.limit}`).join('、')}`);
  }
  trace?.step(k.clause, `${k.en}: ${k.limit ?? 'as needed'} ${k.limit === null ? '' : k.unit}${k.limitInPrinciple ? ' in principle (原則として: more is the board\'s decision)' : ''}`.trim(), `${k.ja}: ${k.limitInPrinciple ? '原則として' : ''}${k.limit ?? '必要と認められる期間'}${k.limit === null ? '' : ` ${k.unit}`}`);
  return k.limit === null ? null : cappedByDailyHours(rs, k, k.limit, trace);
}

export type SpecialLeaveNotice = SpecialLeaveKind['notice'];

export const noticeNames: Record<SpecialLeaveNotice, { en: string; ja: string }> = {
  approval: { en: 'report the planned days in advance and obtain approval (Art 30.1)', ja: '予定日数をあらかじめ所属長に届け出て承認を得る（第30条第1項）' },
  'approval-with-reason': { en: 'report the planned days and the reason in advance and obtain approval (Art 30.1)', ja: '予定日数及び取得理由をあらかじめ所属長に届け出て承認を得る（第30条第1項）' },
  report: { en: 'report the planned days in advance; no approval (Art 30.2)', ja: '予定日数をあらかじめ所属長に届け出る（承認不要。第30条第2項）' },
};

/** Art 30: whether a kind needs approval in advance, approval with a reason, or only a report. */
export function specialLeaveNotice(rs: AltRuleset, kind: number | string): SpecialLeaveNotice {
  return findSpecialLeave(rs, kind).notice;
}

/** Art 14.2: items 1–9 and 18–22 are paid, items 10–17 unpaid. */
export function specialLeavePaid(rs: AltRuleset, kind: number | string): boolean {
  return findSpecialLeave(rs, kind).paid;
}
