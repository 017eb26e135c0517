// altrules ruleset check FILE.json — a ruleset file (as in src/core/rulesets/data/) or a user
// ruleset checked whole before anyone relies on it: every fault with its path (exit 1), or a short
// summary (exit 0).

import { readFileSync } from 'fs';
import { checkRuleset } from '../core/rulesets/check';
import type { Lang } from '../functions/registry';
import { parseFlags } from './flags';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const RULESET_USAGE = `altrules ruleset check FILE.json — check a ruleset before using it

  FILE.json is either a ruleset file as in src/core/rulesets/data/ (each parameter written as
  {"value", "unit", "clause", "en"}) or a user ruleset (plain values, usually with "extends").
  Every fault is listed with its path; the exit code is 1 when there is any, 0 when the ruleset is
  valid, 2 when the file cannot be read. docs/ruleset.schema.json gives an editor the same shape.

Example:
  altrules ruleset check my-pref-alt-r7.json
`;
export const RULESET_USAGE_JA = `altrules ruleset check ファイル.json — ルールセットを使う前に点検します

  ファイル.json は src/core/rulesets/data/ と同じ形のルールセット（各パラメーターを
  {"value", "unit", "clause", "en"} で書いたもの）か、利用者のルールセット（値だけ。多くは "extends" 付き）。
  誤りはすべて場所（パス）付きで表示します。終了コードは誤りがあれば 1、正しければ 0、ファイルを
  読めなければ 2。docs/ruleset.schema.json をエディターに渡すと同じ形で入力を助けます。

例:
  altrules ruleset check my-pref-alt-r7.json
`;

export function rulesetCommand(args: string[], io: Io, lang: Lang): number {
  const ja = lang === 'ja';
  const usage = ja ? RULESET_USAGE_JA : RULESET_USAGE;
  const sub = args.shift();
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.out(usage);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'check') {
    io.err(`${ja ? `altrules ruleset のサブコマンドは check です（「${sub}」は使えません）` : `altrules ruleset has one subcommand, check (not "${sub}")`}\n\n${usage}`);
    return 2;
  }
  const p = parseFlags(args, { help: 'flag' }, 'ruleset check');
  if ('error' in p) {
    io.err(`${ja ? p.error.ja : p.error.en}\n\n${usage}`);
    return 2;
  }
  if (p.flags.help) {
    io.out(usage);
    return 0;
  }
  const [file] = p.positional;
  if (p.positional.length !== 1 || file === undefined) {
    io.err(`${ja ? 'ルールセットの JSON ファイルを1つ指定してください' : 'give one ruleset JSON file'}\n\n${usage}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    io.err(ja ? `${file}: 読めません（${code}）\n` : `${file}: cannot be read (${code})\n`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // Node's message names the position of the first fault in the JSON text.
    io.out(ja ? `${file}: 正しい JSON ではありません: ${(e as Error).message}\n` : `${file}: not valid JSON: ${(e as Error).message}\n`);
    return 1;
  }
  const result = checkRuleset(raw);
  if (!result.ruleset) {
    const n = result.faults.length;
    io.out(ja ? `${file}: ${n} 件の問題\n` : `${file}: ${n} fault${n === 1 ? '' : 's'}\n`);
    for (const f of result.faults) io.out(`  ${f.path}: ${f.message}\n`);
    return 1;
  }
  const r = result.ruleset;
  const what = result.form === 'file' ? (ja ? `ルールセットファイル、パラメータ ${result.parameters} 個` : `ruleset file, ${result.parameters} parameters`) : ja ? 'ユーザールールセット' : 'user ruleset';
  io.out(
    ja
      ? `${file}: 有効 — ${r.kind.toUpperCase()} ルールセット ${r.id}（系列 ${r.family}、版 ${r.version}、${r.inForce.from} から適用、${what}）\n`
      : `${file}: valid — ${r.kind.toUpperCase()} ruleset ${r.id} (family ${r.family}, version ${r.version}, in force from ${r.inForce.from}; ${what})\n`,
  );
  return 0;
}
