// The ledger and pay on the command line, as a user runs it: cross-file matching, `altrules pay`,
// and the folder mode. The planted problems of examples/ledger.xlsx and pay.xlsx, found exactly.

import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { RosterSkip, rosterPeople } from '../src/validation/ledger';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'altrules.js');
const EX = (f: string) => join(ROOT, 'examples', f);
const run = (args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });

beforeAll(() => {
  if (!existsSync(join(ROOT, 'lib', 'src', 'cli', 'pay.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT });
});

test('validate roster, ledger and pay: exactly the planted findings', () => {
  const r = run(['validate', EX('roster.xlsx'), EX('ledger.xlsx'), EX('pay.xlsx'), '--json']);
  expect(r.status).toBe(0);
  const { findings, expected } = JSON.parse(r.stdout);
  const of = (file: string) => findings.filter((f: { file: string }) => f.file.endsWith(file)).map((f: { row: number; severity: string; rule: string }) => [f.row, f.severity, f.rule]);
  expect(of('ledger.xlsx')).toEqual([
    [5, 'error', 'Art 12.1, D-4'], // overdrawn before the second grant
    [6, 'warning', 'Art 30.3'], // 4 sick days, no certificate noted
    [9, 'error', 'Art 14-3.2'], // 0:45 partial leave
    [12, 'error', 'Art 14-3.1'], // 1:30 partial leave
    [13, 'error', 'Art 14.1'], // item 23
    [14, 'warning', 'Art 14.1.21'], // 5 days of summer leave: 4 in principle (原則として), the board decides
    [16, 'error', 'Art 5.1'], // before the term
    [21, 'error', 'Art 10.2, 11'], // 振替休日
    [23, 'error', 'input'], // the same day twice
    [25, 'error', 'Art 13.2, 26.2.1'], // sick chain past 20 days
    [27, 'error', 'input'], // not on the roster
  ]);
  expect(of('pay.xlsx')).toEqual([
    [3, 'error', 'Art 7, 8, D-12, D-13'],
    [4, 'error', 'Art 7, 8, D-12, D-13'],
    [8, 'error', 'Art 7, 8, D-12, D-13'],
    [13, 'error', 'input'],
  ]);
  // Hand-worked in scripts/make-examples.ts: 267,826 − 5,538; 300,000 − 2 × 1,978; Art 28.2 half pay.
  expect(expected.filter((e: { paid?: number; expected: number }) => e.paid !== e.expected).map((e: { row: number; expected: number }) => [e.row, e.expected])).toEqual([
    [3, 262288],
    [4, 296044],
    [8, 180000],
  ]);
});

test('the pay sheet alone, without its roster: one warning, nothing judged', () => {
  const r = run(['validate', EX('pay.xlsx'), '--json']);
  const { findings } = JSON.parse(r.stdout);
  expect(findings.map((f: { severity: string }) => f.severity)).toEqual(['warning']);
});

test('altrules pay: everyone on the roster for a month; --out writes a pay sheet that validates clean', () => {
  const r = run(['pay', EX('roster.xlsx'), EX('ledger.xlsx'), '--month', '2024-07']);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Alex Smith +¥ {2}262,288 {2}\(gross ¥267,826, deductions ¥5,538\)/);
  expect(r.stdout).toMatch(/Chen Wei +¥ {2}275,385 {2}\(gross ¥280,000, pay cut ¥4,615\)/);
  const dir = mkdtempSync(join(tmpdir(), 'altrules-pay-'));
  const out = join(dir, 'pay.xlsx');
  expect(run(['pay', EX('roster.xlsx'), EX('ledger.xlsx'), '--month', '令和6年7月', '--out', out]).status).toBe(0);
  expect(run(['pay', EX('roster.xlsx'), EX('ledger.xlsx'), '--month', '2024-07', '--out', out]).status).toBe(2); // exists
  const v = JSON.parse(run(['validate', EX('roster.xlsx'), EX('ledger.xlsx'), out, '--json']).stdout);
  expect(v.findings.filter((f: { file: string }) => f.file === out)).toEqual([]);
  expect(v.expected.find((e: { name: string }) => e.name === 'Dana Brown').expected).toBe(272308);
  expect(run(['pay', EX('roster.xlsx'), '--month', 'July']).status).toBe(2);
});

test('altrules validate DIR/: recursive, a line per file and a total; threads or not, the same findings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'altrules-dir-'));
  mkdirSync(join(dir, 'board-a', 'sub'), { recursive: true });
  for (const f of ['roster.xlsx', 'ledger.xlsx', 'pay.xlsx']) copyFileSync(EX(f), join(dir, 'board-a', f));
  copyFileSync(EX('claims.xlsx'), join(dir, 'board-a', 'sub', 'claims.xlsx'));
  writeFileSync(join(dir, '~$lock.xlsx'), 'Excel lock file');
  const r = run(['validate', dir]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/✖ board-a\/pay\.xlsx: Pay check 給与点検 \(pay\) — 4 error\(s\), 0 warning\(s\)/);
  expect(r.stdout).toMatch(/Total: 4 file\(s\), 4 sheet\(s\) checked/);
  const lines = (args: string[]) => run(args).stdout.trim().split('\n').map((l) => JSON.parse(l));
  const parallel = lines(['validate', dir, '--json']);
  expect(parallel.map((o) => o.file.slice(dir.length + 1))).toEqual(['board-a/ledger.xlsx', 'board-a/pay.xlsx', 'board-a/roster.xlsx', 'board-a/sub/claims.xlsx']);
  expect(lines(['validate', dir, '--json', '--threads', '0'])).toEqual(parallel);
  writeFileSync(join(dir, 'broken.xlsx'), 'not a workbook');
  expect(run(['validate', dir]).status).toBe(2);
});

describe('altrules pay leaves nobody out silently, and speaks one language', () => {
  // examples/roster.xlsx: header on row 3; Hana Kim's term is 2023-04-06 – 2024-04-05 (row 11);
  // row 12 repeats Alex Smith's term of row 4; row 13 (Ivy Chen) has Arrival "TBD" and no term dates.
  test('each skipped roster row is listed with why, in English', () => {
    const r = run(['pay', EX('roster.xlsx'), EX('ledger.xlsx'), '--month', '2024-07']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Hana Kim +¥ {8}0 {2}\(no term in 2024-07\)/);
    expect(r.stdout).toMatch(/^2 roster row\(s\) not in this list:$/m);
    expect(r.stdout).toMatch(/^ {2}Roster 名簿 row 12 Alex Smith: the same term as row 4 \(counted once\)$/m);
    expect(r.stdout).toMatch(/^ {2}Roster 名簿 row 13 Ivy Chen: Arrival: "TBD" is not a date; write a date or YYYY-MM-DD; no readable term start, term end \(give Term start, Term end and Year, or an Arrival to derive them\)$/m);
  });

  test('--lang ja: the same list in Japanese, and no English label left', () => {
    const r = run(['pay', EX('roster.xlsx'), EX('ledger.xlsx'), '--month', '2024-07', '--lang', 'ja']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Alex Smith +¥ {2}262,288 {2}（月額 ¥267,826、減額 ¥5,538）/);
    expect(r.stdout).toMatch(/Hana Kim +¥ {8}0 {2}（2024-07 は任期外）/);
    expect(r.stdout).toMatch(/^名簿の次の2行は計算に含めていません:$/m);
    expect(r.stdout).toMatch(/^ {2}Roster 名簿 12行目 Alex Smith: 4行目と同じ任期です（1回だけ計算）$/m);
    expect(r.stdout).toMatch(/^ {2}Roster 名簿 13行目 Ivy Chen: Arrival: 「TBD」は日付ではありません。.*任期開始・任期終了が読み取れません/m);
    // What is left in Latin letters is the workbook's own text (names, sheet and column names) and citations.
    const own = /Alex Smith|Brianna Lee|Chen Wei|Dana Brown|Eamon Kelly|Fiona Walsh|Gus Ortega|Hana Kim|Ivy Chen|Roster|Leave ledger|Arrival|TBD|YYYY-MM-DD|altrules validate/g;
    expect(r.stdout.replace(own, '').match(/[A-Za-z]{2,}/g)).toBeNull();
  });

  test('--json lists the skipped rows in both languages', () => {
    const { skipped } = JSON.parse(run(['pay', EX('roster.xlsx'), EX('ledger.xlsx'), '--month', 'R6.7', '--json']).stdout);
    expect(skipped.map((k: { row: number; name: string }) => [k.row, k.name])).toEqual([[12, 'Alex Smith'], [13, 'Ivy Chen']]);
    expect(skipped[1].message_ja).toMatch(/来日日を入力してください/);
  });

  test('validate --lang ja: rows and sheet kinds in Japanese too', () => {
    const one = run(['validate', EX('claims.xlsx'), '--lang', 'ja']).stdout;
    expect(one).toMatch(/^ {2}1行目 +警告 +\[規則\]/m);
    expect(one).not.toMatch(/\brow \d/);
    // 2024-02-12 is the 振替休日 of 建国記念の日 (Sun 11 Feb): named as such, not 休日（休日）.
    const ledger = run(['validate', EX('roster.xlsx'), EX('ledger.xlsx'), '--lang', 'ja']).stdout;
    expect(ledger).toMatch(/年休 2024-02-12: 勤務を要しない日です（休日（振替休日））/);
    const dir = mkdtempSync(join(tmpdir(), 'altrules-ja-'));
    copyFileSync(EX('roster.xlsx'), join(dir, 'roster.xlsx'));
    const folder = run(['validate', `${dir}/`, '--lang', 'ja']).stdout;
    expect(folder).toMatch(/roster\.xlsx: Roster 名簿（名簿） — エラー 6件、警告 2件/);
    expect(folder).not.toMatch(/\((roster|claims|ledger|pay)\)/);
  });
});

test('rosterPeople names every row it cannot use: no name, no term, a term that ends before it starts', () => {
  const skipped: RosterSkip[] = [];
  const people = rosterPeople(
    [
      {
        name: 'R',
        rows: [
          ['Name', 'Year', 'Term start', 'Term end'],
          ['Ann', 1, '2023-08-07', '2024-08-06'],
          [null, 1, '2023-08-07', '2024-08-06'],
          ['Ben', 1, '2024-08-06', '2023-08-07'],
          ['Cy', 9, '2023-08-07', '2024-08-06'],
        ],
      },
    ],
    undefined,
    skipped,
  );
  expect([...people.values()].map((p) => p.name)).toEqual(['Ann']);
  expect(skipped.map((k) => [k.row, k.name, k.en])).toEqual([
    [3, undefined, 'no name'],
    [4, 'Ben', 'the term ends before it starts'],
    [5, 'Cy', 'Year: 9 must be a whole number from 1 to 5; no readable JET year (give Term start, Term end and Year, or an Arrival to derive them)'],
  ]);
  expect(skipped[2].ja).toMatch(/来日年数が読み取れません/);
});

test('a workbook named twice, or through a link, is read once: its ledger is not counted twice', () => {
  const once = run(['pay', EX('roster.xlsx'), EX('ledger.xlsx'), '--month', '2024-07', '--json']);
  const dir = mkdtempSync(join(tmpdir(), 'altrules-twice-'));
  const link = join(dir, 'same-ledger.xlsx');
  symlinkSync(EX('ledger.xlsx'), link);
  const twice = run(['pay', EX('roster.xlsx'), EX('ledger.xlsx'), link, '--month', '2024-07', '--json']);
  expect(twice.status).toBe(0);
  expect(twice.stderr).toBe(`${link} is the same file as ${EX('ledger.xlsx')}: read once\n`);
  expect(JSON.parse(twice.stdout)).toEqual(JSON.parse(once.stdout));
});
