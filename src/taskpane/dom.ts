// Small DOM helpers of the pane. Text goes in with textContent only: cell contents are data,
// never markup.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export function option(value: string, label: string): HTMLOptionElement {
  return el('option', { value }, label);
}

/** A part of the pane that should be there and is not: a bug of the pane, said by name. */
export class MissingPartError extends Error {
  constructor(readonly what: string) {
    super(`the task pane has no ${what}`);
    this.name = 'MissingPartError';
  }
}

/** A value the pane needs at this point (its controller, the last check): missing is a bug, said by name. */
export function needed<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new MissingPartError(what);
  return value;
}

/** Lets the browser paint and handle input between slices of work. */
export const nextTask = (): Promise<void> => new Promise<void>((r) => setTimeout(r, 0));

/** A small preference kept on this computer (the clerk's name for acceptances). */
export function remembered(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage refused: the name is asked again next time */
  }
}

/** A question asked in the pane (Office add-ins cannot use confirm()): two buttons, each answer run once. */
export interface Question {
  id: string;
  text: string;
  yes: { id: string; label: string; then: () => void };
  no: { id: string; label: string; then: () => void };
}

/** Puts a question into its box, shown, with the yes button focused; either answer empties the box. */
export function ask(box: HTMLElement, q: Question): void {
  const yes = el('button', { type: 'button', id: q.yes.id, class: 'primary' }, q.yes.label);
  const no = el('button', { type: 'button', id: q.no.id }, q.no.label);
  box.setAttribute('aria-labelledby', q.id);
  const done = () => {
    box.hidden = true;
    box.replaceChildren();
  };
  yes.addEventListener('click', () => {
    done();
    q.yes.then();
  });
  no.addEventListener('click', () => {
    done();
    q.no.then();
  });
  const row = el('div', { class: 'actions' });
  row.append(yes, no);
  box.replaceChildren(el('p', { id: q.id }, q.text), row);
  box.hidden = false;
  yes.focus();
}
