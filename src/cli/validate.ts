// altrules validate FILE.xlsx [--json] [--out CHECKED.xlsx] — the task pane's checks, headless.

import { existsSync, statSync } from 'fs';
import { resolve } from 'path';
import type { Lang } from '../functions/registry';
import { Finding, SheetResult, validateWorkbook } from '../validation/validate';
import { markWorkbook, readWorkbook, sheetsOf } from './xlsx';
import { whereOf } from '../validation/report';
import { expectedLines, expectedOf, relatedSheets } from './pay';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

export async function validateCommand(args: string[], io: Io, lang: Lang): Promise<number> {
  const json = args.includes('--json');
  const outIndex = args.indexOf('--out');
  const outPath = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const files = args.filter((a, i) => !a.startsWith('--') && !(outIndex >= 0 && i === outIndex + 1));
  const ja = lang === 'ja';
  if (files.length > 0 && existsSync(files[0]) && statSync(files[0]).isDirectory()) return (await import('./folder')).folderCommand(files[0], args, io, lang);
  if (files.length === 0) {
    io.err(ja ? '使い方: altrules validate FILE.xlsx [FILE2.xlsx …] [--json] [--out CHECKED.xlsx]\n' : 'usage: altrules validate FILE.xlsx [FILE2.xlsx …] [--json] [--out CHECKED.xlsx]\n');
    return 2;
  }
  if (outIndex >= 0 && (!outPath || outPath.startsWith('--'))) {
    io.err(ja ? '--out の後に出力ファイル名を指定してください\n' : '--out needs a file name\n');
    return 2;
  }
  if (outPath && files.length > 1) {
    io.err(ja ? '--out は1つのファイルにだけ使えます\n' : '--out works with one input file at a time\n');
    return 2;
  }
  if (outPath && resolve(outPath) === resolve(files[0])) {
    io.err(ja ? `--out に入力ファイル ${files[0]} は指定できません（元のファイルは上書きしません）\n` : `--out must not be the input ${files[0]}: the input is never overwritten\n`);
    return 2;
  }
  const all: (Omit<Finding, 'columnIndex'> & { file?: string })[] = [];
  const expected: ReturnType<typeof expectedOf> = [];
  let code = 0;
  for (const file of files) {
    if (!existsSync(file)) {
      io.err(ja ? `ファイルがありません: ${file}\n` : `no such file: ${file}\n`);
      code = 2;
      continue;
    }
    let wb;
    try {
      wb = await readWorkbook(file);
    } catch (e) {
      io.err(ja ? `読み込めないファイルです（.xlsx ではない可能性）: ${file}: ${(e as Error).message}\n` : `cannot read ${file} as an .xlsx workbook: ${(e as Error).message}\n`);
      code = 2;
      continue;
    }
    const sheets = sheetsOf(wb);
    const results = validateWorkbook(sheets, { related: await relatedSheets(files, file, sheets) });
    if (json) {
      for (const r of results) for (const { columnIndex: _c, ...f } of r.findings) all.push(files.length > 1 ? { file, ...f } : f);
      expected.push(...expectedOf(results, files.length > 1 ? file : undefined));
    } else {
      if (files.length > 1) io.out(`${file}\n`);
      printResults(results, io, ja);
    }
    if (outPath) {
      markWorkbook(wb, results, lang);
      await wb.xlsx.writeFile(outPath);
      if (!json) io.out(ja ? `\n印を付けた写しと点検結果シートを ${outPath} に保存しました（元のファイルは変更していません）\n` : `\nWrote a marked copy with a findings sheet to ${outPath} (the input is unchanged)\n`);
    }
  }
  if (json) io.out(`${JSON.stringify({ findings: all, ...(expected.length ? { expected } : {}) }, null, 2)}\n`);
  return code;
}

function printResults(results: SheetResult[], io: Io, ja: boolean): void {
  for (const r of results) {
    if (r.kind === 'unknown') {
      io.out(ja ? `■ ${r.sheet}: 名簿・請求の見出しが見つからないため点検しませんでした\n` : `■ ${r.sheet}: no roster or claims headers found; not checked\n`);
      continue;
    }
    const kind = ja ? { roster: '名簿', claims: '請求', ledger: '休暇簿', pay: '給与点検' }[r.kind] : r.kind;
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    const warnings = r.findings.length - errors;
    io.out(ja ? `■ ${r.sheet}（${kind}・${r.dataRows}行）: エラー ${errors}件、警告 ${warnings}件\n` : `■ ${r.sheet} (${kind}, ${r.dataRows} rows): ${errors} error(s), ${warnings} warning(s)\n`);
    for (const f of r.findings) {
      const where = f.columnIndex ? whereOf(f) : `row ${f.row}`;
      const sev = f.severity === 'error' ? (ja ? 'エラー' : 'error  ') : ja ? '警告  ' : 'warning';
      io.out(`  ${where.padEnd(6)} ${sev} [${f.rule}] ${ja ? f.message_ja : f.message}\n`);
    }
    io.out(expectedLines(r, ja));
  }
}
