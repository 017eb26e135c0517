// The corpus's workbooks as data (books.ts makes their files): kept the way Japanese boards of
// education and finance sections keep them. Plain data, so the browser harness can load it too.
// The findings each should give are written by hand in expected.ts, beside this file.

import type { CellSpec } from '../xlsx-fixtures';

export interface CorpusSheet {
  name: string;
  rows: CellSpec[][];
  /** Merged ranges (a title across the table, a label row). */
  merges?: string[];
}

export interface CorpusBook {
  file: string;
  producer: 'xml' | 'shared-strings' | 'exceljs';
  sheets: CorpusSheet[];
}

/** An Excel serial (1900 system) of a calendar day. */
export const serial = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
const day = (y: number, m: number, d: number): CellSpec => ({ s: 1, v: serial(y, m, d) });

const sum = (ref: string, v: number): CellSpec => ({ f: `SUM(${ref})`, v });

export const BOOKS: CorpusBook[] = [
  {
    // The board roster: title, date line, header on row 3, labels, 兼務, 合計, ※.
    file: '01-board-roster.xlsx',
    producer: 'xml',
    sheets: [
      {
        name: 'ALT名簿',
        merges: ['A1:J1', 'A4:J4', 'A9:J9'],
        rows: [
          ['令和6年度 外国語指導助手（ALT）名簿'],
          [null, null, null, null, null, null, null, null, '令和6年4月1日現在'],
          ['No.', '氏　名', 'フリガナ', '国籍', '着任日', '任用\n回数', '年次', '任用開始日', '任期満了日', '報酬月額（円）'],
          ['【小学校（兼務）】'],
          [1, 'Emily Smith', 'エミリー・スミス', 'アメリカ合衆国', 'R5.7.30', 2, 2, 'R6.7.31', 'R7.7.30', '３００，０００'],
          [2, 'John Brown', 'ジョン・ブラウン', 'カナダ', '令和６年８月６日', 1, 1, '令和6年8月7日', '令和7年8月6日', '¥280,000'],
          [3, 'Liam Wilson', 'リアム・ウィルソン', 'UK', '2022/8/6', 3, 3, '2024/8/7', '2025/8/6', '330,000円'],
          [],
          ['■中学校'],
          [4, 'Ava Jones', 'エイバ・ジョーンズ', 'オーストラリア', 'R5.7.30', 2, 2, 'R6.7.31', 'R7.7.31', 300000],
          [5, 'Noah Lee', 'ノア・リー', 'USA', 'R6.8.6', 1, 1, 'R6.8.8', 'R7.8.6', '280,000'],
          [6, 'Mia Clark', 'ミア・クラーク', 'New Zealand', 'R5.7.30', 2, 3, 'R6.7.31', 'R7.7.30', '325,000'],
          [7, 'Emily Smith', 'エミリー・スミス', 'アメリカ合衆国', 'R5.7.30', 2, 2, 'R6.7.31', 'R7.7.30', 280000],
          [null, '合計', null, null, null, null, null, null, null, sum('J5:J13', 2_095_000)],
          ['※ 報酬月額は令和6年4月1日現在の額'],
        ],
      },
    ],
  },
  {
    // Two header rows: 任用期間 merged over 自 / 至.
    file: '02-two-row-header.xlsx',
    producer: 'xml',
    sheets: [
      {
        name: '名簿',
        merges: ['A1:H1', 'F2:G2', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'H2:H3'],
        rows: [
          ['令和6年度 ALT任用状況一覧'],
          ['氏名', '国籍', '来日日', '任用回数', '年次', '任用期間', null, '月額報酬'],
          [null, null, null, null, null, '自', '至', null],
          ['Sophie Martin', 'フランス', '2023/7/30', 2, 2, '2024/7/31', '2025/7/30', 300000],
          ['Lucas Girard', 'フランス', '2024/8/6', 1, 1, '2024/8/7', '2025/8/7', 280000],
          ['小計', null, null, null, null, null, null, sum('H4:H5', 580_000)],
        ],
      },
    ],
  },
  {
    // One 任用期間 column holding both ends.
    file: '03-period-column.xlsx',
    producer: 'xml',
    sheets: [
      {
        name: '任用一覧',
        rows: [
          ['番号', '氏名', '国名', '赴任日', '任用回数', '来日年数', '任用期間', '報酬額'],
          [1, 'Oliver Hall', 'USA', '2024/8/6', 1, 1, 'R6.8.7～R7.8.6', 280000],
          [2, 'Grace Hill', 'Canada', '2024/8/6', 1, 1, '2024/8/7-2025/8/7', 280000],
          [3, 'Henry King', 'USA', '2023/7/30', 2, 2, '2024/7/31～2025/7/30', 280000],
        ],
      },
    ],
  },
  {
    // One sheet per school (exceljs), and a summary sheet that is no table of ours.
    file: '04-one-sheet-per-school.xlsx',
    producer: 'exceljs',
    sheets: [
      {
        name: '〇〇小学校',
        merges: ['A1:I1'],
        rows: [
          ['〇〇小学校 ALT配置表'],
          ['氏名', '国籍', '来日区分', '来日日', '任用回数', '年次', '任期開始日', '任期終了日', '給与月額'],
          ['Ella Scott', 'USA', '夏季①', day(2023, 7, 30), 2, 2, day(2024, 7, 31), day(2025, 7, 30), 300000],
          ['Jack White', 'USA', 'S1', day(2023, 7, 30), 2, 2, day(2024, 7, 31), day(2025, 7, 30), 280000],
        ],
      },
      {
        name: '△△中学校',
        merges: ['A1:I1'],
        rows: [
          ['△△中学校 ALT配置表'],
          ['氏名', '国籍', '来日区分', '来日日', '任用回数', '年次', '任期開始日', '任期終了日', '給与月額'],
          ['Ruby Green', 'UK', '夏季②', day(2024, 8, 6), 1, 0, day(2024, 8, 7), day(2025, 8, 6), 280000],
          [],
          ['計', null, null, null, null, null, null, null, sum('I3:I3', 280_000)],
        ],
      },
      { name: '集計', rows: [['学校数', 2], ['ALT数', 3]] },
    ],
  },
  {
    // Stay-expense claims in finance's words, a No. column, 合計 in it, a ※ note.
    file: '05-claims-finance.xlsx',
    producer: 'xml',
    sheets: [
      {
        name: '請求一覧',
        merges: ['A1:F1'],
        rows: [
          ['令和8年度 滞在経費助成金 請求一覧'],
          [],
          ['No.', '派遣職員名', '派遣先事務所', '年度', '派遣月数', '請求金額（円）'],
          [1, '山田 太郎', 'パリ事務所', '令和8年度', 12, '3,870,000'],
          [2, '鈴木 花子', 'ロンドン', 'R8', 6, '2,600,000'],
          [3, '佐藤 次郎', 'ソウル事務所', '2026年度', '１２', '３，３００，０００'],
          ['合計', null, null, null, null, sum('F4:F6', 9_770_000)],
          ['※ 金額は円単位'],
        ],
      },
    ],
  },
  {
    // Claims: a second claim for one office and year, an office that is not CLAIR's, 総計.
    file: '06-claims-duplicate.xlsx',
    producer: 'shared-strings',
    sheets: [
      {
        name: '申請',
        rows: [
          ['事務所', '会計年度', '申請額', '対象月数', '氏名'],
          ['ニューヨーク', '令和8年度', 4_950_000, 12, '高橋 一郎'],
          [],
          ['ニューヨーク', 2026, 100_000, 12, '高橋 一郎'],
          ['東京', 2026, 100, 12, '伊藤 二郎'],
          ['総計', null, sum('C2:C5', 5_050_100)],
        ],
      },
    ],
  },
  {
    // Other words: 名前, 出身国, 任期⏎回数, 何年目, 契約開始日, ※月額（円）.
    file: '07-other-words.xlsx',
    producer: 'shared-strings',
    sheets: [
      {
        name: 'Sheet1',
        rows: [
          ['名前', '出身国', '来日年月日', '任期\n回数', '何年目', '契約開始日', '契約終了日', '※月額（円）'],
          ['Amelia Young', 'USA', '2023/7/30', 2, 2, '2024/7/31', '2025/7/30', 300000],
          ['Leo Adams', 'USA', '2023/7/30', 6, 2, '2024/7/31', '2025/7/30', 300000],
        ],
      },
    ],
  },
  {
    // No term-start column: the warning names the candidates and how to map one.
    file: '08-no-term-start.xlsx',
    producer: 'xml',
    sheets: [
      {
        name: '名簿',
        rows: [
          ['氏名', '国籍', '来日日', '任用回数', '年次', '任期満了日', '報酬月額', '勤務校'],
          ['Zoe Baker', 'USA', '2024/8/6', 1, 1, '2025/8/6', 280000, '〇〇小学校'],
          ['Max Carter', 'USA', '2024/8/6', 1, 1, '2025/8/6', 300000, '△△中学校'],
        ],
      },
    ],
  },
  {
    // A person listed twice: with 兼務 a warning, without it an error.
    file: '09-kenmu.xlsx',
    producer: 'xml',
    sheets: [
      {
        name: '名簿',
        rows: [
          ['氏名', '国籍', '来日日', '任用回数', '年次', '任期開始日', '任期終了日', '報酬月額', '備考'],
          ['Ivy Evans', 'USA', '2024/8/6', 1, 1, '2024/8/7', '2025/8/6', 280000, null],
          ['Ivy Evans', 'USA', '2024/8/6', 1, 1, '2024/8/7', '2025/8/6', 280000, '△△中学校兼務'],
          ['Sam Reed', 'USA', '2024/8/6', 1, 1, '2024/8/7', '2025/8/6', 280000, null],
          ['Sam Reed', 'USA', '2024/8/6', 1, 1, '2024/8/7', '2025/8/6', 280000, null],
        ],
      },
    ],
  },
  {
    // A leave ledger headed 月日 / 休暇の種類 / 事由, under a title, with its roster.
    file: '10-ledger-header.xlsx',
    producer: 'xml',
    sheets: [
      {
        name: '名簿',
        rows: [
          ['氏名', '国籍', '来日区分', '来日日', '任用回数', '年次', '任期開始日', '任期終了日', '報酬月額'],
          ['Kate Fox', 'USA', 'S1', '2024/8/6', 1, 1, '2024/8/7', '2025/8/6', 280000],
        ],
      },
      {
        name: '休暇簿',
        merges: ['A1:F1'],
        rows: [
          ['令和6年度 休暇簿'],
          ['氏名', '月日', '終了日', '休暇の種類', '時間', '事由'],
          ['Kate Fox', '2024/10/1', null, '年休', '1:00', '私用'],
          ['Kate Fox', '令和6年2月30日', null, '年休', '1:00', '通院'],
          ['合計', null, null, null, '2:00'],
          ['※ 時間は1時間単位で記入'],
        ],
      },
    ],
  },
  {
    // A pay sheet headed 対象月 / 支給総額, months written four ways, with its roster.
    file: '11-pay-header.xlsx',
    producer: 'shared-strings',
    sheets: [
      {
        name: '名簿',
        rows: [
          ['氏名', '国籍', '来日区分', '来日日', '任用回数', '年次', '任期開始日', '任期終了日', '報酬月額'],
          ['Kate Fox', 'USA', 'S1', '2024/8/6', 1, 1, '2024/8/7', '2025/8/6', 280000],
        ],
      },
      {
        name: '給与点検',
        rows: [
          ['氏名', '対象月', '支給総額'],
          ['Kate Fox', '2024年8月', 229_090],
          ['Kate Fox', 'R6.9', 280_000],
          ['Kate Fox', '2024-10', 280_000],
          ['Kate Fox', '令和6年11月', 300_000],
          [],
          ['合計', null, sum('C2:C5', 1_089_090)],
        ],
      },
    ],
  },
  {
    // Bilingual headers with the English in brackets, dates as styled serials (LibreOffice-style).
    file: '12-bilingual-headers.xlsx',
    producer: 'shared-strings',
    sheets: [
      {
        name: 'Roster 名簿',
        merges: ['A1:I1'],
        rows: [
          ['ALT Roster 2024 / 令和6年度 ALT名簿'],
          ['氏名 (Name)', '国籍 (Country)', '来日区分 (Cohort)', '来日日 (Arrival)', '任用回数 (Term)', '年次 (Year)', '任期開始日 (Term start)', '任期終了日 (Term end)', '月額報酬 (Monthly pay)'],
          ['Ethan Moore', 'USA', 'S1', day(2022, 8, 6), 3, 3, day(2024, 8, 8), day(2025, 8, 6), 325000],
          ['Chloe Hughes', 'USA', 'S1', day(2022, 8, 6), 3, 6, day(2024, 8, 7), day(2025, 8, 6), 325000],
          ['Total', null, null, null, null, null, null, null, sum('I3:I4', 650_000)],
        ],
      },
    ],
  },
];

