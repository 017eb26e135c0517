// altrules validate FILE.xlsx [--json] [--out CHECKED.xlsx [--force]] — the task pane's checks, headless.

import { closeSync, openSync, statSync, Stats } from 'fs';
import type { Lang } from '../functions/registry';
import { Finding, RowNote, SheetInput, SheetResult, validateWorkbook } from '../validation/validate';
import { at } from '../validation/strict';
import { RuleCount, clerkMessage, dayInJapan, jsonFinding, ruleLabel, ruleSummary, rulesetNames, severityWord, whereOf, whoOfSheet } from '../validation/report';
import { basename } from 'path';
import { Refusal, Zip, closeZip, openZip } from './zip';
import { Package, ReadSheet, openPackage, readAllSheets } from './workbook';
import { applyReview, reviewFormulas } from './formulas';
import { writeMarkedCopy } from './mark';
import { parseFlags } from './flags';
import { outProblem, writePackageSafely } from './safeWrite';
import { expectedLines, expectedOf, relatedSheets } from './pay';
import type { Acceptance } from '../validation/store';
import { ColumnsSpec, Unmatched, acceptedFindings, keepOf, mappingsFor, readColumnsFile, splitStore } from './store';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const USAGE_EN = 'usage: altrules validate FILE.xlsx [FILE2.xlsx …] [--json] [--columns MAP.json] [--out CHECKED.xlsx [--force] [--both-languages]]\n';
const USAGE_JA = '使い方: altrules validate ファイル.xlsx [ファイル2.xlsx …] [--json] [--columns 対応.json] [--out 点検済み.xlsx [--force] [--both-languages]]\n';
const HELP_EN = `${USAGE_EN}
Checks every roster, claims, leave-ledger and pay sheet of the workbook(s); each sheet is known by
its headers (氏名, 着任日, 任期満了日, 年次, 報酬月額, 派遣先事務所, 休暇の種類, 支給月, …; the full
list is docs/fields.md). Title rows, two-row headers (任用期間 over 自/至), 和暦 dates, full-width
numbers, label, blank, 合計 and ※ rows are understood: skipped rows are listed as notes.

  --json              findings, notes and sheets as JSON
  --columns MAP.json  map fields to columns the headers do not name, for every sheet and file:
                        {"termStart": "採用日", "sickDays": "H", "cohort": null}
                      (a header text, a column letter, or null = not kept), or per sheet:
                        {"名簿": {"year": "年次"}}
  --out CHECKED.xlsx  a marked copy with a findings sheet (--force to replace a file)
  --both-languages    (with --out) the findings sheet in Japanese and English, not only --lang's
  --lang ja|en        language of messages
Exit code: 0 when a sheet was checked, 1 when none was recognised, 2 on bad usage or an unreadable file.
`;
const HELP_JA = `${USAGE_JA}
ブック内の名簿・請求・休暇簿・給与点検のシートを点検します。シートの種類は見出し（氏名、着任日、任期満了日、
年次、報酬月額、派遣先事務所、休暇の種類、支給月 など。一覧は docs/fields.md）で判断します。表題行、2段の見出し
（任用期間の下に自/至）、和暦、全角数字、区分・空白・合計・※の行に対応し、読み飛ばした行は注記として表示します。

  --json              指摘・注記・シートを JSON で出力
  --columns MAP.json  見出しで分からない列を項目に対応付け（全シート・全ファイル共通）:
                        {"termStart": "採用日", "sickDays": "H", "cohort": null}
                      （見出しの文字・列の文字・null＝この列はない）。シートごと: {"名簿": {"year": "年次"}}
  --out CHECKED.xlsx  印を付けた写しと点検結果シートを保存（既存ファイルは --force で置換）
  --both-languages    （--out と一緒に）点検結果シートを日本語と英語の両方で書く（既定は --lang の言語だけ）
  --lang ja|en        メッセージの言語
終了コード: 点検したシートがあれば 0、なければ 1、使い方の誤り・読めないファイルは 2。
`;

/** Why a path cannot be read, in both languages; undefined when it is a readable regular file. */
function unreadable(file: string): Refusal | undefined {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return new Refusal(`no such file: ${file}`, `ファイルがありません: ${file}`);
    if (code === 'EACCES' || code === 'EPERM') return new Refusal(`no permission to read ${file}`, `${file} を読む権限がありません`);
    return new Refusal(`cannot read ${file}: ${code}`, `${file} を読めません: ${code}`);
  }
  if (st.isDirectory()) return new Refusal(`${file} is a folder, not a workbook file`, `${file} はフォルダーです。ブックのファイルを指定してください`);
  if (!st.isFile()) return new Refusal(`${file} is not a regular file (a device, pipe or socket); give an .xlsx file`, `${file} は通常のファイルではありません（デバイス・パイプなど）。.xlsx ファイルを指定してください`);
  try {
    closeSync(openSync(file, 'r'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' ? new Refusal(`no permission to read ${file}`, `${file} を読む権限がありません`) : new Refusal(`cannot read ${file}: ${code}`, `${file} を読めません: ${code}`);
  }
  return undefined;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Writes the marked copy (see writePackageSafely). */
function writeCopy(pkg: Package, results: SheetResult[], lang: Lang, out: string, force: boolean, accepted: Map<Finding, Acceptance>, read: readonly ReadSheet[], file: string, both: boolean): Promise<void> {
  const whoBySheet = new Map(results.map((r) => [r.sheet, whoOfSheet(r, read)]));
  const run = { lang, ...(both ? { both } : {}), date: dayInJapan(new Date().toISOString()), sources: [basename(file)], rulesets: rulesetNames(results.map((r) => r.kind), lang) };
  return writePackageSafely(out, force, (zw) => writeMarkedCopy(pkg, results, lang, zw, accepted, { who: (f) => whoBySheet.get(f.sheet)?.(f.row) ?? '', run }));
}

/**
 * Reads every sheet of an opened package and validates it, formulas reviewed. `related` gives the
 * sheets of other files that a ledger or pay sheet matches its people against. The workbook's
 * `_altrules` store is not checked but honoured: its column mappings (with `columns` over them)
 * and its accepted findings. Refusals throw.
 */
export async function checkWorkbook(
  zip: Zip,
  lang: Lang,
  related: (sheets: ReadSheet[]) => Promise<SheetInput[]> = async () => [],
  columns?: ColumnsSpec,
): Promise<{ pkg: Package; sheets: ReadSheet[]; results: SheetResult[]; accepted: Map<Finding, Acceptance>; unmatched: Unmatched[] }> {
  const pkg = openPackage(zip);
  const { sheets, store } = splitStore(await readAllSheets(pkg, keepOf(columns)));
  const others = await related(sheets);
  // One mapping for every sheet: the roster of a file given with this one is read with it too.
  const { mappings, unmatched } = mappingsFor(store, columns, [...sheets, ...others]);
  const reviews = sheets.map((s) => reviewFormulas(s, lang));
  const results = validateWorkbook(sheets, { related: others, mappings });
  // One result and one review per sheet, in the sheets' order.
  results.forEach((r, i) => applyReview(r, at(sheets, i, 'sheets'), at(reviews, i, 'reviews')));
  return { pkg, sheets, results, accepted: acceptedFindings(store, results, sheets), unmatched };
}

/** A finding as --json gives it (CONTRACT §2): where, what, `who` the row is about, both messages. */
type JsonFinding = ReturnType<typeof jsonFinding> & { file?: string; accepted?: { who: string; when: string; why: string } };
type JsonSheet = { file?: string; sheet: string; kind: SheetResult['kind']; headerRow: number; dataRows: number; summary?: (RuleCount & { clause: string })[] };

export async function validateCommand(argv: string[], io: Io, lang: Lang): Promise<number> {
  const ja = lang === 'ja';
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(ja ? HELP_JA : HELP_EN);
    return 0;
  }
  const parsed = parseFlags(argv, { json: 'flag', out: 'value', force: 'flag', threads: 'value', columns: 'value', 'both-languages': 'flag' }, 'validate');
  if ('error' in parsed) {
    io.err(`${ja ? parsed.error.ja : parsed.error.en}\n${ja ? USAGE_JA : USAGE_EN}`);
    return 2;
  }
  const { flags, positional: files } = parsed;
  const json = flags.json === true;
  const outPath = typeof flags.out === 'string' ? flags.out : undefined;
  const force = flags.force === true;
  const both = flags['both-languages'] === true;
  const say = (r: Refusal) => io.err(`${ja ? r.ja : r.en}\n`);
  if (files.length === 0) {
    io.err(ja ? USAGE_JA : USAGE_EN);
    return 2;
  }
  if (both && outPath === undefined) {
    io.err(ja ? '--both-languages は --out と一緒に使います（点検結果シートの言語です）\n' : '--both-languages goes with --out (it is the findings sheet\'s languages)\n');
    return 2;
  }
  // A folder: every workbook under it, in parallel (a prefecture checking its boards' workbooks).
  const [only] = files;
  if (files.length === 1 && only !== undefined && isFolder(only)) {
    if (flags.columns !== undefined) {
      io.err(ja ? '--columns はフォルダーには使えません\n' : '--columns does not work with a folder\n');
      return 2;
    }
    if (outPath !== undefined) {
      io.err(ja ? '--out はフォルダーには使えません\n' : '--out does not work with a folder\n');
      return 2;
    }
    return (await import('./folder')).folderCommand(only, argv, io, lang);
  }
  if (outPath !== undefined && outPath === '') {
    io.err(ja ? '--out の後に出力ファイル名を指定してください\n' : '--out needs a file name\n');
    return 2;
  }
  if (force && outPath === undefined) {
    io.err(ja ? '--force は --out と一緒に使います\n' : '--force goes with --out\n');
    return 2;
  }
  if (outPath && files.length > 1) {
    io.err(ja ? '--out は1つのファイルにだけ使えます\n' : '--out works with one input file at a time\n');
    return 2;
  }
  let columns: ColumnsSpec | undefined;
  if (flags.columns !== undefined) {
    if (flags.columns === '' || flags.columns === true) {
      io.err(ja ? '--columns の後に列の対応を書いた JSON ファイル名を指定してください\n' : '--columns needs a JSON file naming the columns\n');
      return 2;
    }
    try {
      columns = readColumnsFile(flags.columns);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      say(e);
      return 2;
    }
  }
  const findings: JsonFinding[] = [];
  const notes: (RowNote & { file?: string })[] = [];
  const sheets: JsonSheet[] = [];
  const expected: ReturnType<typeof expectedOf> = [];
  let code = 0;
  let checked = 0;
  const unmatchedIn = new Map<string, { u: Unmatched; files: number }>();
  let opened = 0;
  for (const file of files) {
    const why = unreadable(file);
    if (why) {
      say(why);
      code = 2;
      continue;
    }
    if (outPath) {
      const bad = outProblem(file, outPath, force);
      if (bad) {
        say(bad);
        code = 2;
        continue;
      }
    }
    let zip;
    try {
      zip = openZip(file);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      say(e);
      code = 2;
      continue;
    }
    opened++;
    try {
      let results: SheetResult[];
      let pkg: Package;
      let accepted: Map<Finding, Acceptance>;
      let read: ReadSheet[];
      let unmatched: Unmatched[];
      try {
        ({ pkg, results, accepted, sheets: read, unmatched } = await checkWorkbook(zip, lang, (own) => relatedSheets(files, file, own), columns));
        for (const u of unmatched) unmatchedIn.set(u.key, { u, files: (unmatchedIn.get(u.key)?.files ?? 0) + 1 });
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        say(e);
        code = 2;
        continue;
      }
      const fileSheets = results.map((r) => ({
        ...(files.length > 1 ? { file } : {}),
        sheet: r.sheet,
        kind: r.kind,
        headerRow: r.headerRow,
        dataRows: r.dataRows,
        // Open findings counted by rule and severity, each with its clause as the clerk reads it (checked sheets only).
        ...(r.kind === 'unknown' ? {} : { summary: ruleSummary(r.findings.filter((f) => !accepted.has(f))).map((c) => ({ ...c, clause: ruleLabel(c.rule, lang) })) }),
      }));
      sheets.push(...fileSheets);
      const recognised = results.filter((r) => r.kind !== 'unknown');
      checked += recognised.length;
      if (recognised.length === 0) {
        const names = results.map((r) => `"${r.sheet}"`).join(', ') || (ja ? '（シートなし）' : '(no sheets)');
        io.err(
          ja
            ? `${file}: 名簿・請求・休暇簿・給与点検の見出し行のあるシートがないため、何も点検していません（シート: ${names}）。見出しの言葉は docs/fields.md の一覧を参照し、違う言葉の列は --columns で対応付けてください（altrules validate --help）\n`
            : `${file}: no sheet has a roster, claims, leave-ledger or pay header row, so nothing was checked (sheets: ${names}); the headers read are listed in docs/fields.md, and --columns maps a column with other words (altrules validate --help)\n`,
        );
      }
      if (json) {
        for (const r of results) {
          const whoOf = whoOfSheet(r, read);
          for (const finding of r.findings) {
            const f = jsonFinding(finding, whoOf(finding.row));
            const a = accepted.get(finding);
            const shown: JsonFinding = a ? { ...f, accepted: { who: a.who, when: a.when, why: a.why } } : f;
            findings.push(files.length > 1 ? { file, ...shown } : shown);
          }
        }
        expected.push(...expectedOf(results, files.length > 1 ? file : undefined));
        for (const r of results) for (const n of r.notes ?? []) notes.push(files.length > 1 ? { file, ...n } : n);
      } else {
        if (files.length > 1) io.out(`${file}\n`);
        printResults(results, io, ja, accepted, read);
      }
      if (outPath) {
        try {
          await writeCopy(pkg, results, lang, outPath, force, accepted, read, file, both);
        } catch (e) {
          if (!(e instanceof Refusal)) throw e;
          say(e);
          code = 2;
          continue;
        }
        if (!json) io.out(ja ? `\n印を付けた写しと点検結果シートを ${outPath} に保存しました（元のファイルは変更していません）\n` : `\nWrote a marked copy with a findings sheet to ${outPath} (the input is unchanged)\n`);
      }
    } finally {
      closeZip(zip);
    }
  }
  // A mapping is reported only where it matched nothing in any of the files.
  const nowhere = [...unmatchedIn.values()].filter((x) => x.files === opened && opened > 0);
  for (const { u } of nowhere) io.err(`${ja ? u.ja : u.en}${files.length > 1 ? (ja ? '（どのファイルにも）' : ' (in any file)') : ''}\n`);
  if (nowhere.length) code = 2;
  if (json) io.out(`${JSON.stringify({ sheets, findings, ...(notes.length ? { notes } : {}), ...(expected.length ? { expected } : {}) }, null, 2)}\n`);
  if (code) return code;
  return checked > 0 ? 0 : 1;
}

function printResults(results: SheetResult[], io: Io, ja: boolean, accepted: Map<Finding, Acceptance>, read: readonly ReadSheet[]): void {
  for (const r of results) {
    // Who each finding is about: the Name cell of its row, else the row's first value (as in the pane).
    const who = whoOfSheet(r, read);
    const whoOf = (f: Finding) => {
      const w = who(f.row);
      return w ? `${w}: ` : '';
    };
    if (r.kind === 'unknown') {
      io.out(ja ? `■ ${r.sheet}: 名簿・請求・休暇簿・給与点検の見出しが見つからないため点検しませんでした\n` : `■ ${r.sheet}: no roster, claims, leave-ledger or pay headers found; not checked\n`);
      continue;
    }
    const kind = ja ? { roster: '名簿', claims: '請求', ledger: '休暇簿', pay: '給与点検' }[r.kind] : r.kind;
    // Accepted findings are counted apart and listed after the open ones, each with why, who and when.
    const open = r.findings.filter((f) => !accepted.has(f));
    const done = r.findings.flatMap((f) => {
      const a = accepted.get(f);
      return a ? [{ f, a }] : [];
    });
    const errors = open.filter((f) => f.severity === 'error').length;
    const warnings = open.length - errors;
    const also = done.length ? (ja ? `、確認済み ${done.length}件` : `, ${done.length} marked as checked`) : '';
    io.out(ja ? `■ ${r.sheet}（${kind}・${r.dataRows}行）: エラー ${errors}件、警告 ${warnings}件${also}\n` : `■ ${r.sheet} (${kind}, ${r.dataRows} rows): ${errors} error(s), ${warnings} warning(s)${also}\n`);
    for (const f of open) {
      const where = f.columnIndex ? whereOf(f) : ja ? `${f.row}行目` : `row ${f.row}`;
      const sev = f.severity === 'error' ? (ja ? 'エラー' : 'error  ') : ja ? '警告  ' : 'warning';
      io.out(`  ${where.padEnd(6)} ${sev} [${ja ? ruleLabel(f.rule, 'ja') : f.rule}] ${whoOf(f)}${ja ? clerkMessage(f.message_ja, 'ja') : f.message}\n`);
    }
    for (const { f, a } of done) {
      io.out(ja ? `  ${whereOf(f).padEnd(6)} 確認済み（${a.why}、${a.who}、${a.when}） [${ruleLabel(f.rule, 'ja')}] ${clerkMessage(f.message_ja, 'ja')}\n` : `  ${whereOf(f).padEnd(6)} marked as checked (${a.why}, ${a.who}, ${a.when}) [${f.rule}] ${f.message}\n`);
    }
    // Rows that are not people: said once each, apart from the findings.
    for (const n of r.notes ?? []) io.out(ja ? `  ${`${n.row}行目`.padEnd(6)} 注記    ${n.message_ja}\n` : `  ${`row ${n.row}`.padEnd(6)} note    ${n.message}\n`);
    io.out(summaryLines(open, ja));
    io.out(expectedLines(r, ja));
  }
}

/** The count by rule and severity after a sheet's findings (nothing for a sheet without findings). */
export function summaryLines(open: readonly Finding[], ja: boolean): string {
  const counts = ruleSummary(open);
  if (!counts.length) return '';
  const lang = ja ? 'ja' : 'en';
  const head = ja ? '  条項別の件数:\n' : '  By rule:\n';
  const width = Math.max(...counts.map((c) => String(c.count).length));
  return head + counts.map((c) => `    ${String(c.count).padStart(width)} ${severityWord(c.severity, lang).padEnd(ja ? 3 : 7)} ${ja ? ruleLabel(c.rule, 'ja') : c.rule}\n`).join('');
}
