// The task pane: its controls, progress and status line, and the parts around them — the findings
// list (findingsView.ts), the forms a finding opens (forms.ts), the status texts (status.ts), the
// progress bar's phases (progress.ts), the leave ledger and pay controls (monthPanel.ts). Pane
// holds one run at a time: what is checked, what is shown, what the buttons do. One polite status
// line speaks; the list is silent. Parts are held as references made here, never looked up.

import type { DateSystem } from '../core';
import type { Field } from '../validation/fields';
import { CheckOutcome, PageItem, PaneController, PaneMode, Phase, fixText, inlineValidator } from './controller';
import { StringKey, UiLang, formatNumber, t, uiLanguage } from './i18n';
import { dayInJapan, whereLabel } from './present';
import { ExcelWorkbook, Source } from './workbook';
import { workerValidator } from './workerClient';
import { REPORT_SHEET, ReportRun, rulesetNames } from '../validation/report';
import { MonthController, MonthOutcome, inlineMonthValidator, workerMonthValidator } from './month';
import { CheckWhat, MonthHost, MonthPanel } from './monthPanel';
import { ask, el, needed, nextTask, option } from './dom';
import { FindingsView } from './findingsView';
import { acceptForm, columnChoices, columnForm } from './forms';
import { Status, monthStatus, rosterStatus } from './status';
import { PhaseSpans, phaseBar } from './progress';

const SOURCES: readonly (readonly [Source, StringKey])[] = [
  ['auto', 'sourceAuto'],
  ['selection', 'sourceSelection'],
  ['table', 'sourceTable'],
  ['used', 'sourceUsed'],
];

const isMonth = (o: CheckOutcome | undefined): o is MonthOutcome => (o as MonthOutcome | undefined)?.mode === 'month';

export class Pane {
  private outcome: CheckOutcome | undefined;
  /** A cell was changed from the pane since the check: the findings sheet waits for a new check. */
  private stale = false;
  private busy = false;
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly progressBox = el('div', { class: 'progress-box', hidden: '' });
  private readonly progress = el('progress', { class: 'progress', max: '100', value: '0' });
  private readonly sourceSelect = el('select', { id: 'source' });
  private readonly dateSelect = el('select', { id: 'date-system' });
  // The findings sheet in the pane's language; both only when the clerk asks (issue 21).
  private readonly bothLanguages = el('input', { type: 'checkbox', id: 'report-both-languages' });
  private readonly confirmBox = el('div', { class: 'confirm', role: 'group', hidden: '' });
  private readonly buttons: HTMLButtonElement[] = [];
  /** What the ALT pane checks: the roster, or the leave ledger and pay against it (month.ts). */
  private what: CheckWhat = 'roster';
  private readonly sourceRow = el('div', { class: 'field' });
  private readonly heading = el('h1');
  private readonly intro = el('p', { class: 'intro' });
  private checkButton: HTMLButtonElement | undefined;
  private readonly view: FindingsView;

  constructor(private readonly root: HTMLElement, private readonly controller: PaneController | undefined, private readonly lang: UiLang, private readonly mode: PaneMode, private readonly month?: MonthController) {
    this.view = new FindingsView(lang, {
      // The month check spans two sheets: each finding names its own.
      columnOf: (f) => (this.what === 'month' ? [f.sheet, f.column].filter(Boolean).join(' · ') : f.column),
      select: (f) => void this.guard(() => this.excel.select(f)),
      actions: (item, entry, id) => this.itemActions(item, entry, id),
    });
  }

  private s(key: StringKey, vars?: Record<string, string | number>): string {
    return t(this.lang, key, vars);
  }

  private n(x: number): string {
    return formatNumber(this.lang, x);
  }

  /** The roster controller: the pane draws its buttons only inside Excel, where there is one. */
  private get excel(): PaneController {
    return needed(this.controller, 'Excel controller (the pane is open outside Excel)');
  }

  /** The pane as the month controls see it (monthPanel.ts). */
  private monthHost(): MonthHost {
    return {
      lang: this.lang,
      busy: () => this.busy,
      button: (label, kind, action) => this.button(label, kind, action),
      guard: (action) => this.guard(action),
      say: (text, kind) => this.say(text, kind),
      ask: (q) => ask(this.confirmBox, q),
      choose: (what) => this.setWhat(what),
      monthChecked: async () => {
        if (!isMonth(this.outcome)) await this.checkMonth();
        return isMonth(this.outcome) ? this.outcome : undefined;
      },
    };
  }

  private get monthly(): MonthController {
    return needed(this.month, 'leave ledger and pay check');
  }

  /** The check a finding's button acts on: the list is drawn only from one. */
  private get checked(): CheckOutcome {
    return needed(this.outcome, 'check to act on');
  }

  render(): void {
    document.documentElement.lang = this.lang;
    document.title = this.s(this.mode === 'roster' ? 'titleRoster' : 'titleClaims');
    const header = el('header');
    this.heading.textContent = document.title;
    this.intro.textContent = this.s(this.mode === 'roster' ? 'introRoster' : 'introClaims');
    header.append(this.heading, this.intro);
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
    for (const [v, k] of SOURCES) this.sourceSelect.append(option(v, this.s(k)));
    const dateLabel = el('label', { for: 'date-system' }, this.s('dateSystem'));
    this.dateSelect.append(option('auto', this.s('dateAuto')), option('1900', '1900'), option('1904', '1904'));
    const check = this.button(this.s('check'), 'primary', () => this.check());
    check.id = 'check';
    this.checkButton = check;
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
    const row3 = el('div', { class: 'check' });
    row3.append(this.bothLanguages, el('label', { for: 'report-both-languages' }, this.s('reportBothLanguages')));
    controls.append(row1, row2, row3, actions);
    if (this.month) new MonthPanel(this.monthHost(), this.month).render(controls, actions);

    this.progress.setAttribute('aria-label', this.s('progressLabel'));
    this.progressBox.append(this.progress);
    main.append(controls, this.progressBox, this.status, this.confirmBox, ...this.view.parts);
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
    const focused = document.activeElement;
    this.buttons.forEach((b) => (b.disabled = true));
    try {
      await action();
    } catch (e) {
      this.say(this.s('failed', { message: e instanceof Error ? e.message : String(e) }), 'error');
    } finally {
      this.busy = false;
      this.buttons.forEach((b) => (b.disabled = false));
      this.progressBox.hidden = true;
      // Disabled buttons drop the keyboard focus to the page: it goes back where it was, or, when
      // that control is gone (a redrawn list), to the list's first finding, else to Check.
      if (!document.activeElement || document.activeElement === document.body) {
        const usable = focused instanceof HTMLElement && focused.isConnected && !(focused instanceof HTMLButtonElement && focused.disabled);
        const back = usable ? focused : (this.view.firstItem() ?? this.checkButton);
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

  private startBar(text: string): void {
    this.confirmBox.hidden = true;
    this.say(text);
    this.progressBox.hidden = false;
    this.progress.value = 0;
  }

  private async check(): Promise<void> {
    this.stale = false;
    if (this.what === 'month') return this.checkMonth();
    this.startBar(this.s('reading'));
    await nextTask();
    const source = this.sourceSelect.value as Source;
    const dateSystem = this.dateSelect.value as DateSystem | 'auto';
    // Reading is the first fifth of the bar, checking (in the Worker) most of the rest, then the cells are marked.
    let rows = 0;
    const outcome = await this.excel.check(source, dateSystem, this.phases({ read: [0, 20], check: [20, 95] }, (p, total) => {
      if (p === 'read') rows = total;
      return this.s('checkingRows', { n: this.n(rows) });
    }));
    this.progress.value = 100;
    this.outcome = outcome;
    await this.show(rosterStatus(outcome, this.lang, this.mode));
  }

  /** The bar and the status line through a check's phases (progress.ts). */
  private phases(span: PhaseSpans, checking: (phase: Phase, total: number) => string): (phase: Phase, done: number, total: number) => void {
    return phaseBar(span, checking, this.s('marking'), { value: (v) => (this.progress.value = v), say: (text) => this.say(text) });
  }

  /** A check's status line, then its findings; nothing checked: the reason, and no tabs or list. */
  private async show(status: Status): Promise<void> {
    const outcome = this.outcome;
    if (!status.checked || !outcome) {
      this.say(status.text, 'error');
      this.view.hide();
      return;
    }
    this.say(status.text);
    await this.view.show(outcome);
  }

  /** An open finding's buttons: set its one right value, accept it, or choose the column a field is in. */
  private itemActions(item: HTMLLIElement, entry: PageItem, id: string): void {
    const { finding: f, fix } = entry;
    if (fix) {
      const shown = fix.kind === 'yen' ? `¥${this.n(fix.value)}` : fixText(fix);
      const b = this.actionButton(this.s('setTo', { value: shown }), `fix-${id}`, () => void this.guard(() => this.fix(item, entry)));
      b.classList.add('fix');
      item.append(b);
    }
    if (f.columnIndex) item.append(this.actionButton(this.s('acceptAction'), `accept-${id}`, () => acceptForm(item, this.lang, (who, why) => void this.guard(() => this.accept(entry, who, why)))));
    else if (f.field && f.severity === 'warning' && this.what === 'roster') {
      const field = f.field;
      item.append(this.actionButton(this.s('mapAction'), `map-${id}`, () => this.openColumnForm(item, field)));
    }
  }

  private actionButton(label: string, id: string, open: () => void): HTMLButtonElement {
    const b = el('button', { type: 'button', class: 'small', id }, label);
    b.addEventListener('click', open);
    return b;
  }

  /** Writes the one right value into the finding's cell, after the clerk's click. */
  private async fix(item: HTMLElement, entry: PageItem): Promise<void> {
    const { finding: f, fix } = entry;
    const value = await this.excel.applyFix(this.checked, entry);
    if (value === undefined) {
      this.say(this.s('fixChanged', { cell: whereLabel(f, this.lang) }), 'error');
      return;
    }
    item.querySelector('button.fix')?.remove();
    item.classList.add('fixed');
    // The list and the findings sheet now show a value that is no longer there: checked again first.
    this.stale = true;
    const shown = fix?.kind === 'yen' ? `¥${this.n(fix.value)}` : value;
    this.say(this.s('fixed', { value: shown, cell: whereLabel(f, this.lang) }));
  }

  /** Keeps the acceptance in the workbook, then checks again (the finding moves to Accepted). */
  private async accept(entry: PageItem, who: string, why: string): Promise<void> {
    const outcome = this.checked;
    if (isMonth(outcome)) await this.monthly.accept(outcome, entry, who, why);
    else await this.excel.accept(outcome, entry, who, why);
    await this.check();
  }

  /** Choose the column that holds a field the headers did not name; the choice is kept and the sheet checked again. */
  private openColumnForm(item: HTMLElement, field: Field): void {
    const outcome = this.outcome;
    if (!outcome) return;
    const { block, summary } = outcome;
    columnForm(item, this.lang, field, columnChoices(summary.header, block.firstColumn, this.s('notKept')), (column) =>
      void this.guard(async () => {
        await this.excel.mapColumn(outcome, field, column);
        await this.check();
      }),
    );
  }

  private async clear(): Promise<void> {
    const n = await this.excel.clearMarks();
    this.say(this.s('cleared', { n: this.n(n) }));
  }

  private async report(): Promise<void> {
    if (!this.outcome || this.stale) await this.check();
    if (!this.outcome || this.outcome.summary.kind === 'unknown') return;
    if (await this.excel.reportExists()) {
      this.askToReplace();
      return;
    }
    await this.writeReport();
  }

  private async writeReport(): Promise<void> {
    const outcome = this.checked;
    const { summary } = outcome;
    this.progressBox.hidden = false;
    this.progress.value = 0;
    this.say(this.s('writingReport', { n: this.n(summary.reportRows - 1) }));
    const sheets = summary.month ? summary.month.results.map((r) => r.sheet) : [summary.sheet];
    const kinds = summary.month ? summary.month.results.map((r) => r.kind) : [summary.kind];
    const run: ReportRun = { lang: this.lang, ...(this.bothLanguages.checked ? { both: true } : {}), date: dayInJapan(new Date().toISOString()), sources: sheets.map((s) => this.s('reportSource', { sheet: s })), rulesets: rulesetNames(kinds, this.lang) };
    const name = await this.excel.writeReport(outcome, run, (done, total) => (this.progress.value = (100 * done) / total));
    this.say(this.s('reportWritten', { name }));
  }

  // ---- the "leave ledger and pay" mode (month.ts) ----------------------------------------

  /** Another check chosen: its own controls and intro; the other check's findings go. */
  private setWhat(what: CheckWhat): void {
    this.what = what;
    this.sourceRow.hidden = what === 'month';
    document.title = this.s(what === 'month' ? 'titleMonth' : 'titleRoster');
    this.heading.textContent = document.title;
    this.intro.textContent = this.s(what === 'month' ? 'introMonth' : 'introRoster');
    this.outcome?.findings.dispose();
    this.outcome = undefined;
    this.confirmBox.hidden = true;
    this.confirmBox.replaceChildren();
    this.view.reset();
    this.say('');
  }

  private async checkMonth(): Promise<void> {
    this.startBar(this.s('readingMonth'));
    await nextTask();
    const dateSystem = this.dateSelect.value as DateSystem | 'auto';
    // Reading is the first part of the bar (the whole of three sheets), then the Worker's check.
    let rows = 0;
    const outcome = await this.monthly.checkMonth(dateSystem, this.phases({ read: [0, 40], check: [40, 95] }, (p, total) => {
      if (p === 'read') rows = total;
      return this.s('checkingMonth', { n: this.n(rows) });
    }));
    this.progress.value = 100;
    this.outcome = outcome;
    await this.show(monthStatus(outcome, this.lang));
  }

  /** Office add-ins cannot use confirm(): the question is asked in the pane. */
  private askToReplace(): void {
    ask(this.confirmBox, {
      id: 'replace-question',
      text: this.s('reportExists', { name: REPORT_SHEET }),
      yes: { id: 'replace-report', label: this.s('replace'), then: () => void this.guard(() => this.writeReport()) },
      no: { id: 'keep-report', label: this.s('keep'), then: () => this.say(this.s('reportKept', { name: REPORT_SHEET })) },
    });
    this.say(this.s('reportAsk'));
  }
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
  const [, r, g, b] = (/^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex) ?? []).map((x) => parseInt(x, 16) / 255);
  if (r === undefined || g === undefined || b === undefined) return 1;
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
