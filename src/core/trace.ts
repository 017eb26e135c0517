// The steps behind a result, so that a clerk can show an auditor how a number came about.

export interface TraceStep {
  /** The clause or decision applied, e.g. `Art 7.3`, `D-2`; empty for a plain input. */
  clause: string;
  en: string;
  ja: string;
}

export class Trace {
  readonly steps: TraceStep[] = [];
  step(clause: string, en: string, ja: string): void {
    this.steps.push({ clause, en, ja });
  }
}

const YEN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const GROUPED = new Intl.NumberFormat('en-US');

/** Whole yen with thousands separators, as a payslip shows it. */
export function yen(n: number): string {
  return `¥${YEN.format(n)}`;
}

/** 1,234,567 — one formatter, made once (Intl formatters are slow to create). */
export function grouped(n: number): string {
  return GROUPED.format(n);
}
