import { validateSheet, Finding } from '../src/validation/validate';
import { Cell } from '../src/validation/fields';
import { d } from './helpers';

const HEAD = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay', 'Leave used (hours)', 'Carried leave', 'Sick days'];
const good: Cell[] = ['Alex Smith', 'USA', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000, 35, 0, 2];

const rules = (fs: Finding[]) => fs.map((f) => `${f.row}:${f.field}:${f.severity}:${f.rule}`);
/** Findings other than the sheet-wide note that a row predates the earliest ruleset (tested on its own). */
const noRulesetNote = (fs: Finding[]) => fs.filter((f) => f.rule !== 'ruleset');

describe('roster recognition', () => {
  test('a clean roster gives no findings; headers in Japanese, any width, below a title row', () => {
    const r = validateSheet({ name: 'Roster', rows: [HEAD, good] });
    expect(r.kind).toBe('roster');
    expect(r.findings).toEqual([]);
    const ja = ['氏名', '国籍', '来日区分', '来日日', '任用回数', '来日年数', '任期開始', '任期終了', '月額報酬', '年休使用時間', '繰越日数', '病休日数'];
    const wide = ja.map((h) => ` ${h.normalize('NFKC')} `);
    const r2 = validateSheet({ name: '名簿', rows: [['令和5年度 ALT 名簿'], [], wide, ['山田 花子', 'アメリカ合衆国', '夏季①', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000, 0, 0, 0]] });
    expect(r2.kind).toBe('roster');
    expect(r2.headerRow).toBe(3);
    expect(r2.findings).toEqual([]);
    const r3 = validateSheet({ name: 'x', rows: [['ＮＡＭＥ', 'ＡＲＲＩＶＡＬ DATE', 'term', 'JET   Year'], ['A', '2023-07-30', 1, 1]] });
    expect(r3.kind).toBe('roster');
  });

  test('an unrecognised sheet, an empty sheet and a header-only sheet give no crash', () => {
    expect(validateSheet({ name: 'Notes', rows: [['hello'], ['world']] }).kind).toBe('unknown');
    expect(validateSheet({ name: 'Empty', rows: [] }).kind).toBe('unknown');
    const headerOnly = validateSheet({ name: 'H', rows: [HEAD] });
    expect(headerOnly.kind).toBe('roster');
    expect(headerOnly.dataRows).toBe(0);
    expect(headerOnly.findings).toEqual([]);
  });
});

describe('roster checks, each citing its clause', () => {
  const check = (row: Cell[], head = HEAD) => noRulesetNote(validateSheet({ name: 'R', rows: [head, row] }).findings);

  test('pay differs from the table (Art 7.1)', () => {
    const f = check([...good.slice(0, 8), 300000, ...good.slice(9)]);
    expect(rules(f)).toEqual(['2:monthlyPay:error:Art 7.1']);
    expect(f[0].column).toBe('Monthly pay');
    expect(f[0].message_ja).toMatch(/来日1年目/);
  });

  test('term end differs from the rules; term 1 must start the day after arrival', () => {
    const f = check(['A', 'USA', 'S1', '2023-07-30', 1, 1, '2023-07-30', '2024-07-31', 280000, 0, 0, 0]);
    expect(rules(f)).toEqual(['2:termStart:error:Note 2.2', '2:termEnd:error:Art 5.1, Note 2']);
    expect(f[1].message).toMatch(/should be 2024-07-30/);
  });

  test('a later term starts the day after the previous one; the bridge term is known', () => {
    const head = [...HEAD, 'Summer 2 arrival'];
    const bridge: Cell[] = ['B', 'USA', 'A1', '2015-04-08', 2, 2, '2016-04-09', '2016-08-02', 300000, 0, 5, 0, '2015-08-02'];
    expect(check(bridge, head)).toEqual([]);
    const wrong: Cell[] = ['B', 'USA', 'A1', '2015-04-08', 2, 2, '2016-04-09', '2017-04-08', 300000, 0, 5, 0, '2015-08-02'];
    expect(rules(check(wrong, head))).toEqual(['2:termEnd:error:Note 2.3, D-8']);
    const korea: Cell[] = ['C', '韓国', 'A1', '2015-04-08', 2, 2, '2016-04-09', '2017-04-08', 300000, 0, 5, 0, ''];
    expect(check(korea, head)).toEqual([]);
  });

  test('JET year inconsistent with the term; years 4–5 warned (Art 5.3); beyond the limit an error', () => {
    expect(rules(check(['A', 'USA', 'S1', '2023-07-30', 1, 2, '2023-07-31', '2024-07-30', 300000, 0, 0, 0]))).toEqual(['2:year:error:Note 2.3, D-11']);
    const y4 = check(['A', 'USA', 'S1', '2020-07-30', 4, 4, '2023-07-31', '2024-07-30', 330000, 0, 0, 0]);
    expect(rules(y4)).toEqual(['2:year:warning:Art 5.3']);
    const six = check(['A', 'USA', 'S1', '2019-07-30', 6, 6, '', '', 330000, 0, 0, 0]);
    expect(rules(six)).toEqual(['2:term:error:Art 5.3, Note 3, D-8', '2:year:error:Art 5.3, Note 3']);
    // Without the bridge term the limit is 5 terms, 5 years — not "5 years 4 months".
    expect(six[0].message).toBe('term 6: at most 5 terms (5 years; Art 5.3, Note 3, D-8)');
  });

  test('leave, carried leave and sick days (Art 12, 13, 30.3)', () => {
    const f = check(['A', 'USA', 'S1', '2022-07-30', 2, 2, '2023-07-31', '2024-07-30', 300000, 200, 25, 21]);
    // 25 carried days are over 20 (Art 12.2); 200 h are still judged, against 20 days × 7 h = 140 h.
    // 21 sick days is the term's total: more than one period, not a breach by itself.
    expect(rules(f)).toEqual(['2:leaveUsedHours:error:Art 12.1', '2:carriedLeave:error:Art 12.2', '2:sickDays:warning:Art 13.2']);
    expect(f[0].message).toMatch(/exceeds the 140 hours/);
    expect(f[2].message).toMatch(/term's total/);
    // A term total of 4 says nothing of 4 consecutive days: no certificate finding (Art 30.3).
    const four = check(['A', 'USA', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000, 0, 0, 4]);
    expect(rules(four)).toEqual([]);
    // 2023-07-31 … 2024-07-30 has 366 days; 367 sick days cannot be.
    expect(rules(check(['A', 'USA', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000, 0, 0, 367]))).toEqual(['2:sickDays:error:Art 13.2']);
    const firstCarry = check(['A', 'USA', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000, 0, 3, 0]);
    expect(rules(firstCarry)).toEqual(['2:carriedLeave:error:Art 12.2']);
  });

  test('leave over the first 10 days in the first three months is caught (Art 12.1, D-4)', () => {
    // Appointed 2023-07-31: 3 months end 2023-10-30, the second 10 days come on 2023-10-31.
    const row: Cell[] = ['A', 'USA', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000, 75, 0, 0];
    const at = (iso: string) => rules(noRulesetNote(validateSheet({ name: 'R', rows: [HEAD, row] }, { asOf: d(iso) }).findings));
    expect(at('2023-10-30')).toEqual(['2:leaveUsedHours:error:Art 12.1']); // 75 h > 10 × 7 = 70 h
    expect(at('2023-10-31')).toEqual([]); // 75 h ≤ 140 h
    // A re-appointed ALT has all 20 days from the first day.
    const second: Cell[] = ['A', 'USA', 'S1', '2022-07-30', 2, 2, '2023-07-31', '2024-07-30', 300000, 75, 0, 0];
    expect(rules(noRulesetNote(validateSheet({ name: 'R', rows: [HEAD, second] }, { asOf: d('2023-08-01') }).findings))).toEqual([]);
  });

  test('an April–June arrival without a cohort: the term check is not possible, never a wrong date (RULES.md §8)', () => {
    const head = ['Name', 'Country', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Summer 2 arrival'];
    // The correct bridge term of an April ① arrival from the USA.
    const bridge: Cell[] = ['B', 'USA', '2015-04-08', 2, 2, '2016-04-09', '2016-08-02', '2015-08-02'];
    const f = noRulesetNote(validateSheet({ name: 'R', rows: [head, bridge] }).findings);
    expect(rules(f)).toEqual(['1:cohort:warning:Note 2.2', '1:monthlyPay:warning:Art 7.1', '2:cohort:warning:Note 2.2–2.3']);
    expect(f[2].message).toMatch(/cohort is needed.*term dates not checked/);
    // A July arrival without a cohort is summer ①, checked as such.
    const july: Cell[] = ['C', 'USA', '2023-07-30', 1, 1, '2023-07-31', '2024-07-31', ''];
    expect(rules(noRulesetNote(validateSheet({ name: 'R', rows: [head, july] }).findings))).toEqual(['1:cohort:warning:Note 2.2', '1:monthlyPay:warning:Art 7.1', '2:termEnd:error:Art 5.1, Note 2']);
  });

  test('rows before the earliest ruleset use it, with one warning for the sheet', () => {
    const old: Cell[] = ['A', 'USA', 'S1', '2020-07-30', 1, 1, '2020-07-31', '2021-07-30', 280000, 0, 0, 0];
    const r = validateSheet({ name: 'R', rows: [HEAD, old, ['B', ...old.slice(1)], good] });
    expect(rules(r.findings)).toEqual(['1::warning:ruleset']);
    expect(r.findings[0].message).toBe('some rows are dated before 2023-04-01, when the earliest rules the add-in knows came into force (Saitama ALT rules, FY2023 (37th cohort)); those rules were used for them');
    // The rules by their name in words, never the ruleset's id or a file of the project.
    expect(r.findings[0].message_ja).toBe('2023-04-01（アドインにある最も古い規則「埼玉県 外国語指導助手取扱要綱 令和5年度 第37期」の適用開始日）より前の日付の行があります。それらにもこの規則を使用しました');
    expect(`${r.findings[0].message} ${r.findings[0].message_ja}`).not.toMatch(/saitama-alt|docs\//);
  });

  test('unknown country or cohort, text where a date or number belongs, required cells empty, formula errors', () => {
    const f = check(['', 'Atlantis', 'S9', 'soon', 'one', 1, '2023-07-31', '2024-07-30', 'lots', 0, 0, { error: '#N/A' }]);
    expect(rules(f)).toEqual([
      '2:name:error:input',
      '2:country:error:Note 2.2',
      '2:cohort:error:Note 2.2',
      '2:arrival:error:input',
      '2:term:error:input',
      '2:monthlyPay:error:input',
      '2:sickDays:error:input',
    ]);
    expect(f.find((x) => x.field === 'arrival')!.message).toBe('Arrival: "soon" is not a date; write a date or YYYY-MM-DD');
    expect(f.find((x) => x.field === 'sickDays')!.message).toMatch(/error #N\/A/);
  });

  test('the same person twice', () => {
    const r = validateSheet({ name: 'R', rows: [HEAD, good, good], firstRow: 4 });
    expect(rules(r.findings)).toEqual(['6:name:error:input']);
    expect(r.findings[0].message).toMatch(/first on row 5/);
  });

  test('a missing column skips its check with one warning, not one per row', () => {
    const head = HEAD.filter((h) => h !== 'Monthly pay');
    const row = good.filter((_, i) => HEAD[i] !== 'Monthly pay');
    const r = validateSheet({ name: 'R', rows: [head, row, ['B', ...row.slice(1)], ['C', ...row.slice(1)]] });
    expect(rules(r.findings)).toEqual(['1:monthlyPay:warning:Art 7.1']);
  });

  test('1904 date system serials', () => {
    // 2023-07-30 is 45137 in the 1900 system and 43675 in the 1904 system.
    // Serial cells beside a text date: only the right date system makes them agree.
    const row: Cell[] = ['A', 'USA', 'S1', 43675, 1, 1, 43676, '2024-07-30', 280000, 0, 0, 0];
    expect(validateSheet({ name: 'R', rows: [HEAD, row], dateSystem: '1904' }).findings).toEqual([]);
    const as1900 = noRulesetNote(validateSheet({ name: 'R', rows: [HEAD, row], dateSystem: '1900' }).findings);
    expect(rules(as1900)).toEqual(['2:termEnd:error:Art 5.1, Note 2']);
    expect(as1900[0].message).toMatch(/should be 2020-07-29/);
  });
});

describe('claims checks', () => {
  const HEADC = ['Office', 'Fiscal year', 'Claimed', 'Months', 'Name'];
  test('a clean claims sheet; recognised by its headers', () => {
    const r = validateSheet({ name: 'Claims', rows: [HEADC, ['New York', 2026, 4950000, 12, 'Sato'], ['ロンドン', '令和8年度', 2520000, 6, 'Suzuki']] });
    expect(r.kind).toBe('claims');
    expect(r.findings).toEqual([]);
  });

  test('unknown office, over the (prorated) cap, bad months and fiscal year, a repeated claim', () => {
    const r = validateSheet({
      name: 'Claims',
      rows: [
        HEADC,
        ['Tokyo', 2026, 100, 12, 'A'],
        ['Paris', 2026, 3870001, 12, 'B'],
        ['Paris', 2026, 1612501, 5, 'C'],
        ['Seoul', 'next year', 100, 13, 'D'],
        ['Paris', 2026, 100, 12, 'B'],
      ],
    });
    expect(rules(r.findings)).toEqual([
      '2:office:error:CLAIR: 担当地域',
      '3:claimed:error:CLAIR: 滞在経費助成金',
      '4:claimed:error:CLAIR: 滞在経費助成金, D-7',
      '5:fiscalYear:error:D-7',
      '5:months:error:D-7',
      '6:fiscalYear:error:D-7',
    ]);
    expect(r.findings[2].message).toMatch(/cap ¥1,612,500 for 5 months/);
  });
});
