// altrules validate on the largest legal roster and on hostile files: peak memory and time,
// measured on the command line as a clerk runs it.

import { spawnSync } from 'child_process';
import { closeSync, mkdtempSync, openSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createDeflateRaw, crc32 } from 'zlib';
import { ZipWriter } from '../src/cli/zip';
import type { BenchResult } from './bench';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'altrules.js');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';

async function deflated(pieces: Iterable<string>): Promise<{ body: Buffer; crc: number; size: number }> {
  const d = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((res) => d.on('end', res));
  let crc = 0;
  let size = 0;
  for (const p of pieces) {
    const b = Buffer.from(p, 'utf8');
    crc = crc32(b, crc);
    size += b.length;
    if (!d.write(b)) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await done;
  return { body: Buffer.concat(out), crc: crc >>> 0, size };
}

/** An .xlsx with one sheet whose XML comes in pieces (and shared strings, if any). */
export async function writeBook(file: string, sheetPieces: Iterable<string>, sharedStrings?: Iterable<string>): Promise<void> {
  const fd = openSync(file, 'w');
  const zw = new ZipWriter(fd);
  zw.add('[Content_Types].xml', Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`));
  zw.add('_rels/.rels', Buffer.from(`<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`));
  zw.add('xl/workbook.xml', Buffer.from(`<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>`));
  zw.add('xl/_rels/workbook.xml.rels', Buffer.from(`<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`));
  if (sharedStrings) {
    const s = await deflated(sharedStrings);
    zw.addDeflated('xl/sharedStrings.xml', s.body, s.crc, s.size);
  }
  const sheet = await deflated(sheetPieces);
  zw.addDeflated('xl/worksheets/sheet1.xml', sheet.body, sheet.crc, sheet.size);
  zw.finish();
  closeSync(fd);
}

const HEAD = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay', 'Leave used (hours)', 'Carried leave', 'Sick days'];
const COUNTRIES = ['USA', 'Canada', 'UK', 'Australia', 'New Zealand', 'Ireland', 'Jamaica', 'Singapore'];

/** A full sheet: a header and 1,048,575 people, names in shared strings as Excel saves them. */
export function* rosterSheet(people: number): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><dimension ref="A1:L${people + 1}"/><sheetData>`;
  yield `<row r="1" spans="1:12">${HEAD.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`;
  const base = HEAD.length + COUNTRIES.length + 1;
  let chunk = '';
  for (let i = 0; i < people; i++) {
    const r = i + 2;
    const term = 1 + (i % 3);
    const pay = (term === 1 ? 280000 : term === 2 ? 300000 : 325000) + (i % 50 === 0 ? 1000 : 0);
    // Excel's own layout: dates as serials with a date style, strings shared.
    chunk += `<row r="${r}" spans="1:12"><c r="A${r}" t="s"><v>${base + i}</v></c><c r="B${r}" t="s"><v>${HEAD.length + (i % COUNTRIES.length)}</v></c><c r="C${r}" t="s"><v>${HEAD.length + COUNTRIES.length}</v></c><c r="D${r}" s="1"><v>${45137 - 365 * (term - 1)}</v></c><c r="E${r}"><v>${term}</v></c><c r="F${r}"><v>${term}</v></c><c r="G${r}" s="1"><v>45138</v></c><c r="H${r}" s="1"><v>45503</v></c><c r="I${r}"><v>${pay}</v></c><c r="J${r}"><v>${(i * 7) % 140}</v></c><c r="K${r}"><v>${term > 1 ? i % 20 : 0}</v></c><c r="L${r}"><v>${i % 10 === 0 ? i % 25 : i % 3}</v></c></row>`;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}</sheetData></worksheet>`;
}

export function* rosterStrings(people: number): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${people * 3 + 12}" uniqueCount="${people + HEAD.length + COUNTRIES.length + 1}">`;
  yield [...HEAD, ...COUNTRIES, 'S1'].map((s) => `<si><t>${s}</t></si>`).join('');
  let chunk = '';
  for (let i = 0; i < people; i++) {
    chunk += `<si><t>ALT ${i} 太郎</t></si>`;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}</sst>`;
}

function* xfdPerRow(rows: number): Generator<string> {
  yield `<worksheet xmlns="${MAIN}"><sheetData>`;
  let chunk = '';
  for (let r = 1; r <= rows; r++) {
    chunk += `<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}</sheetData></worksheet>`;
}

function* bomb(mib: number): Generator<string> {
  yield `<worksheet xmlns="${MAIN}"><sheetData><row r="1">`;
  const blank = ' '.repeat(1 << 20);
  for (let i = 0; i < mib; i++) yield blank;
  yield '</row></sheetData></worksheet>';
}

/** Runs the CLI, reporting wall time and peak resident memory (from the child's own rusage). */
function runCli(args: string[]): { ms: number; peakMiB: number; status: number | null; stderr: string } {
  const preload = join(tmpdir(), 'altrules-bench-rss.js');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nmaxRSS=${process.resourceUsage().maxRSS}\\n`));");
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', ['-r', preload, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, peakMiB: kb / 1024, status: r.status, stderr: r.stderr.replace(/\n?maxRSS=\d+\n/, '') };
}

export async function cliBench(): Promise<BenchResult> {
  const lines = ['altrules validate: the largest legal roster and hostile files (wall time incl. Node start, peak RSS)'];
  const dir = mkdtempSync(join(tmpdir(), 'altrules-bench-cli-'));
  let ok = true;

  const people = 1_048_575;
  const big = join(dir, 'roster-1048575.xlsx');
  await writeBook(big, rosterSheet(people), rosterStrings(people));
  const r = runCli(['validate', big, '--json']);
  const memOk = r.status === 0 && r.peakMiB < 1024;
  ok &&= memOk;
  lines.push(`  1,048,575-row roster (${(statSync(big).size / 2 ** 20).toFixed(1)} MiB .xlsx) → exit ${r.status}  ${(r.ms / 1000).toFixed(1)} s  peak ${r.peakMiB.toFixed(0)} MiB`);
  lines.push(`  target: peak memory under 1 GB — ${memOk ? 'met' : 'NOT MET'}`);

  const hostile: [string, () => Promise<string>][] = [
    ['one cell at row 999,999,999', async () => {
      const f = join(dir, 'far-row.xlsx');
      await writeBook(f, [`<worksheet xmlns="${MAIN}"><sheetData><row r="999999999"><c r="A999999999"><v>1</v></c></row></sheetData></worksheet>`]);
      return f;
    }],
    ['zip bomb (256 MiB of blanks in one cell row)', async () => {
      const f = join(dir, 'bomb.xlsx');
      await writeBook(f, bomb(256));
      return f;
    }],
    ['one cell in column XFD on each of 1,048,576 rows', async () => {
      const f = join(dir, 'xfd.xlsx');
      await writeBook(f, xfdPerRow(1_048_576));
      return f;
    }],
    ['/dev/zero', async () => '/dev/zero'],
    // A folder is checked workbook by workbook (folder mode); one that holds none says so at once.
    ['a folder with no workbook in it', async () => mkdtempSync(join(tmpdir(), 'altrules-bench-empty-'))],
    ['a zip that is not a workbook', async () => {
      const f = join(dir, 'not-a-book.xlsx');
      const fd = openSync(f, 'w');
      const zw = new ZipWriter(fd);
      zw.add('hello.txt', Buffer.from('hello'));
      zw.finish();
      closeSync(fd);
      return f;
    }],
  ];
  // The hostile files' own target: not the memory target above.
  let allFast = true;
  for (const [name, make] of hostile) {
    const file = await make();
    const size = file.startsWith('/dev') || statSync(file).isDirectory() ? '' : ` (${(statSync(file).size / 1024).toFixed(0)} KiB)`;
    const h = runCli(['validate', file, '--json']);
    const fast = h.ms < 2000;
    allFast &&= fast;
    const what = h.status === 2 ? 'refused' : h.status === 1 ? 'checked, nothing recognised' : h.status === 0 ? 'checked' : `exit ${h.status}`;
    lines.push(`  ${`${name}${size}`.padEnd(58)} ${what.padEnd(28)} ${h.ms.toFixed(0).padStart(6)} ms  peak ${h.peakMiB.toFixed(0)} MiB  ${fast ? '' : 'NOT MET'}`);
  }
  lines.push(`  target: every hostile file refused or checked in under 2 s — ${allFast ? 'met' : 'NOT MET'}`);
  return { lines, ok: ok && allFast };
}

if (require.main === module) void cliBench().then((r) => console.log(r.lines.join('\n')));
