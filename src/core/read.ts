// One reader for dates and one for numbers typed as text, shared by the worksheet functions
// (src/functions/coerce.ts), the sheet validator (src/validation/fields.ts) and the task pane,
// so that a text a clerk types means the same everywhere (CONTRACT §1).

import { Day, dayFromYmd, isValidYmd, isoFromDay } from './days';

/** A reading that failed for a reason worth telling (not merely "not this kind of text"). */
export type TextRead<T> = { ok: true; value: T } | { ok: false; en: string; ja: string };

/** Longer text cannot be a number or a date; refuse it before any work on it. */
export const MAX_VALUE_TEXT = 64;

/** Japanese eras that reach into the supported years (D-1: 1980–2099), first and last day. */
const ERAS: { names: string[]; ja: string; en: string; base: number; first: [number, number, number]; last?: [number, number, number] }[] = [
  { names: ['令和', 'r'], ja: '令和', en: 'Reiwa', base: 2018, first: [2019, 5, 1] },
  { names: ['平成', 'h'], ja: '平成', en: 'Heisei', base: 1988, first: [1989, 1, 8], last: [2019, 4, 30] },
  { names: ['昭和', 's'], ja: '昭和', en: 'Showa', base: 1925, first: [1926, 12, 25], last: [1989, 1, 7] },
];

const WEEKDAY = '(?:[(（][日月火水木金土](?:曜日?)?[)）])?';
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const KANJI = new RegExp(`^(\\d{4})年(\\d{1,2})月(\\d{1,2})日?${WEEKDAY}$`);
const ERA_KANJI = new RegExp(`^(令和|平成|昭和)(\\d{1,2}|元)年(\\d{1,2})月(\\d{1,2})日?${WEEKDAY}$`);
const ERA_LETTER = /^(令和|平成|昭和|[rhs])(\d{1,2}|元)[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** Full-width digits and letters, ㍻ / ㋿ and spaces: NFKC, lower case, no white space. */
function normalise(text: string): string {
  return (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC')).toLowerCase().replace(/\s+/g, '');
}

function western(y: number, m: number, d: number, shown: string): TextRead<Day> {
  if (!isValidYmd(y, m, d)) return { ok: false, en: `${shown} is not a day of the calendar`, ja: `${shown} は存在しない日付です` };
  return { ok: true, value: dayFromYmd(y, m, d) };
}

/**
 * A date typed as text: `2023-07-30`, `2023/7/30`, `2023年7月30日`, `令和5年7月30日`, `令和元年…`,
 * `R5.7.30`, `R05/08/01`, `H27.4.8`, `平成27年4月8日`, in full width too. An era date outside its
 * era (令和1年4月30日, 平成31年5月1日) is an error, not a guess. `undefined`: not date text at all.
 * @example readDateText('R5.7.30') // { ok: true, value: day of 2023-07-30 }
 */
export function readDateText(text: string): TextRead<Day> | undefined {
  if (text.length > MAX_VALUE_TEXT) return undefined;
  const t = normalise(text);
  let m = ISO.exec(t) ?? KANJI.exec(t);
  if (m) return western(Number(m[1]), Number(m[2]), Number(m[3]), text.trim());
  m = ERA_KANJI.exec(t) ?? ERA_LETTER.exec(t);
  if (!m) return undefined;
  const era = ERAS.find((e) => e.names.includes(m![1]))!;
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  const [y, mo, d] = [era.base + eraYear, Number(m[3]), Number(m[4])];
  const shown = text.trim();
  if (eraYear < 1) return { ok: false, en: `${shown}: an era year starts at 1 (元年)`, ja: `${shown}: 元号の年は1（元年）からです` };
  const read = western(y, mo, d, shown);
  if (!read.ok) return read;
  const first = dayFromYmd(...era.first);
  const last = era.last ? dayFromYmd(...era.last) : undefined;
  if (read.value < first || (last !== undefined && read.value > last)) {
    const span = `${isoFromDay(first)}${last !== undefined ? ` – ${isoFromDay(last)}` : ' onward'}`;
    const spanJa = `${isoFromDay(first)}${last !== undefined ? `〜${isoFromDay(last)}` : ' 以降'}`;
    return { ok: false, en: `${shown} does not exist: ${era.en} (${era.ja}) runs ${span}`, ja: `${shown} は存在しない日付です（${era.ja}は ${spanJa}）` };
  }
  return read;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * A number typed as text: `280000`, `280,000`, `¥280,000`, `280,000円`, `２８００００`, `-1.5`, `1e3`.
 * Thousands separators only in groups of three. `undefined` when the text is not a number.
 * @example readNumberText('¥280,000') // 280000
 */
export function readNumberText(text: string): number | undefined {
  if (text.length > MAX_VALUE_TEXT) return undefined;
  let t = normalise(text).replace(/[\u2212\u2012\u2013]/g, '-');
  t = t.replace(/^([+-]?)[¥\\]/, '$1').replace(/円$/, '');
  if (t.includes(',')) {
    if (!GROUPED.test(t)) return undefined;
    t = t.replace(/,/g, '');
  }
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
