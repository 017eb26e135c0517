// altrules pay ROSTER.xlsx LEDGER.xlsx --month 2024-07 [--out pay.xlsx] [--json] — the expected pay
// of every person on the roster for a month (docs/rules.md §12); and the cross-file sheets that
// `altrules validate roster.xlsx ledger.xlsx pay.xlsx` hands to the ledger and pay checks.

import { existsSync, readFileSync, statSync } from 'fs';
import { resolve } from 'path';
import { AltRuleset, MonthPay, RuleError, firstDayOfMonthKey, grouped, monthLabel, resolveRuleset } from '../core';
import type { Lang } from '../functions/registry';
import { PayBook, PaySheetResult, RosterSkip, checkLedgerSheet, ledgerKindOfSheet, monthOfCell, leftOutText, rosterPeople } from '../validation/ledger';
import type { SheetInput, SheetResult } from '../validation/validate';
import { sheetsOfFile as readSheetsOfFile } from './workbook';
import { parseFlags } from './flags';
import { explainLine } from '../core/clauseLabel';
import { outProblem, writePackageSafely } from './safeWrite';
import { writeNewWorkbook } from './newBook';
import { Refusal } from './zip';
import { ColumnsSpec, mappingsFor, readColumnsFile, splitStore } from './store';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const sheetCache = new Map<string, Promise<SheetInput[]>>();
function sheetsOfFile(file: string): Promise<SheetInput[]> {
  const key = resolve(file);
  let s = sheetCache.get(key);
  if (!s) sheetCache.set(key, (s = readSheetsOfFile(file)));
  return s;
}

/**
 * The sheets of the other files on the command line, for a workbook that holds a ledger or pay
 * sheet (people are matched by name across the files). Unreadable files give nothing here; the
 * validate loop reports them itself.
 */
export async function relatedSheets(files: readonly string[], current: string, sheets: readonly SheetInput[]): Promise<SheetInput[]> {
  if (!sheets.some((s) => ledgerKindOfSheet(s))) return [];
  const out: SheetInput[] = [];
  for (const f of files) {
    if (resolve(f) === resolve(current) || !existsSync(f)) continue;
    try {
      out.push(...(await sheetsOfFile(f)));
    } catch {
      // reported by the caller when it reads the file itself
    }
  }
  return out;
}

/** A pay sheet's expected amounts for `--json` (README "The leave ledger": without Paid, the expected pay is reported). */
export function expectedOf(results: readonly SheetResult[], file?: string): (PaySheetResult['expected'][number] & { sheet: string; file?: string })[] {
  return results.flatMap((r) => (r.kind === 'pay' ? ((r as PaySheetResult).expected ?? []).map((e) => ({ ...(file ? { file } : {}), sheet: r.sheet, ...e })) : []));
}

/** Lines for a pay sheet's expected amounts (printed by `altrules validate`). */
export function expectedLines(r: SheetResult, ja: boolean): string {
  const { expected, status } = r as PaySheetResult;
  // A month-columns sheet says which fiscal year its 4月 … 3月 are, and where that was read.
  const said = r.kind === 'pay' && status ? `  ${ja ? status.ja : status.en}\n` : '';
  if (r.kind !== 'pay' || !expected?.length) return said;
  const head = said + (ja ? '  計算上の支給額:\n' : '  expected pay:\n');
  return head + expected.map((e) => `  ${(ja ? `${e.row}行目` : `row ${e.row}`).padEnd(8)} ${e.name.padEnd(20)} ${e.month}  ¥${grouped(e.expected).padStart(9)}${e.paid !== undefined ? (e.paid === e.expected ? (ja ? '  一致' : '  matches') : ja ? `  支給 ¥${grouped(e.paid)}` : `  paid ¥${grouped(e.paid)}`) : ''}\n`).join('');
}

/** The files, each once: the same file by another name or link (device and inode) is dropped. */
export function uniqueFiles(files: readonly string[]): { unique: string[]; repeats: [string, string][] } {
  const seen = new Map<string, string>();
  const unique: string[] = [];
  const repeats: [string, string][] = [];
  for (const f of files) {
    let key: string;
    try {
      const st = statSync(f);
      key = `${st.dev}:${st.ino}`;
    } catch {
      key = `path:${resolve(f)}`; // unreadable: reported when it is read
    }
    const first = seen.get(key);
    if (first !== undefined) repeats.push([f, first]);
    else {
      seen.set(key, f);
      unique.push(f);
    }
  }
  return { unique, repeats };
}

/**
 * `--ruleset`: what the functions' ruleset argument takes (a built-in id such as saitama-alt-r5, or a
 * ruleset as JSON text), or a JSON file holding one. Undefined: the default.
 */
export function rulesetOption(spec: string | undefined): { rs?: AltRuleset; error?: { en: string; ja: string } } {
  if (spec === undefined) return {};
  let text = spec;
  try {
    if (!spec.trim().startsWith('{') && /\.json$/i.test(spec.trim())) text = readFileSync(spec.trim(), 'utf8');
  } catch (e) {
    return { error: { en: `--ruleset: cannot read ${spec}: ${(e as Error).message}`, ja: `--ruleset: ${spec} を読み込めません: ${(e as Error).message}` } };
  }
  try {
    return { rs: resolveRuleset('alt', text) };
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    return { error: { en: `--ruleset: ${e.message}`, ja: `--ruleset: ${e.messageJa}` } };
  }
}

export async function payCommand(args: string[], io: Io, lang: Lang): Promise<number> {
  const ja = lang === 'ja';
  const usage = ja ? '使い方: altrules pay 名簿.xlsx 休暇簿.xlsx --month 2024-07 [--out pay.xlsx [--force]] [--json] [--explain] [--ruleset saitama-alt-r5|FILE.json|JSON] [--columns MAP.json]\n' : 'usage: altrules pay ROSTER.xlsx LEDGER.xlsx --month 2024-07 [--out pay.xlsx [--force]] [--json] [--explain] [--ruleset saitama-alt-r5|FILE.json|JSON] [--columns MAP.json]\n';
  const parsed = parseFlags(args, { month: 'value', out: 'value', json: 'flag', explain: 'flag', force: 'flag', ruleset: 'value', columns: 'value' }, 'pay');
  if ('error' in parsed) {
    io.err(`${ja ? parsed.error.ja : parsed.error.en}\n${usage}`);
    return 2;
  }
  const { flags, positional: files } = parsed;
  const monthText = typeof flags.month === 'string' ? flags.month : undefined;
  const outPath = typeof flags.out === 'string' ? flags.out : undefined;
  const json = flags.json === true;
  const explain = flags.explain === true;
  const force = flags.force === true;
  const chosen = rulesetOption(typeof flags.ruleset === 'string' ? flags.ruleset : undefined);
  if (chosen.error) {
    io.err(`${ja ? chosen.error.ja : chosen.error.en}\n`);
    return 2;
  }
  const rs = chosen.rs;
  const month = monthText ? monthOfCell(monthText) : undefined;
  if (files.length === 0 || month === undefined || outPath === '') {
    io.err(month === undefined && monthText ? (ja ? `--month「${monthText}」は月ではありません（例 2024-07、令和6年7月）\n` : `--month "${monthText}" is not a month (e.g. 2024-07 or 令和6年7月)\n`) : usage);
    return 2;
  }
  if (force && outPath === undefined) {
    io.err(ja ? '--force は --out と一緒に使います\n' : '--force goes with --out\n');
    return 2;
  }
  // One workbook named twice (both roles in one file, or a link to it) is read once: read twice,
  // its ledger would be counted twice.
  const { unique, repeats } = uniqueFiles(files);
  for (const [again, first] of repeats) io.err(ja ? `${again} は ${first} と同じファイルです: 1回だけ読みます\n` : `${again} is the same file as ${first}: read once\n`);
  const sheets: SheetInput[] = [];
  for (const f of unique) {
    try {
      sheets.push(...(await sheetsOfFile(f)));
    } catch (e) {
      io.err(ja ? `読み込めないファイルです: ${f}: ${(e as Error).message}\n` : `cannot read ${f} as an .xlsx workbook: ${(e as Error).message}\n`);
      return 2;
    }
  }
  // The same guard as validate --out: never an input (by any path or link), never an existing file without --force.
  if (outPath) {
    for (const f of files) {
      const bad = outProblem(f, outPath, force);
      if (bad) {
        io.err(`${ja ? bad.ja : bad.en}\n`);
        return 2;
      }
    }
  }
  // The same column mapping as validate: the workbook's stored one, with --columns over it.
  let spec: ColumnsSpec | undefined;
  if (typeof flags.columns === 'string') {
    try {
      spec = readColumnsFile(flags.columns);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      io.err(`${ja ? e.ja : e.en}\n`);
      return 2;
    }
  }
  const split = splitStore(sheets);
  const { mappings, unmatched } = mappingsFor(split.store, spec, split.sheets);
  if (unmatched.length) {
    for (const u of unmatched) io.err(`${ja ? u.ja : u.en}\n`);
    return 2;
  }
  const skipped: RosterSkip[] = [];
  const people = rosterPeople(split.sheets, rs, skipped, mappings);
  if (people.size === 0) {
    io.err(ja ? '名簿シートが見つかりません（氏名・任期開始・来日年数 などの見出し）\n' : 'no roster sheet found (headers such as Name, Term start, Year)\n');
    return 1;
  }
  const ledgers = split.sheets.filter((s) => ledgerKindOfSheet(s, mappings) === 'ledger').map((s) => checkLedgerSheet(s, { people, alt: rs, mappings }));
  const wrong = ledgers.reduce((n, l) => n + l.result.findings.filter((f) => f.severity === 'error').length, 0);
  const monthFirst = firstDayOfMonthKey(month);
  const monthLast = firstDayOfMonthKey(month + 1) - 1;
  const book = new PayBook(people, ledgers.flatMap((l) => l.sound), rs, ledgers.flatMap((l) => l.leftOut));
  // The ledger rows of a person left out of the pay (they have errors) are named with the steps.
  const stepsOf = (name: string, pay: MonthPay): string[] => {
    const left = leftOutText(book.leftOut(name, month));
    // Each step's clause in the output's language: 第7条第3項 / Art 7.3, decisions kept (判断D-9).
    return [...pay.steps.map((s) => explainLine(s.clause, ja ? s.ja : s.en, lang)), ...(left ? [ja ? left.ja : left.en] : [])];
  };
  // Every person is the book's own, so each has a month's pay.
  const all = [...people.values()].flatMap((p) => {
    const pay = book.month(p.name, month);
    return pay ? [{ name: p.name, refused: book.unknown(p.name, month), pay, inTerm: p.terms.some((t) => t.start <= monthLast && t.end >= monthFirst) }] : [];
  });
  // D-11, D-12: a month with days of an unknown earlier term is refused, never priced with them at 0.
  const rows = all.filter((r) => !r.refused);
  const refused = all.flatMap((r) => (r.refused ? [{ name: r.name, en: r.refused.en, ja: r.refused.ja }] : []));
  const skippedLine = (k: RosterSkip) => `  ${k.sheet} ${ja ? `${k.row}行目` : `row ${k.row}`}${k.name ? ` ${k.name}` : ''}: ${ja ? k.ja : k.en}\n`;
  if (json) {
    io.out(`${JSON.stringify({ month: monthLabel(month), ledgerErrors: wrong, skipped: skipped.map((k) => ({ sheet: k.sheet, row: k.row, name: k.name ?? null, message: k.en, message_ja: k.ja })), refused: refused.map((r) => ({ name: r.name, message: r.en, message_ja: r.ja })), pay: rows.map((r) => ({ name: r.name, gross: r.pay.gross, payCut: r.pay.cut, deductions: r.pay.taken, expected: r.pay.expected, carried: r.pay.carried, steps: stepsOf(r.name, r.pay) })) }, null, 2)}\n`);
  } else {
    if (ledgers.length === 0) io.out(ja ? '休暇簿シートがありません: 日割のみで計算します\n' : 'no ledger sheet: pay from the terms alone\n');
    if (wrong) io.out(ja ? `休暇簿に${wrong}件のエラーがあり、その記録は計算に含めていません（altrules validate で確認）\n` : `the ledger has ${wrong} error(s); those entries are left out (see altrules validate)\n`);
    io.out(ja ? `${monthLabel(month)} の支給見込額\n` : `Expected pay for ${monthLabel(month)}\n`);
    for (const r of rows) {
      const p = r.pay;
      io.out(`  ${r.name.padEnd(22)} ¥${grouped(p.expected).padStart(9)}${r.inTerm ? '' : ja ? `  （${monthLabel(month)} は任期外）` : `  (no term in ${monthLabel(month)})`}${p.cut || p.taken ? `  ${ja ? '（' : '('}${ja ? '月額' : 'gross'} ¥${grouped(p.gross)}${p.cut ? `${ja ? '、減給' : ', pay cut'} ¥${grouped(p.cut)}` : ''}${p.taken ? `${ja ? '、減額' : ', deductions'} ¥${grouped(p.taken)}` : ''}${ja ? '）' : ')'}` : ''}${p.carried ? `  ${ja ? '翌月繰越' : 'carried'} ¥${grouped(p.carried)}` : ''}\n`);
      if (explain) for (const line of stepsOf(r.name, p)) io.out(`      ${line}\n`);
      else {
        const left = leftOutText(book.leftOut(r.name, month));
        if (left) io.out(`      ${ja ? left.ja : left.en}\n`);
      }
    }
    for (const r of refused) io.out(`  ${r.name.padEnd(22)} ${ja ? '計算できません' : 'cannot be priced'}: ${ja ? r.ja : r.en}\n`);
    // Nobody is left out silently: each roster row that gave no term, and why.
    if (skipped.length) {
      io.out(ja ? `名簿の次の${skipped.length}行は計算に含めていません:\n` : `${skipped.length} roster row(s) not in this list:\n`);
      for (const k of skipped) io.out(skippedLine(k));
    }
  }
  if (outPath) {
    const table = [
      ['Name', 'Month', 'Paid', 'Expected 計算額', 'Gross 月額', 'Pay cut 減給', 'Deductions 減額', 'Carried 繰越', 'Steps 根拠'],
      ...rows.map((r) => [r.name, monthLabel(month), null, r.pay.expected, r.pay.gross, r.pay.cut, r.pay.taken, r.pay.carried, stepsOf(r.name, r.pay).join('\n')]),
      // A refused month gets no figure, only the reason.
      ...refused.map((r) => [r.name, monthLabel(month), null, null, null, null, null, null, `${r.en}\n${r.ja}`]),
    ];
    try {
      // Month as text: a clerk's 2024-07 must not turn into a date by itself.
      await writePackageSafely(outPath, force, (zw) => writeNewWorkbook(zw, '給与点検 Pay', table, [22, 10, 12, 14, 12, 12, 14, 12, 90], [2], [9]));
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      io.err(`${ja ? e.ja : e.en}\n`);
      return 2;
    }
    if (!json) io.out(ja ? `${outPath} に書き出しました（支給額（Paid）列を記入して altrules validate で点検できます）\n` : `Wrote ${outPath} (fill in Paid and check it with altrules validate)\n`);
  }
  return 0;
}
