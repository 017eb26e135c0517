// A tiny benchmark harness: best-of-N timing of a loop, reported as ns per call.

export interface Measured {
  name: string;
  nsPerCall: number;
}

export function measure(name: string, calls: number, body: () => number, repeats = 7): Measured {
  let sink = 0;
  let best = Infinity;
  body(); // warm up the JIT
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    sink += body();
    const ns = Number(process.hrtime.bigint() - t0);
    best = Math.min(best, ns);
  }
  if (sink === 0.5) console.log('');
  return { name, nsPerCall: best / calls };
}

export function row(m: Measured, baseline?: Measured): string {
  let ratio = '';
  if (baseline) {
    const r = m.nsPerCall / baseline.nsPerCall;
    ratio = r >= 1 ? `  ${r.toFixed(2)}× the time of: ${baseline.name}` : `  ${(1 / r).toFixed(0)}× faster than: ${baseline.name}`;
  }
  return `  ${m.name.padEnd(52)} ${m.nsPerCall.toFixed(2).padStart(12)} ns/call${ratio}`;
}

/** A value the bench's own setup guarantees; a named failure if that ever stops being so. */
export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`bench setup: no ${what}`);
  return value;
}
