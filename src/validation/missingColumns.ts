// The warning for a column a check needs and the sheet does not have: what is skipped, the columns
// no check reads (with their letters) and how to map one. The same words for every sheet kind.

import { Field, HEADER_TABLES, Msg } from './fields';
import type { FoundHeader } from './header';
import { columnLetters } from './report';

export interface MissingColumn {
  field: Field;
  rule: string;
  msg: Msg;
}

/**
 * The unread header columns that could hold a field: a reading (フリガナ) or a running number never
 * does, nor a column the add-in writes itself (the pane's "Expected pay 支給見込額", the CLI's "Expected 計算額").
 */
export function candidateColumns<C extends { text: string }>(unclaimed: readonly C[]): C[] {
  return unclaimed.filter((u) => !/フリガナ|ふりがな|カナ|かな|読み|^(no\.?|番号|連番|#)$|支給見込額|^expected(pay)?(計算額)?$/i.test(u.text.normalize('NFKC').replace(/\s+/g, '')));
}

/** The part of a missing-column warning that names the candidates and says how to map one. */
export function mappingAdvice(field: Field, allUnclaimed: readonly { index: number; text: string }[], firstColumn: number, hint: 'cli' | 'pane'): Msg {
  const unclaimed = candidateColumns(allUnclaimed);
  const candidates = unclaimed.map((u) => `"${u.text}" (${columnLetters(firstColumn + u.index)})`);
  const cands = candidates.length
    ? { en: `; columns no check reads: ${candidates.join(', ')}`, ja: `。どの点検も読んでいない列: ${unclaimed.map((u) => `「${u.text}」（${columnLetters(firstColumn + u.index)}列）`).join('、')}` }
    : { en: '', ja: '' };
  const example = unclaimed[0]?.text ?? columnLetters(firstColumn);
  const how =
    hint === 'pane'
      ? { en: ` If one of them holds it, use "Choose the column…" on this finding.`, ja: `。該当する列があれば、この指摘の「列を選ぶ…」で選んでください。` }
      : { en: ` If one holds it, map it: altrules validate FILE --columns map.json, with map.json {"${field}": "${example}"} (a header text, a column letter, or null for "not kept").`, ja: `。該当する列があれば対応付けてください: altrules validate ファイル --columns map.json（map.json の内容 {"${field}": "${example}"}。見出しの文字、列の文字、またはこの列がない場合は null）。` };
  return { en: cands.en + '.' + how.en, ja: cands.ja + how.ja };
}

/** A warning for each missing column a check needs, naming the candidates and how to map one (docs/fields.md): one per field. */
export function missingColumnWarnings(h: Pick<FoundHeader, 'kind' | 'columns' | 'notKept' | 'unclaimed'>, needs: readonly (readonly [Field, string, Msg])[], hint: 'cli' | 'pane', firstColumn: number): MissingColumn[] {
  const missing = new Set<Field>();
  const out: MissingColumn[] = [];
  for (const [field, rule, what] of needs) {
    if (h.columns.has(field) || missing.has(field) || h.notKept.has(field)) continue;
    missing.add(field);
    const names = (HEADER_TABLES[h.kind] as Record<string, string[] | undefined>)[field] ?? [field];
    const ja = names.filter((n) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(n)).slice(0, 4);
    const advice = mappingAdvice(field, h.unclaimed, firstColumn, hint);
    out.push({ field, rule, msg: {
      en: `no "${names[0]}" column (${names.slice(0, 6).join(', ')}, … — field ${field}): ${what.en} skipped${advice.en}`,
      ja: `「${ja[0] ?? names[0]}」列（${ja.join('・')} など）がないため、${what.ja}を省略しました${advice.ja}`,
    } });
  }
  return out;
}
