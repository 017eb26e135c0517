// Countries by code with their English and Japanese names and common aliases, for the
// ALT exception countries (Note 2.3) and the CLAIR offices (CLAIR guide: 海外事務所 担当地域).

import { nameKey } from './text';

export interface Country {
  code: string; // ISO 3166-1 alpha-2
  en: string;
  ja: string;
  aliases: string[];
}

const COUNTRIES: Country[] = [
  { code: 'US', en: 'United States', ja: 'アメリカ合衆国', aliases: ['USA', 'US', 'United States of America', 'America', 'アメリカ', '米国'] },
  { code: 'CA', en: 'Canada', ja: 'カナダ', aliases: [] },
  { code: 'JM', en: 'Jamaica', ja: 'ジャマイカ', aliases: [] },
  { code: 'TT', en: 'Trinidad and Tobago', ja: 'トリニダード・トバゴ共和国', aliases: ['Trinidad & Tobago', 'トリニダード・トバゴ', 'Republic of Trinidad and Tobago'] },
  { code: 'GB', en: 'United Kingdom', ja: 'イギリス', aliases: ['UK', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', '英国', '連合王国', 'United Kingdom of Great Britain and Northern Ireland', 'グレートブリテン及び北アイルランド連合王国', 'グレート・ブリテン及び北アイルランド連合王国'] },
  { code: 'IE', en: 'Ireland', ja: 'アイルランド', aliases: ['Republic of Ireland', 'Éire', 'Eire', 'アイルランド共和国'] },
  { code: 'DE', en: 'Germany', ja: 'ドイツ', aliases: ['ドイツ連邦共和国', 'Federal Republic of Germany'] },
  { code: 'AT', en: 'Austria', ja: 'オーストリア', aliases: ['Republic of Austria', 'オーストリア共和国'] },
  { code: 'NL', en: 'Netherlands', ja: 'オランダ', aliases: ['The Netherlands', 'Holland', 'Kingdom of the Netherlands', 'オランダ王国'] },
  { code: 'DK', en: 'Denmark', ja: 'デンマーク', aliases: ['Kingdom of Denmark', 'デンマーク王国'] },
  { code: 'NO', en: 'Norway', ja: 'ノルウェー', aliases: ['Kingdom of Norway', 'ノルウェー王国'] },
  { code: 'SE', en: 'Sweden', ja: 'スウェーデン', aliases: ['Kingdom of Sweden', 'スウェーデン王国'] },
  { code: 'FI', en: 'Finland', ja: 'フィンランド', aliases: ['Republic of Finland', 'フィンランド共和国'] },
  { code: 'FR', en: 'France', ja: 'フランス', aliases: ['French Republic', 'フランス共和国'] },
  { code: 'BE', en: 'Belgium', ja: 'ベルギー', aliases: ['Kingdom of Belgium', 'ベルギー王国'] },
  { code: 'LU', en: 'Luxembourg', ja: 'ルクセンブルク', aliases: ['Grand Duchy of Luxembourg', 'ルクセンブルク大公国'] },
  { code: 'CH', en: 'Switzerland', ja: 'スイス', aliases: ['Swiss Confederation', 'スイス連邦'] },
  { code: 'IT', en: 'Italy', ja: 'イタリア', aliases: ['Italian Republic', 'イタリア共和国'] },
  { code: 'ES', en: 'Spain', ja: 'スペイン', aliases: ['Kingdom of Spain', 'スペイン王国'] },
  { code: 'PT', en: 'Portugal', ja: 'ポルトガル', aliases: ['Portuguese Republic', 'ポルトガル共和国'] },
  { code: 'MC', en: 'Monaco', ja: 'モナコ', aliases: ['Principality of Monaco', 'モナコ公国'] },
  { code: 'SG', en: 'Singapore', ja: 'シンガポール', aliases: ['Republic of Singapore', 'シンガポール共和国'] },
  { code: 'MY', en: 'Malaysia', ja: 'マレーシア', aliases: [] },
  { code: 'TH', en: 'Thailand', ja: 'タイ', aliases: ['Kingdom of Thailand', 'タイ王国'] },
  { code: 'PH', en: 'Philippines', ja: 'フィリピン', aliases: ['The Philippines', 'Republic of the Philippines', 'フィリピン共和国'] },
  { code: 'ID', en: 'Indonesia', ja: 'インドネシア', aliases: ['Republic of Indonesia', 'インドネシア共和国'] },
  { code: 'BN', en: 'Brunei', ja: 'ブルネイ', aliases: ['Brunei Darussalam', 'ブルネイ・ダルサラーム国'] },
  { code: 'VN', en: 'Vietnam', ja: 'ベトナム', aliases: ['Viet Nam', 'Socialist Republic of Viet Nam', 'Socialist Republic of Vietnam', 'ベトナム社会主義共和国'] },
  { code: 'LA', en: 'Laos', ja: 'ラオス', aliases: ['Lao PDR', "Lao People's Democratic Republic", 'ラオス人民民主共和国'] },
  { code: 'MM', en: 'Myanmar', ja: 'ミャンマー', aliases: ['Burma', 'Republic of the Union of Myanmar', 'ミャンマー連邦共和国'] },
  { code: 'KH', en: 'Cambodia', ja: 'カンボジア', aliases: ['Kingdom of Cambodia', 'カンボジア王国'] },
  { code: 'IN', en: 'India', ja: 'インド', aliases: ['Republic of India', 'インド共和国'] },
  { code: 'LK', en: 'Sri Lanka', ja: 'スリランカ', aliases: ['Democratic Socialist Republic of Sri Lanka', 'スリランカ民主社会主義共和国'] },
  { code: 'AU', en: 'Australia', ja: 'オーストラリア', aliases: ['豪州', 'Commonwealth of Australia', 'オーストラリア連邦'] },
  { code: 'NZ', en: 'New Zealand', ja: 'ニュージーランド', aliases: ['NZ'] },
  { code: 'KR', en: 'South Korea', ja: '大韓民国', aliases: ['Korea', 'Republic of Korea', 'ROK', '韓国', 'Korea, Republic of'] },
  { code: 'CN', en: 'China', ja: '中華人民共和国', aliases: ["People's Republic of China", 'PRC', '中国'] },
  // Other JET participating countries (not covered by a CLAIR office).
  { code: 'BR', en: 'Brazil', ja: 'ブラジル', aliases: ['Federative Republic of Brazil', 'ブラジル連邦共和国'] },
  { code: 'PE', en: 'Peru', ja: 'ペルー', aliases: ['Republic of Peru', 'ペルー共和国'] },
  { code: 'ZA', en: 'South Africa', ja: '南アフリカ', aliases: ['南アフリカ共和国'] },
  { code: 'MX', en: 'Mexico', ja: 'メキシコ', aliases: [] },
  { code: 'AR', en: 'Argentina', ja: 'アルゼンチン', aliases: [] },
  { code: 'CL', en: 'Chile', ja: 'チリ', aliases: [] },
  { code: 'CO', en: 'Colombia', ja: 'コロンビア', aliases: [] },
  { code: 'RU', en: 'Russia', ja: 'ロシア', aliases: ['Russian Federation'] },
  { code: 'MN', en: 'Mongolia', ja: 'モンゴル', aliases: [] },
  { code: 'TW', en: 'Taiwan', ja: '台湾', aliases: [] },
  // Places with their own ISO code that no CLAIR office lists: CLAIR.OFFICE answers #N/A, not "unknown".
  { code: 'HK', en: 'Hong Kong', ja: '香港', aliases: ['Hong Kong SAR', 'Hongkong', 'ホンコン', '中華人民共和国香港特別行政区'] },
  { code: 'MO', en: 'Macao', ja: 'マカオ', aliases: ['Macau', 'Macao SAR', '澳門'] },
  { code: 'IL', en: 'Israel', ja: 'イスラエル', aliases: [] },
  { code: 'EG', en: 'Egypt', ja: 'エジプト', aliases: [] },
  { code: 'GH', en: 'Ghana', ja: 'ガーナ', aliases: [] },
  { code: 'KE', en: 'Kenya', ja: 'ケニア', aliases: [] },
  { code: 'NG', en: 'Nigeria', ja: 'ナイジェリア', aliases: [] },
  { code: 'UG', en: 'Uganda', ja: 'ウガンダ', aliases: [] },
  { code: 'BB', en: 'Barbados', ja: 'バルバドス', aliases: [] },
  { code: 'FJ', en: 'Fiji', ja: 'フィジー', aliases: [] },
  { code: 'PG', en: 'Papua New Guinea', ja: 'パプアニューギニア', aliases: [] },
  { code: 'TO', en: 'Tonga', ja: 'トンガ', aliases: [] },
  { code: 'WS', en: 'Samoa', ja: 'サモア', aliases: [] },
  { code: 'PL', en: 'Poland', ja: 'ポーランド', aliases: [] },
  { code: 'HU', en: 'Hungary', ja: 'ハンガリー', aliases: [] },
  { code: 'CZ', en: 'Czech Republic', ja: 'チェコ', aliases: ['Czechia'] },
  { code: 'RO', en: 'Romania', ja: 'ルーマニア', aliases: [] },
  { code: 'GR', en: 'Greece', ja: 'ギリシャ', aliases: [] },
  { code: 'TR', en: 'Turkey', ja: 'トルコ', aliases: ['Türkiye'] },
  { code: 'UA', en: 'Ukraine', ja: 'ウクライナ', aliases: [] },
  { code: 'IS', en: 'Iceland', ja: 'アイスランド', aliases: [] },
  { code: 'EE', en: 'Estonia', ja: 'エストニア', aliases: [] },
  { code: 'LV', en: 'Latvia', ja: 'ラトビア', aliases: [] },
  { code: 'LT', en: 'Lithuania', ja: 'リトアニア', aliases: [] },
  { code: 'SK', en: 'Slovakia', ja: 'スロバキア', aliases: [] },
  { code: 'SI', en: 'Slovenia', ja: 'スロベニア', aliases: [] },
  { code: 'HR', en: 'Croatia', ja: 'クロアチア', aliases: [] },
  { code: 'BG', en: 'Bulgaria', ja: 'ブルガリア', aliases: [] },
  { code: 'RS', en: 'Serbia', ja: 'セルビア', aliases: [] },
  { code: 'UY', en: 'Uruguay', ja: 'ウルグアイ', aliases: [] },
  { code: 'PY', en: 'Paraguay', ja: 'パラグアイ', aliases: [] },
  { code: 'BO', en: 'Bolivia', ja: 'ボリビア', aliases: [] },
  { code: 'EC', en: 'Ecuador', ja: 'エクアドル', aliases: [] },
  { code: 'VE', en: 'Venezuela', ja: 'ベネズエラ', aliases: [] },
  { code: 'CR', en: 'Costa Rica', ja: 'コスタリカ', aliases: [] },
  { code: 'GT', en: 'Guatemala', ja: 'グアテマラ', aliases: [] },
  { code: 'HN', en: 'Honduras', ja: 'ホンジュラス', aliases: [] },
  { code: 'NI', en: 'Nicaragua', ja: 'ニカラグア', aliases: [] },
  { code: 'SV', en: 'El Salvador', ja: 'エルサルバドル', aliases: [] },
  { code: 'PA', en: 'Panama', ja: 'パナマ', aliases: [] },
  { code: 'DO', en: 'Dominican Republic', ja: 'ドミニカ共和国', aliases: [] },
  { code: 'BS', en: 'Bahamas', ja: 'バハマ', aliases: ['The Bahamas'] },
  { code: 'BZ', en: 'Belize', ja: 'ベリーズ', aliases: [] },
  { code: 'GY', en: 'Guyana', ja: 'ガイアナ', aliases: [] },
  { code: 'KZ', en: 'Kazakhstan', ja: 'カザフスタン', aliases: [] },
  { code: 'UZ', en: 'Uzbekistan', ja: 'ウズベキスタン', aliases: [] },
  { code: 'KG', en: 'Kyrgyzstan', ja: 'キルギス', aliases: [] },
  { code: 'NP', en: 'Nepal', ja: 'ネパール', aliases: [] },
  { code: 'BD', en: 'Bangladesh', ja: 'バングラデシュ', aliases: [] },
  { code: 'PK', en: 'Pakistan', ja: 'パキスタン', aliases: [] },
  { code: 'MV', en: 'Maldives', ja: 'モルディブ', aliases: [] },
  { code: 'BT', en: 'Bhutan', ja: 'ブータン', aliases: [] },
  { code: 'TL', en: 'Timor-Leste', ja: '東ティモール', aliases: ['East Timor'] },
  { code: 'JP', en: 'Japan', ja: '日本', aliases: [] },
];

const BY_KEY = new Map<string, Country>();
for (const c of COUNTRIES) {
  for (const name of [c.code, c.en, c.ja, ...c.aliases]) BY_KEY.set(nameKey(name), c);
}

/** The country a name means (English or Japanese, any case or width), or undefined. */
export function findCountry(name: string): Country | undefined {
  const key = nameKey(name);
  // "the United Kingdom", "The Republic of Korea": the article is not part of the name.
  return BY_KEY.get(key) ?? (key.startsWith('the') ? BY_KEY.get(key.slice(3)) : undefined);
}

