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

/**
 * 1,234,567.891 — thousands separators, at most `maxFraction` decimals (as Intl's en-US format).
 * Written out because Excel's JavaScript-only runtime may have no Intl (it runs ECMAScript 2016).
 */
export function grouped(n: number, maxFraction = 3): string {
  if (!Number.isFinite(n)) return String(n);
  // toFixed rounds the exact binary value, half away from zero, as Intl does.
  const [whole = '', fraction = ''] = Math.abs(n).toFixed(maxFraction).split('.');
  const decimals = fraction.replace(/0+$/, '');
  const digits = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${decimals ? `.${decimals}` : ''}`;
  return n < 0 && /[1-9]/.test(digits) ? `-${digits}` : digits;
}

/** Whole yen with thousands separators, as a payslip shows it. */
export function yen(n: number): string {
  return `¥${grouped(n, 4)}`;
}
