// The .xlsx package as a zip: read its directory, inflate an entry with a hard cap, and write a
// copy in which every entry we do not change is copied byte for byte (header, data, descriptor).
// Node's zlib does the inflating; no other library sees the bytes.

import { closeSync, fstatSync, openSync, readSync, writeSync } from 'fs';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import { createInflateRaw, deflateRawSync, inflateRawSync } from 'zlib';

/** A refusal with a message in both languages (the CLI prints one of them and exits 2). */
export class Refusal extends Error {
  constructor(
    readonly en: string,
    readonly ja: string,
  ) {
    super(en);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
  /** The central directory record as read, copied into the new file with only its offset changed. */
  central: Buffer;
  /** Where this entry's bytes end in the file (the next entry or the directory starts there). */
  end: number;
}

export interface Zip {
  fd: number;
  path: string;
  fileSize: number;
  entries: ZipEntry[];
  /** Entries by part name in lower case, without a leading '/': OPC part names compare case-insensitively. */
  byName: Map<string, ZipEntry>;
}

/** The entry of a part name, compared as OPC requires (case-insensitively, no leading '/'). */
export function entryOf(zip: Zip, part: string): ZipEntry | undefined {
  return zip.byName.get(partKey(part));
}

export function partKey(name: string): string {
  // Some Windows tools write '\' between folders (calamine's issue 530): read as '/'.
  return name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();
}

const MAX_ENTRIES = 100_000;

// CRC-32 (ISO 3309, the zip polynomial 0xEDB88320). zlib.crc32 is native from Node 20.15; on an
// older Node 20 (package.json says >= 20) the same sum comes from a table, one byte at a time.
let table: Int32Array | undefined;
export function crc32Table(data: Uint8Array, previous = 0): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = ~previous;
  // The index is masked to 0…255, always inside the 256-entry table.
  for (const byte of data) c = (table[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
export const crc32: (data: Uint8Array, previous?: number) => number = nativeCrc32 ? (d, p = 0) => nativeCrc32(d, p) >>> 0 : crc32Table;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buf : buf.subarray(0, done);
}

const notZip = (path: string, why: string, whyJa: string) =>
  new Refusal(`cannot read ${path} as an .xlsx workbook: ${why}`, `${path} は .xlsx ブックとして読めません: ${whyJa}`);

/** What a file that is not an .xlsx zip most likely is, from its first bytes and name. */
function notZipReason(path: string, head: Buffer): [string, string] {
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return ['the file is cut off (it begins as a zip package but its end is missing); copy or download it again', 'ファイルが途中で切れています（zip として始まりますが終わりがありません）。もう一度コピーかダウンロードをしてください'];
  if (/\.csv$/i.test(path) || (head.length > 0 && !head.includes(0) && /^[\x09\x0a\x0d\x20-\x7e\x80-\xff]*$/.test(head.toString('latin1')))) return ['it is a text file (such as .csv), not an .xlsx workbook; open it in Excel and save it as .xlsx', 'テキストファイル（.csv など）で、.xlsx ブックではありません。Excel で開いて .xlsx で保存してください'];
  return ['it is not a zip package', 'zip 形式ではありません'];
}

/** Other programs' zip packages, named so that the clerk knows what to save as instead. */
function otherFormat(path: string, names: Set<string>, first: Buffer): Refusal | undefined {
  const saveAs = (what: string, whatJa: string) => notZip(path, `it is ${what}, not an .xlsx workbook; save it as .xlsx (Excel Workbook)`, `${whatJa}で、.xlsx ブックではありません。.xlsx（Excel ブック）で保存してください`);
  if (names.has('xl/workbook.bin')) return saveAs('an Excel binary workbook (.xlsb)', 'Excel バイナリ ブック（.xlsb）');
  if (first.toString('latin1').includes('application/vnd.oasis.opendocument.spreadsheet') || (names.has('content.xml') && names.has('meta-inf/manifest.xml'))) return saveAs('an OpenDocument spreadsheet (.ods)', 'OpenDocument スプレッドシート（.ods）');
  if ([...names].some((n) => n.startsWith('index/') && n.endsWith('.iwa')) || names.has('index.zip')) return saveAs('an Apple Numbers file (.numbers)', 'Apple Numbers のファイル（.numbers）');
  return undefined;
}

/** The zip64 fields an entry's extra field holds for the values its 32-bit fields mark 0xFFFFFFFF. */
/** The 64-bit fields of a zip64 extra record; one the record is too short for is undefined (refused by the caller). */
interface Zip64Fields {
  size?: number | undefined;
  compressedSize?: number | undefined;
  localOffset?: number | undefined;
  at?: number;
}

function zip64Extra(extra: Buffer, want: { size: boolean; compressedSize: boolean; localOffset: boolean }): Zip64Fields | undefined {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      const out: Zip64Fields = {};
      let q = p + 4;
      const end = p + 4 + len;
      const next = (): number | undefined => {
        if (q + 8 > end || q + 8 > extra.length) return undefined;
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (want.size) out.size = next();
      if (want.compressedSize) out.compressedSize = next();
      if (want.localOffset) {
        out.at = q;
        out.localOffset = next();
      }
      return out;
    }
    p += 4 + len;
  }
  return undefined;
}

/** Opens an .xlsx (a zip) and reads its central directory; refuses anything else with a reason. */
export function openZip(path: string): Zip {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notZip(path, 'it is not a regular file', '通常のファイルではありません');
    const fileSize = st.size;
    const head = readAt(fd, 0, Math.min(fileSize, 512));
    if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0) {
      throw notZip(path, 'it is an old .xls file or a password-protected workbook; save it as an unprotected .xlsx', '古い .xls 形式かパスワード付きのブックです。パスワードなしの .xlsx で保存してください');
    }
    // End of central directory: in the last 22 + 65,535 bytes.
    const tailLen = Math.min(fileSize, 22 + 0xffff);
    const tail = readAt(fd, fileSize - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      const [en, ja] = notZipReason(path, head);
      throw notZip(path, en, ja);
    }
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    // Zip64 (APPNOTE 4.3.14–4.3.15): more than 65,535 entries or offsets past 4 GiB are in the
    // zip64 end record, which a locator just before the ordinary end record points at.
    const eocdAt = fileSize - tailLen + eocd;
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = eocdAt >= 20 ? readAt(fd, eocdAt - 20, 20) : Buffer.alloc(0);
      if (loc.length === 20 && loc.readUInt32LE(0) === 0x07064b50) {
        const recAt = Number(loc.readBigUInt64LE(8));
        const rec = recAt + 56 <= fileSize ? readAt(fd, recAt, 56) : Buffer.alloc(0);
        if (rec.length < 56 || rec.readUInt32LE(0) !== 0x06064b50) throw notZip(path, 'the zip64 directory record is damaged', 'zip64 の目録が壊れています');
        count = Number(rec.readBigUInt64LE(32));
        cdSize = Number(rec.readBigUInt64LE(40));
        cdOffset = Number(rec.readBigUInt64LE(48));
      }
    }
    if (count > MAX_ENTRIES) throw notZip(path, `more than ${MAX_ENTRIES.toLocaleString('en')} parts (the limit)`, `部品が上限 ${MAX_ENTRIES.toLocaleString('en')} 個を超えています`);
    if (cdOffset + cdSize > fileSize) throw notZip(path, 'the file is cut off (the zip directory points past its end); copy or download it again', 'ファイルが途中で切れています（zip の目録が終わりの先を指しています）。もう一度コピーかダウンロードをしてください');
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw notZip(path, 'the zip directory is damaged', 'zip の目録が壊れています');
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const len = 46 + nameLen + extraLen + commentLen;
      const e: ZipEntry = {
        flags: cd.readUInt16LE(p + 8),
        method: cd.readUInt16LE(p + 10),
        crc: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
        name: cd.toString('utf8', p + 46, p + 46 + nameLen),
        central: Buffer.from(cd.subarray(p, p + len)),
        end: 0,
      };
      const want = { size: e.size === 0xffffffff, compressedSize: e.compressedSize === 0xffffffff, localOffset: e.localOffset === 0xffffffff };
      if (want.size || want.compressedSize || want.localOffset) {
        const z = zip64Extra(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), want);
        if (!z || (want.size && z.size === undefined) || (want.compressedSize && z.compressedSize === undefined) || (want.localOffset && z.localOffset === undefined)) throw notZip(path, `the zip64 sizes of the part ${e.name} are missing`, `部品 ${e.name} の zip64 の大きさがありません`);
        if (z.size !== undefined) e.size = z.size;
        if (z.compressedSize !== undefined) e.compressedSize = z.compressedSize;
        if (z.localOffset !== undefined) e.localOffset = z.localOffset;
      }
      // Bit 0: the entry is encrypted (APPNOTE 4.4.4); Excel encrypts a whole workbook differently (an OLE file, above).
      if (e.flags & 1) throw notZip(path, `the part ${e.name} is encrypted (a password-protected zip); save the workbook again without a zip password`, `部品 ${e.name} が暗号化されています（パスワード付き zip）。zip のパスワードなしで保存し直してください`);
      if (e.localOffset >= cdOffset) throw notZip(path, 'the zip directory points outside the file', 'zip の目録がファイルの外を指しています');
      entries.push(e);
      p += len;
    }
    const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
    sorted.forEach((e, i) => (e.end = sorted[i + 1]?.localOffset ?? cdOffset));
    const byName = new Map(entries.map((e) => [partKey(e.name), e]));
    const other = otherFormat(path, new Set(byName.keys()), head);
    if (other) throw other;
    return { fd, path, fileSize, entries, byName };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

export function closeZip(zip: Zip): void {
  closeSync(zip.fd);
}

function dataOffset(zip: Zip, e: ZipEntry): number {
  const h = readAt(zip.fd, e.localOffset, 30);
  if (h.length < 30 || h.readUInt32LE(0) !== 0x04034b50) throw notZip(zip.path, `the part ${e.name} is damaged`, `部品 ${e.name} が壊れています`);
  return e.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
}

/** A part larger than its cap (a refusal the caller may restate as a ratio). */
export class TooBig extends Refusal {}

function tooBig(zip: Zip, e: ZipEntry, cap: number): Refusal {
  return new TooBig(
    `${zip.path}: the part ${e.name} unpacks to more than ${cap.toLocaleString('en')} bytes (the limit); the file may be a zip bomb`,
    `${zip.path}: 部品 ${e.name} の展開後の大きさが上限 ${cap.toLocaleString('en')} バイトを超えます（zip 爆弾の可能性）`,
  );
}

/** The whole entry, inflated, refusing more than `cap` bytes (as declared or as actually inflated). */
export function readEntry(zip: Zip, e: ZipEntry, cap: number): Buffer {
  if (e.size > cap) throw tooBig(zip, e, cap);
  const start = dataOffset(zip, e);
  const raw = readAt(zip.fd, start, e.compressedSize);
  if (raw.length < e.compressedSize) throw cutOff(zip, e);
  if (e.method !== 0 && e.method !== 8) throw notZip(zip.path, `the part ${e.name} uses an unsupported compression`, `部品 ${e.name} の圧縮方式に対応していません`);
  let data: Buffer;
  try {
    data = e.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: cap });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger/.test(String(err))) throw tooBig(zip, e, cap);
    throw notZip(zip.path, `the part ${e.name} cannot be unpacked`, `部品 ${e.name} を展開できません`);
  }
  if (data.length > cap) throw tooBig(zip, e, cap);
  checkCrc(zip, e, crc32(data), data.length);
  return data;
}

function cutOff(zip: Zip, e: ZipEntry): Refusal {
  return notZip(zip.path, `the file is cut off inside the part ${e.name}; copy or download it again`, `部品 ${e.name} の途中でファイルが切れています。もう一度コピーかダウンロードをしてください`);
}

/** The CRC-32 and length in the directory must be those of what was unpacked (APPNOTE 4.4.7). */
function checkCrc(zip: Zip, e: ZipEntry, crc: number, size: number): void {
  if (crc >>> 0 !== e.crc >>> 0 || size !== e.size) {
    throw notZip(zip.path, `the part ${e.name} is damaged (its CRC-32 check sum or length does not match)`, `部品 ${e.name} が壊れています（CRC-32 チェックサムか長さが合いません）`);
  }
}

/** The entry as a stream of inflated chunks, stopping with a Refusal past `cap` bytes. */
export async function* streamEntry(zip: Zip, e: ZipEntry, cap: number): AsyncGenerator<Buffer> {
  if (e.size > cap) throw tooBig(zip, e, cap);
  const start = dataOffset(zip, e);
  if (e.compressedSize === 0) return;
  // Read with positional reads: a file stream would close the shared descriptor when destroyed.
  const end = start + e.compressedSize;
  const source = Readable.from(
    (function* () {
      for (let p = start; p < end; p += 1 << 16) yield readAt(zip.fd, p, Math.min(1 << 16, end - p));
    })(),
    { objectMode: false },
  );
  if (e.method !== 0 && e.method !== 8) throw notZip(zip.path, `the part ${e.name} uses an unsupported compression`, `部品 ${e.name} の圧縮方式に対応していません`);
  const stream = e.method === 8 ? source.pipe(createInflateRaw({ chunkSize: 1 << 16 })) : source;
  let total = 0;
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > cap) throw tooBig(zip, e, cap);
      crc = crc32(chunk, crc);
      yield chunk;
    }
    checkCrc(zip, e, crc, total);
  } catch (err) {
    if (err instanceof Refusal) throw err;
    throw notZip(zip.path, `the part ${e.name} cannot be unpacked`, `部品 ${e.name} を展開できません`);
  } finally {
    source.destroy();
    if (stream !== source) (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
}

/**
 * An entry's central record for the copy, at its new offset. A zip64 record whose sizes and offset
 * fit in 32 bits is written as an ordinary one (its zip64 extra field dropped): the copy is under
 * 4 GB, and readers without zip64 (LibreOffice 7.4) then open it. Other extra fields are kept.
 */
function centralOf(e: ZipEntry, at: number): Buffer {
  const c = e.central;
  const nameLen = c.readUInt16LE(28);
  const extraLen = c.readUInt16LE(30);
  const isZip64 = c.readUInt32LE(20) === 0xffffffff || c.readUInt32LE(24) === 0xffffffff || c.readUInt32LE(42) === 0xffffffff;
  if (!isZip64) {
    const out = Buffer.from(c);
    out.writeUInt32LE(at, 42);
    return out;
  }
  const extra = c.subarray(46 + nameLen, 46 + nameLen + extraLen);
  const kept: Buffer[] = [];
  for (let p = 0; p + 4 <= extra.length; ) {
    const len = extra.readUInt16LE(p + 2);
    if (extra.readUInt16LE(p) !== 0x0001) kept.push(extra.subarray(p, p + 4 + len));
    p += 4 + len;
  }
  const keptExtra = Buffer.concat(kept);
  const head = Buffer.from(c.subarray(0, 46));
  head.writeUInt32LE(e.compressedSize, 20);
  head.writeUInt32LE(e.size, 24);
  head.writeUInt16LE(keptExtra.length, 30);
  head.writeUInt32LE(at, 42);
  return Buffer.concat([head, c.subarray(46, 46 + nameLen), keptExtra, c.subarray(46 + nameLen + extraLen)]);
}

/** Writes a zip: entries copied raw from the source, or new contents deflated here. */
export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];

  constructor(private readonly fd: number) {}

  private write(buf: Buffer): void {
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, this.offset + done);
    this.offset += buf.length;
  }

  /** The entry exactly as it is in the source: local header, data and descriptor bytes. */
  copy(zip: Zip, e: ZipEntry): void {
    const at = this.offset;
    const chunk = 1 << 20;
    for (let p = e.localOffset; p < e.end; p += chunk) this.write(readAt(zip.fd, p, Math.min(chunk, e.end - p)));
    this.central.push(centralOf(e, at));
  }

  /** A new or changed entry (deflated). */
  add(name: string, data: Buffer): void {
    this.addDeflated(name, deflateRawSync(data, { level: 6 }), crc32(data) >>> 0, data.length);
  }

  /** An entry already deflated (raw deflate), with the CRC-32 and length of its contents. */
  addDeflated(name: string, body: Buffer, crc: number, size: number): void {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = { length: size };
    const flags = 0x0800; // UTF-8 names
    const dosTime = 0;
    const dosDate = (1980 - 1980) << 9 | 1 << 5 | 1; // 1980-01-01: a fixed date keeps copies reproducible
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const at = this.offset;
    this.write(local);
    this.write(nameBuf);
    this.write(body);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(dosTime, 12);
    c.writeUInt16LE(dosDate, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(nameBuf.length, 28);
    c.writeUInt32LE(at, 42);
    this.central.push(Buffer.concat([c, nameBuf]));
    if (this.offset > 0xfffffff0) throw new Refusal('the marked copy would exceed 4 GB', '写しが 4 GB を超えます');
  }

  finish(): void {
    const cdStart = this.offset;
    for (const c of this.central) this.write(c);
    const cdSize = this.offset - cdStart;
    const count = this.central.length;
    if (count > 0xfffe) {
      // More entries than the end record can count: a zip64 end record and its locator first.
      const rec = Buffer.alloc(56);
      rec.writeUInt32LE(0x06064b50, 0);
      rec.writeBigUInt64LE(44n, 4);
      rec.writeUInt16LE(45, 12);
      rec.writeUInt16LE(45, 14);
      rec.writeBigUInt64LE(BigInt(count), 24);
      rec.writeBigUInt64LE(BigInt(count), 32);
      rec.writeBigUInt64LE(BigInt(cdSize), 40);
      rec.writeBigUInt64LE(BigInt(cdStart), 48);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      loc.writeBigUInt64LE(BigInt(this.offset), 8);
      loc.writeUInt32LE(1, 16);
      this.write(rec);
      this.write(loc);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(cdStart, 16);
    this.write(end);
  }
}
