// The progress bar through a check's phases, apart from the DOM: each phase its span of the bar,
// and a sentence for the status line when checking or marking starts. DOM-free, so it tests in Node.

import type { Phase } from './controller';

/** Where each phase sits on a 0–100 bar: reading and checking as the check says, marking after checking. */
export interface PhaseSpans {
  read: [number, number];
  check: [number, number];
}

export interface BarOutput {
  /** The bar's new value, 0–100. */
  value(v: number): void;
  /** A sentence for the status line, when a phase starts. */
  say(text: string): void;
}

/**
 * Progress reports (phase, done, total) turned into the bar's value and the status line: `checking`
 * makes the sentence said when checking starts (it hears every read too, for the row count);
 * `marking` is said when marking starts.
 */
export function phaseBar(span: PhaseSpans, checking: (phase: Phase, total: number) => string, marking: string, out: BarOutput): (phase: Phase, done: number, total: number) => void {
  const spans: Record<Phase, [number, number]> = { ...span, mark: [span.check[1], 100], report: [0, 100] };
  let phase: Phase = 'read';
  return (p, done, total) => {
    const text = p === 'read' || p === 'check' ? checking(p, total) : '';
    if (p !== phase) {
      phase = p;
      if (p === 'check') out.say(text);
      if (p === 'mark') out.say(marking);
    }
    const [a, b] = spans[p];
    out.value(a + (total ? ((b - a) * done) / total : 0));
  };
}
