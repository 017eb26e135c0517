// The findings of a check as the pane shows them: counts by rule (a click narrows the list to one
// rule, as Excel's Accessibility Checker groups its results), tabs by severity, and one page of
// the list at a time, asked from wherever the findings are kept (the Worker). Knows nothing of
// Excel or of the check: what a finding's buttons do is the pane's (ItemHooks).

import type { Finding } from '../validation/validate';
import type { CheckSummary, CheckedFindings, FindingFilter, PageItem } from './session';
import { StringKey, UiLang, formatNumber, t } from './i18n';
import { clerkMessage, dayInJapan, ruleLabel, severityWord, whereLabel } from './present';
import { nextStep } from '../validation/nextSteps';
import { el } from './dom';

/** Findings drawn at a time: 200,000 findings never become 200,000 list items. */
export const PAGE_SIZE = 100;

const FILTERS: readonly (readonly [FindingFilter, StringKey])[] = [
  ['all', 'all'],
  ['error', 'errors'],
  ['warning', 'warnings'],
  ['accepted', 'acceptedTab'],
];

/** What the list needs of a check: its counts, and the means to ask for a page. */
export interface ShownCheck {
  summary: CheckSummary;
  findings: Pick<CheckedFindings, 'page'>;
}

/** What the pane does for a finding: the list only draws. */
export interface ItemHooks {
  /** The finding's column as the list names it (the month check adds the sheet). */
  columnOf(f: Finding): string;
  /** The clerk clicked the finding: its cell is selected. */
  select(f: Finding): void;
  /** Buttons after an open finding (set to, accept, choose the column). */
  actions(item: HTMLLIElement, entry: PageItem, id: string): void;
}

/** Which page of how many: the pager's words and whether each button can be used. */
export function pageWindow(page: number, total: number, size = PAGE_SIZE): { from: number; to: number; first: boolean; last: boolean } {
  const from = page * size;
  return { from: from + 1, to: Math.min(total, from + size), first: page === 0, last: page >= Math.ceil(total / size) - 1 };
}

/** Findings in a list as shown: the tab's count, or the chosen rule's within it (the accepted tab is never narrowed). */
export function shownTotal(summary: CheckSummary, filter: FindingFilter, rule: string | undefined): number {
  if (rule === undefined || filter === 'accepted') return summary.counts[filter];
  return summary.byRule.filter((c) => c.rule === rule && (filter === 'all' || c.severity === filter)).reduce((n, c) => n + c.count, 0);
}

export class FindingsView {
  private check: ShownCheck | undefined;
  private page = 0;
  private filter: FindingFilter = 'all';
  private rule: string | undefined;
  /** Which drawing of the list is current: a slow page answer never overwrites a newer page. */
  private drawing = 0;
  /** The list's latest drawing, awaited before a check is called done. */
  private drawn: Promise<void> = Promise.resolve();
  private readonly list = el('ol', { class: 'findings' });
  private readonly pager = el('div', { class: 'pager' });
  private readonly filters = el('div', { class: 'filters', role: 'tablist' });
  private readonly panel = el('div', { class: 'panel', role: 'tabpanel', id: 'findings-panel', hidden: '' });
  private readonly byRule = el('section', { class: 'by-rule', hidden: '' });
  private readonly tabs: HTMLButtonElement[] = [];
  /** The parts, in the order the pane shows them. */
  readonly parts: readonly HTMLElement[];

  constructor(private readonly lang: UiLang, private readonly hooks: ItemHooks) {
    this.filters.setAttribute('aria-label', this.s('filterLabel'));
    for (const [f, k] of FILTERS) {
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
    this.parts = [this.byRule, this.filters, this.panel];
  }

  private s(key: StringKey, vars?: Record<string, string | number>): string {
    return t(this.lang, key, vars);
  }

  private n(x: number): string {
    return formatNumber(this.lang, x);
  }

  /** A check's counts by rule, the tabs with their counts and its first page; done once the page is drawn. */
  async show(check: ShownCheck): Promise<void> {
    this.check = check;
    const { counts } = check.summary;
    this.rule = undefined;
    this.drawByRule(check.summary);
    for (const b of this.tabs) {
      const filter = filterOf(b);
      b.textContent = `${b.dataset.label ?? ''} (${this.n(counts[filter])})`;
      b.hidden = filter === 'accepted' && counts.accepted === 0;
    }
    const empty = counts.all === 0 && counts.accepted === 0;
    this.filters.hidden = empty;
    this.panel.hidden = empty;
    this.setFilter('all');
    await this.drawn;
  }

  /** Nothing was checked: no counts, tabs or list. */
  hide(): void {
    this.check = undefined;
    this.byRule.hidden = true;
    this.filters.hidden = true;
    this.panel.hidden = true;
    this.list.replaceChildren();
    this.pager.replaceChildren();
  }

  /** Another check chosen: the list forgets this one and starts again from the first tab. */
  reset(): void {
    this.hide();
    this.rule = undefined;
    this.setFilter('all');
  }

  /** The first finding's button, where the keyboard focus goes when its control is gone. */
  firstItem(): HTMLElement | null {
    return this.list.querySelector<HTMLElement>('button.go');
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

  /** Tabs: arrow keys, Home and End move between them (roving tabindex, selection follows focus). */
  private tabKey(e: KeyboardEvent, f: FindingFilter): void {
    const visible = this.tabs.filter((b) => !b.hidden);
    const i = visible.findIndex((b) => b.dataset.filter === f);
    const n = visible.length;
    const keys: Record<string, number> = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 };
    const to = keys[e.key];
    const tab = to === undefined ? undefined : visible[to];
    if (!tab) return;
    e.preventDefault();
    this.setFilter(filterOf(tab));
    tab.focus();
  }

  private setFilter(f: FindingFilter): void {
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

  /** Draws one page of the shown findings: at most PAGE_SIZE items, whatever their number. */
  private drawList(): Promise<void> {
    const check = this.check;
    const token = ++this.drawing;
    this.drawn = (async () => {
      if (!check || check.summary.kind === 'unknown') return;
      const from = this.page * PAGE_SIZE;
      // The page comes from the Worker: until it is drawn the panel says it is busy.
      this.panel.setAttribute('aria-busy', 'true');
      try {
        const page = await check.findings.page(this.filter, from, PAGE_SIZE, this.rule);
        if (token !== this.drawing) return;
        if (page.length) this.list.replaceChildren(...page.map((item, i) => this.drawItem(item, `f${from + i}`)));
        else this.list.replaceChildren(el('li', { class: 'empty' }, this.s('emptyTab')));
        this.drawPager(check.summary);
      } catch (e) {
        // One page that could not be fetched is said in the list; the check, its counts and its other pages stay.
        if (token !== this.drawing) return;
        this.list.replaceChildren(el('li', { class: 'empty page-failed' }, this.s('pageFailed', { message: e instanceof Error ? e.message : String(e) })));
        this.drawPager(check.summary);
      } finally {
        if (token === this.drawing) this.panel.setAttribute('aria-busy', 'false');
      }
    })();
    return this.drawn;
  }

  private drawItem(entry: PageItem, id: string): HTMLLIElement {
    const { finding: f, who, acceptance } = entry;
    const item = el('li', { class: `finding ${f.severity}${acceptance ? ' accepted' : ''}` });
    const b = el('button', { type: 'button', class: 'go', 'data-row': String(f.row), 'data-column': String(f.columnIndex) });
    b.append(
      el('span', { class: 'severity' }, acceptance ? this.s('acceptedWord') : severityWord(f.severity, this.lang)),
      el('span', { class: 'where' }, whereLabel(f, this.lang)),
      el('span', { class: 'rule' }, ruleLabel(f.rule, this.lang)),
      el('span', { class: 'who' }, who),
      el('span', { class: 'column' }, this.hooks.columnOf(f)),
      el('span', { class: 'message' }, clerkMessage(this.lang === 'ja' ? f.message_ja : f.message, this.lang)),
      el('span', { class: 'next' }, nextStep(f, this.lang)),
    );
    if (acceptance) b.append(el('span', { class: 'note' }, this.s('acceptedBy', { who: acceptance.who, when: dayInJapan(acceptance.when), why: acceptance.why })));
    b.addEventListener('click', () => this.hooks.select(f));
    item.append(b);
    if (!acceptance) this.hooks.actions(item, entry, id);
    return item;
  }

  private drawPager(summary: CheckSummary): void {
    const total = shownTotal(summary, this.filter, this.rule);
    if (total <= PAGE_SIZE) {
      this.pager.replaceChildren();
      return;
    }
    const at = pageWindow(this.page, total);
    const prev = el('button', { type: 'button', class: 'page-prev' }, this.s('previous'));
    const next = el('button', { type: 'button', class: 'page-next' }, this.s('next'));
    prev.disabled = at.first;
    next.disabled = at.last;
    prev.addEventListener('click', () => void this.turn(-1));
    next.addEventListener('click', () => void this.turn(1));
    const where = el('span', { class: 'page-of' }, this.s('pageOf', { from: this.n(at.from), to: this.n(at.to), n: this.n(total) }));
    this.pager.replaceChildren(prev, where, next);
  }

  private async turn(by: number): Promise<void> {
    this.page += by;
    await this.drawList();
    this.pager.querySelector<HTMLButtonElement>(by < 0 ? '.page-prev' : '.page-next')?.focus();
  }
}

/** A tab's filter, from the data attribute it was made with. */
function filterOf(tab: HTMLElement): FindingFilter {
  const f = tab.dataset.filter;
  const known = FILTERS.find(([x]) => x === f);
  if (!known) throw new Error(`a findings tab without a known filter: ${String(f)}`);
  return known[0];
}
