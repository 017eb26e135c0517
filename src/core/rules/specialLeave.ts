// Special leave 特別休暇 — RULES.md §7 (Art 14, 30): the catalogue is data in the ruleset.

import { RuleError } from '../errors';
import type { AltRuleset, SpecialLeaveKind } from '../rulesets/schema';
import { nameKey } from '../text';
import { Trace } from '../trace';

/** A kind by its item number (1–22) or its Japanese or English name. */
export function findSpecialLeave(rs: AltRuleset, kind: number | string): SpecialLeaveKind {
  const list = rs.specialLeave;
  let found: SpecialLeaveKind | undefined;
  const asNumber = typeof kind === 'number' ? kind : /^\s*\d+\s*$/.test(kind.normalize('NFKC')) ? Number(kind.normalize('NFKC')) : undefined;
  if (asNumber !== undefined) found = list.find((s) => s.item === asNumber);
  else {
    const key = nameKey(String(kind));
    found = list.find((s) => nameKey(s.ja) === key || nameKey(s.en) === key) ?? list.find((s) => key.length >= 2 && (nameKey(s.ja).includes(key) || nameKey(s.en).includes(key)));
  }
  if (!found) {
    throw RuleError.value('kind', `special leave "${kind}" is not one of the ${list.length} kinds of Art 14.1; give its item number 1–${list.length} or its name (e.g. 5 or "Fertility treatment" / 不妊治療)`, `特別休暇「${kind}」は第14条第1項の${list.length}種類にありません。号（1〜${list.length}）か名称（例: 5、不妊治療）で指定してください`);
  }
  return found;
}

/** The limit of a kind, optionally in a named circumstance (variant key or name); null when "as needed". */
export function specialLeaveLimit(rs: AltRuleset, kind: number | string, variant?: string, trace?: Trace): number | null {
  const k = findSpecialLeave(rs, kind);
  if (variant !== undefined && variant.trim() !== '') {
    const key = nameKey(variant);
    const v = k.variants.find((x) => nameKey(x.key) === key || nameKey(x.en) === key || nameKey(x.ja) === key);
    if (!v) {
      const options = k.variants.map((x) => `"${x.key}" (${x.en} / ${x.ja})`).join(', ');
      throw RuleError.value('variant', `variant "${variant}" does not apply to ${k.en}; ${options ? `use ${options} or leave it empty` : 'this kind has no variants'}`, `「${variant}」は${k.ja}の区分にありません。${options ? `${options} を指定するか空欄にしてください` : 'この休暇に区分はありません'}`);
    }
    trace?.step(k.clause, `${k.en}, ${v.en}: ${v.limit} ${k.unit}`, `${k.ja}（${v.ja}）: ${v.limit} ${k.unit}`);
    return v.limit;
  }
  trace?.step(k.clause, `${k.en}: ${k.limit ?? 'as needed'} ${k.limit === null ? '' : k.unit}`.trim(), `${k.ja}: ${k.limit ?? '必要と認められる期間'}${k.limit === null ? '' : ` ${k.unit}`}`);
  return k.limit;
}

/** Art 14.2: items 1–9 and 18–22 are paid, items 10–17 unpaid. */
export function specialLeavePaid(rs: AltRuleset, kind: number | string): boolean {
  return findSpecialLeave(rs, kind).paid;
}
