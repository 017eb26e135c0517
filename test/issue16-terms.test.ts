// Issue 16 item 3: a roster that keeps only 年次 (or only 任用回数) gets the other from the arrival
// (Note 2, D-8, D-11), and with it every earlier term, so a month that began in the previous term
// is priced at that term's JET year (D-11, D-12) — or refused when the earlier term cannot be known.
// Workbooks in a Japanese office's style: title row, 和暦 dates, yen with separators.

import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SheetInput, validateWorkbook } from '../src/validation/validate';
import { PayBook, PaySheetResult, rosterPeople } from '../src/validation/ledger';
import { RuleError, defaultAltRuleset, nameKey, termsToJetYear } from '../src/core';
import { checkMonthSheets } from '../src/taskpane/monthCheck';
import { book, sheetData, worksheet } from './xlsx-fixtures';
import { d, iso } from './helpers';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'altrules.js');
const run = (args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
const rs = defaultAltRuleset();

beforeAll(() => {
  if (!existsSync(join(ROOT, 'lib', 'src', 'cli', 'pay.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT });
});

// Emily: arrived Sat 2022-08-06 (summer ①): term 1 2022-08-07 – 2023-08-06 (year 1), term 2
// 2023-08-07 – 2024-08-06 (year 2), term 3 from 2024-08-07 (year 3). The roster row gives 年次 3 only.
// Sara: arrived 2023-07-30: term 1 2023-07-31 – 2024-07-30 (year 1), term 2 from 2024-07-31; the row gives 任用回数 2 only.
// Tom: 年次 3 from 2024-08-07 but no arrival: his second term cannot be known.
const rosterRows = [
  ['令和6年度 外国語指導助手（ALT）名簿'],
  [],
  ['氏名', '国籍', '来日日', '任用回数', '年次', '任期開始', '任期終了', '月額報酬'],
  ['Emily Brown', 'アメリカ合衆国', 'R4.8.6', null, 3, '令和6年8月7日', 'R7.8.6', '¥325,000'],
  ['Sara Kim', 'カナダ', '令和5年7月30日', 2, null, 'R6.7.31', 'R7.7.30', '300,000'],
  ['Tom Lee', 'イギリス', null, null, 3, 'R6.8.7', 'R7.8.6', '325,000'],
];
const payRows = [
  ['給与点検（令和6年度）'],
  ['氏名', '支給月', '支給額'],
  ['Emily Brown', 'R6.8', 265909], // row 3: the old wrong figure
  ['Emily Brown', 'R6.9', 325000], // row 4: a whole month of term 3
  ['Sara Kim', '令和6年7月', 280869], // row 5
  ['Tom Lee', 'R6.8', 265909], // row 6: refused
  ['Tom Lee', 'R6.9', 325000], // row 7: September is all term 3
];
const roster: SheetInput = { name: '名簿', rows: rosterRows };
const pay: SheetInput = { name: '給与点検', rows: payRows };

test('termsToJetYear: year n is term n; after the bridge, year 2 is term 2 or 3 and the term start decides', () => {
  const emily = termsToJetYear(rs, { arrival: d('2022-08-06') }, 3);
  expect(emily.map((t) => [t.number, iso(t.start), iso(t.end), t.jetYear])).toEqual([
    [1, '2022-08-07', '2023-08-06', 1],
    [2, '2023-08-07', '2024-08-06', 2],
    [3, '2024-08-07', '2025-08-06', 3],
  ]);
  // RULES.md D-8's example: April ① 2015-04-08 from the USA, summer ② 2015-08-02: term 2 (the bridge)
  // 2016-04-09 – 2016-08-02 and term 3 (to 2017-08-02) are both JET year 2 (D-11).
  const april = { arrival: d('2015-04-08'), cohort: 'A1' as const, country: 'USA', summer2Arrival: d('2015-08-02') };
  expect(() => termsToJetYear(rs, april, 2)).toThrow(RuleError);
  expect(termsToJetYear(rs, april, 2, d('2016-08-03')).length).toBe(3);
  expect(termsToJetYear(rs, april, 2, d('2016-04-09')).length).toBe(2);
  // Year 3 after the bridge is term 4 (D-11).
  expect(termsToJetYear(rs, april, 3).length).toBe(4);
});

test('rosterPeople: 年次 only gives the earlier terms; 任用回数 only gives the year; no arrival leaves the earlier term unknown', () => {
  const people = rosterPeople([roster]);
  const emily = people.get(nameKey('emily brown'))!;
  expect(emily.terms.map((t) => [iso(t.start), iso(t.end), t.jetYear, t.reappointed])).toEqual([
    ['2022-08-07', '2023-08-06', 1, false],
    ['2023-08-07', '2024-08-06', 2, true],
    ['2024-08-07', '2025-08-06', 3, true],
  ]);
  expect(emily.unknown).toEqual([]);
  expect(people.get(nameKey('sara kim'))!.terms.map((t) => t.jetYear)).toEqual([1, 2]);
  const tom = people.get(nameKey('tom lee'))!;
  expect(tom.unknown).toHaveLength(1);
  expect(tom.unknown[0].to).toBe(d('2024-08-06'));
  expect(tom.unknown[0].en).toMatch(/cannot be priced/);
  expect(tom.unknown[0].ja).toMatch(/計算できません/);
});

test('the pay sheet: August 2024 of a third term from 7 August is ¥320,454; a month with unknown days is refused, nothing expected', () => {
  const [r, p] = validateWorkbook([roster, pay]);
  // The roster itself: nothing asked twice (no "required" for the empty 年次 / 任用回数 cells); only Tom's missing arrival.
  expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.row, f.field])).toEqual([[6, 'arrival']]);
  const result = p as PaySheetResult;
  // August 2024: 31 days, weekends 3,4,10,11,17,18,24,25,31 → 22 days requiring work (8/12 振替休日 counts, Art 7.3).
  // 1–6 August (Thu, Fri, Mon, Tue: 4 days) are term 2, year 2 ¥300,000; 7–30 August (18 days) term 3, year 3 ¥325,000.
  // (300,000 × 4 + 325,000 × 18) ÷ 22 = 7,050,000 ÷ 22 = 320,454.5… → ¥320,454 (D-2).
  // July 2024: 23 days requiring work; 1–30 July (22) are Sara's term 1 at ¥280,000, 31 July (Wed) term 2 at ¥300,000:
  // (280,000 × 22 + 300,000 × 1) ÷ 23 = 6,460,000 ÷ 23 = 280,869.5… → ¥280,869.
  expect(result.expected.map((e) => [e.row, e.name, e.month, e.expected])).toEqual([
    [3, 'Emily Brown', '2024-08', 320454],
    [4, 'Emily Brown', '2024-09', 325000],
    [5, 'Sara Kim', '2024-07', 280869],
    [7, 'Tom Lee', '2024-09', 325000],
  ]);
  expect(result.findings.map((f) => [f.row, f.severity, f.rule])).toEqual([
    [3, 'error', 'Art 7, 8, D-12, D-13'], // 265,909 paid, 320,454 expected
    [6, 'warning', 'D-11, D-12'], // Tom's August: refused, not priced at 0
  ]);
  expect(result.findings[0].message).toMatch(/expected ¥320,454/);
  expect(result.findings[1].message).toMatch(/2024-08 cannot be priced/);
  expect(result.findings[1].message_ja).toMatch(/計算できません/);
});

test("the pane's month check (what Write expected pay writes): ¥320,454 for Emily's August, nothing for Tom's", () => {
  const { expected } = checkMonthSheets({ sheets: [pay], rosters: [roster] });
  expect(expected.map((e) => [e.row, e.expected])).toEqual([
    [3, 320454],
    [4, 325000],
    [5, 280869],
    [7, 325000],
  ]);
});

test('the earlier terms written as their own rows win over the derived ones', () => {
  const withRow: SheetInput = { name: '名簿', rows: [...rosterRows, ['Tom Lee', 'イギリス', null, null, 2, 'R5.8.7', 'R6.8.6', '300,000']] };
  const tom = rosterPeople([withRow]).get(nameKey('tom lee'))!;
  // Tom's term 2 row (year 2) fills the gap; before it he has no known earlier term: refused before 2023-08-07.
  expect(tom.unknown.map((u) => [u.from, iso(u.to)])).toEqual([[undefined, '2023-08-06']]);
  const book = new PayBook(rosterPeople([withRow]), []);
  // August 2024: (300,000 × 4 + 325,000 × 18) ÷ 22 → ¥320,454 as for Emily.
  expect(book.unknown('Tom Lee', 2024 * 12 + 7)).toBeUndefined();
  expect(book.month('Tom Lee', 2024 * 12 + 7)!.expected).toBe(320454);
  expect(book.unknown('Tom Lee', 2023 * 12 + 7)).toBeDefined();
});

describe('through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'altrules-16b-'));
  const file = join(dir, 'alt-r6.xlsx');
  beforeAll(() => {
    writeFileSync(file, book({ sheets: [{ name: '名簿', xml: worksheet(sheetData(rosterRows as never)) }, { name: '給与点検', xml: worksheet(sheetData(payRows as never)) }] }));
  });

  test('altrules validate: the August figure and the refusal', () => {
    const r = run(['validate', file, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const payFindings = out.findings.filter((f: { sheet: string }) => f.sheet === '給与点検').map((f: { row: number; severity: string }) => [f.row, f.severity]);
    expect(payFindings).toEqual([
      [3, 'error'],
      [6, 'warning'],
    ]);
    expect(out.expected.find((e: { row: number }) => e.row === 3).expected).toBe(320454);
    expect(out.expected.some((e: { row: number }) => e.row === 6)).toBe(false);
  });

  test('altrules pay --month 2024-08: ¥320,454 for Emily; Tom refused and nothing written for him', () => {
    const outFile = join(dir, 'pay-2024-08.xlsx');
    const r = run(['pay', file, '--month', '2024-08', '--json', '--out', outFile]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.pay.map((p: { name: string; expected: number }) => [p.name, p.expected])).toEqual([
      ['Emily Brown', 320454],
      // Sara: all of August in term 2, year 2: ¥300,000.
      ['Sara Kim', 300000],
    ]);
    expect(out.refused.map((p: { name: string }) => p.name)).toEqual(['Tom Lee']);
    const text = run(['pay', file, '--month', '2024-08']);
    expect(text.stdout).toMatch(/Tom Lee +cannot be priced/);
    expect(text.stdout).not.toMatch(/Tom Lee +¥/);
    // The sheet written: Tom's row has no expected figure.
    const check = run(['validate', outFile, file, '--json']);
    const expected = JSON.parse(check.stdout).expected.filter((e: { name: string; file: string }) => e.name === 'Tom Lee' && e.file === outFile);
    expect(JSON.parse(check.stdout).expected.filter((e: { file: string }) => e.file === outFile).map((e: { name: string; expected: number }) => [e.name, e.expected])).toEqual([
      ['Emily Brown', 320454],
      ['Sara Kim', 300000],
    ]);
    expect(expected).toEqual([]);
  });
});

test('the roster check with only 年次 or only 任用回数: term dates and pay are still checked', () => {
  const rows = [
    ['令和6年度 ALT名簿'],
    ['氏名', '国籍', '来日区分', '来日日', '年次', '任期開始', '任期終了', '月額報酬'],
    // Year 3 from arrival 2022-08-06 is term 3: 2024-08-07 – 2025-08-06 (Note 2.3); 8 August is wrong.
    ['Emily Brown', 'アメリカ合衆国', null, 'R4.8.6', 3, 'R6.8.8', 'R7.8.6', '325,000'],
    // RULES.md D-8: April ① 2015-04-08 from the USA: year 2 is the bridge term 2 or term 3 — the start
    // 2016-08-03 says term 3, which ends 2017-08-02; 2017-08-03 is wrong.
    ['Joe Park', 'USA', '4月①', 'H27.4.8', 2, 'H28.8.3', 'H29.8.3', '300,000'],
    // Year 2 after the bridge without a term start: cannot be told, a warning, no date judged.
    ['Ann Cho', 'USA', '4月①', 'H27.4.8', 2, null, null, '300,000'],
  ];
  const summer2 = ['夏季②来日日'];
  const sheet: SheetInput = { name: '名簿', rows: [rows[0], [...rows[1], ...summer2], ...rows.slice(2).map((r) => [...r, 'H27.8.2'])] };
  const [r] = validateWorkbook([sheet], { asOf: d('2024-09-30') });
  const got = r.findings.filter((f) => !(f.row === 2 && f.severity === 'warning')).map((f) => [f.row, f.field, f.severity, f.rule]);
  expect(got).toEqual([
    [3, 'termStart', 'error', 'Note 2.3'],
    [4, 'termEnd', 'error', 'Art 5.1, Note 2'],
    [5, 'year', 'warning', 'Note 2, D-8, D-11'],
  ]);
  expect(r.findings.find((f) => f.row === 3)!.message).toMatch(/should be 2024-08-07/);
  expect(r.findings.find((f) => f.row === 4)!.message).toMatch(/should be 2017-08-02/);

  // Only 任用回数: term 2 of a 2023-07-30 arrival is JET year 2 (D-11): ¥300,000, not ¥280,000 (Art 7.1).
  const byTerm: SheetInput = { name: '名簿', rows: [['氏名', '来日日', '任用回数', '月額報酬'], ['Sara Kim', 'R5.7.30', 2, 280000]] };
  const [t] = validateWorkbook([byTerm], { asOf: d('2024-09-30') });
  expect(t.findings.filter((f) => f.field === 'monthlyPay').map((f) => [f.row, f.severity, f.rule])).toEqual([[2, 'error', 'Art 7.1']]);
  // With 任用回数 there, no "no Year column" warning: the year is derived, not asked for.
  expect(t.findings.filter((f) => f.field === 'year' || f.field === 'term')).toEqual([]);
});

test('an arrival whose terms cannot be planned (April–June without a cohort): the refusal says why', () => {
  const rows = [
    ['氏名', '来日日', '年次', '任期開始', '任期終了'],
    // Arrived 2022-04-10 without a cohort: the bridge term may or may not follow (Note 2.3), so the
    // terms before 2024-08-03 cannot be known; the row's own term is given.
    ['Kate Ono', 'R4.4.10', 3, 'R6.8.3', 'R7.8.2'],
  ];
  const people = rosterPeople([{ name: '名簿', rows }]);
  const kate = people.get(nameKey('Kate Ono'))!;
  expect(kate.unknown).toHaveLength(1);
  expect(kate.unknown[0].en).toMatch(/cohort is needed/);
  const book = new PayBook(people, []);
  // August 2024 has 1–2 August in the unknown term: refused. September is all the known term 3: ¥325,000.
  expect(book.unknown('Kate Ono', 2024 * 12 + 7)?.ja).toMatch(/計算できません/);
  expect(book.unknown('Kate Ono', 2024 * 12 + 8)).toBeUndefined();
  expect(book.month('Kate Ono', 2024 * 12 + 8)!.expected).toBe(325000);
});
