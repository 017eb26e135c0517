// altrules — the rules core from a terminal: the same functions, coercion and validation as Excel.

import { FUNCTIONS, FnDecl, Lang, Outcome, Value, explain, findFunction, fullName, invoke } from '../functions/registry';
import { Raw } from '../functions/coerce';
import { hoursPerDayOf, shownValue } from '../functions/shown';
import { StringDecoder } from 'string_decoder';
import { parseFlags } from './flags';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const PAY_HELP_EN = `usage: altrules pay ROSTER.xlsx [LEDGER.xlsx …] --month YYYY-MM [--json] [--explain] [--ruleset ID|FILE.json|JSON] [--columns MAP.json] [--out PAY.xlsx [--force]]

The expected pay of everyone on the roster for one month (Art 7, 8; docs/rules.md §12): the monthly
pay prorated by days of service, less the deductions the leave ledger gives. The month may be written
2024-07, R6.7 or 令和6年7月. A month that cannot be priced (an earlier term the roster does not show)
is said, never priced at 0.
  --month M     the month to price (required)
  --json        the figures and steps as JSON (raw numbers)
  --explain     every step behind each figure, with its clause
  --ruleset R   the rules to apply: a built-in id, a ruleset file, or JSON (e.g. deductions the same month)
  --columns F   the column mapping validate takes (docs/fields.md), for sheets whose headers differ
  --out F       write the figures to a new workbook F (never over an existing file without --force)
  --lang ja|en  language of the output
`;
const PAY_HELP_JA = `使い方: altrules pay 名簿.xlsx [休暇簿.xlsx …] --month YYYY-MM [--json] [--explain] [--ruleset ID|ファイル.json|JSON] [--columns 対応.json] [--out 支給額.xlsx [--force]]

名簿の全員について、指定した月の報酬の計算額を出します（第7条・第8条、docs/rules.md §12）。月額を勤務日数で
日割りし、休暇簿から減額を差し引きます。月は 2024-07・R6.7・令和6年7月 のどれでも書けます。名簿にない前の
任期にかかる月は計算できない旨を表示し、0円とはしません。
  --month M     計算する月（必須）
  --json        金額と計算過程を JSON で出力
  --explain     各金額の計算過程を条項付きで表示
  --ruleset R   適用する規則（組み込みの ID、ルールセットのファイル、JSON。例: 当月減額）
  --columns F   validate と同じ列の対応付け（docs/fields.md）。見出しが異なるシートに
  --out F       金額を新しいブック F に書き出し（既存のファイルは --force のときだけ置き換え）
  --lang ja|en  出力の言語
`;

const USAGE_EN = `altrules — JET Programme ALT and CLAIR rules (docs/rules.md) from the command line

  altrules call NAME ARG...            evaluate one worksheet function as Excel would; dates shown
                                       as 2024-12-20 (45646), leave as 16.43 (16 days 3 h), yen ¥231,304
  altrules call --json NAME ARG...     the raw value as JSON: {"value":45646}
  altrules call --explain NAME ARG...  show the steps, clauses and decisions behind the result
  altrules call --jsonl                read ["ALT.PAY", 1, 45139, "2023-08-07"] lines on stdin, write results
  altrules list [--json]               every function, with parameters, in English and Japanese
  altrules validate FILE.xlsx [--json] [--columns MAP.json] [--out CHECKED.xlsx [--force] [--both-languages]]
                                       check rosters, claims, leave ledgers and pay sheets in a
                                       workbook; --out writes a marked copy (never the input; an
                                       existing file only with --force) whose findings sheet is in
                                       one language, both with --both-languages; --columns maps a
                                       field to a column the headers do not name (docs/fields.md)
  altrules validate ROSTER.xlsx LEDGER.xlsx PAY.xlsx   leave ledger and pay sheets, people matched by name
  altrules validate DIR/ [--json]      every *.xlsx under DIR, in parallel; a summary per file and a total
  altrules pay ROSTER.xlsx LEDGER.xlsx --month 2024-07 [--out pay.xlsx [--force]] [--explain]
                                       the expected pay of everyone on the roster for a month
      [--ruleset ID|FILE.json|JSON]    the ruleset, as a function's ruleset argument takes it
                                       (e.g. a same-month ruleset: deductions in the month itself)
  altrules ruleset check FILE.json     check a ruleset file: every fault with its path (exit 1)

  --lang ja|en   language of messages and help (default: en, or ja when LC_ALL, LC_MESSAGES or
                 LANG, the first one set, starts with ja)
  --columns MAP.json   (validate) {"termStart": "採用日", "sickDays": "H", "cohort": null}: field →
                 header text, column letter, or null when the sheet does not keep it; for every
                 sheet, or {"Sheet name": {...}} for one; field names in docs/fields.md
  --help         on any command: its usage

Examples:
  altrules call ALT.PAY 1 2023-08-01 2023-08-07      → ¥231,304
  altrules call ALT.TERMEND 2015-04-08 A1 2 USA 2015-08-02
  altrules call --explain --lang ja ALT.LEAVE 2023-08-01 2023-11-01 14
  altrules call CLAIR.STIPENDCAP ニューヨーク 7
`;

const USAGE_JA = `altrules — JET プログラム ALT・クレアの規則（docs/rules.md）をコマンドラインで

  altrules call 関数名 引数...            ワークシート関数を Excel と同じように1つ計算します。日付は
                                       2024-12-20 (45646)、年休は 16.43 (16日3時間)、金額は ¥231,304 と表示
  altrules call --json 関数名 引数...     値をそのまま JSON で出力: {"value":45646}
  altrules call --explain 関数名 引数...  結果に至る計算過程と条項・判断を表示
  altrules call --jsonl                標準入力の ["ALT.PAY", 1, 45139, "2023-08-07"] の行を読み、結果を1行ずつ出力
  altrules list [--json]               全関数の一覧（引数・説明を英語と日本語で）
  altrules validate ファイル.xlsx [--json] [--columns 対応.json] [--out 点検済み.xlsx [--force] [--both-languages]]
                                       ブックの名簿・請求・休暇簿・給与点検のシートを点検します。
                                       --out は印を付けた写しを保存（元のファイルには書きません。
                                       既存のファイルは --force のときだけ置き換え）。その点検結果
                                       シートは1つの言語で、--both-languages で日本語と英語の両方。
                                       --columns は見出しで分からない列を項目に対応付け（docs/fields.md）
  altrules validate 名簿.xlsx 休暇簿.xlsx 給与.xlsx   休暇簿と給与点検のシート（人は氏名で照合）
  altrules validate フォルダー/ [--json]   フォルダー内の全 *.xlsx を並行して点検し、ファイルごとの集計と合計を表示
  altrules pay 名簿.xlsx 休暇簿.xlsx --month 2024-07 [--out 支給額.xlsx [--force]] [--explain]
                                       名簿の全員について、その月の報酬の計算額
      [--ruleset ID|ファイル.json|JSON]  関数の ruleset 引数と同じ形で規則を指定
                                       （例: 減額を当月に差し引く規則）
  altrules ruleset check ファイル.json  ルールセットのファイルを点検し、誤りを場所付きで表示（終了コード 1）

  --lang ja|en   メッセージとヘルプの言語（既定: 英語。LC_ALL・LC_MESSAGES・LANG のうち最初に
                 設定されているものが ja で始まれば日本語）
  --columns 対応.json   （validate）{"termStart": "採用日", "sickDays": "H", "cohort": null}: 項目 →
                 見出しの文字・列の文字、またはシートにない列は null。全シート共通、またはシート
                 ごとに {"シート名": {...}}。項目名は docs/fields.md
  --help         どのコマンドにも付けられます: そのコマンドの使い方

例:
  altrules call ALT.PAY 1 2023-08-01 2023-08-07      → ¥231,304
  altrules call ALT.TERMEND 2015-04-08 A1 2 USA 2015-08-02
  altrules call --explain --lang ja ALT.LEAVE 2023-08-01 2023-11-01 14
  altrules call CLAIR.STIPENDCAP ニューヨーク 7
`;

const CALL_HELP_EN = `usage: altrules call NAME ARG...   |   altrules call --jsonl

Evaluates one worksheet function exactly as Excel would (the same arguments, the same errors).
Arguments are written as in a formula: numbers, TRUE/FALSE, dates as 2023-08-01 or 令和5年8月1日,
an empty argument as "", a range as {"2023-09-04","annual";"2023-10-10","年休"}.
  --json        the raw value as JSON: {"value":45646} (a date as its serial number)
  --explain     the inputs as understood, each step with its clause (第7条第3項 in Japanese), the result
  --jsonl       read ["ALT.PAY", 1, 45139, "2023-08-07"] lines on stdin, write one JSON result a line
  --lang ja|en  language of messages
Exit code: 0 with a value, 1 with an error (#VALUE!, #N/A and its message on stderr), 2 on bad usage.
Every function: altrules list.
`;
const CALL_HELP_JA = `使い方: altrules call 関数名 引数...   |   altrules call --jsonl

ワークシート関数を Excel と同じように1つ計算します（引数の読み方もエラーも同じ）。引数は数式と同じように
書きます: 数値、TRUE/FALSE、日付は 2023-08-01 や 令和5年8月1日、空の引数は ""、範囲は
{"2023-09-04","annual";"2023-10-10","年休"}。
  --json        値をそのまま JSON で出力: {"value":45646}（日付はシリアル値）
  --explain     読み取った入力、条項付きの各計算過程（第7条第3項 など）、結果を表示
  --jsonl       標準入力の ["ALT.PAY", 1, 45139, "2023-08-07"] の行を読み、結果を1行に1つ JSON で出力
  --lang ja|en  メッセージの言語
終了コード: 値が出れば 0、エラー（#VALUE!・#N/A とその説明を標準エラーに）は 1、使い方の誤りは 2。
関数の一覧: altrules list
`;

const LIST_HELP_EN = `usage: altrules list [--json] [--lang ja|en]

Every worksheet function with its parameters ([optional] in brackets) and what it returns.
  --json        name, add-in, parameters (name, type, optional) and descriptions in English and Japanese
  --lang ja|en  the parameter names and descriptions Excel shows in that language
`;
const LIST_HELP_JA = `使い方: altrules list [--json] [--lang ja|en]

全ワークシート関数を、引数（省略できるものは [ ] 内）と戻り値の説明付きで一覧します。
  --json        関数名・アドイン・引数（名前・型・省略可否）・説明（英語と日本語）を JSON で出力
  --lang ja|en  Excel がその言語で表示する引数名と説明
`;

/** A command-line word as Excel would see it typed into a formula: a number, TRUE/FALSE, or text. */
export function cliArg(word: string): Raw {
  if (word === '') return null;
  // An array written as in an Excel formula, {"2023-09-04","2023-09-08","annual";"2023-10-10",,"年休"}:
  // a range's rows for the functions that take one.
  if (word.startsWith('{') && word.endsWith('}')) return arrayConstant(word.slice(1, -1)) ?? word;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(word)) return Number(word);
  const upper = word.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return word;
}

/**
 * The inside of an Excel array constant: rows split by ";", values by ","; "text" (with "" for a
 * quote), numbers, TRUE/FALSE; an empty place is an empty cell. Undefined when it is not one.
 */
export function arrayConstant(body: string): Raw[][] | undefined {
  let row: Raw[] = [];
  const rows: Raw[][] = [row];
  let i = 0;
  const value = (): Raw | undefined => {
    if (body[i] === '"') {
      let text = '';
      for (i++; i < body.length; i++) {
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            text += '"';
            i++;
          } else break;
        } else text += body[i];
      }
      if (body[i] !== '"') return undefined; // an open quote
      i++;
      return text;
    }
    let j = i;
    while (j < body.length && body[j] !== ',' && body[j] !== ';') j++;
    const word = body.slice(i, j).trim();
    i = j;
    if (word === '') return null;
    const v = cliArg(word);
    return typeof v === 'string' ? undefined : v; // bare words are not values in an array constant
  };
  for (;;) {
    const v = value();
    if (v === undefined) return undefined;
    row.push(v);
    if (i >= body.length) break;
    if (body[i] === ',') i++;
    else if (body[i] === ';') {
      row = [];
      rows.push(row);
      i++;
    } else return undefined;
  }
  // Rows of different lengths (Excel refuses them in a formula) are padded with empty cells.
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<Raw>(width - r.length).fill(null)]);
}

/** The language the locale asks for, as POSIX picks it: LC_ALL, then LC_MESSAGES, then LANG (the first one set). */
export function localeLang(env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}


function message(o: Exclude<Outcome, { value: Value }>, lang: Lang): string {
  return lang === 'ja' ? o.messageJa : o.message;
}

function call(explainIt: boolean, json: boolean, args: string[], io: Io, lang: Lang): number {
  const [name, ...rest] = args;
  if (!name) {
    io.err(lang === 'ja' ? 'altrules call: 関数名を指定してください（例: altrules call ALT.PAY 1 2023-08-01 2023-08-07）\n' : 'altrules call: give a function name, e.g. altrules call ALT.PAY 1 2023-08-01 2023-08-07\n');
    return 2;
  }
  const raw = rest.map(cliArg);
  if (explainIt) {
    const f = findFunction(name);
    if (!f) {
      io.err(`#N/A ${lang === 'ja' ? `関数「${name}」はありません` : `no function "${name}"`}\n`);
      return 1;
    }
    const lines = explain(f, raw, lang);
    io.out(`${lines.join('\n')}\n`);
    // The last line is the result, or the error that ends the explanation.
    return /^#(VALUE!|N\/A) /.test(lines[lines.length - 1] ?? '') ? 1 : 0;
  }
  const out = invoke(name, raw, { lang });
  // --json: the raw value (a serial, a fraction of a day), as --jsonl answers it.
  if (json) {
    io.out(`${'value' in out ? JSON.stringify({ value: out.value }) : JSON.stringify({ error: out.error, message: message(out, lang) })}\n`);
    return 'value' in out ? 0 : 1;
  }
  const f = findFunction(name);
  if ('value' in out && f) {
    // For a person: dates as dates, leave in days and hours, yen with separators.
    io.out(`${shownValue(f, out.value, lang, hoursPerDayOf(f, raw))}\n`);
    return 0;
  }
  if ('value' in out) return 0;
  io.err(`${out.error} ${message(out, lang)}\n`);
  return 1;
}

/** One JSON line in, one JSON line out. A bad line gets an error object; nothing stops the stream. */
export function jsonlLine(line: string, lang: Lang): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: '#VALUE!', message: lang === 'ja' ? 'JSON として読めない行です' : 'the line is not valid JSON' });
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') {
    return JSON.stringify({ error: '#VALUE!', message: lang === 'ja' ? '行は ["ALT.PAY", 1, …] の形の配列にしてください' : 'each line must be an array like ["ALT.PAY", 1, 45139]' });
  }
  const [name, ...args] = parsed as [string, ...unknown[]];
  const bad = args.findIndex((a) => !(a === null || typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean' || Array.isArray(a)));
  if (bad >= 0) return JSON.stringify({ error: '#VALUE!', message: `argument ${bad + 1} must be a number, text, boolean, null or an array of rows` });
  const out = invoke(name, args as Raw[], { lang });
  return 'value' in out ? JSON.stringify({ value: out.value }) : JSON.stringify({ error: out.error, message: message(out, lang) });
}

/** A jsonl line longer than this is answered with an error and not kept (bounded memory). */
export const MAX_JSONL_LINE = 16 << 20;
/** A line nests arrays at most this deep: the call, an argument, its rows. */
const MAX_JSONL_DEPTH = 3;

/** How deeply a JSON text nests arrays and objects, counted outside strings in one pass. */
function nesting(line: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

function lineError(lang: Lang, en: string, ja: string): string {
  return JSON.stringify({ error: '#VALUE!', message: lang === 'ja' ? ja : en });
}

/** The answer to one input line (blank, too long, too deep or not a call: an error object). */
export function jsonlAnswer(line: string, lang: Lang): string {
  if (line.trim() === '') return lineError(lang, 'the line is empty; give ["FUNCTION", arg, …]', '空行です。["関数名", 引数, …] を指定してください');
  if (nesting(line, MAX_JSONL_DEPTH) > MAX_JSONL_DEPTH) return lineError(lang, `the line nests arrays more than ${MAX_JSONL_DEPTH} deep (the limit): a call, its arguments and their rows`, `配列の入れ子が ${MAX_JSONL_DEPTH} 段（上限）を超えています（呼び出し・引数・行まで）`);
  return jsonlLine(line, lang);
}

/**
 * Reads lines as they come and answers each chunk's lines at once (so a caller that sends one
 * line and waits gets its answer), waits for stdout to drain (a slow reader bounds our memory),
 * decodes UTF-8 across chunk boundaries, and keeps a long line in parts (linear time).
 */
async function callJsonl(io: Io, lang: Lang, input: AsyncIterable<Buffer | string> = process.stdin): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let parts: string[] = [];
  let partLen = 0;
  let overlong = false;
  let first = true;
  const answer = (line: string): string => {
    if (first) {
      first = false;
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    }
    if (line.endsWith('\r')) line = line.slice(0, -1);
    return `${jsonlAnswer(line, lang)}\n`;
  };
  const tooLong = () => {
    first = false;
    return `${lineError(lang, `the line is longer than ${MAX_JSONL_LINE.toLocaleString('en')} characters (the limit)`, `行が ${MAX_JSONL_LINE.toLocaleString('en')} 文字（上限）を超えています`)}\n`;
  };
  const take = async (text: string) => {
    let out = '';
    let start = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', start)) >= 0) {
      const piece = text.slice(start, nl);
      start = nl + 1;
      if (overlong || partLen + piece.length > MAX_JSONL_LINE) out += tooLong();
      else out += answer(parts.length ? parts.join('') + piece : piece);
      parts = [];
      partLen = 0;
      overlong = false;
    }
    const rest = text.slice(start);
    if (rest) {
      if (overlong || partLen + rest.length > MAX_JSONL_LINE) {
        overlong = true;
        parts = [];
        partLen = 0;
      } else {
        parts.push(rest);
        partLen += rest.length;
      }
    }
    if (out) {
      io.out(out);
      if (process.stdout.writableNeedDrain) await new Promise((r) => process.stdout.once('drain', r));
    }
  };
  for await (const chunk of input) await take(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  await take(decoder.end());
  if (overlong) io.out(tooLong());
  else if (partLen > 0) io.out(answer(parts.join('')));
  return 0;
}

export function describeFunction(f: FnDecl) {
  return {
    name: fullName(f),
    addin: f.addin,
    description: { en: f.en, ja: f.ja },
    parameters: f.params.map((p) => ({
      name: p.name,
      nameJa: p.jaName,
      type: p.kind,
      optional: Boolean(p.optional || p.repeating),
      ...(p.repeating ? { repeating: true } : {}),
      description: { en: p.en, ja: p.ja },
    })),
    result: f.result,
  };
}

function list(json: boolean, io: Io, lang: Lang): number {
  if (json) {
    io.out(`${JSON.stringify({ functions: FUNCTIONS.map(describeFunction) }, null, 2)}\n`);
    return 0;
  }
  for (const f of FUNCTIONS) {
    // The parameter names Excel shows in that language.
    const params = f.params.map((p) => ({ ...p, name: lang === 'ja' ? p.jaName : p.name })).map((p) => (p.optional || p.repeating ? `[${p.name}${p.repeating ? '…' : ''}]` : p.name)).join(', ');
    io.out(`${fullName(f)}(${params})\n    ${lang === 'ja' ? f.ja : f.en}\n`);
  }
  return 0;
}

// A reader that stops early (| head) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

/** Takes `--lang ja|en` (or `--lang=ja`) from anywhere in the words. */
function takeLang(args: string[]): Lang | { bad: string } | undefined {
  for (const [i, word] of args.entries()) {
    if (word === '--') break;
    let v: string;
    if (word === '--lang') {
      v = args[i + 1] ?? '';
      args.splice(i, 2);
    } else if (word.startsWith('--lang=')) {
      v = word.slice(7);
      args.splice(i, 1);
    } else continue;
    return v === 'ja' || v === 'en' ? v : { bad: v };
  }
  return undefined;
}

export async function main(argv: string[], io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  const args = [...argv];
  const langOpt = takeLang(args);
  const lang: Lang = typeof langOpt === 'string' ? langOpt : localeLang();
  if (typeof langOpt === 'object') {
    io.err(lang === 'ja' ? `--lang は ja か en です（「${langOpt.bad}」は使えません）\n` : `--lang is ja or en, not "${langOpt.bad}"\n`);
    return 2;
  }
  const command = args.shift();
  const usage = lang === 'ja' ? USAGE_JA : USAGE_EN;
  const badFlags = (e: { en: string; ja: string }) => {
    io.err(`${lang === 'ja' ? e.ja : e.en}\n\n${usage}`);
    return 2;
  };
  switch (command) {
    case 'call': {
      if (args[0] === '--help' || args[0] === '-h') {
        io.out(lang === 'ja' ? CALL_HELP_JA : CALL_HELP_EN);
        return 0;
      }
      const p = parseFlags(args, { explain: 'flag', jsonl: 'flag', json: 'flag' }, 'call');
      if ('error' in p) return badFlags(p.error);
      if (p.flags.jsonl) {
        if (p.flags.explain || p.positional.length) return badFlags({ en: 'altrules call --jsonl reads its calls from stdin; give no function or --explain with it', ja: 'altrules call --jsonl は呼び出しを標準入力から読みます。関数名や --explain は付けません' });
        return callJsonl(io, lang);
      }
      return call(p.flags.explain === true, p.flags.json === true, p.positional, io, lang);
    }
    case 'list': {
      if (args.includes('--help') || args.includes('-h')) {
        io.out(lang === 'ja' ? LIST_HELP_JA : LIST_HELP_EN);
        return 0;
      }
      const p = parseFlags(args, { json: 'flag' }, 'list');
      if ('error' in p) return badFlags(p.error);
      if (p.positional.length) return badFlags({ en: `altrules list takes no arguments (got "${p.positional[0]}")`, ja: `altrules list に引数は付けません（「${p.positional[0]}」）` });
      return list(p.flags.json === true, io, lang);
    }
    case 'validate': {
      const { validateCommand } = await import('./validate');
      return validateCommand(args, io, lang);
    }
    case 'pay':
      if (args.includes('--help') || args.includes('-h')) {
        io.out(lang === 'ja' ? PAY_HELP_JA : PAY_HELP_EN);
        return 0;
      }
      return (await import('./pay')).payCommand(args, io, lang);
    case 'ruleset':
      return (await import('./ruleset')).rulesetCommand(args, io, lang);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(usage);
      return command === undefined ? 2 : 0;
    default:
      io.err(`${lang === 'ja' ? `altrules: 「${command}」というコマンドはありません` : `altrules: unknown command "${command}"`}\n\n${usage}`);
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`altrules: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
