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

/** Whole yen with thousands separators, as a payslip shows it. */
export function yen(n: number): string {
  return `¥${n.toLocaleString('en-US', { maximumFractionDigits: 4 })}`;
}
