// The pane's side of the checking Worker: rows go over in slices with a pause between them, the
// run reports progress and ends with a summary, and the findings stay in the Worker, which answers
// for a page of the list or a slice of the findings sheet. Where no Worker starts (its script
// refused or missing) the caller checks in this thread. The messages both ways are protocol.ts's;
// what arrives is checked before it is used.

import type { Cell } from '../validation/fields';
import type { CheckSummary, CheckedFindings, PageItem } from './session';
import type { ReportSlice } from './present';
import { CheckRun, Validator, inlineValidator } from './controller';
import { FromWorker, PageRequest, ReportRequest, ToWorker, WorkerMessageError, fromWorker } from './protocol';

/** Rows per message: no one message is slow to send or to receive. */
const WORKER_SLICE = 2000;
/** How long a new Worker may take to load its script. */
const READY_MS = 15_000;

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

const REPLACED = 'these findings were replaced by a newer check; check again';

export interface WorkerRun {
  /** Sends rows, a slice per message (each wrapped by `message`), letting the pane paint between. */
  rows(rows: Cell[][], message: (slice: Cell[][]) => ToWorker): Promise<void>;
  /** Starts the check; resolves with its summary and the means to ask for its findings. */
  run(message: ToWorker, onProgress: (done: number, total: number) => void): Promise<CheckedFindings>;
  cancel(): void;
}

/** A question waiting for its answer, by the kind of answer it takes. */
type Pending = { type: 'page'; resolve: (items: PageItem[]) => void; reject: (e: Error) => void } | { type: 'report'; resolve: (slice: ReportSlice) => void; reject: (e: Error) => void };

type Question = Omit<PageRequest, 'id'> | Omit<ReportRequest, 'id'>;

/** A Worker that said it is there, or undefined when none starts. */
export async function startWorker(url: string): Promise<WorkerRun | undefined> {
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch {
    return undefined;
  }
  let nextId = 0;
  const replies = new Map<number, Pending>();
  let onProgress: (done: number, total: number) => void = () => undefined;
  let summary: { resolve: (s: CheckSummary) => void; reject: (e: Error) => void } | undefined;
  const fail = (e: Error) => {
    summary?.reject(e);
    for (const r of replies.values()) r.reject(e);
    replies.clear();
  };
  /** One question failed: only its answer is refused, the check and its other questions go on. */
  const failOne = (id: number, e: Error) => {
    const pending = replies.get(id);
    replies.delete(id);
    pending?.reject(e);
    return pending !== undefined;
  };
  const answer = (m: Extract<FromWorker, { id: number; type: 'page' | 'report' }>) => {
    const pending = replies.get(m.id);
    replies.delete(m.id);
    if (!pending) return;
    if (pending.type === 'page' && m.type === 'page') pending.resolve(m.items);
    else if (pending.type === 'report' && m.type === 'report') pending.resolve(m.slice);
    else pending.reject(new WorkerMessageError(`a ${m.type} answer to a ${pending.type} question`, m.id));
  };
  // The Worker says it is there before any row goes over; an error before that means no Worker.
  let stalled: ReturnType<typeof setTimeout> | undefined;
  const ready = await new Promise<boolean>((resolve) => {
    worker.onmessage = (e: MessageEvent<unknown>) => {
      const m = fromWorker(e.data);
      if (m instanceof WorkerMessageError) {
        // A broken answer to one question refuses that answer; anything else ends the check.
        if (m.id === undefined || !failOne(m.id, m)) fail(m);
        return;
      }
      switch (m.type) {
        case 'ready':
          return resolve(true);
        case 'progress':
          return onProgress(m.done, m.total);
        case 'summary':
          return summary?.resolve(m.summary);
        case 'page':
        case 'report':
          return answer(m);
        case 'failed':
          if (m.id === undefined || !failOne(m.id, new Error(m.message))) fail(new Error(m.message));
          return;
      }
    };
    worker.onerror = (e) => {
      resolve(false);
      fail(new Error(e.message || 'the checking worker failed'));
    };
    // A Worker that never says it is there (its script stalled) is given up on: the check runs here.
    stalled = setTimeout(() => resolve(false), READY_MS);
  });
  clearTimeout(stalled);
  if (!ready) {
    worker.terminate();
    return undefined;
  }
  let gone = false;
  const send = (m: ToWorker) => worker.postMessage(m);
  function ask(q: Omit<PageRequest, 'id'>): Promise<PageItem[]>;
  function ask(q: Omit<ReportRequest, 'id'>): Promise<ReportSlice>;
  function ask(q: Question): Promise<PageItem[] | ReportSlice> {
    return new Promise((resolve, reject) => {
      // A check let go (a new one started) answers no more: said at once, never left waiting.
      if (gone) return reject(new Error(REPLACED));
      const id = ++nextId;
      replies.set(id, q.type === 'page' ? { type: 'page', resolve, reject } : { type: 'report', resolve, reject });
      send({ ...q, id });
    });
  }
  return {
    async rows(rows, message) {
      for (let i = 0; i < rows.length; i += WORKER_SLICE) {
        send(message(rows.slice(i, i + WORKER_SLICE)));
        await nextTask();
      }
    },
    async run(message, progress) {
      onProgress = progress;
      const result = new Promise<CheckSummary>((resolve, reject) => (summary = { resolve, reject }));
      send(message);
      return {
        summary: await result,
        page: (filter, from, count, rule) => ask({ type: 'page', filter, from, count, ...(rule === undefined ? {} : { rule }) }),
        reportSlice: (from, count, run) => ask({ type: 'report', from, count, run }),
        dispose: () => {
          gone = true;
          worker.terminate();
          fail(new Error(REPLACED));
        },
      };
    },
    cancel: () => {
      gone = true;
      worker.terminate();
    },
  };
}

/**
 * The roster check in a Worker, so that a 100,000-row check never blocks the pane; without a
 * Worker it runs in this thread.
 */
export function workerValidator(url: string): Validator {
  return (): CheckRun => {
    let inline: CheckRun | undefined;
    const started = startWorker(url).then((w) => {
      if (!w) inline = inlineValidator();
      return w;
    });
    /** The Worker, or the check in this thread made when none started. */
    const where = async (): Promise<{ worker: WorkerRun } | { inline: CheckRun }> => {
      const worker = await started;
      if (worker) return { worker };
      inline ??= inlineValidator();
      return { inline };
    };
    return {
      async add(rows) {
        const at = await where();
        if ('inline' in at) return at.inline.add(rows);
        await at.worker.rows(rows, (slice) => ({ type: 'rows', rows: slice }));
      },
      async finish(input, options, progress) {
        const at = await where();
        if ('inline' in at) return at.inline.finish(input, options, progress);
        return at.worker.run({ type: 'run', input, mappings: options.mappings, store: options.store }, progress);
      },
      cancel() {
        void started.then((w) => w?.cancel());
        inline?.cancel();
      },
    };
  };
}
