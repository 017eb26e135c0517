// Command-line options: values, the end of options, and a misspelling answered with the nearest option.

import { parseFlags } from '../src/cli/flags';

const SPEC = { json: 'flag', out: 'value', force: 'flag', 'both-languages': 'flag' } as const;

test('values, --x=y, positional words and everything after --', () => {
  expect(parseFlags(['a.xlsx', '--out', 'b.xlsx', '--json', '--', '--force'], SPEC, 'validate')).toEqual({ flags: { out: 'b.xlsx', json: true }, positional: ['a.xlsx', '--force'] });
  expect(parseFlags(['--out=c.xlsx', '-5'], SPEC, 'validate')).toEqual({ flags: { out: 'c.xlsx' }, positional: ['-5'] });
});

test('a misspelt option names the nearest ones (one or two edits away, or a prefix)', () => {
  const p = parseFlags(['--jsn'], SPEC, 'validate');
  expect('error' in p && p.error.en).toBe('altrules validate: unknown option --jsn (did you mean --json?); options: --json --out --force --both-languages');
  const both = parseFlags(['--both'], SPEC, 'validate');
  expect('error' in both && both.error.ja).toBe('altrules validate: --both というオプションはありません（--both-languages のことですか？）。使えるオプション: --json --out --force --both-languages');
});

test('a value missing, a flag given a value, an option twice', () => {
  const missing = parseFlags(['--out'], SPEC, 'validate');
  expect('error' in missing && missing.error.en).toBe('altrules validate: --out needs a value');
  const valued = parseFlags(['--json=1'], SPEC, 'validate');
  expect('error' in valued && valued.error.en).toBe('altrules validate: --json takes no value');
  const twice = parseFlags(['--json', '--json'], SPEC, 'validate');
  expect('error' in twice && twice.error.en).toBe('altrules validate: --json is given twice');
});
