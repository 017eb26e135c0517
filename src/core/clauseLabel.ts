// Clause tags as a clerk reads them: `Art 7.1` → 第7条第1項, `Note 2.2` → 注2の2. In the core so that
// the functions' EXPLAIN, the CLI and the findings sheet share one converter (the functions and the
// CLI may not import src/validation). Plain string work only: it runs in Excel's ES2016 runtime.

export type ClauseLang = 'en' | 'ja';

/**
 * One clause tag in its Japanese form; undefined when the tag is not an article or a note.
 * @example clauseJa('Art 14-3.3') // '第14条の3第3項'
 * @example clauseJa('Notes 2.2–2.3') // '注2の2〜2の3'
 */
export function clauseJa(tag: string): string | undefined {
  const art = /^Art (\d+)(?:-(\d+))?(?:\.(\d+))?(?:\.(\d+))?$/.exec(tag);
  if (art) {
    const [, article = '', branch, paragraph, item] = art;
    return `第${article}条${branch ? `の${branch}` : ''}${paragraph ? `第${paragraph}項` : ''}${item ? `第${item}号` : ''}`;
  }
  const range = /^Art (\d+)–(\d+)$/.exec(tag);
  if (range) return `第${range[1] ?? ''}条〜第${range[2] ?? ''}条`;
  const note = /^Notes? (\d+)(?:\.(\d+))?(?:[–-](\d+)(?:\.(\d+))?)?$/.exec(tag);
  if (note) {
    const [, n = '', sub, toN, toSub] = note;
    const one = (a: string, b: string | undefined) => `${a}${b ? `の${b}` : ''}`;
    return `注${one(n, sub)}${toN ? `〜${one(toN, toSub)}` : ''}`;
  }
  return undefined;
}

/** A decision of RULES.md (D-n) or a project parameter note (P-n): the project's, not the 要綱's. */
const DECISION = /^[DP]-\d+$/;

/**
 * The references of a rule or step, one each: "Art 13.2, 26.2.1" → Art 13.2, Art 26.2.1 (a bare
 * number after an article is an article too); "Art 8.2 (D-9)" → Art 8.2, D-9.
 */
function references(rule: string): string[] {
  let art = false;
  return rule
    .replace(/[()（）]/g, ',')
    .split(/[,、]\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const tag = art && /^\d/.test(p) ? `Art ${p}` : p;
      art = /^Art /.test(tag);
      return tag;
    });
}

/** One reference in Japanese: a clause in its 条・項 form, a CLAIR section as クレア, a ruleset notice as 規則. */
function referenceJa(tag: string): string {
  if (tag === 'ruleset') return '規則';
  return clauseJa(tag) ?? tag.replace(/^CLAIR: /, 'クレア: ');
}

/**
 * The rule a finding cites, as the clerk reads it: the clauses, and the decisions (D-n, P-n) an
 * auditor looks up in docs/rules.md — in Japanese as 第12条第1項（判断D-4）. The project's own
 * documents (CONTRACT §n) are left out; a bare input check reads "input" (入力), the ruleset
 * notice "rules" (規則). Two findings under different decisions never share one label.
 * @example ruleLabel('Art 13.2, 26.2.1', 'ja') // '第13条第2項・第26条第2項第1号'
 * @example ruleLabel('CLAIR: 滞在経費助成金, D-7', 'ja') // 'クレア: 滞在経費助成金（判断D-7）'
 */
export function ruleLabel(rule: string, lang: ClauseLang): string {
  if (rule === 'ruleset') return lang === 'ja' ? '規則' : 'rules';
  const notCited = (p: string) => /^(CONTRACT\b|internal$|input$)/.test(p);
  if (lang === 'en') {
    const kept = rule.split(/,\s*/).map((p) => p.trim()).filter((p) => p && !notCited(p));
    return kept.length ? kept.join(', ') : 'input';
  }
  const kept = references(rule).filter((p) => !notCited(p));
  return kept.length ? clauseTag(kept.join(', '), 'ja') : '入力';
}

/**
 * A step's clause as EXPLAIN and `--explain` print it: every reference kept, the decisions too (an
 * auditor looks them up in docs/rules.md). In Japanese the clauses take their 条・項 form and the
 * decisions follow in brackets as 判断D-n.
 * @example clauseTag('Art 8.1, D-9', 'ja') // '第8条第1項（判断D-9）'
 * @example clauseTag('D-12, D-2', 'ja') // '判断D-12・D-2'
 */
export function clauseTag(clause: string, lang: ClauseLang): string {
  if (lang === 'en') return clause;
  const refs = references(clause);
  const rules = refs.filter((r) => !DECISION.test(r)).map(referenceJa);
  // D-n are the decisions of docs/rules.md (判断); a P-n note is kept as it is.
  const decisions = refs.filter((r) => /^D-/.test(r) && DECISION.test(r));
  const notes = refs.filter((r) => /^P-/.test(r) && DECISION.test(r));
  const judged = [...(decisions.length ? [`判断${decisions.join('・')}`] : []), ...notes].join('・');
  if (!rules.length) return judged;
  return `${rules.join('・')}${judged ? `（${judged}）` : ''}`;
}

/** One explained step: "Art 7.3: …" in English, "第7条第3項: …" in Japanese; no tag for a plain input. */
export function explainLine(clause: string, text: string, lang: ClauseLang): string {
  return clause ? `${clauseTag(clause, lang)}: ${text}` : text;
}

// ---- names in Japanese messages ----------------------------------------------------------------

/** A character of Japanese text (kana, kanji, full-width forms and punctuation). */
const JAPANESE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]/;

/**
 * A Japanese message with the ASCII names in it (an argument or field id: `cohort`, `termStart`)
 * replaced by the words the reader knows, from `nameOf` (undefined keeps the word). The id's own
 * gloss goes with it (`cohort（来日区分）が必要です` → `来日区分が必要です`), and so does a space that
 * only separated the ASCII id from Japanese text (`来日年数 は` → `来日年数は`).
 * @example inJapaneseWords('asOf 2023-08-01 が termStart 2023-09-01 より前です', (id) => ({ asOf: '基準日', termStart: '任期開始日' })[id])
 * // '基準日 2023-08-01 が任期開始日 2023-09-01 より前です'
 */
export function inJapaneseWords(text: string, nameOf: (id: string) => string | undefined): string {
  return text.replace(/( ?)\b([A-Za-z][A-Za-z0-9]*)\b(（[^（）]*）)?( ?)/g, (whole: string, before: string, id: string, _gloss: string | undefined, after: string, offset: number) => {
    const start = offset + before.length;
    const lead = text.slice(Math.max(0, start - 2), start);
    const tail = text.slice(start + id.length, start + id.length + 2);
    // Quoted, a --flag, a file name or ALT.NAME: typed text, not a name to translate.
    if (/["'.\-/]$/.test(lead) || /^["'.]/.test(tail)) return whole;
    // One word of an English phrase (a clerk's header such as "School year"): left as written.
    if (/[A-Za-z] ?$/.test(lead) || /^ ?[A-Za-z]/.test(tail)) return whole;
    const outside = { prev: text.charAt(offset - 1), next: text.charAt(offset + whole.length) };
    const name = nameOf(id);
    if (name === undefined) return whole;
    const joinsJapanese = (c: string) => c === '' || JAPANESE.test(c);
    return `${before && !(joinsJapanese(outside.prev) && JAPANESE.test(name.charAt(0))) ? before : ''}${name}${after && !(joinsJapanese(outside.next) && JAPANESE.test(name.charAt(name.length - 1))) ? after : ''}`;
  });
}
