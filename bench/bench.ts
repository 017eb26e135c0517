// npm run bench — speed as ratios against baselines measured in the same process.

import * as core from '../src/core';
import { FIRST_SUPPORTED_DAY, dayFromYmd, isWorkday, rawFlagTable, workingDaysBetween } from '../src/core';
// The core's own function, from its module: compiled to CommonJS (lib/), a name re-exported by
// src/core/index.ts (`export *`) is read through a getter that TypeScript shares among all
// re-exports; once the registry has loaded (as it has in a full bench run) that getter is
// megamorphic and adds ~20 ns to every call, which would be measured instead of the holiday test.
// The webpack bundles have no such getter (modules are concatenated); both figures are shown.
import { isNationalHoliday } from '../src/core/calendar';
import { measure, row } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const JapaneseHolidays = require('japanese-holidays');

export interface BenchResult {
  lines: string[];
  ok: boolean;
}

export function calendarBench(): BenchResult {
  const lines: string[] = ['Calendar'];
  const from = dayFromYmd(2000, 1, 1);
  const span = 365 * 50;
  const calls = 2_000_000;
  const { flags } = rawFlagTable();
  const offset = from - FIRST_SUPPORTED_DAY;

  const floor = measure('Uint8Array lookup (floor)', calls, () => {
    let n = 0;
    for (let i = 0; i < calls; i++) n += (flags[offset + (i % span)] ?? 0) & 1;
    return n;
  });
  const ours = measure('isNationalHoliday (core)', calls, () => {
    let n = 0;
    for (let i = 0; i < calls; i++) if (isNationalHoliday(from + (i % span))) n++;
    return n;
  });
  const viaIndex = measure('isNationalHoliday via the core index (CommonJS getter)', calls, () => {
    let n = 0;
    for (let i = 0; i < calls; i++) if (core.isNationalHoliday(from + (i % span))) n++;
    return n;
  });
  const dates = Array.from({ length: 4096 }, (_, i) => new Date(2000, 0, 1 + ((i * 97) % span)));
  const theirs = measure('japanese-holidays isHoliday(Date)', calls / 10, () => {
    let n = 0;
    for (let i = 0; i < calls / 10; i++) if (JapaneseHolidays.isHoliday(dates[i & 4095] as Date)) n++;
    return n;
  });
  lines.push(row(floor), row(ours, floor), row(viaIndex, floor), row(theirs, ours));
  const holidayOk = ours.nsPerCall <= 4 * floor.nsPerCall;
  lines.push(`  target: core holiday test within 4× the floor — ${holidayOk ? 'met' : 'NOT MET'} (${(ours.nsPerCall / floor.nsPerCall).toFixed(2)}×)`);

  const spans = 10_000;
  const starts = Array.from({ length: 1024 }, (_, i) => from + ((i * 7919) % (span - 400)));
  const loop = measure('working days over one year, day-by-day loop', spans, () => {
    let n = 0;
    for (let i = 0; i < spans; i++) {
      const s = starts[i & 1023] ?? from;
      for (let x = s; x <= s + 364; x++) if (isWorkday(x)) n++;
    }
    return n;
  });
  const prefix = measure('workingDaysBetween over one year (prefix sums)', spans * 100, () => {
    let n = 0;
    for (let i = 0; i < spans * 100; i++) {
      const s = starts[i & 1023] ?? from;
      n += workingDaysBetween(s, s + 364);
    }
    return n;
  });
  lines.push(row(loop), row(prefix, loop));
  const speedup = loop.nsPerCall / prefix.nsPerCall;
  const countOk = speedup >= 100;
  lines.push(`  target: working-days count at least 100× faster than the loop — ${countOk ? 'met' : 'NOT MET'} (${speedup.toFixed(0)}× faster)`);
  return { lines, ok: holidayOk && countOk };
}

async function main(): Promise<void> {
  // Imported here so that the calendar bench can also run alone.
  const { functionsBench, jsonlBench, validationBench, bundleReport } = await import('./bench-functions');
  const { cliBench } = await import('./bench-cli');
  const results: BenchResult[] = [];
  const { ledgerBench, folderBench } = await import('./bench-ledger');
  const { paneBench } = await import('./bench-pane');
  for (const run of [calendarBench, functionsBench, jsonlBench, validationBench, cliBench, ledgerBench, folderBench, paneBench, bundleReport]) {
    const r = await run();
    console.log(`${r.lines.join('\n')}\n`);
    results.push(r);
  }
  console.log(results.every((r) => r.ok) ? 'all targets met' : 'some targets NOT MET');
}

if (require.main === module) void main();
