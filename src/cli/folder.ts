// altrules validate DIR/ — every *.xlsx under a folder, checked in parallel on all cores with
// worker threads; a summary per file and one total, or `--json` with one object per file per line.
// A ledger or pay sheet finds its roster (and ledger) in its own workbook or in the workbooks of
// the same folder, matched by name.

import { readdirSync, statSync } from 'fs';
import { availableParallelism } from 'os';
import { dirname, join, relative } from 'path';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import type { Lang } from '../functions/registry';
import { Finding, SheetKind, validateWorkbook } from '../validation/validate';
import { acceptedFindings, splitStore } from './store';
import { rosterPeople } from '../validation/ledger';
import { jsonFinding, whoOfSheet } from '../validation/report';
import { relatedSheets } from './pay';
import { sheetsOfFile } from './workbook';

/** Sheet kinds as the Japanese text output names them. */
const KIND_JA: Record<string, string> = { roster: '名簿', claims: '請求', ledger: '休暇簿', pay: '給与点検' };

interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface FileReport {
  file: string;
  /** Why the file could not be read, if it could not. */
  unreadable?: string;
  /** `accepted`: findings the clerk accepted in the workbook's store, not counted as errors or warnings. */
  sheets: { sheet: string; kind: SheetKind; dataRows: number; errors: number; warnings: number; accepted?: number }[];
  findings: (Omit<Finding, 'columnIndex'> & { who: string; accepted?: { who: string; when: string; why: string } })[];
}

/** Every .xlsx under a folder, in name order (Excel's ~$ lock files left out). */
export function workbooksUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (/\.xlsx$/i.test(name) && !name.startsWith('~$')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Checks one workbook, with the other workbooks of its folder for a ledger's roster; never throws. */
export async function checkFile(file: string, siblings: readonly string[] = []): Promise<FileReport> {
  try {
    // The `_altrules` store is not checked; its column mappings are honoured.
    const { sheets, store } = splitStore(await sheetsOfFile(file));
    // Only a workbook without a roster of its own looks at its folder: a folder of 200 complete
    // workbooks must not read every other one for each.
    const related = rosterPeople(sheets).size > 0 ? [] : await relatedSheets(siblings, file, sheets);
    const results = validateWorkbook(sheets, { related, mappings: store.mappings });
    const accepted = acceptedFindings(store, results, sheets);
    const open = (f: Finding) => !accepted.has(f);
    return {
      file,
      sheets: results.map((r) => {
        const n = r.findings.length - r.findings.filter(open).length;
        return { sheet: r.sheet, kind: r.kind, dataRows: r.dataRows, errors: r.findings.filter((f) => open(f) && f.severity === 'error').length, warnings: r.findings.filter((f) => open(f) && f.severity === 'warning').length, ...(n ? { accepted: n } : {}) };
      }),
      findings: results.flatMap((r) => {
        const whoOf = whoOfSheet(r, sheets);
        return r.findings.map((finding) => {
          const f = jsonFinding(finding, whoOf(finding.row));
          const a = accepted.get(finding);
          return a ? { ...f, accepted: { who: a.who, when: a.when, why: a.why } } : f;
        });
      }),
    };
  } catch (e) {
    return { file, unreadable: (e as Error).message, sheets: [], findings: [] };
  }
}

/** Checks files on `threads` worker threads (0: in this thread), results in the files' order. */
export async function checkFiles(files: readonly string[], threads = availableParallelism()): Promise<FileReport[]> {
  const reports: FileReport[] = new Array(files.length);
  const byFolder = new Map<string, string[]>();
  for (const f of files) byFolder.set(dirname(f), [...(byFolder.get(dirname(f)) ?? []), f]);
  const siblings = (f: string) => byFolder.get(dirname(f)) ?? [];
  if (threads <= 0 || files.length <= 1) {
    for (const [i, file] of files.entries()) reports[i] = await checkFile(file, siblings(file));
    return reports;
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(threads, files.length) }, () => new Worker(__filename, { workerData: { role: 'altrules-folder' } }));
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((done, fail) => {
          let current = -1;
          const feed = () => {
            const file = files[next];
            if (file === undefined) {
              void w.terminate().then(() => done());
              return;
            }
            current = next++;
            w.postMessage({ file, siblings: siblings(file) });
          };
          w.on('message', (r: FileReport) => {
            reports[current] = r;
            feed();
          });
          w.on('error', fail);
          feed();
        }),
    ),
  );
  return reports;
}

// A worker: one file path in, one FileReport out.
if (!isMainThread && parentPort && (workerData as { role?: string } | undefined)?.role === 'altrules-folder') {
  const port = parentPort;
  port.on('message', ({ file, siblings }: { file: string; siblings: string[] }) => {
    void checkFile(file, siblings).then((r) => port.postMessage(r));
  });
}

export async function folderCommand(dir: string, args: string[], io: Io, lang: Lang): Promise<number> {
  const ja = lang === 'ja';
  const json = args.includes('--json');
  const files = workbooksUnder(dir);
  if (files.length === 0) {
    io.err(ja ? `${dir} に .xlsx ファイルがないため、何も点検していません\n` : `no .xlsx files under ${dir}, so nothing was checked\n`);
    return 1;
  }
  const threadsArg = args.indexOf('--threads');
  const threads = threadsArg >= 0 ? Math.max(0, Number(args[threadsArg + 1]) || 0) : availableParallelism();
  const reports = await checkFiles(files, threads);
  let errors = 0;
  let warnings = 0;
  let checked = 0;
  let unreadable = 0;
  for (const r of reports) {
    const shown = relative(dir, r.file) || r.file;
    const e = r.sheets.reduce((n, s) => n + s.errors, 0);
    const w = r.sheets.reduce((n, s) => n + s.warnings, 0);
    const a = r.sheets.reduce((n, s) => n + (s.accepted ?? 0), 0);
    const also = a ? (ja ? `、確認済み ${a}件` : `, ${a} marked as checked`) : '';
    const known = r.sheets.filter((s) => s.kind !== 'unknown');
    errors += e;
    warnings += w;
    checked += known.length;
    if (r.unreadable) unreadable++;
    if (json) {
      io.out(`${JSON.stringify({ file: r.file, ...(r.unreadable ? { unreadable: r.unreadable } : {}), sheets: r.sheets, findings: r.findings })}\n`);
      continue;
    }
    if (r.unreadable) io.out(ja ? `✖ ${shown}: 読み込めません（${r.unreadable}）\n` : `✖ ${shown}: unreadable (${r.unreadable})\n`);
    else io.out(`${e ? '✖' : w ? '⚠' : '✔'} ${shown}: ${known.map((s) => (ja ? `${s.sheet}（${KIND_JA[s.kind] ?? s.kind}）` : `${s.sheet} (${s.kind})`)).join(ja ? '、' : ', ') || (ja ? '点検対象のシートなし' : 'no sheet recognised')} — ${ja ? `エラー ${e}件、警告 ${w}件` : `${e} error(s), ${w} warning(s)`}${also}\n`);
  }
  if (!json) io.out(ja ? `\n合計: ${files.length}ファイル、${checked}シートを点検、エラー ${errors}件、警告 ${warnings}件${unreadable ? `、読み込めないファイル ${unreadable}件` : ''}\n` : `\nTotal: ${files.length} file(s), ${checked} sheet(s) checked, ${errors} error(s), ${warnings} warning(s)${unreadable ? `, ${unreadable} unreadable` : ''}\n`);
  return unreadable ? 2 : checked > 0 ? 0 : 1;
}
