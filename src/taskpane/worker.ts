// The validator off the pane's thread. Rows arrive in slices as they are read; progress goes back
// as the check runs; then the findings stay here and the pane asks for what it shows: a summary,
// a page of the list, a slice of the findings sheet. 200,000 findings never cross to the pane.

import type { Cell } from '../validation/fields';
import type { SheetInput } from '../validation/validate';
import type { ColumnMapping, Store } from '../validation/store';
import { CheckSession, FindingFilter } from './session';
import type { ReportRun } from '../validation/report';
import { MonthRequest, isMonthRequest, monthWorker } from './monthCheck';

export type ToWorker =
  | { type: 'rows'; rows: Cell[][] }
  | { type: 'run'; input: Omit<SheetInput, 'rows'>; mappings: ColumnMapping[]; store: Store }
  | { type: 'page'; id: number; filter: FindingFilter; from: number; count: number; rule?: string }
  | { type: 'report'; id: number; from: number; count: number; run: ReportRun };

const post = (m: unknown) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);
let rows: Cell[][] = [];
let session: CheckSession | undefined;
const progress = (done: number, total: number) => post({ type: 'progress', done, total });
// The leave ledger and pay check: its own rows and run (monthCheck.ts); its session answers the same requests.
const onMonth = monthWorker((made) => {
  session = made;
  post({ type: 'summary', summary: made.summary });
}, progress);

self.onmessage = (e: MessageEvent) => {
  const m = e.data as ToWorker | MonthRequest;
  try {
    if (isMonthRequest(m)) onMonth(m);
    else if (m.type === 'rows') {
      for (const r of m.rows) rows.push(r);
    } else if (m.type === 'run') {
      session = CheckSession.ofSheet({ ...m.input, rows }, { mappings: m.mappings, store: m.store, onProgress: progress });
      rows = [];
      post({ type: 'summary', summary: session.summary });
    } else if (m.type === 'page') {
      post({ type: 'reply', id: m.id, value: session?.page(m.filter, m.from, m.count, m.rule) ?? [] });
    } else if (m.type === 'report') {
      post({ type: 'reply', id: m.id, value: session?.reportSlice(m.from, m.count, m.run) });
    }
  } catch (err) {
    post({ type: 'failed', id: 'id' in m ? m.id : undefined, message: (err as Error).message });
  }
};

// Tells the pane the script loaded: until then a failure means "no worker here", not a failed check.
post({ type: 'ready' });
