// CLAIR dispatch — docs/rules.md §11 (CLAIR guide: 派遣形態, 滞在経費助成金, 海外事務所 担当地域, 語学力向上研修, 勤務条件).

import { findCountry } from '../countries';
import { RuleError } from '../errors';
import { roundDiv, roundingText } from '../money';
import type { ClairRuleset, CostItem, DispatchForm, Payer } from '../rulesets/schema';
import { entriesOf, nameKey } from '../text';
import { Trace, yen } from '../trace';

export type ClairOffice = ClairRuleset['offices'][number];

const officeIndex = new WeakMap<ClairRuleset, Map<string, ClairOffice>>();

function officesByKey(rs: ClairRuleset): Map<string, ClairOffice> {
  let index = officeIndex.get(rs);
  if (!index) {
    index = new Map();
    for (const o of rs.offices) for (const n of [o.code, o.en, o.ja, ...o.aliases]) index.set(nameKey(n), o);
    officeIndex.set(rs, index);
  }
  return index;
}

/** An office by its English or Japanese name or code (any case or width, "事務所"/"office" optional). */
export function findOffice(rs: ClairRuleset, name: string): ClairOffice | undefined {
  const index = officesByKey(rs);
  const key = nameKey(name);
  return index.get(key) ?? index.get(key.replace(/(海外)?事務所$|office$/, ''));
}

export function requireOffice(rs: ClairRuleset, name: string, arg = 'office'): ClairOffice {
  const o = findOffice(rs, name);
  if (!o) {
    const list = rs.offices.map((x) => x.en).join(', ');
    throw RuleError.value(arg, `${arg} "${name}" is not a CLAIR overseas office; use one of ${list} (or its Japanese name)`, `${arg}「${name}」はクレアの海外事務所ではありません。${rs.offices.map((x) => x.ja).join('、')} のいずれかを指定してください`);
  }
  return o;
}

/**
 * The stay-expense subsidy cap 滞在経費助成金 助成限度額 for a fiscal year (D-7); with `months`
 * (1–12) of service in that year, cap × months ÷ 12, rounded down.
 */
export function stipendCap(rs: ClairRuleset, office: string, months?: number, trace?: Trace): number {
  const o = requireOffice(rs, office);
  trace?.step('CLAIR: 滞在経費助成金', `${o.en} office: cap ${yen(o.capYen)} per fiscal year (D-7)`, `${o.ja}事務所: 助成限度額 ${yen(o.capYen)}（年度あたり。D-7）`);
  if (months === undefined) return o.capYen;
  if (!Number.isInteger(months) || months < 1 || months > 12) {
    throw RuleError.value('months', `months must be whole months of service in the fiscal year, 1 to 12; got ${months}`, `months は年度内の勤務月数（1〜12の整数）で指定してください。入力: ${months}`);
  }
  const cap = roundDiv(o.capYen * months, 12, rs.capProrationRounding);
  if (trace) {
    const r = roundingText[rs.capProrationRounding];
    trace.step('D-7', `${yen(o.capYen)} × ${months} ÷ 12 = ${((o.capYen * months) / 12).toFixed(2)}; ${r.en} → ${yen(cap)}`, `${yen(o.capYen)} × ${months} ÷ 12 = ${((o.capYen * months) / 12).toFixed(2)}。${r.ja} → ${yen(cap)}`);
  }
  return cap;
}

/**
 * CLAIR: 滞在経費助成金 — the subsidy is the actual eligible expenses up to the cap (D-7 per
 * fiscal year, prorated with `months`): the lesser of the two.
 */
export function stayExpenseSubsidy(rs: ClairRuleset, office: string, actualExpenses: number, months?: number, trace?: Trace): number {
  if (!Number.isInteger(actualExpenses) || actualExpenses < 0 || actualExpenses > 1e12) {
    throw RuleError.value('actualExpenses', `actualExpenses must be whole yen, 0 or more; got ${actualExpenses}`, `actualExpenses（実支出額）は0以上の円単位の整数で指定してください。入力: ${actualExpenses}`);
  }
  const cap = stipendCap(rs, office, months, trace);
  const subsidy = Math.min(actualExpenses, cap);
  trace?.step('CLAIR: 滞在経費助成金', `actual eligible expenses ${yen(actualExpenses)}, cap ${yen(cap)}: the lesser → ${yen(subsidy)}`, `対象経費の実支出額 ${yen(actualExpenses)}、限度額 ${yen(cap)}: 少ない方 → ${yen(subsidy)}`);
  return subsidy;
}

/**
 * The office covering a country (CLAIR: 海外事務所 担当地域). A name this add-in does not know is
 * a #VALUE! asking for another spelling; a known country that no office covers is #N/A.
 */
export function officeOfCountry(rs: ClairRuleset, countryName: string, trace?: Trace): ClairOffice {
  const c = findCountry(countryName);
  if (!c) {
    throw RuleError.value('country', `"${countryName}" is not a country name this add-in recognises; use its English or Japanese name (e.g. Ireland, Republic of Korea, アイルランド)`, `「${countryName}」は認識できる国名ではありません。英語名か日本語名で指定してください（例: Ireland、大韓民国、アイルランド）`);
  }
  const o = rs.offices.find((x) => x.countries.includes(c.code));
  if (!o) {
    throw RuleError.notFound('country', `no CLAIR overseas office covers ${c.en}`, `${c.ja}を担当するクレア海外事務所はありません`);
  }
  trace?.step('CLAIR: 担当地域', `${c.en} is covered by the ${o.en} office`, `${c.ja} は${o.ja}事務所の担当`);
  return o;
}

const FORM_NAMES: Record<DispatchForm, string[]> = {
  headquarters: ['headquarters', 'hq', 'head office', 'tokyo', '本部', '本部勤務', '東京本部'],
  overseas: ['overseas', 'overseas office', 'abroad', '海外', '海外事務所', '海外事務所勤務'],
};
const ITEM_NAMES: Record<CostItem, string[]> = {
  salary: ['salary', 'pay', 'wages', '給与'],
  stayExpenses: ['stay expenses', 'stay', 'living expenses', 'stipend', '滞在経費', '海外赴任中の滞在経費'],
  relocationTravel: ['relocation travel', 'relocation', 'travel to post', 'moving', '赴任旅費'],
  businessTravel: ['business travel', 'training', 'business trips', '出張旅費', '研修費用', '出張旅費・研修費用'],
};

function parseFrom<T extends string>(table: Record<T, string[]>, text: string, arg: string, en: string, ja: string): T {
  const key = nameKey(text);
  for (const [k, names] of entriesOf<string[]>(table) as [T, string[]][]) if (names.some((n) => nameKey(n) === key)) return k;
  const lists = entriesOf<string[]>(table).map(([, n]) => n);
  const options = lists.map((n) => n[0]).join(', ');
  throw RuleError.value(arg, `${arg} "${text}" is not ${en}; use ${options}`, `${arg}「${text}」は${ja}ではありません。${lists.map((n) => n[n.length - 1]).join('、')} 等を指定してください`);
}

export function parseDispatchForm(text: string): DispatchForm {
  return parseFrom(FORM_NAMES, text, 'form', 'a dispatch form', '派遣形態');
}
export function parseCostItem(text: string): CostItem {
  return parseFrom(ITEM_NAMES, text, 'item', 'a cost item', '費用項目');
}

export const payerNames: Record<Payer, { en: string; ja: string }> = {
  clair: { en: 'CLAIR', ja: 'クレア負担' },
  'clair-on-joining': { en: 'CLAIR (on taking up the post at CLAIR)', ja: 'クレア負担（クレア着任時）' },
  sending: { en: 'Sending municipality', ja: '派遣元負担' },
  'sending-subsidised': { en: 'Sending municipality, subsidised by CLAIR', ja: '派遣元負担（クレアが派遣元に助成）' },
  none: { en: 'Not applicable', ja: '該当なし' },
};

/** Who pays a cost item under a dispatch form (CLAIR: 職員の派遣形態). */
export function whoPays(rs: ClairRuleset, form: DispatchForm, item: CostItem, trace?: Trace): Payer {
  const payer = rs.forms[form].costs[item];
  trace?.step('CLAIR: 派遣形態', `${form}, ${item}: ${payerNames[payer].en}`, `${form === 'headquarters' ? '本部勤務' : '海外事務所勤務'}・${item}: ${payerNames[payer].ja}`);
  return payer;
}

export type LanguageTarget = ClairRuleset['languageTargets'][number];

/** The training's language target (CLAIR: 語学力向上研修). */
export function languageTarget(rs: ClairRuleset, language: string): LanguageTarget {
  const key = nameKey(language);
  const t = rs.languageTargets.find((x) => [x.language.en, x.language.ja, ...x.aliases].some((n) => nameKey(n) === key));
  if (!t) {
    throw RuleError.notFound('language', `no language target for "${language}"; targets exist for ${rs.languageTargets.map((x) => x.language.en).join(', ')}`, `「${language}」の語学目標はありません（${rs.languageTargets.map((x) => x.language.ja).join('、')}）`);
  }
  return t;
}

/** Minutes since midnight of a ruleset's HH:MM (the schema checks the form; a hand-built ruleset may not). */
function minutesOf(hhmm: string, field: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw RuleError.value(field, `headquartersHours.${field} must be a time as HH:MM; got "${hhmm}"`, `headquartersHours.${field} は HH:MM の時刻で指定してください。入力: 「${hhmm}」`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** CLAIR: 職員の派遣形態 — years at headquarters, years at an overseas office, the position. */
export function dispatchForm(rs: ClairRuleset, form: DispatchForm): ClairRuleset['forms'][DispatchForm] {
  return rs.forms[form];
}

/** Headquarters working minutes a day: 9:00–17:45 less the 12:00–13:00 break = 7 h 45 min. */
export function headquartersDailyMinutes(rs: ClairRuleset): number {
  const h = rs.headquartersHours;
  return minutesOf(h.end, 'end') - minutesOf(h.start, 'start') - (minutesOf(h.breakEnd, 'breakEnd') - minutesOf(h.breakStart, 'breakStart'));
}
