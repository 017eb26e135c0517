// altrules — the rules core from a terminal: the same functions, coercion and validation as Excel.

import { FUNCTIONS, FnDecl, Lang, Outcome, Value, explain, findFunction, fullName, invoke } from '../functions/registry';
import { Raw } from '../functions/coerce';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `altrules — JET Programme ALT and CLAIR rules (RULES.md) from the command line

  altrules call NAME ARG...            evaluate one worksheet function as Excel would
  altrules call --explain NAME ARG...  show the steps, clauses and decisions behind the result
  altrules call --jsonl                read ["ALT.PAY", 1, 45139, "2023-08-07"] lines on stdin, write results
  altrules list [--json]               every function, with parameters, in English and Japanese
  altrules validate FILE.xlsx [--json] [--out CHECKED.xlsx]
                                       check rosters and subsidy claims in a workbook
  altrules validate ROSTER.xlsx LEDGER.xlsx PAY.xlsx   leave ledger and pay sheets, people matched by name
  altrules validate DIR/ [--json]      every *.xlsx under DIR, in parallel; a summary per file and a total
  altrules pay ROSTER.xlsx LEDGER.xlsx --month 2024-07 [--out pay.xlsx] [--explain]
                                       the expected pay of everyone on the roster for a month

  --lang ja|en   language of messages (default: en, or ja when LANG starts with ja)

Examples:
  altrules call ALT.PAY 1 2023-08-01 2023-08-07      → 231304
  altrules call ALT.TERMEND 2015-04-08 A1 2 USA 2015-08-02
  altrules call --explain --lang ja ALT.LEAVE 2023-08-01 2023-11-01 14
  altrules call CLAIR.STIPENDCAP ニューヨーク 7
`;

/** A command-line word as Excel would see it typed into a formula: a number, TRUE/FALSE, or text. */
export function cliArg(word: string): Raw {
  if (word === '') return null;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(word)) return Number(word);
  const upper = word.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return word;
}

function defaultLang(): Lang {
  return (process.env.LANG ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

function takeFlag(args: string[], flag: string): boolean {
  const i = args.indexOf(flag);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

function takeOption(args: string[], option: string): string | undefined {
  const i = args.indexOf(option);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}

function showScalar(v: Value): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function formatValue(v: Value): string {
  return Array.isArray(v) ? v.map((row) => row.map(showScalar).join('\t')).join('\n') : showScalar(v);
}

function message(o: Exclude<Outcome, { value: Value }>, lang: Lang): string {
  return lang === 'ja' ? o.messageJa : o.message;
}

function call(args: string[], io: Io, lang: Lang): number {
  const explainIt = takeFlag(args, '--explain');
  const [name, ...rest] = args;
  if (!name) {
    io.err('altrules call: give a function name, e.g. altrules call ALT.PAY 1 2023-08-01 2023-08-07\n');
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
    return /^#(VALUE!|N\/A) /.test(lines[lines.length - 1]) ? 1 : 0;
  }
  const out = invoke(name, raw, { lang });
  if ('value' in out) {
    io.out(`${formatValue(out.value)}\n`);
    return 0;
  }
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

async function callJsonl(io: Io, lang: Lang): Promise<number> {
  let pending = '';
  let buffer = '';
  const flush = () => {
    if (buffer) {
      io.out(buffer);
      buffer = '';
    }
  };
  for await (const chunk of process.stdin) {
    pending += chunk.toString('utf8');
    let nl: number;
    let start = 0;
    while ((nl = pending.indexOf('\n', start)) >= 0) {
      const line = pending.slice(start, nl).replace(/\r$/, '');
      start = nl + 1;
      if (line.trim() !== '') buffer += `${jsonlLine(line, lang)}\n`;
    }
    pending = pending.slice(start);
    if (buffer.length > 1 << 16) flush();
  }
  if (pending.trim() !== '') buffer += `${jsonlLine(pending.replace(/\r$/, ''), lang)}\n`;
  flush();
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

function list(args: string[], io: Io, lang: Lang): number {
  if (takeFlag(args, '--json')) {
    io.out(`${JSON.stringify({ functions: FUNCTIONS.map(describeFunction) }, null, 2)}\n`);
    return 0;
  }
  for (const f of FUNCTIONS) {
    const params = f.params.map((p) => (p.optional || p.repeating ? `[${p.name}${p.repeating ? '…' : ''}]` : p.name)).join(', ');
    io.out(`${fullName(f)}(${params})\n    ${lang === 'ja' ? f.ja : f.en}\n`);
  }
  return 0;
}

// A reader that stops early (| head) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

export async function main(argv: string[], io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  const args = [...argv];
  const langOpt = takeOption(args, '--lang');
  const lang: Lang = langOpt === 'ja' || langOpt === 'en' ? langOpt : defaultLang();
  const command = args.shift();
  switch (command) {
    case 'call':
      return takeFlag(args, '--jsonl') ? callJsonl(io, lang) : call(args, io, lang);
    case 'list':
      return list(args, io, lang);
    case 'validate': {
      const { validateCommand } = await import('./validate');
      return validateCommand(args, io, lang);
    }
    case 'pay':
      return (await import('./pay')).payCommand(args, io, lang);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`altrules: unknown command "${command}"\n\n${USAGE}`);
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
