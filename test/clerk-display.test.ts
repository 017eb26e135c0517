// What a clerk reads: at a terminal dates as dates, leave in days and hours, yen with separators
// (CONTRACT.md §2), EXPLAIN's dates as dates, ALT.LEAVETEXT in Excel, and Japanese all the way:
// parameter names as Japanese Excel shows them in `list --lang ja` and in every message.

import { spawnSync } from 'child_process';
import { join } from 'path';
import { leaveText } from '../src/core';
import { FUNCTIONS, explain, findFunction, fullName, invoke } from '../src/functions/registry';
import { corpusFor } from './support/corpus';
import { assertFreshLib } from './support/gates';
import { value } from './helpers';

const BIN = join(__dirname, '..', 'bin', 'altrules.js');
const run = (args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });

describe('days of leave in days and hours (Art 12.1: 7 h = 1 day)', () => {
  test.each([
    // [days, ja, en] — worked by hand
    [115 / 7, '16日3時間', '16 days 3 h'], // 115 h = 16 × 7 + 3
    [1, '1日', '1 day'],
    [0, '0日', '0 days'],
    [0.5, '3時間30分', '3 h 30 min'], // half of 7 h
    [20, '20日', '20 days'],
    [-1 / 7, '-1時間', '-1 h'],
  ])('%s days → %s / %s', (days, ja, en) => {
    expect(leaveText(days, 7, 'ja')).toBe(ja);
    expect(leaveText(days, 7, 'en')).toBe(en);
  });

  test('ALT.LEAVETEXT in Excel, by the ruleset\'s hours a day', () => {
    expect(value('ALT.LEAVETEXT', 115 / 7, 'ja')).toBe('16日3時間');
    expect(value('ALT.LEAVETEXT', 115 / 7)).toBe('16 days 3 h');
    // With 8 h a day, 115/7 days = 131.43 h → 131 h 26 min = 16 days 3 h 26 min (16 × 8 = 128).
    const eight = JSON.stringify({ extends: 'saitama-alt-r5', id: 'eight', annualLeave: { hoursPerDay: 8 } });
    expect(value('ALT.LEAVETEXT', 115 / 7, 'en', eight)).toBe('16 days 3 h 26 min');
    // From ALT.LEAVE: 2 days granted on 1 Nov 2023 after 10 + 10 days (D-4), 14 h used → 18 days.
    expect(value('ALT.LEAVETEXT', value('ALT.LEAVE', '2023-08-01', '2023-11-01', 14), 'ja')).toBe('18日');
  });
});

describe('EXPLAIN shows dates as dates', () => {
  test('a month given as a serial, and a date result', () => {
    // 45627 = 2024-12-01; 21 Dec 2024 is a Saturday → pay on Fri 20 Dec = 45646 (Art 7.2).
    const lines = explain(findFunction('ALT.PAYDATE')!, [45627], 'en');
    expect(lines).toContain('input month = 2024-12-01 (45627)');
    expect(lines[lines.length - 1]).toBe('result = 2024-12-20 (45646)');
    expect(explain(findFunction('ALT.LEAVE')!, ['2023-08-01', '2023-11-01', 14], 'ja').pop()).toBe('結果 = 18 (18日)');
  });

  test("days of leave in the hours a day of the ruleset the call names", () => {
    // 8 h a day: 20 days = 160 h, 14 h used → 146 h = 18 days 2 h = 18.25 days (Art 12.1).
    const eight = JSON.stringify({ extends: 'saitama-alt-r5', id: 'eight', annualLeave: { hoursPerDay: 8 } });
    expect(explain(findFunction('ALT.LEAVE')!, ['2023-08-01', '2023-11-01', 14, null, null, null, eight], 'en').pop()).toBe('result = 18.25 (18 days 2 h)');
    // The same call under the default ruleset (7 h): 140 − 14 = 126 h = 18 days.
    expect(explain(findFunction('ALT.LEAVE')!, ['2023-08-01', '2023-11-01', 14], 'en').pop()).toBe('result = 18 (18 days)');
  });
});

describe('the command line, at a terminal', () => {
  beforeAll(() => assertFreshLib(join(__dirname, '..')));

  test('a date, days of leave and yen as a clerk reads them; --json keeps the raw values', () => {
    expect(run(['call', 'ALT.PAYDATE', '令和6年12月']).stdout).toBe('2024-12-20 (45646)\n');
    expect(run(['call', '--json', 'ALT.PAYDATE', '令和6年12月']).stdout).toBe('{"value":45646}\n');
    // 1 Aug 2023 → 1 Mar 2024: 20 days granted (D-4), 25 h used → 115 h = 16 days 3 h = 16.43 days.
    expect(run(['call', 'ALT.LEAVE', '2023-08-01', '2024-03-01', '25']).stdout).toBe('16.43 (16 days 3 h)\n');
    expect(run(['call', '--lang', 'ja', 'ALT.LEAVE', '2023-08-01', '2024-03-01', '25']).stdout).toBe('16.43 (16日3時間)\n');
    expect(run(['call', 'CLAIR.STIPENDCAP', 'ニューヨーク', '7']).stdout).toBe('¥2,887,500\n'); // 4,950,000 × 7 ÷ 12
    // A spill: each column by what it holds (month, pay day, amount).
    expect(run(['call', 'ALT.PAYSCHEDULE', '1', '2023-08-07', '2023-09-30']).stdout).toBe('2023-08-01 (45139)\t2023-08-21 (45159)\t¥231,304\n2023-09-01 (45170)\t2023-09-21 (45190)\t¥280,000\n');
  });

  test('list --lang ja shows the parameter names Japanese Excel shows', () => {
    const out = run(['list', '--lang', 'ja']).stdout;
    expect(out).toContain('ALT.LEAVE(任期開始日, 基準日, [使用時間], [繰越日数], [再任用], [前倒し付与], [ルールセット])');
    for (const f of FUNCTIONS) for (const p of f.params) expect({ fn: fullName(f), line: out.split('\n').find((l) => l.startsWith(`${fullName(f)}(`))!.includes(p.jaName) }).toEqual({ fn: fullName(f), line: true });
    expect(out).not.toMatch(/usedHours|serviceStart|ruleset\]/);
  });

  test('no such function: #N/A in the chosen language', () => {
    expect(run(['call', '--lang', 'ja', 'ALT.NOSUCH']).stderr).toBe('#N/A 関数「ALT.NOSUCH」はありません。"altrules list" で一覧を表示できます\n');
    expect(run(['call', 'ALT.NOSUCH']).stderr).toBe('#N/A no function "ALT.NOSUCH"; run "altrules list" for the functions\n');
    expect(run(['call', '--explain', '--lang', 'ja', 'ALT.NOSUCH']).stderr).toBe('#N/A 関数「ALT.NOSUCH」はありません\n');
  });
});

describe('Japanese messages name arguments as Japanese Excel does', () => {
  test('hand-picked: a bad number, a missing argument, a range row', () => {
    const leave = invoke('ALT.LEAVE', ['2023-08-01', '2023-11-01', 'abc'], { lang: 'ja' });
    expect('messageJa' in leave && leave.messageJa).toBe('使用時間は数値で指定してください。入力: "abc"');
    const pay = invoke('ALT.PAY', [], { lang: 'ja' });
    expect('messageJa' in pay && pay.messageJa).toMatch(/^来日年数が必要です/);
    const sick = invoke('ALT.SICKLEFT', [[['2023-10-01', 'someday']]], { lang: 'ja' });
    expect('messageJa' in sick && sick.messageJa).toMatch(/^期間 1行目の終了日は日付/);
  });

  test('a generated corpus: no Japanese message holds an English parameter name', () => {
    const leaks: string[] = [];
    FUNCTIONS.forEach((f, k) => {
      const names = f.params.map((p) => p.name);
      for (const c of corpusFor(f, FUNCTIONS, 80, 20261204 + k)) {
        const out = invoke(fullName(f), c.flat, { lang: 'ja' });
        if ('value' in out) continue;
        // The user's own values, quoted back (「no-such-ruleset」), are not parameter names.
        const words = out.messageJa.replace(/「[^」]*」|"[^"]*"/g, '');
        const leaked = names.filter((n) => new RegExp(`\\b${n}\\b`).test(words));
        if (leaked.length) leaks.push(`${fullName(f)}: ${leaked.join(', ')} in "${out.messageJa}"`);
      }
    });
    expect(leaks.slice(0, 5)).toEqual([]);
  });
});
