// The month's work at scale (issue 11): 50,000 ledger entries for 1,000 people and a year of pay
// sheets checked in the core; folder mode on 200 workbooks against one at a time.

import ExcelJS from 'exceljs';
import { mkdtempSync, copyFileSync } from 'fs';
import { availableParallelism, loadavg, tmpdir } from 'os';
import { spawnSync } from 'child_process';
import { join } from 'path';
import { LedgerEntry, PayTerm, PersonTerm, checkLedger, dayFromYmd, defaultAltRuleset, isWorkday, isoFromDay, monthKeyOf, monthPaySchedule, parseLedgerKind, payLedgerOf } from '../src/core';
import { checkFiles } from '../src/cli/folder';
import { measure, must } from './harness';

const ROOT = join(__dirname, '..', '..');
import type { BenchResult } from './bench';

const KINDS = ['annual', 'absence', 'sick', 'special 21', 'partial', 'special 10', 'annual', 'absence'];

/** A deterministic ledger: `perPerson` entries on distinct working days of each person's term. */
export function bigLedger(people: number, perPerson: number): { entries: LedgerEntry[]; terms: Map<string, PersonTerm[]> } {
  const entries: LedgerEntry[] = [];
  const terms = new Map<string, PersonTerm[]>();
  let seed = 20261129;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const start = dayFromYmd(2023, 8, 7);
  const workdays: number[] = [];
  for (let d = start; d < start + 365; d++) if (isWorkday(d)) workdays.push(d);
  let row = 2;
  for (let p = 0; p < people; p++) {
    const name = `Person ${p}`;
    terms.set(name.toLowerCase().replace(/\s/g, ''), [{ start, end: start + 365, jetYear: 1 + (p % 3), reappointed: p % 2 === 1, carriedDays: p % 5 }]);
    const step = Math.floor(workdays.length / perPerson);
    for (let i = 0; i < perPerson; i++) {
      const day = must(workdays[i * step + Math.floor(rnd() * step)], 'working day');
      const kind = must(KINDS[(p + i) % KINDS.length], 'kind');
      const minutes = kind === 'partial' ? 30 : kind === 'special 10' ? 30 : kind === 'absence' ? 60 + 10 * (i % 5) : undefined;
      entries.push({ row: row++, name, from: day, to: day, kind: must(parseLedgerKind(kind), `ledger kind ${kind}`), ...(minutes === undefined ? {} : { minutes }), ...(kind === 'sick' ? { note: '診断書' } : {}) });
    }
  }
  return { entries, terms };
}

export function ledgerBench(): BenchResult {
  const lines = ['Leave ledger and pay: 50,000 entries for 1,000 people, a year of pay (12,000 rows)'];
  const rs = defaultAltRuleset();
  const { entries, terms } = bigLedger(1000, 50);
  const first = monthKeyOf(dayFromYmd(2023, 8, 1));
  const byPerson = new Map<string, LedgerEntry[]>();
  // Baseline: one pass grouping the entries by person.
  const baseline = measure('group 50,000 entries by person (baseline)', 1, () => {
    byPerson.clear();
    for (const e of entries) {
      const k = e.name.toLowerCase().replace(/\s/g, '');
      const l = byPerson.get(k);
      if (l) l.push(e);
      else byPerson.set(k, [e]);
    }
    return byPerson.size;
  }, 5);
  const core = measure('checkLedger + 12 months of pay per person (core)', 1, () => {
    let n = checkLedger(rs, entries, terms).length;
    for (const [k, list] of byPerson) {
      const t = must(terms.get(k)?.[0], `term of ${k}`);
      const payTerms: PayTerm[] = [{ start: t.start, end: t.end, jetYear: must(t.jetYear, `JET year of ${k}`) }];
      n += monthPaySchedule(rs, payLedgerOf(rs, payTerms, list), first, first + 11, { steps: false }).length;
    }
    return n;
  }, 5);
  const ms = core.nsPerCall / 1e6;
  lines.push(`  ${baseline.name.padEnd(52)} ${(baseline.nsPerCall / 1e6).toFixed(1).padStart(8)} ms`);
  lines.push(`  ${core.name.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms  (${(core.nsPerCall / baseline.nsPerCall).toFixed(0)}× the baseline)`);
  const ok = ms <= 300;
  lines.push(`  target: at most 300 ms in the core — ${ok ? 'met' : 'NOT MET'}  (first entry ${isoFromDay(must(entries[0], 'entry').from)})`);
  return { lines, ok };
}

/** One workbook with a roster, a ledger and a pay sheet, copied `count` times. */
async function workbooks(count: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'altrules-folder-'));
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet('Roster');
  roster.addRow(['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay']);
  const ledger = wb.addWorksheet('Ledger');
  ledger.addRow(['Name', 'From', 'To', 'Kind', 'Hours', 'Note']);
  const pay = wb.addWorksheet('Pay');
  pay.addRow(['Name', 'Month', 'Paid']);
  const { entries } = bigLedger(30, 10);
  for (let p = 0; p < 30; p++) {
    roster.addRow([`Person ${p}`, 'USA', 'S1', '2023-08-06', 1, 1, '2023-08-07', '2024-08-06', 280000]);
    for (let m = 0; m < 12; m++) pay.addRow([`Person ${p}`, `${m < 5 ? 2023 : 2024}-${String(((7 + m) % 12) + 1).padStart(2, '0')}`, 280000]);
  }
  for (const e of entries) ledger.addRow([e.name, isoFromDay(e.from), null, { annual: '年休', absence: '欠勤', sick: '病休', special: `特休${(e.kind as { item?: number }).item}`, partial: '部分休業' }[e.kind.kind as 'annual'], e.minutes ? `${Math.floor(e.minutes / 60)}:${String(e.minutes % 60).padStart(2, '0')}` : null, e.note ?? null]);
  const first = join(dir, 'board-000.xlsx');
  await wb.xlsx.writeFile(first);
  const files = [first];
  for (let i = 1; i < count; i++) {
    const f = join(dir, `board-${String(i).padStart(3, '0')}.xlsx`);
    copyFileSync(first, f);
    files.push(f);
  }
  return files;
}

export async function folderBench(): Promise<BenchResult> {
  const lines = ['Folder mode: 200 workbooks (roster 30, ledger 300, pay 360 rows each)'];
  const files = await workbooks(200);
  const rate = (n: number, ms: number) => n / (ms / 1000);
  // The single-file path: one `altrules validate FILE` per workbook, as a clerk would script it.
  const sample = files.slice(0, 20);
  const t0 = process.hrtime.bigint();
  for (const f of sample) {
    const r = spawnSync('node', [join(ROOT, 'bin', 'altrules.js'), 'validate', f, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  const single = rate(sample.length, Number(process.hrtime.bigint() - t0) / 1e6);
  const time = async (threads: number) => {
    const t = process.hrtime.bigint();
    const reports = await checkFiles(files, threads);
    if (reports.some((r) => r.unreadable)) throw new Error('a bench workbook was unreadable');
    return rate(files.length, Number(process.hrtime.bigint() - t) / 1e6);
  };
  const cores = availableParallelism();
  const inline = await time(0);
  const workers = await time(cores);
  lines.push(`  altrules validate FILE, one process per file (${sample.length} sampled) ${single.toFixed(1).padStart(8)} files/s`);
  lines.push(`  altrules validate DIR/, one thread                       ${inline.toFixed(1).padStart(8)} files/s  (${(inline / single).toFixed(2)}×)`);
  lines.push(`  altrules validate DIR/, ${cores} worker threads                  ${workers.toFixed(1).padStart(8)} files/s  (${(workers / single).toFixed(2)}×; ${(workers / inline).toFixed(2)}× the one thread)`);
  const ok = workers / single >= 1.6;
  lines.push(`  target: folder mode at least 1.6× the single-file path on ${cores} cores — ${ok ? 'met' : 'NOT MET'} (${(workers / single).toFixed(2)}×; load average ${(loadavg()[0] ?? 0).toFixed(1)})`);
  return { lines, ok };
}
