// The pane on 100,000 rows can only be measured in a browser: the browser test (test/browser.test.ts,
// real office.js in headless Chromium) records it in test-output/pane-100k.json, and the bench
// reports that run's figures against the targets.

import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type { BenchResult } from './bench';

export function paneBench(): BenchResult {
  const file = join(__dirname, '..', '..', 'test-output', 'pane-100k.json');
  const lines = ['Task pane, 100,000 rows (from the last browser test run)'];
  if (!existsSync(file)) {
    lines.push('  not measured: run the browser test first (npm test does, with Chromium installed)');
    return { lines, ok: true };
  }
  const f = JSON.parse(readFileSync(file, 'utf8')) as { measuredAt: string; seconds: number; barMoves: number; longestGapMs: number; longTasks: number; longestTaskMs: number };
  const gapOk = f.longestGapMs <= 250;
  const taskOk = f.longestTaskMs <= 150;
  lines.push(`  ${f.seconds} s in all; the bar moved ${f.barMoves} times; ${f.longTasks} main-thread tasks over 50 ms (measured ${f.measuredAt})`);
  lines.push(`  target: the bar moves at least every 250 ms — ${gapOk ? 'met' : 'NOT MET'} (longest still: ${f.longestGapMs} ms)`);
  lines.push(`  target: no main-thread task over 150 ms — ${taskOk ? 'met' : 'NOT MET'} (longest: ${f.longestTaskMs} ms; includes the in-memory Excel, which runs on the page's thread)`);
  return { lines, ok: gapOk && taskOk };
}
