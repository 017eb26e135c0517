// altrules validate FILE.xlsx [--json] [--out CHECKED.xlsx] — the task pane's checks, headless.

import { existsSync } from 'fs';
import { resolve } from 'path';
import type { Lang } from '../functions/registry';
import { validateWorkbook } from '../validation/validate';
import { columnLetters, markWorkbook, readWorkbook, sheetsOf } from './xlsx';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

export async function validateCommand(args: string[], io: Io, lang: Lang): Promise<number> {
  const json = args.includes('--json');
  const outIndex = args.indexOf('--out');
  const outPath = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const files = args.filter((a, i) => !a.startsWith('--') && !(outIndex >= 0 && i === outIndex + 1));
  const file = files[0];
  const ja = lang === 'ja';
  if (!file) {
    io.err(ja ? '使い方: altrules validate FILE.xlsx [--json] [--out CHECKED.xlsx]\n' : 'usage: altrules validate FILE.xlsx [--json] [--out CHECKED.xlsx]\n');
    return 2;
  }
  if (outIndex >= 0 && !outPath) {
    io.err(ja ? '--out の後に出力ファイル名を指定してください\n' : '--out needs a file name\n');
    return 2;
  }
  if (outPath && resolve(outPath) === resolve(file)) {
    io.err(ja ? `--out に入力ファイル ${file} は指定できません（元のファイルは上書きしません）\n` : `--out must not be the input ${file}: the input is never overwritten\n`);
    return 2;
  }
  if (!existsSync(file)) {
    io.err(ja ? `ファイルがありません: ${file}\n` : `no such file: ${file}\n`);
    return 2;
  }
  let wb;
  try {
    wb = await readWorkbook(file);
  } catch (e) {
    io.err(ja ? `読み込めないファイルです（.xlsx ではない可能性）: ${file}: ${(e as Error).message}\n` : `cannot read ${file} as an .xlsx workbook: ${(e as Error).message}\n`);
    return 2;
  }
  const results = validateWorkbook(sheetsOf(wb));
  const findings = results.flatMap((r) => r.findings);
  if (json) {
    io.out(`${JSON.stringify({ findings: findings.map(({ columnIndex: _c, ...f }) => f) }, null, 2)}\n`);
  } else {
    for (const r of results) {
      const kind = ja ? { roster: '名簿', claims: '請求', unknown: '対象外' }[r.kind] : r.kind;
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      const warnings = r.findings.length - errors;
      if (r.kind === 'unknown') {
        io.out(ja ? `■ ${r.sheet}: 名簿・請求の見出しが見つからないため点検しませんでした\n` : `■ ${r.sheet}: no roster or claims headers found; not checked\n`);
        continue;
      }
      io.out(ja ? `■ ${r.sheet}（${kind}・${r.dataRows}行）: エラー ${errors}件、警告 ${warnings}件\n` : `■ ${r.sheet} (${kind}, ${r.dataRows} rows): ${errors} error(s), ${warnings} warning(s)\n`);
      for (const f of r.findings) {
        const where = f.columnIndex ? `${columnLetters(f.columnIndex)}${f.row}` : `row ${f.row}`;
        const sev = f.severity === 'error' ? (ja ? 'エラー' : 'error  ') : ja ? '警告  ' : 'warning';
        io.out(`  ${where.padEnd(6)} ${sev} [${f.rule}] ${ja ? f.message_ja : f.message}\n`);
      }
    }
  }
  if (outPath) {
    markWorkbook(wb, results, lang);
    await wb.xlsx.writeFile(outPath);
    if (!json) io.out(ja ? `\n印を付けた写しと点検結果シートを ${outPath} に保存しました（元のファイルは変更していません）\n` : `\nWrote a marked copy with a findings sheet to ${outPath} (the input is unchanged)\n`);
  }
  return 0;
}
