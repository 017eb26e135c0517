// The parameters many worksheet functions share (dates, the JET year, the language, the ruleset),
// declared once for the registry and the ledger functions alike.

import type { ParamDecl } from './registry';

export const P = {
  date: (name: string, jaName: string, en: string, ja: string, optional = false): ParamDecl => ({ name, jaName, kind: 'date', en: `${en} (date or YYYY-MM-DD)`, ja: ja === jaName ? 'Excel の日付、または YYYY-MM-DD 形式の文字列' : `${ja}（日付または YYYY-MM-DD）`, optional }),
  /** A month as clerks type it, or any date in it (the core's one month reader, as `altrules pay --month`). */
  month: (en: string, ja: string, optional = false): ParamDecl => ({ name: 'month', jaName: '月', kind: 'date', en: `${en}: 2024-07, 2024/7, 2024年7月, 令和6年7月, R6.7, or any date in it`, ja: `${ja}: 2024-07、2024/7、2024年7月、令和6年7月、R6.7、またはその月の任意の日付`, optional }),
  year: (): ParamDecl => ({ name: 'year', jaName: '来日年数', kind: 'integer', en: 'JET year 1–5 (来日n年目)', ja: '1〜5（来日n年目）' }),
  lang: (): ParamDecl => ({ name: 'lang', jaName: '言語', kind: 'text', optional: true, en: 'language of the text: "en" (default) or "ja"', ja: '文字列の言語: "en"（既定）または "ja"' }),
  ruleset: (kind: 'alt' | 'clair'): ParamDecl => ({
    name: 'ruleset',
    jaName: 'ルールセット',
    kind: 'ruleset',
    optional: true,
    en: kind === 'alt' ? 'ruleset id (default saitama-alt-r5) or ruleset JSON' : 'ruleset id (default clair-r8) or ruleset JSON',
    ja: kind === 'alt' ? 'ID（既定 saitama-alt-r5）または JSON で書いたルールセット' : 'ID（既定 clair-r8）または JSON で書いたルールセット',
  }),
};
