// `altrules call --jsonl` as programs drive it: split UTF-8, one line at a time, slow readers,
// blank lines, a BOM, deep nesting and long lines.

import { spawn, spawnSync } from 'child_process';
import { join } from 'path';

jest.setTimeout(120_000);
const BIN = join(__dirname, '..', 'bin', 'altrules.js');
const run = (input: string | Buffer) => spawnSync('node', [BIN, 'call', '--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start() {
  const child = spawn('node', [BIN, 'call', '--jsonl'], { env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (out += d));
  const done = new Promise<number | null>((r) => child.on('close', r));
  return { child, output: () => out, done };
}

test('Japanese text split across input chunks at every byte is decoded whole', async () => {
  const line = Buffer.from('["CLAIR.OFFICE","アメリカ合衆国"]\n', 'utf8');
  const { child, output, done } = start();
  const jp = line.indexOf(Buffer.from('ア'));
  // Split inside each multi-byte character, one write at a time with a pause between.
  for (let cut = jp + 1; cut < line.length - 3; cut++) {
    child.stdin.write(line.subarray(0, cut));
    await sleep(15);
    child.stdin.write(line.subarray(cut));
  }
  child.stdin.end();
  expect(await done).toBe(0);
  const answers = output().trim().split('\n');
  expect(answers).toHaveLength(line.length - 3 - (jp + 1));
  for (const a of answers) expect(JSON.parse(a)).toEqual({ value: 'New York' });
});

test('one line in, its answer out before the input ends (a caller that waits is not left hanging)', async () => {
  const { child, output, done } = start();
  child.stdin.write('["ALT.PAY", 1, 45139, "2023-08-07"]\n');
  const t0 = Date.now();
  while (!output().includes('\n') && Date.now() - t0 < 30_000) await sleep(20);
  expect(output()).toBe('{"value":231304}\n');
  child.stdin.write('["ALT.HOURLY", 1]\n');
  while (output().split('\n').length < 3 && Date.now() - t0 < 30_000) await sleep(20);
  expect(output().split('\n')[1]).toMatch(/^\{"value":\d+\}$/);
  child.stdin.end();
  expect(await done).toBe(0);
});

test('every line gets exactly one answer: blank lines, a BOM, CRLF and a last line without a newline', () => {
  const r = run('\uFEFF["ALT.PAY", 1]\r\n\n   \r\n["ALT.PAY", 2]\n\n["ALT.PAY", 3]');
  expect(r.status).toBe(0);
  const lines = r.stdout.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.map((l) => JSON.parse(l))).toEqual([
    { value: 280000 }, // Art 7.1: JET year 1
    { error: '#VALUE!', message: 'the line is empty; give ["FUNCTION", arg, …]' },
    { error: '#VALUE!', message: 'the line is empty; give ["FUNCTION", arg, …]' },
    { value: 300000 },
    { error: '#VALUE!', message: 'the line is empty; give ["FUNCTION", arg, …]' },
    { value: 325000 },
  ]);
});

test('deep nesting is refused with a message, not a stack overflow', () => {
  const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
  const r = run(`${deep}\n["ALT.PAY", [[1]]]\n["ALT.PAY", [[[1]]]]\n["ALT.PAY", 1]\n`);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines).toHaveLength(4);
  expect(lines[0]).toEqual({ error: '#VALUE!', message: 'the line nests arrays more than 3 deep (the limit): a call, its arguments and their rows' });
  expect(lines[1]).not.toHaveProperty('message', expect.stringMatching(/nests/));
  expect(lines[2].message).toMatch(/nests arrays more than 3 deep/);
  expect(lines[3]).toEqual({ value: 280000 });
});

test('a very long line is answered once; past the 16 MiB limit it is refused without being kept', () => {
  const long = `["CLAIR.OFFICE", "${'x'.repeat(4_000_000)}"]`;
  const tooLong = `["CLAIR.OFFICE", "${'y'.repeat(17 * 2 ** 20)}"]`;
  const r = run(`${long}\n${tooLong}\n["ALT.PAY", 1]\n`);
  expect(r.status).toBe(0);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines).toHaveLength(3);
  expect(lines[0].error).toBeDefined();
  expect(lines[1]).toEqual({ error: '#VALUE!', message: 'the line is longer than 16,777,216 characters (the limit)' });
  expect(lines[2]).toEqual({ value: 280000 });
});

test('a reader that does not read stops the writer: input is taken no faster than output is read', async () => {
  const { child, done } = start();
  child.stdout.pause();
  child.stdout.removeAllListeners('data');
  const line = Buffer.from('["CLAIR.STIPENDCAP", "ニューヨーク", 7]\n'.repeat(10_000));
  let written = 0;
  const t0 = Date.now();
  // Write for up to 3 s, honouring back-pressure on our side too.
  while (Date.now() - t0 < 3000 && written < 200 * 2 ** 20) {
    const more = child.stdin.write(line);
    written += line.length;
    if (!more) {
      const drained = await Promise.race([new Promise((r) => child.stdin.once('drain', () => r(true))), sleep(500).then(() => false)]);
      if (!drained) break;
    }
  }
  // The child stopped taking input long before 200 MiB: its output was not being read.
  expect(written).toBeLessThan(16 * 2 ** 20);
  // Now read everything: one answer per line, none lost.
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => (out += d));
  child.stdout.resume();
  child.stdin.end();
  expect(await done).toBe(0);
  const answers = out.split('\n').filter(Boolean);
  expect(answers.length).toBe((written / line.length) * 10_000);
  expect(new Set(answers).size).toBe(1);
  expect(JSON.parse(answers[0])).toEqual({ value: expect.any(Number) });
});
