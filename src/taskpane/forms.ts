// The small forms a finding opens in the list: accept it with a reason, or choose the column that
// holds a field the headers did not name. Each form only asks; what the answer does is the pane's.

import type { Cell, Field } from '../validation/fields';
import { columnLetters } from '../validation/report';
import { fieldLabel } from '../validation/validate';
import { UiLang, t } from './i18n';
import { el, option, remember, remembered } from './dom';

/** Where the clerk's name is remembered on this computer. */
const WHO_KEY = 'altrules.who';

/** Accept a finding with a reason: who (remembered on this computer) and why. Once per item. */
export function acceptForm(item: HTMLElement, lang: UiLang, onSave: (who: string, why: string) => void): void {
  if (item.querySelector('form')) return;
  const form = el('form', { class: 'inline-form' });
  const why = el('input', { type: 'text', id: 'accept-why', required: '', maxlength: '200' });
  const who = el('input', { type: 'text', id: 'accept-who', required: '', maxlength: '60', autocomplete: 'name' });
  who.value = remembered(WHO_KEY);
  const save = el('button', { type: 'submit', class: 'primary' }, t(lang, 'save'));
  const cancel = el('button', { type: 'button' }, t(lang, 'cancel'));
  cancel.addEventListener('click', () => form.remove());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!why.value.trim() || !who.value.trim()) return;
    remember(WHO_KEY, who.value.trim());
    onSave(who.value, why.value);
  });
  const row = el('div', { class: 'actions' });
  row.append(save, cancel);
  form.append(el('label', { for: 'accept-why' }, t(lang, 'reason')), why, el('label', { for: 'accept-who' }, t(lang, 'yourName')), who, row);
  item.append(form);
  why.focus();
}

/** A column the clerk can choose: its sheet column number (0: the sheet does not keep the field) and how it reads. */
export interface ColumnChoice {
  column: number;
  label: string;
}

/** The header row's non-empty cells as choices ("C: Arrival"), then "not kept". */
export function columnChoices(header: readonly Cell[], firstColumn: number, notKept: string): ColumnChoice[] {
  const out: ColumnChoice[] = [];
  header.forEach((c, i) => {
    if (c === null || c === undefined || c === '') return;
    const column = firstColumn + i;
    out.push({ column, label: `${columnLetters(column)}: ${typeof c === 'object' ? c.error : String(c)}` });
  });
  out.push({ column: 0, label: notKept });
  return out;
}

/** Choose the column that holds a field the headers did not name, or say the sheet does not keep it. Once per item. */
export function columnForm(item: HTMLElement, lang: UiLang, field: Field, choices: readonly ColumnChoice[], onSave: (column: number) => void): void {
  if (item.querySelector('form')) return;
  const form = el('form', { class: 'inline-form' });
  const select = el('select', { id: 'map-column' });
  for (const c of choices) select.append(option(String(c.column), c.label));
  const label = fieldLabel(field);
  const save = el('button', { type: 'submit', class: 'primary' }, t(lang, 'save'));
  const cancel = el('button', { type: 'button' }, t(lang, 'cancel'));
  cancel.addEventListener('click', () => form.remove());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onSave(Number(select.value));
  });
  const row = el('div', { class: 'actions' });
  row.append(save, cancel);
  form.append(el('label', { for: 'map-column' }, t(lang, 'columnFor', { field: lang === 'ja' ? label.ja : label.en })), select, row);
  item.append(form);
  select.focus();
}
