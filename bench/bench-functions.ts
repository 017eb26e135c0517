// Worksheet functions, the jsonl command line and validation, each against a baseline run in
// the same process.

import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { gzipSync } from 'zlib';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { dayFromYmd, serialFromDay, builtInRuleset, payForMonth, hourlyRate, isWorkday } from '../src/core';
import { invoke } from '../src/functions/registry';
import { validateSheet } from '../src/validation/validate';
import { Cell } from '../src/validation/fields';
import { measure, row } from './harness';
import type { BenchResult } from './bench';

const ROOT = join(__dirname, '..', '..');

export function functionsBench(): BenchResult {
  const lines = ['Worksheet functions: through the Excel-facing path vs the core call it wraps'];
  const rs = builtInRuleset('alt', 'saitama-alt-r5');
  const calls = 200_000;
  const aug = dayFromYmd(2023, 8, 1);
  const start = dayFromYmd(2023, 8, 7);
  const core = measure('core payForMonth(rs, 1, month, start)', calls, () => {
    let n = 0;
    for (let i = 0; i < calls; i++) n += payForMonth(rs, 1, aug, start + (i & 3));
    return n;
  });
  const viaSerial = measure('ALT.PAY(1, 45139, 45145…) via invoke', calls, () => {
    let n = 0;
    for (let i = 0; i < calls; i++) {
      const out = invoke('ALT.PAY', [1, 45139, 45145 + (i & 3)]);
      if ('value' in out) n += out.value as number;
    }
    return n;
  });
  const viaText = measure('ALT.PAY(1, "2023-08-01", "2023-08-07") via invoke', calls, () => {
    let n = 0;
    for (let i = 0; i < calls; i++) {
      const out = invoke('ALT.PAY', [1, '2023-08-01', '2023-08-07']);
      if ('value' in out) n += out.value as number;
    }
    return n;
  });
  lines.push(row(core), row(viaSerial, core), row(viaText, core));
  const coreH = measure('core hourlyRate(rs, 3)', calls, () => {
    let n = 0;
    for (let i = 0; i < calls; i++) n += hourlyRate(rs, 3);
    return n;
  });
  const fnH = measure('ALT.HOURLY(3) via invoke', calls, () => {
    let n = 0;
    for (let i = 0; i < calls; i++) {
      const out = invoke('ALT.HOURLY', [3]);
      if ('value' in out) n += out.value as number;
    }
    return n;
  });
  const coreW = measure('core isWorkday(day)', calls, () => {
    let n = 0;
    for (let i = 0; i < calls; i++) if (isWorkday(aug + (i % 3000))) n++;
    return n;
  });
  const fnW = measure('ALT.ISWORKDAY(serial) via invoke', calls, () => {
    let n = 0;
    for (let i = 0; i < calls; i++) {
      const out = invoke('ALT.ISWORKDAY', [45139 + (i % 3000)]);
      if ('value' in out && out.value === true) n++;
    }
    return n;
  });
  lines.push(row(coreH), row(fnH, coreH), row(coreW), row(fnW, coreW));
  return { lines, ok: true };
}

function timeCommand(cmd: string, args: string[], input: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function jsonlBench(): BenchResult {
  const lines = ['altrules call --jsonl, 100,000 calls, against a bare Node JSON-lines echo of the same input'];
  const samples = [
    '["ALT.PAY", 1, 45139, "2023-08-07"]',
    '["ALT.PAYDATE", "2026-09-01"]',
    '["ALT.TERMEND", "2015-04-08", "A1", 2, "USA", "2015-08-02"]',
    '["CLAIR.STIPENDCAP", "Paris", 5]',
    '["ALT.LEAVE", "2023-08-01", "2023-11-01", 14]',
  ];
  const input = Array.from({ length: 100_000 }, (_, i) => samples[i % samples.length]).join('\n') + '\n';
  const dir = mkdtempSync(join(tmpdir(), 'altrules-bench-'));
  const echo = join(dir, 'echo.js');
  // The floor: read lines, parse each as JSON, write one JSON object per line.
  writeFileSync(
    echo,
    `let pending = '', out = '';
process.stdin.on('data', (c) => { pending += c; let i; let s = 0; while ((i = pending.indexOf('\\n', s)) >= 0) { const l = pending.slice(s, i); s = i + 1; if (l) out += JSON.stringify({ value: JSON.parse(l) }) + '\\n'; } pending = pending.slice(s); if (out.length > 65536) { process.stdout.write(out); out = ''; } });
process.stdin.on('end', () => process.stdout.write(out));`,
  );
  const best = (f: () => number) => Math.min(f(), f(), f());
  const echoMs = best(() => timeCommand('node', [echo], input));
  const oursMs = best(() => timeCommand('node', [join(ROOT, 'bin', 'altrules.js'), 'call', '--jsonl'], input));
  const ratio = oursMs / echoMs;
  lines.push(`  bare Node JSON-lines echo                                  ${echoMs.toFixed(0).padStart(8)} ms`);
  lines.push(`  altrules call --jsonl                                      ${oursMs.toFixed(0).padStart(8)} ms  ${ratio.toFixed(2)}× the echo`);
  const ok = ratio <= 3;
  lines.push(`  target: at most 3× the echo — ${ok ? 'met' : 'NOT MET'} (${ratio.toFixed(2)}×)`);
  return { lines, ok };
}

const serial = (y: number, m: number, d: number) => serialFromDay(dayFromYmd(y, m, d));

function bigRoster(n: number): Cell[][] {
  const rows: Cell[][] = [['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay', 'Leave used (hours)', 'Carried leave', 'Sick days']];
  const countries = ['USA', 'Canada', 'UK', 'Australia', 'New Zealand', 'Ireland', 'Jamaica', 'Singapore'];
  for (let i = 0; i < n; i++) {
    const term = 1 + (i % 3);
    const arrival = serial(2023 - term + 1, 7, 30);
    rows.push([`ALT ${i}`, countries[i % countries.length], 'S1', arrival, term, term, serial(2023, 7, 31), serial(2024, 7, 30), (term === 1 ? 280000 : term === 2 ? 300000 : 325000) + (i % 50 === 0 ? 1000 : 0), (i * 7) % 140, term > 1 ? i % 20 : 0, i % 10 === 0 ? i % 25 : i % 3]);
  }
  return rows;
}

export async function validationBench(): Promise<BenchResult> {
  const lines = ['Validation: 10,000 roster rows'];
  const rows = bigRoster(10_000);
  const m = measure('validateSheet, 10,000 rows (core)', 1, () => validateSheet({ name: 'Roster', rows }).findings.length, 5);
  const coreMs = m.nsPerCall / 1e6;
  lines.push(`  validateSheet, 10,000 rows (core)                          ${coreMs.toFixed(1).padStart(8)} ms`);
  const okCore = coreMs <= 100;
  lines.push(`  target: at most 100 ms in the core — ${okCore ? 'met' : 'NOT MET'}`);

  const dir = mkdtempSync(join(tmpdir(), 'altrules-bench-'));
  const file = join(dir, 'roster-10000.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Roster');
  for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  await wb.xlsx.writeFile(file);
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', [join(ROOT, 'bin', 'altrules.js'), 'validate', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const e2eMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(r.stderr);
  const findings = JSON.parse(r.stdout).findings.length;
  lines.push(`  altrules validate, 10,000-row .xlsx (${(statSync(file).size / 1024).toFixed(0)} KiB), end to end  ${e2eMs.toFixed(0).padStart(6)} ms  (${findings} findings)`);
  const okE2e = e2eMs <= 2000;
  lines.push(`  target: at most 2 s end to end — ${okE2e ? 'met' : 'NOT MET'}`);
  return { lines, ok: okCore && okE2e };
}

/** The newest modification time under a folder: a bundle older than its sources is not the code measured. */
function newestUnder(dir: string): number {
  return readdirSync(dir).reduce((t, n) => {
    const s = statSync(join(dir, n));
    return Math.max(t, s.isDirectory() ? newestUnder(join(dir, n)) : s.mtimeMs);
  }, 0);
}

/** The functions bundles' budget: gzip, what travels to Excel (issue 20). */
export const FUNCTIONS_BUDGET_GZIP_KIB = 72;

export function bundleReport(): BenchResult {
  const lines = [`Bundles (npm run build): minified and gzip -9; functions budget ≤ ${FUNCTIONS_BUDGET_GZIP_KIB} KiB gzip`];
  let ok = true;
  const sources = newestUnder(join(ROOT, 'src'));
  for (const f of ['dist/alt/functions.js', 'dist/clair/functions.js', 'dist/taskpane.js', 'dist/validate-worker.js']) {
    const p = join(ROOT, f);
    if (!existsSync(p)) {
      lines.push(`  ${f}: not built — run npm run build first`);
      continue;
    }
    const kb = statSync(p).size / 1024;
    const gz = gzipSync(readFileSync(p), { level: 9 }).length / 1024;
    const isFunctions = f.includes('functions');
    if (isFunctions && gz > FUNCTIONS_BUDGET_GZIP_KIB) ok = false;
    const stale = statSync(p).mtimeMs < sources ? '  (older than src/: run npm run build for a current figure)' : '';
    const verdict = isFunctions ? `  (target ≤ ${FUNCTIONS_BUDGET_GZIP_KIB} KiB gzip — ${gz <= FUNCTIONS_BUDGET_GZIP_KIB ? 'met' : 'NOT MET'})` : '';
    lines.push(`  ${f.padEnd(28)} ${kb.toFixed(1).padStart(8)} KiB minified ${gz.toFixed(1).padStart(7)} KiB gzip${verdict}${stale}`);
  }
  return { lines, ok };
}
