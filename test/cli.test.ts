// The command line, run as a user runs it (compiled by `npm run prepare`).

import { spawn, spawnSync } from 'child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { book, sheetData, worksheet, zipOf } from './xlsx-fixtures';
import { assertFreshLib } from './support/gates';
import { datesIn, numbersIn, steps } from './support/explain';
import { arrayConstant } from '../src/cli/main';

// Each test starts Node processes or reads workbooks: generous on a loaded 2-core machine.
jest.setTimeout(60_000);

const BIN = join(__dirname, '..', 'bin', 'altrules.js');
const run = (args: string[], input?: string) => spawnSync('node', [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });

// bin/altrules.js runs lib/: a build older than src/ would test yesterday's code.
beforeAll(() => assertFreshLib(join(__dirname, '..')));

test('altrules call ALT.PAY 1 2023-08-01 2023-08-07 prints ¥231,304 (280,000 × 19/23), --json the raw 231304', () => {
  const r = run(['call', 'ALT.PAY', '1', '2023-08-01', '2023-08-07']);
  expect(r.stdout).toBe('¥231,304\n');
  expect(r.status).toBe(0);
  const raw = run(['call', '--json', 'ALT.PAY', '1', '2023-08-01', '2023-08-07']);
  expect(raw.stdout).toBe('{"value":231304}\n');
});

test('a bad call prints the error code and message on stderr, exit 1', () => {
  const r = run(['call', 'ALT.PAY', '9']);
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^#VALUE! year must be a whole JET year from 1 to 5; got 9/);
  const ja = run(['--lang', 'ja', 'call', 'CLAIR.OFFICE', 'Brazil']);
  expect(ja.stderr).toMatch(/^#N\/A ブラジルを担当するクレア海外事務所はありません/);
});

test('--jsonl: one object per line, in order, never stopping on a bad line', () => {
  const input = ['["ALT.PAY", 1, 45139, "2023-08-07"]', 'nonsense', '{"a":1}', '["ALT.HOLIDAYS", 2026, 9]', '["ALT.PAY", null]', '["CLAIR.STIPENDCAP", "Paris", 5]'].join('\n');
  const r = run(['call', '--jsonl'], input);
  expect(r.status).toBe(0);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines).toEqual([
    { value: 231304 },
    { error: '#VALUE!', message: 'the line is not valid JSON' },
    { error: '#VALUE!', message: 'each line must be an array like ["ALT.PAY", 1, 45139]' },
    { value: [[46286, '敬老の日'], [46287, '休日'], [46288, '秋分の日']] },
    { error: '#VALUE!', message: expect.stringMatching(/^year is required/) },
    { value: 1612500 },
  ]);
});

test('--explain shows each step with its clause, in order, and the figures worked by hand', () => {
  const r = run(['call', '--explain', 'ALT.PAY', '1', '2023-08-01', '2023-08-07']);
  expect(r.status).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines[0]).toBe('ALT.PAY(1, "2023-08-01", "2023-08-07")');
  const s = steps(lines);
  expect(s.map((x) => x.clause)).toEqual(['Art 7.1', 'Art 7.3', 'Art 7.3', 'D-2']);
  expect(numbersIn(s[0].text)).toEqual([1, 280000]); // Art 7.1: year 1 → ¥280,000
  // August 2023: 31 days, Sat/Sun on 5, 6, 12, 13, 19, 20, 26, 27 → 23 days requiring work
  // (山の日 8/11 is not subtracted); from Mon 7th to 31st: 25 days less 6 weekend days → 19.
  expect(numbersIn(s[1].text)).toEqual(expect.arrayContaining([23, 31, 19]));
  expect(datesIn(s[1].text)).toEqual(['2023-08-07', '2023-08-31']);
  // 280,000 × 19 = 5,320,000; ÷ 23 = 231,304.347… (shown to 2 places); rounded down (D-2).
  expect(numbersIn(s[2].text)).toEqual([280000, 19, 23, 231304.35]);
  expect(numbersIn(s[3].text)).toEqual([231304]);
  expect(s[3].text).toMatch(/round down/);
  expect(lines[lines.length - 1]).toBe('result = ¥231,304');
});

test('list --json: every function with both languages', () => {
  const r = run(['list', '--json']);
  const { functions } = JSON.parse(r.stdout);
  const names = functions.map((f: { name: string }) => f.name);
  for (const n of ['ALT.PAY', 'ALT.PAYDATE', 'ALT.HOURLY', 'ALT.DEDUCT', 'ALT.LEAVE', 'ALT.TERMEND', 'ALT.HOLIDAY', 'ALT.ISWORKDAY', 'ALT.WORKDAYS', 'CLAIR.STIPENDCAP', 'CLAIR.OFFICE']) expect(names).toContain(n);
  for (const f of functions) {
    expect(f.description.en.length).toBeGreaterThan(10);
    expect(f.description.ja).toMatch(/[぀-ヿ一-龯]/);
    for (const p of f.parameters) {
      expect(typeof p.optional).toBe('boolean');
      expect(p.description.ja.length).toBeGreaterThan(0);
    }
  }
});

describe('altrules validate', () => {
  const roster = join(__dirname, '..', 'examples', 'roster.xlsx');

  test('--json gives the findings of CONTRACT.md §2', () => {
    const r = run(['validate', roster, '--json']);
    expect(r.status).toBe(0);
    const { findings } = JSON.parse(r.stdout);
    expect(findings.length).toBeGreaterThanOrEqual(8);
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(['column', 'field', 'message', 'message_ja', 'row', 'rule', 'severity', 'sheet', 'who']);
    // The sample's row 5 is Brianna Lee, year 2 paid the year-1 amount.
    expect(findings).toContainEqual(expect.objectContaining({ sheet: 'Roster 名簿', row: 5, column: 'Monthly pay', field: 'monthlyPay', severity: 'error', rule: 'Art 7.1', who: 'Brianna Lee' }));
    expect(findings).toContainEqual(expect.objectContaining({ row: 8, field: 'sickDays', rule: 'Art 13.2' }));
  });

  test('--out writes a marked copy with a report sheet; the input and every value are unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'altrules-'));
    const out = join(dir, 'checked.xlsx');
    const before = readFileSync(roster);
    const mtime = statSync(roster).mtimeMs;
    const r = run(['validate', roster, '--out', out]);
    expect(r.status).toBe(0);
    expect(readFileSync(roster).equals(before)).toBe(true);
    expect(statSync(roster).mtimeMs).toBe(mtime);
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.readFile(roster);
    await b.xlsx.readFile(out);
    const sheet = a.getWorksheet('Roster 名簿')!;
    const marked = b.getWorksheet('Roster 名簿')!;
    sheet.eachRow((row, n) => row.eachCell((cell, c) => expect(marked.getCell(n, c).value).toEqual(cell.value)));
    expect(marked.getCell('I5').note).toBeDefined();
    expect(b.getWorksheet('点検結果 Findings')!.rowCount).toBeGreaterThan(8);
  });

  test('refuses to overwrite the input by its path, a symbolic link or a hard link; the input stays intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'altrules-'));
    const input = join(dir, 'roster.xlsx');
    copyFileSync(roster, input);
    const before = readFileSync(input);
    symlinkSync(input, join(dir, 'sym.xlsx'));
    linkSync(input, join(dir, 'hard.xlsx'));
    symlinkSync(dir, join(dir, 'same-dir'));
    for (const out of [input, join(dir, 'sym.xlsx'), join(dir, 'hard.xlsx'), join(dir, 'same-dir', 'roster.xlsx'), join(dir, '.', 'roster.xlsx')]) {
      for (const force of [[], ['--force']]) {
        const r = run(['validate', input, '--out', out, ...force]);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/is the input file .* the input is never overwritten/);
        expect(r.stdout).not.toMatch(/input is unchanged/);
        expect(readFileSync(input).equals(before)).toBe(true);
      }
    }
    expect(readdirSync(dir).sort()).toEqual(['hard.xlsx', 'roster.xlsx', 'same-dir', 'sym.xlsx']);
  });

  test('never replaces an existing file without --force; with it, replaces it by renaming a finished copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'altrules-'));
    const out = join(dir, 'checked.xlsx');
    writeFileSync(out, 'the clerk’s other file');
    const r = run(['validate', roster, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`--out ${out} already exists; add --force to replace it\n`);
    expect(readFileSync(out, 'utf8')).toBe('the clerk’s other file');
    const forced = run(['validate', roster, '--out', out, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir)).toEqual(['checked.xlsx']); // no temporary file left behind
    // A folder that does not exist: nothing written, a clear message.
    const missing = run(['validate', roster, '--out', join(dir, 'nope', 'x.xlsx')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/the folder for --out .* does not exist/);
  });

  // Deterministic: the CLI says when its temporary file exists and waits (ALTRULES_TEST_PAUSE_WRITE),
  // so the signal always lands while the copy is being written, however loaded the machine is.
  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('a copy interrupted by %s while it is written leaves neither a target nor a temporary file (exit %i)', async (signal, code) => {
    const dir = mkdtempSync(join(tmpdir(), 'altrules-'));
    const input = join(dir, 'roster.xlsx');
    copyFileSync(roster, input);
    const out = join(dir, 'checked.xlsx');
    const child = spawn('node', [BIN, 'validate', input, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ALTRULES_TEST_PAUSE_WRITE: '1' } });
    const closed = new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    const paused = await new Promise<string>((r) => {
      let err = '';
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        const m = /paused writing (.*\.tmp)\n/.exec(err);
        if (m) r(m[1]);
      });
      child.on('close', () => r(''));
    });
    expect(paused).not.toBe('');
    expect(existsSync(paused)).toBe(true); // the temporary file is there when the signal comes
    child.kill(signal);
    expect(await closed).toBe(code);
    expect(readdirSync(dir)).toEqual(['roster.xlsx']);
  }, 60_000);

  test('--out=FILE works like --out FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'altrules-'));
    const r = run(['validate', roster, `--out=${join(dir, 'eq.xlsx')}`]);
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'eq.xlsx'))).toBe(true);
  });

  test('misspelled and unknown options are refused with exit 2, naming the nearest option', () => {
    const cases: [string[], RegExp][] = [
      [['validate', roster, '--jsn'], /unknown option --jsn \(did you mean --json\?\)/],
      [['validate', roster, '--output', 'x.xlsx'], /unknown option --output \(did you mean --out\?\)/],
      [['validate', roster, '--forse'], /unknown option --forse \(did you mean --force\?\)/],
      [['validate', roster, '--json=yes'], /--json takes no value/],
      [['validate', roster, '--out'], /--out needs a value/],
      [['validate', roster, '--json', '--json'], /--json is given twice/],
      [['validate', roster, '--force'], /--force goes with --out/],
      [['call', '--explian', 'ALT.PAY', '1'], /unknown option --explian \(did you mean --explain\?\)/],
      [['list', '--jsonn'], /unknown option --jsonn \(did you mean --json\?\)/],
      [['list', 'extra'], /takes no arguments/],
      [['--lang', 'fr', 'list'], /--lang is ja or en/],
      [['call', '--jsonl', 'ALT.PAY'], /reads its calls from stdin/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    // A negative number is an argument, not an option; --lang=ja works anywhere.
    expect(run(['call', 'ALT.DEDUCT', '1', '-1']).stderr).not.toMatch(/option/);
    expect(run(['call', 'CLAIR.OFFICE', 'Brazil', '--lang=ja']).stderr).toMatch(/^#N\/A .*クレア海外事務所はありません/);
  });

  test('nothing recognised: exit 1, stderr says why, and --json lists each sheet as unknown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'altrules-'));
    const file = join(dir, 'shopping.xlsx');
    writeFileSync(file, book({ sheets: [{ name: 'Shopping', xml: worksheet(sheetData([['Item', 'Price'], ['Tea', 300]])) }] }));
    const r = run(['validate', file, '--json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no sheet has a roster, claims, leave-ledger or pay header row, so nothing was checked \(sheets: "Shopping"\)/);
    expect(JSON.parse(r.stdout)).toEqual({ sheets: [{ sheet: 'Shopping', kind: 'unknown', headerRow: 0, dataRows: 0 }], findings: [] });
    const ok = JSON.parse(run(['validate', roster, '--json']).stdout);
    expect(ok.sheets).toEqual([
      // A checked sheet also carries its count by rule (test/report.test.ts); an unknown one does not.
      { sheet: 'Roster 名簿', kind: 'roster', headerRow: 3, dataRows: 10, summary: expect.any(Array) },
      { sheet: 'Notes メモ', kind: 'unknown', headerRow: 0, dataRows: 0 },
    ]);
  });

  test('what cannot be read exits 2 with one clear line: junk, a folder, a device, a zip that is not a workbook, a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'altrules-'));
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a workbook');
    const binaryJunk = join(dir, 'noise.xlsx');
    writeFileSync(binaryJunk, Buffer.from([0, 1, 2, 3, 0xfe, 0, 0x10]));
    const notBook = join(dir, 'photos.xlsx');
    writeFileSync(notBook, zipOf([['photo.txt', 'hello']]));
    const cfb = join(dir, 'locked.xlsx');
    writeFileSync(cfb, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]));
    const cases: [string, RegExp][] = [
      // Text is named as text (a .csv saved with the wrong name); other bytes are "not a zip".
      [junk, /cannot read .*junk\.xlsx as an \.xlsx workbook: it is a text file \(such as \.csv\)/],
      [binaryJunk, /cannot read .*noise\.xlsx as an \.xlsx workbook: it is not a zip package/],
      [notBook, /cannot read .*photos\.xlsx as an \.xlsx workbook: it is a zip package without a workbook part/],
      [cfb, /old \.xls file or a password-protected workbook/],
      ['/dev/zero', /is not a regular file/],
      [join(dir, 'missing.xlsx'), /^no such file: /],
    ];
    for (const [file, message] of cases) {
      const r = run(['validate', file]);
      expect({ file, status: r.status }).toEqual({ file, status: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    // A folder is checked workbook by workbook (issue: many boards' workbooks); these cannot be read.
    const folder = run(['validate', dir]);
    expect(folder.status).toBe(2);
    expect(folder.stdout).toMatch(/✖ junk\.xlsx: unreadable \(.*it is a text file/);
    expect(folder.stdout).toMatch(/✖ noise\.xlsx: unreadable \(.*not a zip package/);
    expect(folder.stdout).toMatch(/Total: 4 file\(s\), 0 sheet\(s\) checked, 0 error\(s\), 0 warning\(s\), 4 unreadable/);
    const ja = spawnSync('node', [BIN, '--lang', 'ja', 'validate', dir], { encoding: 'utf8' });
    expect(ja.stdout).toMatch(/読み込めません/);
    const empty = run(['validate', mkdtempSync(join(tmpdir(), 'altrules-empty-'))]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/^no \.xlsx files under /);
  });

  (process.getuid?.() === 0 ? test.skip : test)('a file without read permission is reported as such, not as missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'altrules-'));
    const locked = join(dir, 'locked.xlsx');
    copyFileSync(roster, locked);
    chmodSync(locked, 0);
    const r = run(['validate', locked]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no permission to read/);
  });
});

test('altrules call takes a range as Excel writes an array constant: {"a","b";"c",,1}', () => {
  expect(arrayConstant('"2023-09-04","2023-09-08","annual";"2023-10-10",,"年休"')).toEqual([
    ['2023-09-04', '2023-09-08', 'annual'],
    ['2023-10-10', null, '年休'],
  ]);
  expect(arrayConstant('1,2.5;TRUE,"say ""hi"""')).toEqual([[1, 2.5], [true, 'say "hi"']]);
  // Not an array constant: a bare word, an open quote.
  expect([arrayConstant('a,b'), arrayConstant('"open')]).toEqual([undefined, undefined]);
  const r = spawnSync('node', [join(__dirname, '..', 'bin', 'altrules.js'), 'call', 'ALT.LEDGERBALANCE', '{"2023-09-04","2023-09-08","annual";"2023-10-16","2023-10-20","annual"}', '2023-08-07'], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
  // Hand: 10 days until 2023-11-07 (D-4); 5 taken in September, 5 more on 10/16–20 leaves 0: both OK.
  expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t').slice(4))).toEqual([['5 (5 days)', 'OK'], ['0 (0 days)', 'OK']]);
});
