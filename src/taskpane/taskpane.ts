// The task pane: controls, progress and the findings list. Text goes in with textContent only:
// cell contents are data, never markup.

import type { DateSystem } from '../core';
import type { Finding } from '../validation/validate';
import { PaneController, PaneMode } from './controller';
import { StringKey, UiLang, t, uiLanguage } from './i18n';
import { ExcelWorkbook, Source, cellAddress } from './workbook';

type Filter = 'all' | 'error' | 'warning';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function option(value: string, label: string): HTMLOptionElement {
  const o = el('option', { value }, label);
  return o;
}

export class Pane {
  private findings: Finding[] = [];
  private filter: Filter = 'all';
  private busy = false;
  private readonly list = el('ol', { class: 'findings', 'aria-live': 'polite' });
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly progress = el('progress', { class: 'progress', max: '100', value: '0', hidden: '' });
  private readonly sourceSelect = el('select', { id: 'source' });
  private readonly dateSelect = el('select', { id: 'date-system' });
  private readonly filters = el('div', { class: 'filters', role: 'tablist' });
  private readonly buttons: HTMLButtonElement[] = [];

  constructor(private readonly root: HTMLElement, private readonly controller: PaneController | undefined, private readonly lang: UiLang, private readonly mode: PaneMode) {}

  private s(key: StringKey, vars?: Record<string, string | number>): string {
    return t(this.lang, key, vars);
  }

  render(): void {
    document.documentElement.lang = this.lang;
    document.title = this.s(this.mode === 'roster' ? 'titleRoster' : 'titleClaims');
    const header = el('header');
    header.append(el('h1', {}, document.title), el('p', { class: 'intro' }, this.s(this.mode === 'roster' ? 'introRoster' : 'introClaims')));
    this.root.append(header);
    if (!this.controller) {
      this.root.append(el('p', { class: 'notice' }, this.s('notInExcel')));
      return;
    }
    const controls = el('section', { class: 'controls' });
    const sourceLabel = el('label', { for: 'source' }, this.s('source'));
    for (const [v, k] of [['auto', 'sourceAuto'], ['selection', 'sourceSelection'], ['table', 'sourceTable'], ['used', 'sourceUsed']] as [Source, StringKey][]) this.sourceSelect.append(option(v, this.s(k)));
    const dateLabel = el('label', { for: 'date-system' }, this.s('dateSystem'));
    this.dateSelect.append(option('auto', this.s('dateAuto')), option('1900', '1900'), option('1904', '1904'));
    const check = this.button(this.s('check'), 'primary', () => this.check());
    check.id = 'check';
    const clear = this.button(this.s('clear'), '', () => this.clear());
    clear.id = 'clear-marks';
    const report = this.button(this.s('report'), '', () => this.report());
    report.id = 'write-report';
    const row1 = el('div', { class: 'field' });
    row1.append(sourceLabel, this.sourceSelect);
    const row2 = el('div', { class: 'field' });
    row2.append(dateLabel, this.dateSelect);
    const actions = el('div', { class: 'actions' });
    actions.append(check, clear, report);
    controls.append(row1, row2, actions);
    for (const [f, k] of [['all', 'all'], ['error', 'errors'], ['warning', 'warnings']] as [Filter, StringKey][]) {
      const b = el('button', { type: 'button', role: 'tab', 'data-filter': f, 'aria-selected': String(f === this.filter) }, this.s(k));
      b.addEventListener('click', () => {
        this.filter = f;
        for (const x of Array.from(this.filters.children)) x.setAttribute('aria-selected', String(x.getAttribute('data-filter') === f));
        this.drawList();
      });
      this.filters.append(b);
    }
    this.filters.hidden = true;
    this.root.append(controls, this.progress, this.status, this.filters, this.list);
  }

  private button(label: string, kind: string, action: () => Promise<void>): HTMLButtonElement {
    const b = el('button', { type: 'button', class: kind }, label);
    b.addEventListener('click', () => void this.guard(action));
    this.buttons.push(b);
    return b;
  }

  private async guard(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.buttons.forEach((b) => (b.disabled = true));
    try {
      await action();
    } catch (e) {
      this.say(this.s('failed', { message: (e as Error).message }), 'error');
    } finally {
      this.busy = false;
      this.buttons.forEach((b) => (b.disabled = false));
      this.progress.hidden = true;
    }
  }

  /** A standing notice under the title. */
  notice(text: string): void {
    this.root.querySelector('header')?.append(el('p', { class: 'notice' }, text));
  }

  private say(text: string, kind: 'info' | 'error' = 'info'): void {
    this.status.textContent = text;
    this.status.className = `status ${kind}`;
  }

  private async check(): Promise<void> {
    this.say(this.s('checking'));
    this.progress.hidden = false;
    this.progress.value = 0;
    // Let the "checking" state paint before a big sheet keeps the thread busy.
    await new Promise((r) => setTimeout(r, 0));
    const source = this.sourceSelect.value as Source;
    const dateSystem = this.dateSelect.value as DateSystem | 'auto';
    const { block, result } = await this.controller!.check(source, dateSystem, (done, total) => {
      this.progress.value = total ? Math.round((100 * done) / total) : 100;
      if (total > 2000) this.say(this.s('checkingRows', { n: total.toLocaleString(this.lang === 'ja' ? 'ja-JP' : 'en-US') }));
    });
    this.findings = result.findings;
    if (result.kind === 'unknown') {
      this.say(this.s('notRecognised', { address: block.address || block.sheet }), 'error');
      this.filters.hidden = true;
      this.drawList();
      return;
    }
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const sourceName = this.s(({ selection: 'sourceSelection', table: 'sourceTable', used: 'sourceUsed' } as const)[block.source]);
    let text = this.s('summary', { sheet: block.sheet, rows: result.dataRows, source: sourceName, e: errors, w: result.findings.length - errors });
    if (result.findings.length === 0) text += ` ${this.s('clean')}`;
    if (result.kind !== this.mode) text += ` ${this.s(this.mode === 'roster' ? 'wrongKindRoster' : 'wrongKindClaims')}`;
    this.say(text);
    this.filters.hidden = result.findings.length === 0;
    this.drawList();
  }

  private drawList(): void {
    this.list.replaceChildren();
    for (const f of this.findings) {
      if (this.filter !== 'all' && f.severity !== this.filter) continue;
      const item = el('li', { class: `finding ${f.severity}` });
      const b = el('button', { type: 'button', 'data-row': String(f.row), 'data-column': String(f.columnIndex) });
      const where = el('span', { class: 'where' }, f.columnIndex ? cellAddress(f.row, f.columnIndex) : `${this.s('sheetWide')} ${f.row}`);
      const rule = el('span', { class: 'rule' }, f.rule);
      const msg = el('span', { class: 'message' }, this.lang === 'ja' ? f.message_ja : f.message);
      const column = el('span', { class: 'column' }, f.column);
      b.append(where, rule, column, msg);
      b.addEventListener('click', () => void this.guard(() => this.controller!.select(f)));
      item.append(b);
      this.list.append(item);
    }
  }

  private async clear(): Promise<void> {
    const n = await this.controller!.clearMarks();
    this.say(this.s('cleared', { n }));
  }

  private async report(): Promise<void> {
    if (!this.findings.length) await this.check();
    const name = await this.controller!.writeReport(this.findings);
    this.say(this.s('reportWritten', { name }));
  }
}

/** Starts the pane once Office is ready; outside Excel it says how to open it. */
export async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const mode: PaneMode = root.dataset.mode === 'claims' ? 'claims' : 'roster';
  let officeLanguage: string | undefined;
  if (typeof Office !== 'undefined') {
    await Office.onReady();
    try {
      officeLanguage = Office.context?.displayLanguage;
    } catch {
      officeLanguage = undefined;
    }
  }
  const lang = uiLanguage(officeLanguage, navigator.language);
  const hasExcel = typeof (globalThis as { Excel?: unknown }).Excel !== 'undefined';
  const controller = hasExcel ? new PaneController(new ExcelWorkbook(), mode) : undefined;
  const pane = new Pane(root, controller, lang, mode);
  pane.render();
  // RangeAreas and conditional formats on them need ExcelApi 1.9 (Excel 2019 and later).
  if (hasExcel && typeof Office !== 'undefined' && Office.context?.requirements && !Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    pane.notice(t(lang, 'tooOld'));
  }
}

void start();
