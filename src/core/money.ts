// Whole yen from exact fractions: integer arithmetic, one rounding at the end.

import type { Rounding } from './rulesets/schema';

/** num ÷ den rounded as named, exact for non-negative integers below 2^53. */
export function roundDiv(num: number, den: number, mode: Rounding): number {
  if (!Number.isInteger(num) || !Number.isInteger(den) || num < 0 || den <= 0) {
    throw new Error(`roundDiv needs non-negative integers, got ${num}/${den}`);
  }
  let q = Math.floor(num / den);
  // Correct a quotient that floating division rounded across an integer.
  while (q * den > num) q--;
  while ((q + 1) * den <= num) q++;
  const rem = num - q * den;
  if (rem === 0) return q;
  switch (mode) {
    case 'floor':
      return q;
    case 'ceil':
      return q + 1;
    case 'half-up':
      return 2 * rem >= den ? q + 1 : q;
  }
}

export const roundingText: Record<Rounding, { en: string; ja: string }> = {
  floor: { en: 'round down to the yen', ja: '円未満切り捨て' },
  'half-up': { en: 'round to the yen, 50 sen and over up', ja: '50銭以上切り上げ、50銭未満切り捨て' },
  ceil: { en: 'round up to the yen', ja: '円未満切り上げ' },
};

/** The same roundings one place further down, to the sen (1/100 yen): what a message says the ruleset did. */
export const senRoundingText: Record<Rounding, { en: string; ja: string }> = {
  floor: { en: 'to the sen, rounded down', ja: '銭未満切捨て' },
  'half-up': { en: 'to the sen, half a sen and over up', ja: '銭未満四捨五入' },
  ceil: { en: 'to the sen, rounded up', ja: '銭未満切上げ' },
};
