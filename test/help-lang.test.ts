// --help follows the language the rest of the CLI speaks: --lang ja|en, else LC_ALL, LC_MESSAGES,
// LANG (the first one set, as POSIX locales pick).

import { localeLang, main } from '../src/cli/main';

async function help(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (out += t) });
  return { code, out };
}

test.each([
  [['--help'], '  altrules validate フォルダー/ [--json]   フォルダー内の全 *.xlsx を並行して点検'],
  [['call', '--help'], '使い方: altrules call 関数名 引数...'],
  [['list', '--help'], '使い方: altrules list [--json] [--lang ja|en]'],
  [['validate', '--help'], '使い方: altrules validate ファイル.xlsx [ファイル2.xlsx …]'],
  [['pay', '--help'], '使い方: altrules pay 名簿.xlsx [休暇簿.xlsx …] --month YYYY-MM'],
  [['ruleset', '--help'], 'altrules ruleset check ファイル.json — ルールセットを使う前に点検します'],
  [['ruleset', 'check', '--help'], 'altrules ruleset check ファイル.json — ルールセットを使う前に点検します'],
])('altrules %j --lang ja answers in Japanese', async (args, line) => {
  const r = await help([...args, '--lang', 'ja']);
  expect(r.code).toBe(0);
  expect(r.out).toContain(line);
  // Usage lines in Japanese, not the English help.
  expect(r.out).not.toMatch(/^usage:|\bevaluate one worksheet function\b|^Example/m);
});

test.each([
  [['--help'], '  altrules call NAME ARG...            evaluate one worksheet function as Excel would; dates shown'],
  [['call', '--help'], 'usage: altrules call NAME ARG...'],
  [['list', '--help'], 'usage: altrules list [--json] [--lang ja|en]'],
  [['validate', '--help'], 'usage: altrules validate FILE.xlsx [FILE2.xlsx …]'],
  [['pay', '--help'], 'usage: altrules pay ROSTER.xlsx [LEDGER.xlsx …] --month YYYY-MM'],
  [['ruleset', '--help'], 'altrules ruleset check FILE.json — check a ruleset before using it'],
])('altrules %j --lang en stays English', async (args, line) => {
  const r = await help([...args, '--lang', 'en']);
  expect(r.code).toBe(0);
  expect(r.out).toContain(line);
  expect(r.out).not.toContain('使い方');
});

test('--both-languages is named in the top help and in validate --help, both languages', async () => {
  for (const lang of ['ja', 'en']) {
    expect((await help(['--help', '--lang', lang])).out).toContain('--both-languages');
    expect((await help(['validate', '--help', '--lang', lang])).out).toContain('--both-languages');
  }
});

test('the locale: LC_ALL over LC_MESSAGES over LANG, an empty one skipped', () => {
  expect(localeLang({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
  expect(localeLang({ LC_ALL: 'ja_JP.UTF-8', LANG: 'C' })).toBe('ja');
  expect(localeLang({ LC_ALL: 'C.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
  expect(localeLang({ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja');
  expect(localeLang({ LC_ALL: '', LANG: 'ja_JP.UTF-8' })).toBe('ja');
  expect(localeLang({})).toBe('en');
});

test('without --lang, help follows LC_ALL', async () => {
  const saved = { LC_ALL: process.env.LC_ALL, LANG: process.env.LANG };
  try {
    process.env.LC_ALL = 'ja_JP.UTF-8';
    process.env.LANG = 'C';
    expect((await help(['call', '--help'])).out).toContain('使い方: altrules call');
    process.env.LC_ALL = 'C';
    process.env.LANG = 'ja_JP.UTF-8';
    expect((await help(['call', '--help'])).out).toContain('usage: altrules call');
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});
