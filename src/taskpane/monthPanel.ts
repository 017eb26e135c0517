// The controls of the "leave ledger and pay" check (month.ts) in the pane: the choice of what to
// check, and "Write expected pay" with its question when the column holds other data. The pane
// around it runs the checks and owns the status line; this part only asks it (MonthHost).

import type { UiLang } from './i18n';
import { StringKey, formatNumber, t } from './i18n';
import { EXPECTED_HEADER, MonthController, MonthOutcome, monthCoverage } from './month';
import { Question, el, option } from './dom';

export type CheckWhat = 'roster' | 'month';

/** What the month controls need of the pane around them. */
export interface MonthHost {
  readonly lang: UiLang;
  /** Whether a run is under way: the choice of check waits for it. */
  busy(): boolean;
  /** A button of the pane's controls, disabled while a run is under way. */
  button(label: string, kind: string, action: () => Promise<void>): HTMLButtonElement;
  /** Runs an action as the pane's buttons do (one at a time, its failure said). */
  guard(action: () => Promise<void>): Promise<void>;
  say(text: string, kind?: 'info' | 'error'): void;
  /** A question in the pane's question box. */
  ask(q: Question): void;
  /** Another check chosen: the pane forgets the other one's findings. */
  choose(what: CheckWhat): void;
  /** The month check shown now, after running it when another is shown. */
  monthChecked(): Promise<MonthOutcome | undefined>;
}

export class MonthPanel {
  private what: CheckWhat = 'roster';
  private readonly select = el('select', { id: 'check-what' });
  private expectedButton: HTMLButtonElement | undefined;

  constructor(private readonly host: MonthHost, private readonly month: MonthController) {}

  private s(key: StringKey, vars?: Record<string, string | number>): string {
    return t(this.host.lang, key, vars);
  }

  /** A select at the top of the controls: the roster, or the leave ledger and pay against it; the write button after the others. */
  render(controls: HTMLElement, actions: HTMLElement): void {
    this.select.append(option('roster', this.s('whatRoster')), option('month', this.s('whatMonth')));
    this.select.addEventListener('change', () => {
      if (this.host.busy()) {
        this.select.value = this.what;
        return;
      }
      this.what = this.select.value === 'month' ? 'month' : 'roster';
      if (this.expectedButton) this.expectedButton.hidden = this.what !== 'month';
      this.host.choose(this.what);
    });
    const row = el('div', { class: 'field' });
    row.append(el('label', { for: 'check-what' }, this.s('checkWhat')), this.select);
    controls.prepend(row);
    const write = this.host.button(this.s('writeExpected'), '', () => this.writeExpected());
    write.id = 'write-expected';
    write.hidden = true;
    this.expectedButton = write;
    actions.append(write);
  }

  /** Writes the expected pay beside the pay sheet's data, on the clerk's click; asks before replacing other data. */
  async writeExpected(replace = false): Promise<void> {
    const outcome = await this.host.monthChecked();
    if (!outcome || !monthCoverage(outcome).checked.length) return;
    if (!outcome.results.some((r) => r.kind === 'pay')) {
      this.host.say(this.s('expectedNoPay'), 'error');
      return;
    }
    if (!outcome.expected.length) {
      this.host.say(this.s('expectedNone'), 'error');
      return;
    }
    const done = await this.month.writeExpectedPay(outcome, replace);
    if ('occupied' in done) {
      this.askToOverwrite(done.occupied);
      return;
    }
    const n = (x: number) => formatNumber(this.host.lang, x);
    this.host.say(done.written.map((w) => this.s('expectedWritten', { n: n(w.amounts), column: w.column, sheet: w.sheet, header: EXPECTED_HEADER })).join(' '));
  }

  private askToOverwrite(at: { sheet: string; cell: string; value: string }): void {
    const column = at.cell.replace(/\d+$/, '');
    const vars = { column, sheet: at.sheet, cell: at.cell, value: at.value };
    this.host.ask({
      id: 'overwrite-question',
      text: this.s('expectedOccupied', vars),
      yes: { id: 'replace-column', label: this.s('replaceColumn'), then: () => void this.host.guard(() => this.writeExpected(true)) },
      no: { id: 'keep-column', label: this.s('keepColumn'), then: () => this.host.say(this.s('expectedKept', vars)) },
    });
    this.host.say(this.s('expectedOccupied', vars));
  }
}
