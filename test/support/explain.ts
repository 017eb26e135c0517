// Reading an EXPLAIN trace as parts (clause tag, text, the numbers in it), so tests assert the
// steps and figures worked by hand instead of comparing pasted output.

export interface Step {
  clause: string;
  text: string;
}

// English tags, and the Japanese ones of --lang ja (第7条第3項, 注2の2, 判断D-2, クレア).
const CLAUSE = /^((?:Art|Note|D-|CLAIR|第\d|注\d|判断D-|クレア)[^:]*):\s?(.*)$/;

/** The lines that are steps (`Art 7.3: …`, `D-2: …`), in order. */
export function steps(lines: string[]): Step[] {
  return lines.flatMap((l) => {
    const m = CLAUSE.exec(l);
    return m ? [{ clause: m[1], text: m[2] }] : [];
  });
}

/** ISO dates in a text, in order. */
export function datesIn(text: string): string[] {
  return text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
}

/** The numbers in a text (¥280,000 → 280000, 231304.35), leaving out dates and year-months. */
export function numbersIn(text: string): number[] {
  const withoutDates = text.replace(/\d{4}-\d{2}(-\d{2})?/g, ' ');
  return (withoutDates.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
}
