// The .xlsx package as a zip: read its directory, inflate an entry with a hard cap, and write a
// copy in which every entry we do not change is copied byte for byte (header, data, descriptor).
// Node's zlib does the inflating; no other library sees the bytes.

import { closeSync, fstatSync, openSync, readSync, writeSync } from 'fs';
import { Readable } from 'stream';
import { createInflateRaw, crc32, deflateRawSync, inflateRawSync } from 'zlib';

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
  byName: Map<string, ZipEntry>;
}

const MAX_ENTRIES = 100_000;

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

/** Opens an .xlsx (a zip) and reads its central directory; refuses anything else with a reason. */
export function openZip(path: string): Zip {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notZip(path, 'it is not a regular file', '通常のファイルではありません');
    const fileSize = st.size;
    const head = readAt(fd, 0, 8);
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
    if (eocd < 0) throw notZip(path, 'it is not a zip package', 'zip 形式ではありません');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw notZip(path, 'zip64 packages (over 4 GB) are not supported', 'zip64 形式（4 GB 超）には対応していません');
    if (count > MAX_ENTRIES) throw notZip(path, `more than ${MAX_ENTRIES} parts`, `部品が ${MAX_ENTRIES} 個を超えています`);
    if (cdOffset + cdSize > fileSize) throw notZip(path, 'the zip directory is cut off', 'zip の目録が途中で切れています');
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
      if (e.compressedSize === 0xffffffff || e.size === 0xffffffff || e.localOffset === 0xffffffff) throw notZip(path, 'zip64 parts are not supported', 'zip64 形式の部品には対応していません');
      if (e.localOffset >= cdOffset) throw notZip(path, 'the zip directory points outside the file', 'zip の目録がファイルの外を指しています');
      entries.push(e);
      p += len;
    }
    const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
    sorted.forEach((e, i) => (e.end = i + 1 < sorted.length ? sorted[i + 1].localOffset : cdOffset));
    const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
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

function tooBig(zip: Zip, e: ZipEntry, cap: number): Refusal {
  return new Refusal(
    `${zip.path}: the part ${e.name} unpacks to more than ${cap.toLocaleString('en')} bytes (the limit); the file may be a zip bomb`,
    `${zip.path}: 部品 ${e.name} の展開後の大きさが上限 ${cap.toLocaleString('en')} バイトを超えます（zip 爆弾の可能性）`,
  );
}

/** The whole entry, inflated, refusing more than `cap` bytes (as declared or as actually inflated). */
export function readEntry(zip: Zip, e: ZipEntry, cap: number): Buffer {
  if (e.size > cap) throw tooBig(zip, e, cap);
  const start = dataOffset(zip, e);
  const raw = readAt(zip.fd, start, e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw notZip(zip.path, `the part ${e.name} uses an unsupported compression`, `部品 ${e.name} の圧縮方式に対応していません`);
  try {
    return inflateRawSync(raw, { maxOutputLength: cap });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger/.test(String(err))) throw tooBig(zip, e, cap);
    throw notZip(zip.path, `the part ${e.name} cannot be unpacked`, `部品 ${e.name} を展開できません`);
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
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > cap) throw tooBig(zip, e, cap);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof Refusal) throw err;
    throw notZip(zip.path, `the part ${e.name} cannot be unpacked`, `部品 ${e.name} を展開できません`);
  } finally {
    source.destroy();
    if (stream !== source) (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
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
    const c = Buffer.from(e.central);
    c.writeUInt32LE(at, 42);
    this.central.push(c);
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
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(this.offset - cdStart, 12);
    end.writeUInt32LE(cdStart, 16);
    this.write(end);
  }
}
