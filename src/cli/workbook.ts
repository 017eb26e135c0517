// Reads an .xlsx package into the validator's sheets, streaming each sheet: empty rows and
// columns are never materialised, and every size is capped with a message naming the limit.

import { StringDecoder } from 'string_decoder';
import { DateSystem, isTimeOnlyFormat } from '../core';
import { headerKey } from '../validation/fields';
import { SheetInput } from '../validation/validate';
import { STORE_SHEET } from '../validation/store';
import { splitStore } from './store';
import { Refusal, TooBig, Zip, ZipEntry, closeZip, entryOf, openZip, readEntry, streamEntry } from './zip';
import { NS_MAIN_STRICT, NS_PACKAGE_RELS, attr, attrs, decodeText, isMain, own, scanString } from './xml';
import { FormulaCell } from './sheetFormulas';
import { HEADER_ROWS, KeepColumns } from './sheetRows';
import { TimeStyle } from './sheetCells';
import { WorksheetReader } from './sheetXml';

// The worksheet reader's parts (sheetCells, sheetRows, sheetFormulas, sheetXml), for the callers of this file.
export { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS } from './sheetXml';
export { parseRef } from './sheetCells';
export type { TimeStyle } from './sheetCells';
export type { FormulaCell } from './sheetFormulas';
export type { KeepColumns } from './sheetRows';
export const LIMITS = {
  /** Unpacked bytes of one sheet: a full 1,048,576-row roster is about 0.5 GB. */
  sheetBytes: 1536 * 2 ** 20,
  sharedStringsBytes: 256 * 2 ** 20,
  /** Distinct strings a workbook may share (a full roster has about a million). */
  sharedStrings: 8 * 2 ** 20,
  /** workbook.xml, relationships, styles, comments. */
  partBytes: 64 * 2 ** 20,
  /** Unpacked ÷ packed beyond the first 8 MiB of a part; deflate itself tops out near 1,032. */
  ratio: 200,
};

/** Relationship types by their last word; a package writes them in its own family (below). */
export type RelKind = 'officeDocument' | 'worksheet' | 'sharedStrings' | 'styles' | 'comments' | 'vmlDrawing';

/** The two URI families of ISO/IEC 29500: transitional (what Excel saves by default) and Strict. */
export interface Family {
  strict: boolean;
  /** SpreadsheetML's main namespace. */
  main: string;
  /** The namespace of r:id attributes, and the stem of relationship types. */
  r: string;
}
export const TRANSITIONAL: Family = { strict: false, main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships' };
export const STRICT: Family = { strict: true, main: NS_MAIN_STRICT, r: 'http://purl.oclc.org/ooxml/officeDocument/relationships' };

/** A relationship type in a family, e.g. relType(STRICT, 'styles'). */
export function relType(family: Family, kind: RelKind): string {
  return `${family.r}/${kind}`;
}

/** Whether a relationship is of a kind, in either family. */
export function isRel(r: { type: string }, kind: RelKind): boolean {
  return r.type === relType(TRANSITIONAL, kind) || r.type === relType(STRICT, kind);
}

/** Transitional types, kept for callers that write transitional parts. */
export const REL = {
  officeDocument: relType(TRANSITIONAL, 'officeDocument'),
  worksheet: relType(TRANSITIONAL, 'worksheet'),
  sharedStrings: relType(TRANSITIONAL, 'sharedStrings'),
  styles: relType(TRANSITIONAL, 'styles'),
  comments: relType(TRANSITIONAL, 'comments'),
  vmlDrawing: relType(TRANSITIONAL, 'vmlDrawing'),
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export interface PackageSheet {
  name: string;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml ('' for a chart sheet or a missing part). */
  part: string;
  relId: string;
}

export interface Package {
  zip: Zip;
  workbookPart: string;
  workbookXml: string;
  workbookRels: Relationship[];
  sheets: PackageSheet[];
  dateSystem: DateSystem;
  stylesPart?: string;
  /** Whether the workbook's relationships name the styles part (a damaged package may only hold it). */
  stylesRelated?: boolean;
  /** Transitional or Strict, from the workbook part's namespace: new parts are written in it. */
  family: Family;
}

/**
 * The cell styles (indexes of cellXfs) whose number format shows a time and no date: a number
 * in such a cell is a fraction of a day typed as h:mm, and is read as that text.
 */
export function timeStylesOf(pkg: Package): Map<number, TimeStyle> {
  const out = new Map<number, TimeStyle>();
  const part = pkg.stylesPart;
  const xml = part ? readPart(pkg.zip, part) : undefined;
  if (!part || !xml) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  scanString(xml, part, {
    open(name, raw, _selfClosing, ns) {
      if (!isMain(ns)) return;
      if (name === 'numFmt') custom.set(Number(attr(raw, 'numFmtId')), attr(raw, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attr(raw, 'numFmtId') ?? 0);
        const code = custom.get(id);
        if (custom.has(id) ? isTimeOnlyFormat(code) : isTimeOnlyFormat(id)) {
          // [h] counts hours past a day (elapsed, built-in 46 is [h]:mm:ss); plain h shows the clock
          // time of a date-time, so only the day's fraction is read.
          out.set(index, custom.has(id) ? (/\[h+\]/i.test(code ?? '') ? 'elapsed' : 'clock') : id === 46 ? 'elapsed' : 'clock');
        }
        index++;
      }
    },
    close(name, _raw, ns) {
      if (name === 'cellXfs' && isMain(ns)) inCellXfs = false;
    },
    text() {},
  });
  return out;
}

export interface ReadSheet extends SheetInput {
  formulas: FormulaCell[];
  /** 1-based column from which cells below the header rows were folded into one marker (see sheetRows.ts). */
  foldedFrom?: number;
}

const refuse = (en: string, ja: string) => new Refusal(en, ja);

export function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** A relationship target resolved against its source part (OPC: relative, or absolute from the root). */
export function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dirOf(base) + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export function relsPartOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}


function checkRatio(zip: Zip, e: ZipEntry, bytes: number): void {
  if (bytes > 8 * 2 ** 20 && bytes > LIMITS.ratio * Math.max(1, e.compressedSize)) {
    throw refuse(
      `${zip.path}: the part ${e.name} unpacks to more than ${LIMITS.ratio} times its packed size (the limit); the file looks like a zip bomb`,
      `${zip.path}: 部品 ${e.name} の展開後の大きさが圧縮時の ${LIMITS.ratio} 倍（上限）を超えます。zip 爆弾の可能性があります`,
    );
  }
}

export function readPart(zip: Zip, part: string, cap = LIMITS.partBytes): string | undefined {
  const e = entryOf(zip, part);
  if (!e) return undefined;
  // Inflate no further than the ratio allows, so a bomb stops at a few megabytes.
  const byRatio = Math.max(8 * 2 ** 20, LIMITS.ratio * Math.max(1, e.compressedSize));
  let buf: Buffer;
  try {
    buf = readEntry(zip, e, Math.min(cap, byRatio));
  } catch (err) {
    if (err instanceof TooBig && byRatio < cap && e.size <= cap) checkRatio(zip, e, byRatio + 1);
    throw err;
  }
  checkRatio(zip, e, buf.length);
  refuseUtf16(zip, e.name, buf);
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}

/** A part saved as UTF-16 (a byte-order mark FF FE / FE FF, or '<' followed by a zero byte). */
export function refuseUtf16(zip: Zip, part: string, head: Buffer): void {
  const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0x3c && head[1] === 0) || (head[0] === 0 && head[1] === 0x3c));
  if (utf16) {
    throw refuse(
      `${zip.path}: the part ${part} is written in UTF-16, which this reader does not read; open the file in Excel and save it again as .xlsx`,
      `${zip.path}: 部品 ${part} は UTF-16 で書かれていて読めません。Excel で開いて .xlsx で保存し直してください`,
    );
  }
}

export function parseRels(xml: string | undefined, part: string): Relationship[] {
  const rels: Relationship[] = [];
  if (!xml) return rels;
  scanString(xml, part, {
    open(name, raw, _selfClosing, ns) {
      if (name !== 'Relationship' || ns !== NS_PACKAGE_RELS) return;
      const a = attrs(raw);
      rels.push({ id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '', external: a.get('TargetMode') === 'External' });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** The package's workbook, its sheets and its date system; refuses a zip that is not a workbook. */
export function openPackage(zip: Zip): Package {
  const notWorkbook = () => refuse(`cannot read ${zip.path} as an .xlsx workbook: it is a zip package without a workbook part`, `${zip.path} は .xlsx ブックとして読めません: ブック本体のない zip です`);
  const rootRels = parseRels(readPart(zip, '_rels/.rels'), '_rels/.rels');
  const office = rootRels.find((r) => isRel(r, 'officeDocument') || r.type.endsWith('/officeDocument'));
  const workbookPart = office ? resolvePart('', office.target) : entryOf(zip, 'xl/workbook.xml') ? 'xl/workbook.xml' : '';
  const workbookXml = workbookPart ? readPart(zip, workbookPart) : undefined;
  if (!workbookXml) throw notWorkbook();
  const workbookRels = parseRels(readPart(zip, relsPartOf(workbookPart)), relsPartOf(workbookPart));
  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets: PackageSheet[] = [];
  let date1904 = false;
  let family: Family | undefined;
  scanString(workbookXml, workbookPart, {
    open(name, raw, _selfClosing, ns) {
      // Only SpreadsheetML's own elements: Excel 2013+ writes an x15:workbookPr into extLst too.
      if (!isMain(ns)) return;
      if (name === 'workbook') family = ns === STRICT.main ? STRICT : TRANSITIONAL;
      if (name === 'workbookPr') date1904 = /^(1|true)$/.test((attr(raw, 'date1904') ?? '').trim());
      if (name === 'sheet') {
        const relId = attr(raw, 'r:id') ?? [...attrs(raw)].find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1] ?? '';
        const rel = byId.get(relId);
        const isSheet = rel && !rel.external && (isRel(rel, 'worksheet') || rel.type.endsWith('/worksheet'));
        const part = isSheet ? resolvePart(workbookPart, rel.target) : '';
        sheets.push({ name: attr(raw, 'name') ?? '', part: (part && entryOf(zip, part)?.name) || '', relId });
      }
    },
    close() {},
    text() {},
  });
  if (!family) throw notWorkbook();
  const styles = workbookRels.find((r) => isRel(r, 'styles'));
  // The part as the zip spells it (a target may differ in case: OPC names compare case-insensitively).
  const stylesEntry = styles ? entryOf(zip, resolvePart(workbookPart, styles.target)) : entryOf(zip, `${dirOf(workbookPart)}styles.xml`);
  const stylesPart = stylesEntry?.name.replace(/^\//, '') ?? (styles ? resolvePart(workbookPart, styles.target) : undefined);
  return { zip, workbookPart, workbookXml, workbookRels, sheets, dateSystem: date1904 ? '1904' : '1900', ...(stylesPart !== undefined ? { stylesPart } : {}), stylesRelated: !!styles, family };
}

/** The shared strings, phonetic guides (furigana runs) left out as Excel shows them. */
export function readSharedStrings(pkg: Package): string[] {
  const rel = pkg.workbookRels.find((r) => isRel(r, 'sharedStrings'));
  const part = rel ? resolvePart(pkg.workbookPart, rel.target) : '';
  const xml = part ? readPart(pkg.zip, part, LIMITS.sharedStringsBytes) : undefined;
  const out: string[] = [];
  if (!xml) return out;
  // Counted before any string is kept: a refusal costs the part's text, not a million strings more.
  const tooMany = () =>
    refuse(
      `${pkg.zip.path}: more than ${LIMITS.sharedStrings.toLocaleString('en')} shared strings (the limit)`,
      `${pkg.zip.path}: 共有文字列が上限 ${LIMITS.sharedStrings.toLocaleString('en')} 個を超えています`,
    );
  let count = 0;
  for (let i = xml.indexOf('si', 0); i >= 0; i = xml.indexOf('si', i + 2)) {
    const before = xml.charCodeAt(i - 1);
    const after = xml.charCodeAt(i + 2);
    // '<si' or '<p:si' followed by a space, '>' or '/'.
    if ((before === 0x3c || before === 0x3a) && (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) && ++count > LIMITS.sharedStrings) throw tooMany();
  }
  let cur: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  scanString(xml, part, {
    open(name, _raw, selfClosing, ns) {
      if (!isMain(ns)) return;
      if (name === 'si' && out.length >= LIMITS.sharedStrings) throw tooMany();
      if (selfClosing) {
        if (name === 'si') out.push('');
        return;
      }
      if (name === 'si') cur = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inT = phonetic === 0;
    },
    close(name, _raw, ns) {
      if (!isMain(ns)) return;
      if (name === 'si' && cur) {
        out.push(own(cur.join('')));
        cur = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text(raw) {
      if (inT && cur) cur.push(decodeText(raw));
    },
    cdata(text) {
      if (inT && cur) cur.push(decodeText(text.replace(/&/g, '&amp;')));
    },
  });
  return out;
}

/** One worksheet, streamed: rows of cell values (gaps left as a shared empty row) and its formulas. */
export async function readSheet(pkg: Package, sheet: PackageSheet, sst: string[], keep?: KeepColumns): Promise<ReadSheet> {
  const e = sheet.part ? entryOf(pkg.zip, sheet.part) : undefined;
  if (!e) return { name: sheet.name, rows: [], firstRow: 1, firstColumn: 1, dateSystem: pkg.dateSystem, formulas: [] };
  // The add-in's own store sheet is read whole: its records are not a checked table.
  const reader = new WorksheetReader({ sheet: sheet.name, part: e.name, sst, system: pkg.dateSystem, timeStyles: timeStylesOf(pkg), keep, fold: sheet.name !== STORE_SHEET });
  const result = (): ReadSheet => ({ name: sheet.name, rows: reader.rows.rows, firstRow: 1, firstColumn: 1, dateSystem: pkg.dateSystem, formulas: reader.formulas, ...(reader.rows.foldedFrom !== undefined ? { foldedFrom: reader.rows.foldedFrom } : {}) });
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const chunk of streamEntry(pkg.zip, e, LIMITS.sheetBytes)) {
    bytes += chunk.length;
    checkRatio(pkg.zip, e, bytes);
    reader.write(decoder.write(chunk));
    if (reader.rows.unrecognised) {
      // No known header where one may be: the validator reads no further, and neither do we.
      reader.rows.rows.length = Math.min(reader.rows.rows.length, HEADER_ROWS);
      return result();
    }
  }
  reader.write(decoder.end());
  reader.end();
  return result();
}

export async function readAllSheets(pkg: Package, keep: KeepColumns = { headers: new Set(), columns: new Set() }): Promise<ReadSheet[]> {
  const sst = readSharedStrings(pkg);
  // The store first: the columns its mappings name are kept in every sheet read after it.
  const storeSheet = pkg.sheets.find((s) => s.name === STORE_SHEET);
  const store = storeSheet ? await readSheet(pkg, storeSheet, sst) : undefined;
  if (store) {
    for (const m of splitStore([store]).store.mappings) {
      if (m.column > 0) keep.columns.add(m.column);
      if (m.header) keep.headers.add(headerKey(m.header));
    }
  }
  const sheets: ReadSheet[] = [];
  for (const s of pkg.sheets) sheets.push(s === storeSheet && store ? store : await readSheet(pkg, s, sst, keep));
  return sheets;
}

/** Every sheet of a workbook file, read with the same bounded reader. Refusals throw. */
export async function sheetsOfFile(file: string): Promise<ReadSheet[]> {
  const zip = openZip(file);
  try {
    return await readAllSheets(openPackage(zip));
  } finally {
    closeZip(zip);
  }
}
