// 一般財団法人 自治体国際化協会（CLAIR）令和8年度 職員募集案内 — RULES.md §11.

export const clairR8 = {
  id: 'clair-r8',
  kind: 'clair',
  version: 2026,
  title: { en: 'CLAIR staff dispatch, FY2026 guide', ja: '自治体国際化協会 令和8年度 職員募集案内' },
  source: '一般財団法人 自治体国際化協会 令和8年度 職員募集案内',
  // CLAIR: 滞在経費助成金 助成限度額; 海外事務所 担当地域
  offices: [
    { code: 'NYC', en: 'New York', ja: 'ニューヨーク', aliases: ['NY', 'ニューヨーク事務所', 'ニューヨーク海外事務所', 'New York Office'], capYen: 4_950_000, countries: ['US', 'CA', 'JM', 'TT'] },
    { code: 'LON', en: 'London', ja: 'ロンドン', aliases: ['ロンドン事務所', 'London Office'], capYen: 5_040_000, countries: ['GB', 'IE', 'DE', 'AT', 'NL', 'DK', 'NO', 'SE', 'FI'] },
    { code: 'PAR', en: 'Paris', ja: 'パリ', aliases: ['パリ事務所', 'Paris Office'], capYen: 3_870_000, countries: ['FR', 'BE', 'LU', 'CH', 'IT', 'ES', 'PT', 'MC'] },
    { code: 'SIN', en: 'Singapore', ja: 'シンガポール', aliases: ['シンガポール事務所', 'Singapore Office'], capYen: 4_230_000, countries: ['SG', 'MY', 'TH', 'PH', 'ID', 'BN', 'VN', 'LA', 'MM', 'KH', 'IN', 'LK'] },
    { code: 'SEL', en: 'Seoul', ja: 'ソウル', aliases: ['ソウル事務所', 'Seoul Office'], capYen: 3_240_000, countries: ['KR'] },
    { code: 'SYD', en: 'Sydney', ja: 'シドニー', aliases: ['シドニー事務所', 'Sydney Office'], capYen: 3_240_000, countries: ['AU', 'NZ'] },
    { code: 'BJS', en: 'Beijing', ja: '北京', aliases: ['Peking', 'ペキン', '北京事務所', 'Beijing Office'], capYen: 3_420_000, countries: ['CN'] },
  ],
  capPeriod: 'fiscal-year', // D-7
  capProrationRounding: 'floor', // D-7
  // CLAIR: 職員の派遣形態 (給与 / 海外赴任中の滞在経費 / 赴任旅費 / 出張旅費・研修費用)
  forms: {
    headquarters: {
      headquartersYears: 2,
      overseasYears: 0,
      position: { en: 'Chief (主査) etc., dispatched under the dispatch act', ja: '派遣元の身分及びクレアの主査 等（派遣法による派遣）' },
      costs: { salary: 'clair', stayExpenses: 'none', relocationTravel: 'clair', businessTravel: 'clair' },
    },
    overseas: {
      headquartersYears: 1,
      overseasYears: 2,
      position: { en: 'Deputy director (所長補佐) etc., training dispatch', ja: '派遣元の身分及び海外事務所の所長補佐 等（研修派遣）' },
      costs: { salary: 'sending', stayExpenses: 'sending-subsidised', relocationTravel: 'sending', businessTravel: 'clair' },
    },
  },
  // CLAIR: 語学力向上研修
  languageTargets: [
    { language: { en: 'English', ja: '英語' }, test: { en: 'TOEIC', ja: 'TOEIC' }, level: { en: '730 points', ja: '730点' }, aliases: ['en', 'eng'] },
    { language: { en: 'French', ja: '仏語' }, test: { en: 'Diplôme d’aptitude pratique au français (仏検)', ja: 'フランス語検定' }, level: { en: 'grade 4', ja: '4級' }, aliases: ['fr', 'フランス語', '仏検'] },
    { language: { en: 'Chinese', ja: '中国語' }, test: { en: 'HSK (中国語能力試験)', ja: '中国語能力試験' }, level: { en: 'level 4', ja: '4級' }, aliases: ['zh', 'Mandarin', 'HSK'] },
    { language: { en: 'Korean', ja: '韓国語' }, test: { en: 'Hangul Proficiency Test (ハングル能力検定)', ja: 'ハングル能力検定試験' }, level: { en: 'grade 4', ja: '4級' }, aliases: ['ko', 'ハングル', '朝鮮語'] },
  ],
  // CLAIR: 勤務条件（本部勤務者）
  headquartersHours: { start: '09:00', end: '17:45', breakStart: '12:00', breakEnd: '13:00', annualLeaveDays: 20, carryOver: true },
} as const;
