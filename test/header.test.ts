// The one header reader (src/validation/header.ts) and its vocabulary: headers as clerks write
// them, two-row headers, a period column, rows that are not people; docs/fields.md is current.

import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { Cell, LEDGER_BY_HEADER, PAY_BY_HEADER, ROSTER_BY_HEADER, CLAIMS_BY_HEADER, headerKey, periodSchema, readCell } from '../src/validation/fields';
import { findHeader, sortRow } from '../src/validation/header';
import { fieldsDoc } from '../scripts/fields-doc';
import { d } from './helpers';

const roster = (h: string) => ROSTER_BY_HEADER.get(headerKey(h));

describe('headers as people write them', () => {
  test.each([
    ['氏　名', 'name'],
    ['氏 名', 'name'],
    ['任用\n回数', 'term'],
    ['任用\r\n回数', 'term'],
    ['月額報酬（円）', 'monthlyPay'],
    ['報酬月額(円)', 'monthlyPay'],
    ['月額報酬[円]', 'monthlyPay'],
    ['病休日数(日)', 'sickDays'],
    ['※月額', 'monthlyPay'],
    ['No. 氏名', 'name'],
    ['1. 氏名', 'name'],
    ['ＮＡＭＥ', 'name'],
    ['氏名 (Name)', 'name'],
    ['着任日', 'arrival'],
    ['採用日', 'termStart'],
    ['任期満了日', 'termEnd'],
    ['国名', 'country'],
    ['年次', 'year'],
    ['任用期間（自）', 'termStart'],
    ['任用期間・至', 'termEnd'],
    ['任用期間', 'termPeriod'],
    ['年休残日数', 'leaveLeft'],
    ['4月①来日日', 'april1Arrival'],
    ['Leave used (hours)', 'leaveUsedHours'],
  ])('%j is %s', (h, f) => expect(roster(h)).toBe(f));

  test.each(['フリガナ', 'ﾌﾘｶﾞﾅ', '氏名（フリガナ）', 'ふりがな', 'カナ氏名', '氏名カナ', 'No.', '備考', '勤務校'])('%j names no roster field', (h) => expect(roster(h)).toBeUndefined());

  test('claims, ledger and pay words', () => {
    const k = (m: typeof CLAIMS_BY_HEADER, h: string) => m.get(headerKey(h));
    expect([k(CLAIMS_BY_HEADER, '派遣職員名'), k(CLAIMS_BY_HEADER, '派遣先事務所'), k(CLAIMS_BY_HEADER, '派遣月数'), k(CLAIMS_BY_HEADER, '請求金額（円）')]).toEqual(['name', 'office', 'months', 'claimed']);
    expect(['休暇の種類', '月日', '取得日', '事由', '摘要', '日数', '期間（至）'].map((h) => k(LEDGER_BY_HEADER, h))).toEqual(['kind', 'from', 'from', 'note', 'note', 'days', 'to']);
    expect(['支給月', '対象月', '年月', '支給総額'].map((h) => k(PAY_BY_HEADER, h))).toEqual(['month', 'month', 'month', 'paid']);
  });

  test('spacing and width never change what a header names (property)', () => {
    const known = ['氏名', '国籍', '着任日', '任用回数', '年次', '任期満了日', '報酬月額'];
    const spaces = fc.constantFrom(' ', '\u3000', '\n', '\t', '');
    fc.assert(
      fc.property(fc.constantFrom(...known), spaces, fc.nat(), (h, sp, at) => {
        const i = at % (h.length + 1);
        const spaced = h.slice(0, i) + sp + h.slice(i);
        expect(roster(spaced)).toBe(roster(h));
      }),
    );
  });
});

describe('the header row', () => {
  const head = ['氏名', '国籍', '着任日', '任用回数', '年次', '任期開始日', '任期満了日', '報酬月額'];

  test('a merged title row and a date line above it are not the header', () => {
    const h = findHeader([['令和6年度 外国語指導助手（ALT）名簿'], [null, null, '令和6年4月1日現在'], head, ['A', 'USA']]);
    expect(h).toMatchObject({ kind: 'roster', row: 2, top: 2 });
    expect(h?.columns.get('termEnd')).toEqual({ index: 6, text: '任期満了日' });
  });

  test('two rows: 任用期間 over 自 / 至 (the merged parent written in its first cell)', () => {
    const h = findHeader([
      ['氏名', '来日日', '任用回数', '年次', '任用期間', null, '月額報酬'],
      [null, null, null, null, '自', '至', null],
    ]);
    expect(h).toMatchObject({ row: 1, top: 0 });
    expect(h?.columns.get('termStart')).toEqual({ index: 4, text: '任用期間・自' });
    expect(h?.columns.get('termEnd')).toEqual({ index: 5, text: '任用期間・至' });
    expect(h?.period).toBeUndefined();
  });

  test('a single period column gives termStart and termEnd; without it the two are missing', () => {
    const h = findHeader([['氏名', '来日日', '任用回数', '年次', '任用期間']]);
    expect(h?.period).toEqual({ index: 4, text: '任用期間' });
    expect(h?.columns.get('termStart')).toBe(h?.period);
    expect(h?.columns.get('termEnd')).toBe(h?.period);
    const without = findHeader([['氏名', '来日日', '任用回数', '年次']]);
    expect(without?.columns.has('termStart')).toBe(false);
  });

  test('フリガナ beside 氏名 is never the name, and is named as a candidate', () => {
    const h = findHeader([['フリガナ', '氏名', '着任日', '年次']]);
    expect(h?.columns.get('name')?.index).toBe(1);
    expect(h?.unclaimed.map((u) => u.text)).toEqual(['フリガナ']);
  });

  test('a ledger and a pay sheet by their own words', () => {
    expect(findHeader([['令和6年度 休暇簿'], ['氏名', '月日', '休暇の種類', '時間', '事由']])?.kind).toBe('ledger');
    expect(findHeader([['氏名', '対象月', '支給総額']])?.kind).toBe('pay');
    expect(findHeader([['派遣職員名', '派遣先事務所', '年度', '派遣月数', '請求金額']])?.kind).toBe('claims');
  });

  test('a mapping applies only to its own sheet and may name a period column', () => {
    const rows: Cell[][] = [['氏名', '来日日', '任用回数', '年次', '期間X']];
    const m = { sheet: 'A', field: 'termPeriod' as const, column: 5, header: '期間X' };
    expect(findHeader(rows, { sheet: 'A', mappings: [m] })?.period?.index).toBe(4);
    expect(findHeader(rows, { sheet: 'B', mappings: [m] })?.period).toBeUndefined();
  });
});

describe('a period in one cell', () => {
  const start = periodSchema('1900', 'start');
  const end = periodSchema('1900', 'end');
  test.each([
    ['R6.8.7～R7.8.6', '2024-08-07', '2025-08-06'],
    ['2024/8/7-2025/8/6', '2024-08-07', '2025-08-06'],
    ['2024-08-07 - 2025-08-06', '2024-08-07', '2025-08-06'],
    ['令和6年8月7日から令和7年8月6日まで', '2024-08-07', '2025-08-06'],
    ['R6.8.7〜R7.8.6', '2024-08-07', '2025-08-06'],
  ])('%s', (text, a, b) => {
    expect(readCell(start, text)).toEqual({ ok: true, value: d(a) });
    expect(readCell(end, text)).toEqual({ ok: true, value: d(b) });
  });
  test('one date alone is no period: a bilingual message', () => {
    const r = readCell(start, 'R6.8.7');
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.msg.en, r.msg.ja]).toEqual([expect.stringContaining('is not a period'), expect.stringContaining('期間ではありません')]);
  });
});

describe('rows that are not people', () => {
  const h = { columns: new Map([['name', { index: 1, text: '氏名' }]]) } as Parameters<typeof sortRow>[1];
  const texts = ['No.', '氏名', '国籍'];
  test.each([
    [[], 'blank'],
    [[null, ' ', null], 'blank'],
    [[null, '合計', null, 1_000_000], 'total'],
    [['合計', null, null, 1_000_000], 'total'],
    [[null, '小 計', 5], 'total'],
    [[null, 'Total', 5], 'total'],
    [[null, '計', 5], 'total'],
    [['【小学校（兼務）】'], 'label'],
    [[null, '■中学校'], 'label'],
    [['※ 報酬月額は4月1日現在'], 'note'],
    [['No.', '氏名', '国籍'], 'header'],
    [[1, 'Emily Smith', 'USA'], 'person'],
    [[null, { error: '#REF!' }], 'person'],
    [[null, '計算 太郎', 'USA'], 'person'],
    [[null, '■中学校', '3名'], 'label'],
    [[null, '<img src=x>', 'USA', 'S1'], 'person'], // markup-like text in a full row is still a person's name
  ] as [Cell[], string][])('%j is %s', (cells, sort) => expect(sortRow(cells, h, texts)).toBe(sort));
});

test('docs/fields.md is the one generated from the header tables (npm run docs)', () => {
  expect(readFileSync(join(__dirname, '..', 'docs', 'fields.md'), 'utf8')).toBe(fieldsDoc());
});
