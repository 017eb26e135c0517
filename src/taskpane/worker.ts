// The validator off the pane's thread: rows arrive in slices, progress goes back as it runs,
// findings go back in slices so that no one message is slow to receive.

import type { Cell } from '../validation/fields';
import { validateSheet } from '../validation/validate';
import type { ColumnMapping } from '../validation/store';
import { isMonthRequest, monthWorker } from './monthCheck';

const FINDINGS_SLICE = 2000;
const post = (m: unknown) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);
let rows: Cell[][] = [];
// The leave ledger and pay check: its own messages, rows and handler (monthCheck.ts).
const onMonth = monthWorker(post);

self.onmessage = (e: MessageEvent) => {
  if (isMonthRequest(e.data)) return onMonth(e.data);
  const m = e.data as { type: 'rows'; rows: Cell[][] } | { type: 'run'; input: { name: string; firstRow: number; firstColumn: number; dateSystem: '1900' | '1904' }; mappings: ColumnMapping[] };
  if (m.type === 'rows') {
    for (const r of m.rows) rows.push(r);
    return;
  }
  const { findings, fixes, ...rest } = validateSheet({ ...m.input, rows }, { onProgress: (done, total) => post({ type: 'progress', done, total }), mappings: m.mappings });
  rows = [];
  // Fixes too go in slices: one message with 200,000 of them takes seconds to receive.
  const entries = [...(fixes ?? new Map()).entries()];
  const total = findings.length + entries.length;
  for (let i = 0; i < findings.length; i += FINDINGS_SLICE) post({ type: 'findings', findings: findings.slice(i, i + FINDINGS_SLICE), done: Math.min(findings.length, i + FINDINGS_SLICE), total });
  for (let i = 0; i < entries.length; i += FINDINGS_SLICE) post({ type: 'fixes', fixes: entries.slice(i, i + FINDINGS_SLICE), done: findings.length + Math.min(entries.length, i + FINDINGS_SLICE), total });
  post({ type: 'done', result: rest });
};
