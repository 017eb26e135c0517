// A marked copy that cannot be written ends with one clear line in the clerk's language, exit 2,
// no stack trace and no temporary file: /proc, a file-size limit (ulimit -f), and the errno codes
// of a read-only folder, missing permission and a full disk.

import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writePackageSafely, writeFailure } from '../src/cli/safeWrite';
import { Refusal } from '../src/cli/zip';
import { assertFreshLib } from './support/gates';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'altrules.js');
const roster = join(ROOT, 'examples', 'roster.xlsx');

beforeAll(() => assertFreshLib(ROOT));

const errno = (code: string) => Object.assign(new Error(`${code}: fake`), { code });

test('a folder where files cannot be made (/proc): one line, exit 2, in English and Japanese', () => {
  if (!existsSync('/proc/self')) return; // not Linux
  for (const [lang, line] of [
    ['en', 'cannot write --out /proc/checked.xlsx: the folder /proc does not take new files; nothing was written\n'],
    ['ja', '--out /proc/checked.xlsx を書けません: フォルダー /proc には新しいファイルを作れません。何も書き込んでいません\n'],
  ]) {
    const r = spawnSync('node', [BIN, '--lang', lang, 'validate', roster, '--out', '/proc/checked.xlsx'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(line);
  }
});

test('a file-size limit (ulimit -f 4, i.e. 4 KiB): one line, no stack, no temporary file left', () => {
  const dir = mkdtempSync(join(tmpdir(), 'altrules-efbig-'));
  copyFileSync(roster, join(dir, 'roster.xlsx'));
  // The sample roster is larger than 4 KiB, so its copy cannot be written under this limit.
  const r = spawnSync('bash', ['-c', `ulimit -f 4 && exec node ${JSON.stringify(BIN)} validate roster.xlsx --out checked.xlsx`], { cwd: dir, encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toBe('cannot write --out checked.xlsx: the copy would be larger than this system lets a file be (a file-size limit); nothing was written\n');
  expect(readdirSync(dir)).toEqual(['roster.xlsx']);
});

test.each([
  ['EACCES', 'no permission to write in the folder'],
  ['EPERM', 'no permission to write in the folder'],
  ['EROFS', 'is on a read-only disk'],
  ['ENOSPC', 'the disk is full'],
  ['EFBIG', 'a file-size limit'],
  ['EIO', 'the system refused the write (EIO)'],
])('a write failing with %s becomes a Refusal naming the cause, and the temporary file goes', async (code, words) => {
  const dir = mkdtempSync(join(tmpdir(), 'altrules-errno-'));
  const out = join(dir, 'checked.xlsx');
  const failed = writePackageSafely(out, false, () => {
    throw errno(code);
  });
  await expect(failed).rejects.toBeInstanceOf(Refusal);
  await failed.catch((e: Refusal) => {
    expect(e.en).toContain(words);
    expect(e.en).toMatch(/^cannot write --out .*checked\.xlsx: .*; nothing was written$/);
    expect(e.ja).toMatch(/を書けません: .*何も書き込んでいません$/);
  });
  expect(readdirSync(dir)).toEqual([]);
});

test('an error that is not the system refusing a write is not dressed up as one', () => {
  expect(writeFailure('x.xlsx', new TypeError('a bug'))).toBeUndefined();
});
