// The task pane: controls, progress and the findings list. Text goes in with textContent only:
// cell contents are data, never markup. One polite status line speaks; the list is silent.

import type { DateSystem } from '../core';
import type { Cell } from '../validation/fields';
import { CheckOutcome, CheckRun, CheckSummary, FindingFilter, PageItem, PaneController, PaneMode, Phase, Validator, fixText, inlineValidator } from './controller';
import { StringKey, UiLang, t, uiLanguage } from './i18n';
import { clerkMessage, dayInJapan, ruleLabel, severityWord, whereLabel } from './present';
import { nextStep } from '../validation/nextSteps';
import { ExcelWorkbook, Source } from './workbook';
import { startWorker } from './workerClient';
import { REPORT_SHEET, ReportRun, columnLetters, rulesetNames } from '../validation/report';
import { Field } from '../validation/fields';
import { fieldLabel } from '../validation/validate';
import { EXPECTED_HEADER, MonthController, MonthOutcome, inlineMonthValidator, monthCoverage, workerMonthValidator } from './month';

/** A small preference kept on this computer (the clerk's name for acceptances). */
function remembered(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}
function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage refused: the name is asked again next time */
  }
}

type Filter = FindingFilter;

/** Findings drawn at a time: 200,000 findings never become 200,000 list items. */
export const PAGE_SIZE = 100;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function option(value: string, label: string): HTMLOptionElement {
  return el('option', { value }, label);
}

/** Lets the browser paint and handle input between slices of work. */
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

export class Pane {
  private outcome: CheckOutcome | undefined;
  private page = 0;
  /** A cell was changed from the pane since the check: the findings sheet waits for a new check. */
  private stale = false;
  /** Which drawing of the list is current: a slow page answer never overwrites a newer page. */
  private drawing = 0;
  private filter: Filter = 'all';
  private busy = false;
  private readonly list = el('ol', { class: 'findings' });
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly progressBox = el('div', { class: 'progress-box', hidden: '' });
  private readonly progress = el('progress', { class: 'progress', max: '100', value: '0' });
  private readonly sourceSelect = el('select', { id: 'source' });
  private readonly dateSelect = el('select', { id: 'date-system' });
  private readonly filters = el('div', { class: 'filters', role: 'tablist' });
  private readonly panel = el('div', { class: 'panel', role: 'tabpanel', id: 'findings-panel', hidden: '' });
  private readonly pager = el('div', { class: 'pager' });
  /** Counts by rule before the list, as Excel's Accessibility Checker groups its results; a click narrows the list to one rule. */
  private readonly byRule = el('section', { class: 'by-rule', hidden: '' });
  private rule: string | undefined;
  private readonly confirmBox = el('div', { class: 'confirm', role: 'group', hidden: '' });
  private readonly tabs: HTMLButtonElement[] = [];
  private readonly buttons: HTMLButtonElement[] = [];
  /** What the ALT pane checks: the roster, or the leave ledger and pay against it (month.ts). */
  private what: 'roster' | 'month' = 'roster';
  private readonly whatSelect = el('select', { id: 'check-what' });
  private readonly sourceRow = el('div', { class: 'field' });
  private expectedButton: HTMLButtonElement | undefined;

  constructor(private readonly root: HTMLElement, private readonly controller: PaneController | undefined, private readonly lang: UiLang, private readonly mode: PaneMode, private readonly month?: MonthController) {}

  private s(key: StringKey, vars?: Record<string, string | number>): string {
    return t(this.lang, key, vars);
  }

  private n(x: number): string {
    return x.toLocaleString(this.lang === 'ja' ? 'ja-JP' : 'en-US');
  }

  render(): void {
    document.documentElement.lang = this.lang;
    document.title = this.s(this.mode === 'roster' ? 'titleRoster' : 'titleClaims');
    const header = el('header');
    header.append(el('h1', {}, document.title), el('p', { class: 'intro' }, this.s(this.mode === 'roster' ? 'introRoster' : 'introClaims')));
    // The guide is a page of the build, beside help.html; it opens outside the pane.
    const help = el('p', { class: 'help' });
    help.append(el('a', { href: `../guide-${this.lang}.html`, target: '_blank', rel: 'noopener' }, this.s('guide')));
    header.append(help);
    const main = el('main');
    this.root.append(header, main);
    if (!this.controller) {
      main.append(el('p', { class: 'notice' }, this.s('notInExcel')));
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
    const row1 = this.sourceRow;
    row1.append(sourceLabel, this.sourceSelect);
    const row2 = el('div', { class: 'field' });
    row2.append(dateLabel, this.dateSelect);
    const actions = el('div', { class: 'actions' });
    actions.append(check, clear, report);
    controls.append(row1, row2, actions);
    if (this.month) this.renderMonthControls(controls, actions);

    this.progress.setAttribute('aria-label', this.s('progressLabel'));
    this.progressBox.append(this.progress);

    this.filters.setAttribute('aria-label', this.s('filterLabel'));
    for (const [f, k] of [['all', 'all'], ['error', 'errors'], ['warning', 'warnings'], ['accepted', 'acceptedTab']] as [Filter, StringKey][]) {
      const b = el('button', { type: 'button', role: 'tab', id: `tab-${f}`, 'data-filter': f, 'aria-controls': 'findings-panel', 'aria-selected': String(f === this.filter), tabindex: f === this.filter ? '0' : '-1' }, this.s(k));
      b.dataset.label = this.s(k);
      b.addEventListener('click', () => this.setFilter(f));
      b.addEventListener('keydown', (e) => this.tabKey(e, f));
      this.tabs.push(b);
      this.filters.append(b);
    }
    this.filters.hidden = true;
    this.panel.setAttribute('aria-labelledby', `tab-${this.filter}`);
    this.list.setAttribute('aria-label', this.s('findingsLabel'));
    this.panel.append(this.list, this.pager);
    this.byRule.setAttribute('aria-label', this.s('byRuleLabel'));
    main.append(controls, this.progressBox, this.status, this.confirmBox, this.byRule, this.filters, this.panel);
  }

  /** The count by rule and severity of a check, each a toggle that narrows the list to its rule. */
  private drawByRule(summary: CheckSummary): void {
    const counts = summary.byRule;
    this.byRule.hidden = counts.length === 0;
    const list = el('ul');
    for (const c of counts) {
      const b = el('button', { type: 'button', class: `rule-count ${c.severity}`, 'data-rule': c.rule, 'aria-pressed': String(this.rule === c.rule) });
      b.append(el('span', { class: 'count' }, this.n(c.count)), el('span', { class: 'severity' }, severityWord(c.severity, this.lang)), el('span', { class: 'rule' }, ruleLabel(c.rule, this.lang)));
      b.addEventListener('click', () => this.narrowTo(this.rule === c.rule ? undefined : c.rule));
      const li = el('li');
      li.append(b);
      list.append(li);
    }
    this.byRule.replaceChildren(el('h2', {}, this.s('byRuleLabel')), list);
  }

  private narrowTo(rule: string | undefined): void {
    this.rule = rule;
    for (const b of this.byRule.querySelectorAll<HTMLButtonElement>('button[data-rule]')) b.setAttribute('aria-pressed', String(b.dataset.rule === rule));
    this.page = 0;
    void this.drawList();
  }

  /** Findings in the list as shown: the tab's count, or the chosen rule's within it. */
  private shownTotal(summary: CheckSummary): number {
    if (this.rule === undefined || this.filter === 'accepted') return summary.counts[this.filter];
    return summary.byRule.filter((c) => c.rule === this.rule && (this.filter === 'all' || c.severity === this.filter)).reduce((n, c) => n + c.count, 0);
  }

  /** Tabs: arrow keys, Home and End move between them (roving tabindex, selection follows focus). */
  private tabKey(e: KeyboardEvent, f: Filter): void {
    const visible = this.tabs.filter((t) => !t.hidden);
    const i = visible.findIndex((t) => t.dataset.filter === f);
    const n = visible.length;
    const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    this.setFilter(visible[to].dataset.filter as Filter);
    visible[to].focus();
  }

  private setFilter(f: Filter): void {
    this.filter = f;
    for (const b of this.tabs) {
      const on = b.dataset.filter === f;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    this.panel.setAttribute('aria-labelledby', `tab-${f}`);
    this.page = 0;
    void this.drawList();
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
    const focused = document.activeElement as HTMLElement | null;
    this.buttons.forEach((b) => (b.disabled = true));
    try {
      await action();
    } catch (e) {
      this.say(this.s('failed', { message: (e as Error).message }), 'error');
    } finally {
      this.busy = false;
      this.buttons.forEach((b) => (b.disabled = false));
      this.progressBox.hidden = true;
      // Disabled buttons drop the keyboard focus to the page: it goes back where it was, or, when
      // that control is gone (a redrawn list), to the list's first finding, else to Check.
      if (!document.activeElement || document.activeElement === document.body) {
        const back = focused?.isConnected && !(focused as HTMLButtonElement).disabled ? focused : ((this.list.querySelector('button.go') as HTMLElement | null) ?? (this.root.querySelector('#check') as HTMLElement | null));
        back?.focus();
      }
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

  private sourceWord(source: 'selection' | 'table' | 'used'): string {
    return this.s(({ selection: 'sourceSheetSelection', table: 'sourceSheetTable', used: 'sourceSheetUsed' } as const)[source]);
  }

  private async check(): Promise<void> {
    this.stale = false;
    if (this.what === 'month') return this.checkMonth();
    this.confirmBox.hidden = true;
    this.say(this.s('reading'));
    this.progressBox.hidden = false;
    this.progress.value = 0;
    await nextTask();
    const source = this.sourceSelect.value as Source;
    const dateSystem = this.dateSelect.value as DateSystem | 'auto';
    // Reading is the first fifth of the bar, checking (in the Worker) most of the rest, then the cells are marked.
    let rows = 0;
    const outcome = await this.controller!.check(source, dateSystem, this.phases({ read: [0, 20], check: [20, 95] }, (p, total) => {
      if (p === 'read') rows = total;
      return this.s('checkingRows', { n: this.n(rows) });
    }));
    this.progress.value = 100;
    await this.show(outcome);
  }

  /**
   * The bar and the status line through a check's phases: each phase its span of the bar, the
   * status said when checking starts (`checking` also hears every read, for the row count) and
   * when marking starts.
   */
  private phases(span: { read: [number, number]; check: [number, number] }, checking: (phase: Phase, total: number) => string): (phase: Phase, done: number, total: number) => void {
    const spans: Record<Phase, [number, number]> = { ...span, mark: [span.check[1], 100], report: [0, 100] };
    let phase: Phase = 'read';
    return (p, done, total) => {
      const text = p === 'read' || p === 'check' ? checking(p, total) : '';
      if (p !== phase) {
        phase = p;
        if (p === 'check') this.say(text);
        if (p === 'mark') this.say(this.s('marking'));
      }
      const [a, b] = spans[p];
      this.progress.value = a + (total ? ((b - a) * done) / total : 0);
    };
  }

  private async show(outcome: CheckOutcome): Promise<void> {
    const { block, summary } = outcome;
    this.outcome = outcome;
    if (summary.kind === 'unknown') return this.showNothing(this.s('notRecognised', { address: block.address || block.sheet }));
    const { counts } = summary;
    let text = this.s('summary', { address: block.address, rows: this.n(summary.dataRows), s: summary.dataRows === 1 ? '' : 's', source: this.sourceWord(block.source), e: this.n(counts.error), w: this.n(counts.warning) });
    if (block.selectionHadHeader === false && block.source !== 'selection') text += ` ${this.s('selectionNoHeader', { source: this.sourceWord(block.source) })}`;
    // Rows that are not people, as the CLI lists them: said, never findings.
    const notes = summary.notes ?? [];
    if (notes.length) text += ` ${this.s('skippedRows', { n: this.n(notes.length), rows: notes.map((n) => n.row).join(', ') })}`;
    await this.showFindings(summary, text, summary.kind !== this.mode ? ` ${this.s(this.mode === 'roster' ? 'wrongKindRoster' : 'wrongKindClaims')}` : '');
  }

  /** Nothing was checked: the reason, and no tabs or list. */
  private showNothing(reason: string): void {
    this.say(reason, 'error');
    this.byRule.hidden = true;
    this.filters.hidden = true;
    this.panel.hidden = true;
    this.list.replaceChildren();
    this.pager.replaceChildren();
  }

  /**
   * A check's status line (its own text, "no problems" when clean, `more`, the accepted count),
   * the tabs with their counts, and the first page of the list; done once the page is drawn.
   */
  private async showFindings(summary: CheckSummary, text: string, more = ''): Promise<void> {
    const counts = summary.counts;
    this.rule = undefined;
    this.drawByRule(summary);
    if (counts.all === 0) text += ` ${this.s('clean')}`;
    text += more;
    if (counts.accepted) text += ` ${this.s('acceptedCount', { n: this.n(counts.accepted) })}`;
    this.say(text);
    for (const b of this.tabs) {
      b.textContent = `${b.dataset.label} (${this.n(counts[b.dataset.filter as Filter])})`;
      b.hidden = b.dataset.filter === 'accepted' && counts.accepted === 0;
    }
    const empty = counts.all === 0 && counts.accepted === 0;
    this.filters.hidden = empty;
    this.panel.hidden = empty;
    this.setFilter('all');
    await this.drawn;
  }

  /** The list's latest drawing, awaited before a check is called done. */
  private drawn: Promise<void> = Promise.resolve();

  /** Draws one page of the shown findings: at most PAGE_SIZE items, whatever their number. */
  private drawList(): Promise<void> {
    const outcome = this.outcome;
    const token = ++this.drawing;
    this.drawn = (async () => {
      if (!outcome || outcome.summary.kind === 'unknown') return;
      const from = this.page * PAGE_SIZE;
      // The page comes from the Worker: until it is drawn the panel says it is busy.
      this.panel.setAttribute('aria-busy', 'true');
      try {
        const page = await outcome.findings.page(this.filter, from, PAGE_SIZE, this.rule);
        if (token !== this.drawing) return;
        if (page.length) this.list.replaceChildren(...page.map((item, i) => this.drawItem(item, `f${from + i}`)));
        else this.list.replaceChildren(el('li', { class: 'empty' }, this.s('emptyTab')));
        this.drawPager(outcome.summary);
      } finally {
        if (token === this.drawing) this.panel.setAttribute('aria-busy', 'false');
      }
    })();
    return this.drawn;
  }

  private drawItem(entry: PageItem, id: string): HTMLLIElement {
    const { finding: f, who, acceptance, fix } = entry;
    const item = el('li', { class: `finding ${f.severity}${acceptance ? ' accepted' : ''}` });
    const b = el('button', { type: 'button', class: 'go', 'data-row': String(f.row), 'data-column': String(f.columnIndex) });
    b.append(
      el('span', { class: 'severity' }, acceptance ? this.s('acceptedWord') : severityWord(f.severity, this.lang)),
      el('span', { class: 'where' }, whereLabel(f, this.lang)),
      el('span', { class: 'rule' }, ruleLabel(f.rule, this.lang)),
      el('span', { class: 'who' }, who),
      // The month check spans two sheets: each finding names its own.
      el('span', { class: 'column' }, this.what === 'month' ? [f.sheet, f.column].filter(Boolean).join(' · ') : f.column),
      el('span', { class: 'message' }, clerkMessage(this.lang === 'ja' ? f.message_ja : f.message, this.lang)),
      el('span', { class: 'next' }, nextStep(f, this.lang)),
    );
    if (acceptance) b.append(el('span', { class: 'note' }, this.s('acceptedBy', { who: acceptance.who, when: dayInJapan(acceptance.when), why: acceptance.why })));
    b.addEventListener('click', () => void this.guard(() => this.controller!.select(f)));
    item.append(b);
    if (!acceptance) {
      if (fix) {
        const shown = fix.kind === 'yen' ? `¥${this.n(fix.value)}` : fixText(fix);
        const b = this.actionButton(this.s('setTo', { value: shown }), `fix-${id}`, () => void this.guard(() => this.fix(item, entry)));
        b.classList.add('fix');
        item.append(b);
      }
      if (f.columnIndex) item.append(this.actionButton(this.s('acceptAction'), `accept-${id}`, () => this.acceptForm(item, entry)));
      else if (f.field && f.severity === 'warning' && this.what === 'roster') item.append(this.actionButton(this.s('mapAction'), `map-${id}`, () => this.mapForm(item, entry)));
    }
    return item;
  }

  /** Writes the one right value into the finding's cell, after the clerk's click. */
  private async fix(item: HTMLElement, entry: PageItem): Promise<void> {
    const f = entry.finding;
    const value = await this.controller!.applyFix(this.outcome!, entry);
    if (value === undefined) {
      this.say(this.s('fixChanged', { cell: whereLabel(f, this.lang) }), 'error');
      return;
    }
    item.querySelector('button.fix')?.remove();
    item.classList.add('fixed');
    // The list and the findings sheet now show a value that is no longer there: checked again first.
    this.stale = true;
    const shown = entry.fix!.kind === 'yen' ? `¥${this.n(entry.fix!.value)}` : value;
    this.say(this.s('fixed', { value: shown, cell: whereLabel(f, this.lang) }));
  }

  private actionButton(label: string, id: string, open: () => void): HTMLButtonElement {
    const b = el('button', { type: 'button', class: 'small', id }, label);
    b.addEventListener('click', open);
    return b;
  }

  /** Accept a finding with a reason: who (remembered on this computer) and why. */
  private acceptForm(item: HTMLElement, entry: PageItem): void {
    if (item.querySelector('form')) return;
    const form = el('form', { class: 'inline-form' });
    const why = el('input', { type: 'text', id: 'accept-why', required: '', maxlength: '200' });
    const who = el('input', { type: 'text', id: 'accept-who', required: '', maxlength: '60', autocomplete: 'name' });
    who.value = remembered('altrules.who');
    const save = el('button', { type: 'submit', class: 'primary' }, this.s('save'));
    const cancel = el('button', { type: 'button' }, this.s('cancel'));
    cancel.addEventListener('click', () => form.remove());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!why.value.trim() || !who.value.trim()) return;
      remember('altrules.who', who.value.trim());
      void this.guard(async () => {
        if (this.what === 'month') await this.month!.accept(this.outcome as MonthOutcome, entry, who.value, why.value);
        else await this.controller!.accept(this.outcome!, entry, who.value, why.value);
        await this.check();
      });
    });
    const row = el('div', { class: 'actions' });
    row.append(save, cancel);
    form.append(el('label', { for: 'accept-why' }, this.s('reason')), why, el('label', { for: 'accept-who' }, this.s('yourName')), who, row);
    item.append(form);
    why.focus();
  }

  /** Choose the column that holds a field the headers did not name, or say the sheet does not keep it. */
  private mapForm(item: HTMLElement, entry: PageItem): void {
    const f = entry.finding;
    if (item.querySelector('form') || !this.outcome || !f.field) return;
    const { block, summary } = this.outcome;
    const header: Cell[] = summary.header;
    const form = el('form', { class: 'inline-form' });
    const select = el('select', { id: 'map-column' });
    header.forEach((c, i) => {
      if (c === null || c === undefined || c === '') return;
      select.append(option(String(block.firstColumn + i), `${columnLetters(block.firstColumn + i)}: ${typeof c === 'object' ? c.error : String(c)}`));
    });
    select.append(option('0', this.s('notKept')));
    // Every field of every sheet kind can be mapped (the one mapping the CLI's --columns also uses).
    const field = f.field as Field;
    const label = fieldLabel(field);
    const save = el('button', { type: 'submit', class: 'primary' }, this.s('save'));
    const cancel = el('button', { type: 'button' }, this.s('cancel'));
    cancel.addEventListener('click', () => form.remove());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.guard(async () => {
        await this.controller!.mapColumn(this.outcome!, field, Number(select.value));
        await this.check();
      });
    });
    const row = el('div', { class: 'actions' });
    row.append(save, cancel);
    form.append(el('label', { for: 'map-column' }, this.s('columnFor', { field: this.lang === 'ja' ? label.ja : label.en })), select, row);
    item.append(form);
    select.focus();
  }

  private drawPager(summary: CheckSummary): void {
    const total = this.shownTotal(summary);
    if (total <= PAGE_SIZE) {
      this.pager.replaceChildren();
      return;
    }
    const from = this.page * PAGE_SIZE;
    const last = Math.ceil(total / PAGE_SIZE) - 1;
    const prev = el('button', { type: 'button', class: 'page-prev' }, this.s('previous'));
    const next = el('button', { type: 'button', class: 'page-next' }, this.s('next'));
    prev.disabled = this.page === 0;
    next.disabled = this.page >= last;
    prev.addEventListener('click', () => void this.turn(-1));
    next.addEventListener('click', () => void this.turn(1));
    const where = el('span', { class: 'page-of' }, this.s('pageOf', { from: this.n(from + 1), to: this.n(Math.min(total, from + PAGE_SIZE)), n: this.n(total) }));
    this.pager.replaceChildren(prev, where, next);
  }

  private async turn(by: number): Promise<void> {
    this.page += by;
    await this.drawList();
    (this.pager.querySelector(by < 0 ? '.page-prev' : '.page-next') as HTMLButtonElement | null)?.focus();
  }

  private async clear(): Promise<void> {
    const n = await this.controller!.clearMarks();
    this.say(this.s('cleared', { n: this.n(n) }));
  }

  private async report(): Promise<void> {
    if (!this.outcome || this.stale) await this.check();
    if (!this.outcome || this.outcome.summary.kind === 'unknown') return;
    if (await this.controller!.reportExists()) {
      this.askToReplace();
      return;
    }
    await this.writeReport();
  }

  private async writeReport(): Promise<void> {
    this.progressBox.hidden = false;
    this.progress.value = 0;
    this.say(this.s('writingReport', { n: this.n(this.outcome!.summary.reportRows - 1) }));
    const summary = this.outcome!.summary;
    const sheets = summary.month ? summary.month.results.map((r) => r.sheet) : [summary.sheet];
    const kinds = summary.month ? summary.month.results.map((r) => r.kind) : [summary.kind];
    const run: ReportRun = { lang: this.lang, date: dayInJapan(new Date().toISOString()), sources: sheets.map((s) => this.s('reportSource', { sheet: s })), rulesets: rulesetNames(kinds, this.lang) };
    const name = await this.controller!.writeReport(this.outcome!, run, (done, total) => (this.progress.value = (100 * done) / total));
    this.say(this.s('reportWritten', { name }));
  }

  // ---- the "leave ledger and pay" mode (month.ts) ----------------------------------------

  /** A select at the top of the controls: the roster, or the leave ledger and pay against it. */
  private renderMonthControls(controls: HTMLElement, actions: HTMLElement): void {
    this.whatSelect.append(option('roster', this.s('whatRoster')), option('month', this.s('whatMonth')));
    this.whatSelect.addEventListener('change', () => {
      if (this.busy) {
        this.whatSelect.value = this.what;
        return;
      }
      this.setWhat(this.whatSelect.value === 'month' ? 'month' : 'roster');
    });
    const row = el('div', { class: 'field' });
    row.append(el('label', { for: 'check-what' }, this.s('checkWhat')), this.whatSelect);
    controls.prepend(row);
    const write = this.button(this.s('writeExpected'), '', () => this.writeExpected());
    write.id = 'write-expected';
    write.hidden = true;
    this.expectedButton = write;
    actions.append(write);
  }

  /** Another check chosen: its own controls and intro; the other check's findings go. */
  private setWhat(what: 'roster' | 'month'): void {
    this.what = what;
    this.sourceRow.hidden = what === 'month';
    if (this.expectedButton) this.expectedButton.hidden = what !== 'month';
    document.title = this.s(what === 'month' ? 'titleMonth' : 'titleRoster');
    const h1 = this.root.querySelector('h1');
    if (h1) h1.textContent = document.title;
    const intro = this.root.querySelector('.intro');
    if (intro) intro.textContent = this.s(what === 'month' ? 'introMonth' : 'introRoster');
    this.outcome?.findings.dispose();
    this.outcome = undefined;
    this.list.replaceChildren();
    this.pager.replaceChildren();
    this.confirmBox.hidden = true;
    this.confirmBox.replaceChildren();
    this.rule = undefined;
    this.byRule.hidden = true;
    this.setFilter('all');
    this.filters.hidden = true;
    this.panel.hidden = true;
    this.say('');
  }

  private async checkMonth(): Promise<void> {
    this.confirmBox.hidden = true;
    this.say(this.s('readingMonth'));
    this.progressBox.hidden = false;
    this.progress.value = 0;
    await nextTask();
    const dateSystem = this.dateSelect.value as DateSystem | 'auto';
    // Reading is the first part of the bar (the whole of three sheets), then the Worker's check.
    let rows = 0;
    const outcome = await this.month!.checkMonth(dateSystem, this.phases({ read: [0, 40], check: [40, 95] }, (p, total) => {
      if (p === 'read') rows = total;
      return this.s('checkingMonth', { n: this.n(rows) });
    }));
    this.progress.value = 100;
    await this.showMonth(outcome);
  }

  /** The status line names the sheets checked and those not found; the list is the roster check's. */
  private async showMonth(outcome: MonthOutcome): Promise<void> {
    this.outcome = outcome;
    const { rosters, checked, missing } = monthCoverage(outcome);
    if (!checked.length) return this.showNothing(this.s('monthNothing'));
    const list = (xs: string[]) => xs.join(this.lang === 'ja' ? '、' : ', ');
    const tabCounts = outcome.summary.counts;
    const { error: errors, warning: warnings } = tabCounts;
    const sheets = list(checked.map((c) => this.s(c.kind === 'ledger' ? 'monthLedger' : 'monthPay', { name: c.sheet, n: this.n(c.rows) })));
    const counts = { sheets, e: this.n(errors), w: this.n(warnings) };
    let text = rosters.length ? this.s('monthSummary', { ...counts, rosters: list(rosters.map((name) => this.s('monthSheetName', { name }))) }) : this.s('monthSummaryNoRoster', counts);
    const missingKey = { roster: 'monthMissingRoster', ledger: 'monthMissingLedger', pay: 'monthMissingPay' } as const;
    if (missing.length) text += ` ${this.s('monthNotFound', { what: list(missing.map((m) => this.s(missingKey[m]))) })}`;
    if (!rosters.length) text += ` ${this.s('monthRosterSkipped')}`;
    // Without a roster no amount is known: the sentence above says so.
    for (const c of checked) if (c.status) text += this.lang === 'ja' ? ` 「${c.sheet}」: ${c.status.ja}。` : ` "${c.sheet}": ${c.status.en}.`;
    if (rosters.length) for (const c of checked) if (c.kind === 'pay' && !c.paidColumn) text += ` ${this.s('monthNoPaid', { name: c.sheet, n: this.n(outcome.expected.filter((e) => e.sheet === c.sheet).length) })}`;
    await this.showFindings(outcome.summary, text);
  }

  /** Writes the expected pay beside the pay sheet's data, on the clerk's click; asks before replacing other data. */
  private async writeExpected(replace = false): Promise<void> {
    if ((this.outcome as MonthOutcome | undefined)?.mode !== 'month') await this.checkMonth();
    const outcome = this.outcome as MonthOutcome | undefined;
    if (outcome?.mode !== 'month' || !monthCoverage(outcome).checked.length) return;
    if (!outcome.results.some((r) => r.kind === 'pay')) {
      this.say(this.s('expectedNoPay'), 'error');
      return;
    }
    if (!outcome.expected.length) {
      this.say(this.s('expectedNone'), 'error');
      return;
    }
    const done = await this.month!.writeExpectedPay(outcome, replace);
    if ('occupied' in done) {
      this.askToOverwriteColumn(done.occupied);
      return;
    }
    this.say(done.written.map((w) => this.s('expectedWritten', { n: this.n(w.amounts), column: w.column, sheet: w.sheet, header: EXPECTED_HEADER })).join(' '));
  }

  private askToOverwriteColumn(at: { sheet: string; cell: string; value: string }): void {
    const column = at.cell.replace(/\d+$/, '');
    const vars = { column, sheet: at.sheet, cell: at.cell, value: at.value };
    const yes = el('button', { type: 'button', id: 'replace-column', class: 'primary' }, this.s('replaceColumn'));
    const no = el('button', { type: 'button', id: 'keep-column' }, this.s('keepColumn'));
    const question = el('p', { id: 'overwrite-question' }, this.s('expectedOccupied', vars));
    this.confirmBox.setAttribute('aria-labelledby', 'overwrite-question');
    const done = () => {
      this.confirmBox.hidden = true;
      this.confirmBox.replaceChildren();
    };
    yes.addEventListener('click', () => {
      done();
      void this.guard(() => this.writeExpected(true));
    });
    no.addEventListener('click', () => {
      done();
      this.say(this.s('expectedKept', vars));
    });
    const row = el('div', { class: 'actions' });
    row.append(yes, no);
    this.confirmBox.replaceChildren(question, row);
    this.confirmBox.hidden = false;
    this.say(this.s('expectedOccupied', vars));
    yes.focus();
  }

  /** Office add-ins cannot use confirm(): the question is asked in the pane. */
  private askToReplace(): void {
    const yes = el('button', { type: 'button', id: 'replace-report', class: 'primary' }, this.s('replace'));
    const no = el('button', { type: 'button', id: 'keep-report' }, this.s('keep'));
    const question = el('p', { id: 'replace-question' }, this.s('reportExists', { name: REPORT_SHEET }));
    this.confirmBox.setAttribute('aria-labelledby', 'replace-question');
    const done = () => {
      this.confirmBox.hidden = true;
      this.confirmBox.replaceChildren();
    };
    yes.addEventListener('click', () => {
      done();
      void this.guard(() => this.writeReport());
    });
    no.addEventListener('click', () => {
      done();
      this.say(this.s('reportKept', { name: REPORT_SHEET }));
    });
    const row = el('div', { class: 'actions' });
    row.append(yes, no);
    this.confirmBox.replaceChildren(question, row);
    this.confirmBox.hidden = false;
    this.say(this.s('reportAsk'));
    yes.focus();
  }
}

/**
 * The roster check in a Worker, so that a 100,000-row check never blocks the pane (workerClient.ts);
 * without a Worker it runs in this thread.
 */
export function workerValidator(url: string): Validator {
  return (): CheckRun => {
    let inline: CheckRun | undefined;
    const started = startWorker(url).then((w) => {
      if (!w) inline = inlineValidator();
      return w;
    });
    return {
      async add(rows) {
        const w = await started;
        if (!w) return inline!.add(rows);
        await w.rows(rows, (slice) => ({ type: 'rows', rows: slice }));
      },
      async finish(input, options, progress) {
        const w = await started;
        if (!w) return inline!.finish(input, options, progress);
        return w.run({ type: 'run', input, mappings: options.mappings, store: options.store }, progress);
      },
      cancel() {
        void started.then((w) => w?.cancel());
        inline?.cancel();
      },
    };
  };
}

/** Office's theme colours when Office gives them (dark themes included), else the system's. */
function followTheme(): void {
  let theme: Office.OfficeTheme | undefined;
  try {
    theme = Office.context?.officeTheme;
  } catch {
    theme = undefined;
  }
  if (!theme?.bodyBackgroundColor) return;
  const css = document.documentElement.style;
  css.setProperty('--bg', theme.bodyBackgroundColor);
  css.setProperty('--text', theme.bodyForegroundColor);
  css.setProperty('--control-bg', theme.controlBackgroundColor);
  css.setProperty('--control-text', theme.controlForegroundColor);
  const dark = theme.isDarkTheme ?? luminance(theme.bodyBackgroundColor) < 0.4;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The worker's bundle sits beside this script (dist/validate-worker.js). */
const WORKER_URL = (() => {
  try {
    const src = (document.currentScript as HTMLScriptElement | null)?.src;
    return src ? new URL('validate-worker.js', src).href : undefined;
  } catch {
    return undefined;
  }
})();

/** Starts the pane once Office is ready; outside Excel it says how to open it. */
export async function start(): Promise<void> {
  const root = document.getElementById('app');
  // Internet Explorer 11 was told why the pane cannot run (legacy-check.js).
  if (!root || root.dataset.legacy) return;
  const mode: PaneMode = root.dataset.mode === 'claims' ? 'claims' : 'roster';
  let officeLanguage: string | undefined;
  if (typeof Office !== 'undefined') {
    await Office.onReady();
    try {
      officeLanguage = Office.context?.displayLanguage;
    } catch {
      officeLanguage = undefined;
    }
    followTheme();
  }
  const lang = uiLanguage(officeLanguage, navigator.language);
  const hasExcel = typeof (globalThis as { Excel?: unknown }).Excel !== 'undefined';
  const validator = WORKER_URL && typeof Worker !== 'undefined' ? workerValidator(WORKER_URL) : inlineValidator;
  const controller = hasExcel ? new PaneController(new ExcelWorkbook(), mode, validator) : undefined;
  // The ALT pane also checks the leave ledger and pay against the roster, in the same Worker.
  const month = hasExcel && mode === 'roster' ? new MonthController(new ExcelWorkbook(), WORKER_URL && typeof Worker !== 'undefined' ? workerMonthValidator(WORKER_URL) : inlineMonthValidator) : undefined;
  const pane = new Pane(root, controller, lang, mode, month);
  pane.render();
  // RangeAreas and conditional formats on them need ExcelApi 1.9 (Excel 2019 and later).
  if (hasExcel && typeof Office !== 'undefined' && Office.context?.requirements && !Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    pane.notice(t(lang, 'tooOld'));
  }
}

void start();
