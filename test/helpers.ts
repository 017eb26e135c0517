import { Day, dayFromYmd, isoFromDay } from '../src/core/days';

/** ISO text → day number, for readable tests. */
export function d(iso: string): Day {
  const [y, m, dd] = iso.split('-').map(Number);
  return dayFromYmd(y, m, dd);
}

export const iso = isoFromDay;
