// Leave kinds by name — the one reader of what a ledger's Kind column or ALT.SPECIALLEAVE's kind
// says: 年休, 病休, 特休5, 夏季休暇, 忌引（祖母）, 停職, 休職（病気）… (Art 12–14-3, 26, 27; D-14, D-15).
// Special leave is named by its item number, its catalogue names or the aliases its ruleset entry lists.

import { defaultAltRuleset } from '../rulesets';
import type { AltRuleset, SpecialLeaveKind } from '../rulesets/schema';
import { itemAt, lastItem } from '../items';
import { entriesOf, flatMapOf, nameKey } from '../text';
import type { SuspensionCause } from './suspension';

export type LedgerKind =
  | { kind: 'annual' }
  | { kind: 'sick' }
  /** `variant`: what the kind itself names in brackets or after a space (忌引（祖母）, 特休1 祖父母), D-15. */
  | { kind: 'special'; item: number; variant?: string }
  | { kind: 'partial' }
  | { kind: 'childcare' }
  | { kind: 'absence' }
  | { kind: 'suspension'; cause: SuspensionCause }
  /** 停職, suspension from duty (Art 27.2.3): unpaid days, distinct from 休職 (Art 26, 28). D-14. */
  | { kind: 'dutySuspension' }
  | { kind: 'paycut' };

type Simple = Exclude<LedgerKind['kind'], 'special' | 'suspension'>;

/** Every name of a kind that is not special leave or 休職 (keys as nameKey makes them). */
const SIMPLE_NAMES: Record<Simple, string[]> = {
  annual: ['annual', 'annual leave', '年休', '年次休暇', '年次有給休暇', '有給休暇', '年次有給', '有休'],
  sick: ['sick', 'sick leave', '病休', '病気休暇'],
  partial: ['partial', 'partial leave', '部分休業'],
  childcare: ['childcare', 'childcare leave', '育児休業', '育休'],
  absence: ['absence', 'absent', '欠勤'],
  dutySuspension: ['duty suspension', 'suspension from duty', '停職'],
  paycut: ['paycut', 'pay cut', '減給'],
};

const SUSPENSION_NAMES: Record<SuspensionCause, string[]> = {
  illness: ['suspension illness', '休職病気', '病気休職'],
  'work-related': ['suspension work', 'suspension work-related', '休職公務', '公務休職'],
  indictment: ['suspension indictment', '休職起訴', '起訴休職'],
};

const SIMPLE = new Map<string, LedgerKind>();
for (const [kind, names] of entriesOf(SIMPLE_NAMES) as [Simple, string[]][]) for (const n of names) SIMPLE.set(nameKey(n), { kind } as LedgerKind);
for (const [cause, names] of entriesOf(SUSPENSION_NAMES) as [SuspensionCause, string[]][]) for (const n of names) SIMPLE.set(nameKey(n), { kind: 'suspension', cause });

/** The names of a special-leave entry: its catalogue names and the aliases clerks write. */
function specialNames(k: SpecialLeaveKind): string[] {
  return [k.ja, k.en, ...(k.aliases ?? [])];
}

const NAMES = new WeakMap<AltRuleset, Map<string, number>>();
function specialByName(rs: AltRuleset): Map<string, number> {
  let m = NAMES.get(rs);
  if (!m) {
    m = new Map();
    for (const k of rs.specialLeave) for (const n of specialNames(k)) if (!m.has(nameKey(n))) m.set(nameKey(n), k.item);
    NAMES.set(rs, m);
  }
  return m;
}

const NUMBERED = /^(?:special|specialleave|特休|特別休暇)(?:no|item|第)?(\d{1,2})号?$/;

/** The kind a name alone gives (no variant part). */
function kindOfName(rs: AltRuleset, name: string): LedgerKind | undefined {
  const key = nameKey(name).replace(/[[\]【】:：]/g, '');
  if (!key) return undefined;
  const simple = SIMPLE.get(key);
  if (simple) return simple;
  const numbered = NUMBERED.exec(key);
  if (numbered) return { kind: 'special', item: Number(numbered[1]) };
  const item = specialByName(rs).get(key);
  if (item !== undefined) return { kind: 'special', item };
  return undefined;
}

/**
 * CONTRACT §4: a kind by any name the functions accept, either language, any width. A variant may
 * follow in brackets or after a space: `忌引（祖母）`, `特休1 祖父母`, `bereavement (grandmother)`.
 * @example readLeaveKind(alt, '夏季休暇') → { kind: 'special', item: 21 }
 */
export function readLeaveKind(rs: AltRuleset, text: string): LedgerKind | undefined {
  const t = text.normalize('NFKC').trim();
  const whole = kindOfName(rs, t);
  if (whole) return whole;
  // A name with a bracketed part: the 休職 cause (休職（病気）) or a special-leave variant (忌引（祖母）).
  // The last bracketed part is the variant: 産休（産前）（祖母） keeps 産休（産前） as the name.
  const bracket = /^(.+?)\s*[(（[【「]([^()（）[\]【】「」]+)[)）\]】」]\s*$/.exec(t);
  const spaced = /^(\S+(?:\s+\d{1,2})?)\s+(.+)$/.exec(t);
  for (const m of [bracket, spaced]) {
    const [, name, variant] = m ?? [];
    if (name === undefined || variant === undefined) continue;
    const base = kindOfName(rs, name);
    if (base?.kind === 'special') return { ...base, variant: variant.trim() };
  }
  return undefined;
}

/** A ledger kind by name (the same reader, the ruleset last and optional). */
export function parseLedgerKind(text: string, rs: AltRuleset = defaultAltRuleset()): LedgerKind | undefined {
  return readLeaveKind(rs, text);
}

/** Edit distance of two short keys (for the nearest names of an unknown kind). */
function distance(a: string, b: string): number {
  // Row by row of the edit table: each row has b.length + 1 cells.
  let above = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(itemAt(above, j, 'edit row') + 1, itemAt(row, j - 1, 'edit row') + 1, itemAt(above, j - 1, 'edit row') + change));
    }
    above = row;
  }
  return lastItem(above, 'edit row');
}

/** Every name the reader accepts, as written (for messages and docs). */
export function leaveKindNames(rs: AltRuleset): string[] {
  const out = [...flatMapOf(entriesOf(SIMPLE_NAMES), ([, names]) => names), '休職（病気）', '休職（公務）', '休職（起訴）', 'suspension illness', 'suspension work', 'suspension indictment', '特休N', 'special N'];
  for (const k of rs.specialLeave) out.push(...specialNames(k));
  return out;
}

/** The names nearest to an unknown kind (CONTRACT §4: an unknown kind's message lists them). */
export function nearestLeaveKinds(rs: AltRuleset, text: string, count = 4): string[] {
  const key = nameKey(text);
  const scored = leaveKindNames(rs).map((n) => {
    const k = nameKey(n);
    const contains = key.length >= 2 && (k.includes(key) || key.includes(k)) ? -10 : 0;
    return { n, score: distance(key, k) / Math.max(k.length, key.length, 1) + contains };
  });
  scored.sort((a, b) => a.score - b.score);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of scored) {
    if (seen.has(nameKey(s.n))) continue;
    seen.add(nameKey(s.n));
    out.push(s.n);
    if (out.length >= count) break;
  }
  return out;
}

/** The message for a kind the reader does not know, naming the nearest names. */
export function unknownKindMessage(rs: AltRuleset, text: string): { en: string; ja: string } {
  const near = nearestLeaveKinds(rs, text);
  return {
    en: `unknown kind "${text}"; nearest: ${near.join(', ')} (all kinds: annual, sick, special N or its name, partial, childcare, absence, suspension illness/work/indictment, duty suspension, paycut)`,
    ja: `種別「${text}」は不明です。近いもの: ${near.join('、')}（年休・病休・特休N又は特別休暇の名称・部分休業・育児休業・欠勤・休職（病気/公務/起訴）・停職・減給）`,
  };
}
