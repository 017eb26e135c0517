// Months and fiscal years as pay sheets and paper ledgers write them.

import {
  DateSystem,
  MonthKey,
  monthKeyOf,
  Day,
  isValidYmd,
  dayFromYmd,
  readMonthText,
  ymdFromDay,
  dayFromSerial,
} from '../core';
import { Cell, CellSchema, Msg } from './fields';
import type { SheetInput } from './validate';
import { M } from './sheetFindings';

/** A month as a pay sheet writes it: a date in the month, `YYYY-MM`, `2024年7月`, `令和6年7月`, `R6.7`. */
export function monthOfCell(c: Cell, system: DateSystem = '1900'): MonthKey | undefined {
  if (typeof c === 'number') {
    try {
      return monthKeyOf(dayFromSerial(c, system));
    } catch {
      return undefined;
    }
  }
  if (typeof c !== 'string') return undefined;
  // The core's one month reader: 2024-07, 2024年7月, 令和6年7月, R6.7, or a date of the month.
  const read = readMonthText(c);
  if (!read?.ok) return undefined;
  const { y, m } = ymdFromDay(read.value);
  return month(y, m);
}
function month(y: number, m: number): MonthKey | undefined {
  return m >= 1 && m <= 12 && y >= 1980 && y <= 2099 ? y * 12 + m - 1 : undefined;
}

const FISCAL_YEAR_TEXT = /(令和|平成|[RrHh])\s*(\d{1,2}|元)\s*年度|(\d{4})\s*年度|FY\s*(\d{4})|(令和|平成|[RrHh])(\d{1,2})$/;

/** The fiscal year a title or a sheet name states: 令和6年度, R6年度, 2024年度, FY2024 (a sheet named R6 too). */
export function fiscalYearOfText(text: string): number | undefined {
  const m = FISCAL_YEAR_TEXT.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const era = m[1] ?? m[5];
  const n = m[2] ?? m[6];
  if (era && n) return (/^(令和|r)$/i.test(era) ? 2018 : 1988) + (n === '元' ? 1 : Number(n));
  const y = Number(m[3] ?? m[4]);
  return y >= 1980 && y <= 2099 ? y : undefined;
}

/** The fiscal year a sheet states in a title row above its header or in its name, and where. */
export function statedFiscalYear(sheet: SheetInput, headerRow: number): { year: number; where: Msg } | undefined {
  const titles = (sheet.rows ?? []).slice(0, headerRow).flatMap((r) => r.filter((c): c is string => typeof c === 'string'));
  for (const t of titles) {
    const year = fiscalYearOfText(t);
    if (year !== undefined) return { year, where: M(`the title "${t}"`, `表題「${t}」`) };
  }
  const year = fiscalYearOfText(sheet.name);
  return year === undefined ? undefined : { year, where: M(`the sheet name "${sheet.name}"`, `シート名「${sheet.name}」`) };
}

/**
 * A paper 休暇簿's 月日 without a year (4/10, 4月10日) is a day of the fiscal year its title or sheet
 * name states: April–December of that year, January–March of the next.
 */
export function withFiscalYear(base: CellSchema<Day>, fiscalYear: number | undefined): CellSchema<Day> {
  if (fiscalYear === undefined) return base;
  return {
    safeParse(c: Cell) {
      const m = typeof c === 'string' ? /^(\d{1,2})[/月](\d{1,2})日?$/.exec(c.normalize('NFKC').replace(/\s+/g, '')) : null;
      if (m) {
        const month = Number(m[1]);
        const day = Number(m[2]);
        const y = month >= 4 ? fiscalYear : fiscalYear + 1;
        if (month >= 1 && month <= 12 && isValidYmd(y, month, day)) return { success: true as const, data: dayFromYmd(y, month, day) };
      }
      return base.safeParse(c);
    },
  };
}
