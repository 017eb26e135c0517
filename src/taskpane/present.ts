// How a finding reads to a clerk: who it is about, where, how bad (in words), and the clause of
// the rules in the clerk's language. DOM-free and Office-free, so it tests in Node.

import type { Finding, Severity } from '../validation/validate';
import { cellAddress } from '../validation/report';
import type { UiLang } from './i18n';
import type { Acceptance } from '../validation/store';

/** One clause tag → its Japanese form: Art 7.1 → 第7条第1項, Art 14-3.3 → 第14条の3第3項, Note 2.2 → 注2の2. */
function clauseJa(tag: string): string | undefined {
  const art = /^Art (\d+)(?:-(\d+))?(?:\.(\d+))?(?:\.(\d+))?$/.exec(tag);
  if (art) return `第${art[1]}条${art[2] ? `の${art[2]}` : ''}${art[3] ? `第${art[3]}項` : ''}${art[4] ? `第${art[4]}号` : ''}`;
  const note = /^Notes? (\d+)(?:\.(\d+))?(?:[–-](\d+)(?:\.(\d+))?)?$/.exec(tag);
  if (note) {
    const one = (a: string, b?: string) => `${a}${b ? `の${b}` : ''}`;
    return `注${one(note[1], note[2])}${note[3] ? `〜${one(note[3], note[4])}` : ''}`;
  }
  return undefined;
}

/**
 * The rule a finding cites, as the clerk reads it. Only the rules themselves are cited: the
 * project's own documents (CONTRACT §n) and its decisions (D-n, P-n) are left out; what remains
 * of a bare input check is "input".
 */
export function ruleLabel(rule: string, lang: UiLang): string {
  const parts = rule
    .split(/,\s*/)
    .map((p) => p.trim())
    .filter((p) => p && !/^(CONTRACT\b|D-\d|P-\d|internal$|input$)/.test(p));
  if (!parts.length) return lang === 'ja' ? '入力' : 'input';
  if (lang === 'en') return parts.join(', ');
  // "Art 13.2, 26.2.1": a bare number after an article is an article too; "Art 12–14" a range of them.
  let art = false;
  return parts
    .map((p) => {
      const tag = art && /^\d/.test(p) ? `Art ${p}` : p;
      art = /^Art /.test(tag);
      const range = /^Art (\d+)–(\d+)$/.exec(tag);
      if (range) return `第${range[1]}条〜第${range[2]}条`;
      return clauseJa(tag) ?? tag.replace(/^CLAIR: /, 'クレア: ');
    })
    .join('・');
}

/**
 * A finding's message as the clerk reads it: the project's decision numbers (D-n, P-n) left out as
 * in the rule column, and in Japanese the clauses it cites in their Japanese form (Art 7.1 →
 * 第7条第1項, "Art 13.2, 26.2.1" → 第13条第2項・第26条第2項第1号).
 */
export function clerkMessage(text: string, lang: UiLang): string {
  let out = text
    // "(D-4)", "(Art 13.2, D-6)": the decision goes, the clause stays.
    .replace(/\s*\((?:[DP]-\d+(?:,\s*)?)+\)/g, '')
    .replace(/,\s*[DP]-\d+\b/g, '')
    .replace(/\b[DP]-\d+(?:,\s*|:\s*|\s+)/g, '')
    .replace(/\(\s*\)/g, '');
  if (lang === 'ja') out = out.replace(CLAUSE_LIST, (tags) => ruleLabel(tags, 'ja'));
  return out;
}

/** A list of clauses in a message: "Art 7.1", "Art 13.2, 26.2.1", "Note 2.2", "Art 12–14". */
const CLAUSE_LIST = /\b(?:Art|Notes?) \d+(?:[-–.]\d+)*(?:,\s*(?:(?:Art|Notes?) )?\d+(?:[-–.]\d+)*)*/g;

export function severityWord(severity: Severity, lang: UiLang): string {
  return severity === 'error' ? (lang === 'ja' ? 'エラー' : 'Error') : lang === 'ja' ? '警告' : 'Warning';
}

/** A cell address, or "header row 3" for a finding about the sheet as a whole. */
export function whereLabel(f: Finding, lang: UiLang): string {
  if (f.columnIndex) return cellAddress(f.row, f.columnIndex);
  return lang === 'ja' ? `見出し行 ${f.row}` : `header row ${f.row}`;
}

export { whoReader } from '../validation/report';
export type { CheckedRows } from '../validation/report';

/** The day of an ISO instant in Japan (UTC+9, no daylight saving): an acceptance at 08:00 JST is that day's. */
export function dayInJapan(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t + 9 * 3_600_000).toISOString().slice(0, 10) : iso.slice(0, 10);
}

/** Column widths of the findings sheet, in points; the two messages get the room and wrap. */
export const REPORT_WIDTHS = [90, 70, 110, 90, 80, 120, 240, 240, 160];

/** The findings sheet the pane writes: a bilingual header, one row per finding, text only. */
export function reportTable(findings: Finding[], who: (f: Finding) => string, accepted: { finding: Finding; acceptance: Acceptance }[] = []): { rows: string[][]; widths: number[] } {
  const rows = [['Sheet シート', 'Cell セル', 'Who 氏名', 'Column 列', 'Severity 重要度', 'Rule 条項', 'Message', 'メッセージ', 'Accepted 承認']];
  const row = (f: Finding, severity: string, note: string) => [f.sheet, whereLabel(f, 'en'), who(f), f.column, severity, `${ruleLabel(f.rule, 'en')} ${ruleLabel(f.rule, 'ja')}`, clerkMessage(f.message, 'en'), clerkMessage(f.message_ja, 'ja'), note];
  for (const f of findings) rows.push(row(f, `${severityWord(f.severity, 'en')} ${severityWord(f.severity, 'ja')}`, ''));
  // Accepted findings are listed as accepted, with who, when and why.
  for (const { finding: f, acceptance: a } of accepted) rows.push(row(f, 'Accepted 承認済', `${a.who}, ${dayInJapan(a.when)}: ${a.why}`));
  return { rows, widths: REPORT_WIDTHS };
}
