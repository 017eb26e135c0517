// The validator off the pane's thread. Rows arrive in slices as they are read; progress goes back
// as the check runs; then the findings stay here and the pane asks for what it shows: a summary,
// a page of the list, a slice of the findings sheet. 200,000 findings never cross to the pane.
// The messages both ways are protocol.ts's.

import type { Cell } from '../validation/fields';
import { CheckSession } from './session';
import { monthWorker } from './monthCheck';
import type { FromWorker, ToWorker } from './protocol';

const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);
let rows: Cell[][] = [];
let session: CheckSession | undefined;
const progress = (done: number, total: number) => post({ type: 'progress', done, total });
// The leave ledger and pay check: its own rows and run (monthCheck.ts); its session answers the same requests.
const onMonth = monthWorker((made) => {
  session = made;
  post({ type: 'summary', summary: made.summary });
}, progress);

/** The session a question is about: none means the pane asked before a run, or after this Worker lost it. */
function current(): CheckSession {
  if (!session) throw new Error('the checking worker holds no check to answer from');
  return session;
}

function handle(m: ToWorker): void {
  switch (m.type) {
    case 'month-rows':
    case 'month':
      return onMonth(m);
    case 'rows':
      for (const r of m.rows) rows.push(r);
      return;
    case 'run':
      session = CheckSession.ofSheet({ ...m.input, rows }, { mappings: m.mappings, store: m.store, onProgress: progress });
      rows = [];
      return post({ type: 'summary', summary: session.summary });
    case 'page':
      return post({ type: 'page', id: m.id, items: current().page(m.filter, m.from, m.count, m.rule) });
    case 'report':
      return post({ type: 'report', id: m.id, slice: current().reportSlice(m.from, m.count, m.run) });
    default: {
      // Every kind the pane sends is handled above: adding one to ToWorker without a case here does not compile.
      const unknown: never = m;
      throw new Error(`the checking worker got a message it does not know: ${JSON.stringify(unknown).slice(0, 80)}`);
    }
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  try {
    handle(m);
  } catch (err) {
    const id = 'id' in m ? m.id : undefined;
    post({ type: 'failed', ...(id === undefined ? {} : { id }), message: err instanceof Error ? err.message : String(err) });
  }
};

// Tells the pane the script loaded: until then a failure means "no worker here", not a failed check.
post({ type: 'ready' });
