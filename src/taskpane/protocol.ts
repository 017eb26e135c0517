// The messages between the pane and its checking Worker, both ways: one discriminated union each,
// shared by worker.ts and workerClient.ts, so that a misspelt kind or a missing field is a compile
// error at either end. What arrives from the Worker is checked again at run time (fromWorker): a
// message of another build, or a broken one, becomes a clear error instead of a crash.

import type { Cell } from '../validation/fields';
import type { SheetInput } from '../validation/validate';
import type { ColumnMapping, Store } from '../validation/store';
import type { ReportRun } from '../validation/report';
import type { CheckSummary, FindingFilter, PageItem } from './session';
import type { ReportSlice } from './present';
import type { MonthSheetMeta } from './monthCheck';

/** The month check's messages: rows of sheet `index` in slices, then the run (monthCheck.ts). */
export type MonthRequest = { type: 'month-rows'; index: number; rows: Cell[][] } | { type: 'month'; sheets: MonthSheetMeta[]; store: Store };

/** What the pane sends: rows in slices, a run, then questions about the findings kept there. */
export type ToWorker =
  | { type: 'rows'; rows: Cell[][] }
  | { type: 'run'; input: Omit<SheetInput, 'rows'>; mappings: ColumnMapping[]; store: Store }
  | MonthRequest
  | PageRequest
  | ReportRequest;

export type PageRequest = { type: 'page'; id: number; filter: FindingFilter; from: number; count: number; rule?: string };
export type ReportRequest = { type: 'report'; id: number; from: number; count: number; run: ReportRun };

/** What the Worker sends: it is there, progress, the summary of a run, the answer to a question, or why not. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'summary'; summary: CheckSummary }
  | { type: 'page'; id: number; items: PageItem[] }
  | { type: 'report'; id: number; slice: ReportSlice }
  /** A question (`id`) or the run (no id) failed, with the reason. */
  | { type: 'failed'; id?: number; message: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isId = (x: unknown): x is number => Number.isInteger(x);
const isArray = Array.isArray;

function isSummary(x: unknown): x is CheckSummary {
  return isRecord(x) && typeof x.sheet === 'string' && typeof x.kind === 'string' && isCount(x.dataRows) && isCount(x.reportRows) && isRecord(x.counts) && isArray(x.byRule) && isArray(x.marks) && isArray(x.header);
}

function isPageItem(x: unknown): x is PageItem {
  return isRecord(x) && isRecord(x.finding) && typeof x.finding.rule === 'string' && isCount(x.finding.row) && typeof x.who === 'string';
}

function isSlice(x: unknown): x is ReportSlice {
  return isRecord(x) && isArray(x.rows) && isArray(x.heights) && isArray(x.widths) && isCount(x.total) && isCount(x.headerRow) && isCount(x.summaryHeaderRow);
}

/** A message from the Worker as the pane may use it, or an error that says what was wrong with it. */
export function fromWorker(data: unknown): FromWorker | WorkerMessageError {
  if (!isRecord(data) || typeof data.type !== 'string') return new WorkerMessageError('a message without a kind');
  const { type } = data;
  switch (type) {
    case 'ready':
      return { type };
    case 'progress':
      return isCount(data.done) && isCount(data.total) ? { type, done: data.done, total: data.total } : new WorkerMessageError('progress without its counts');
    case 'summary':
      return isSummary(data.summary) ? { type, summary: data.summary } : new WorkerMessageError('a summary without its counts');
    case 'page': {
      const { id, items } = data;
      if (!isId(id)) return new WorkerMessageError('a page of findings without its question');
      return isArray(items) && items.every(isPageItem) ? { type, id, items } : new WorkerMessageError('a page of findings that are not findings', id);
    }
    case 'report': {
      const { id, slice } = data;
      if (!isId(id)) return new WorkerMessageError('rows of the findings sheet without their question');
      return isSlice(slice) ? { type, id, slice } : new WorkerMessageError('rows of the findings sheet without their layout', id);
    }
    case 'failed': {
      const { id, message } = data;
      if (typeof message !== 'string') return new WorkerMessageError('a failure without its reason', isId(id) ? id : undefined);
      return isId(id) ? { type, id, message } : { type, message };
    }
    default:
      return new WorkerMessageError(`a message of an unknown kind "${type.slice(0, 40)}"`);
  }
}

/** A message from the Worker the pane cannot use; `id` names the question it answered, when that much was readable. */
export class WorkerMessageError extends Error {
  constructor(what: string, readonly id?: number) {
    super(`the checking worker sent ${what}; check again`);
    this.name = 'WorkerMessageError';
  }
}
