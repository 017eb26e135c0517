// The pane's side of the checking Worker: rows go over in slices with a pause between them, the
// run reports progress and ends with a summary, and the findings stay in the Worker, which answers
// for a page of the list or a slice of the findings sheet. Where no Worker starts (its script
// refused or missing) the caller checks in this thread.

import type { Cell } from '../validation/fields';
import type { CheckSummary, CheckedFindings, PageItem } from './session';
import type { ReportSlice } from './present';

/** Rows per message: no one message is slow to send or to receive. */
const WORKER_SLICE = 2000;
/** How long a new Worker may take to load its script. */
const READY_MS = 15_000;

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

export interface WorkerRun {
  /** Sends rows, a slice per message (each wrapped by `message`), letting the pane paint between. */
  rows(rows: Cell[][], message: (slice: Cell[][]) => unknown): Promise<void>;
  /** Starts the check; resolves with its summary and the means to ask for its findings. */
  run(message: unknown, onProgress: (done: number, total: number) => void): Promise<CheckedFindings>;
  cancel(): void;
}

/** A Worker that said it is there, or undefined when none starts. */
export async function startWorker(url: string): Promise<WorkerRun | undefined> {
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch {
    return undefined;
  }
  let nextId = 0;
  const replies = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let onProgress: (done: number, total: number) => void = () => undefined;
  let summary: { resolve: (s: CheckSummary) => void; reject: (e: Error) => void } | undefined;
  const fail = (e: Error) => {
    summary?.reject(e);
    for (const r of replies.values()) r.reject(e);
    replies.clear();
  };
  // The Worker says it is there before any row goes over; an error before that means no Worker.
  const ready = await new Promise<boolean>((resolve) => {
    worker.onmessage = (e: MessageEvent) => {
      const m = e.data as { type: string; id?: number; done: number; total: number; summary: CheckSummary; value: unknown; message: string };
      if (m.type === 'ready') resolve(true);
      else if (m.type === 'progress') onProgress(m.done, m.total);
      else if (m.type === 'summary') summary?.resolve(m.summary);
      else if (m.type === 'reply') {
        replies.get(m.id!)?.resolve(m.value);
        replies.delete(m.id!);
      } else if (m.type === 'failed') fail(new Error(m.message));
    };
    worker.onerror = (e) => {
      resolve(false);
      fail(new Error(e.message || 'the checking worker failed'));
    };
    // A Worker that never says it is there (its script stalled) is given up on: the check runs here.
    setTimeout(() => resolve(false), READY_MS);
  });
  if (!ready) {
    worker.terminate();
    return undefined;
  }
  let gone = false;
  const ask = <T,>(message: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // A check let go (a new one started) answers no more: said at once, never left waiting.
      if (gone) return reject(new Error('these findings were replaced by a newer check; check again'));
      const id = ++nextId;
      replies.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  return {
    async rows(rows, message) {
      for (let i = 0; i < rows.length; i += WORKER_SLICE) {
        worker.postMessage(message(rows.slice(i, i + WORKER_SLICE)));
        await nextTask();
      }
    },
    async run(message, progress) {
      onProgress = progress;
      const result = new Promise<CheckSummary>((resolve, reject) => (summary = { resolve, reject }));
      worker.postMessage(message);
      return {
        summary: await result,
        page: (filter, from, count, rule) => ask<PageItem[]>({ type: 'page', filter, from, count, ...(rule === undefined ? {} : { rule }) }),
        reportSlice: (from, count, run) => ask<ReportSlice>({ type: 'report', from, count, run }),
        dispose: () => {
          gone = true;
          worker.terminate();
          fail(new Error('these findings were replaced by a newer check; check again'));
        },
      };
    },
    cancel: () => {
      gone = true;
      worker.terminate();
    },
  };
}
