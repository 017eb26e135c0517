// Reads an .xlsx package into the validator's sheets, streaming each sheet: empty rows and
// columns are never materialised, and every size is capped with a message naming the limit.

import { StringDecoder } from 'string_decoder';
import { DateSystem, dayFromIsoText, isTimeOnlyFormat, serialFromDay, timeTextOfDayFraction } from '../core';
import { CLAIMS_BY_HEADER, Cell, ROSTER_BY_HEADER, headerKey } from '../validation/fields';
import { SheetInput } from '../validation/validate';
import { LEDGER_BY_HEADER, PAY_BY_HEADER } from '../validation/ledger';
import { STORE_SHEET } from '../validation/store';
import { splitStore } from './store';
import { Refusal, TooBig, Zip, ZipEntry, closeZip, entryOf, openZip, readEntry, streamEntry } from './zip';
import { NS_MAIN_STRICT, NS_PACKAGE_RELS, TagScanner, attr, attrs, decodeText, escapeText, isMain, own, scanString } from './xml';

/** Excel's own sheet size (Microsoft, "Excel specifications and limits"). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;
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
  const xml = pkg.stylesPart ? readPart(pkg.zip, pkg.stylesPart) : undefined;
  if (!xml) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  scanString(xml, pkg.stylesPart!, {
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

/** How a time-only format shows a number: as a clock time (h:mm) or as elapsed hours ([h]:mm). */
export type TimeStyle = 'clock' | 'elapsed';

/** A formula cell, for recomputing our own functions or saying a value came from a cache. */
export interface FormulaCell {
  row: number;
  col: number;
  /** The formula text as stored (without '='), or the shared formula's master text. */
  text: string;
  /** Row and column offsets from the shared formula's master (0, 0 for an ordinary formula). */
  dRow: number;
  dCol: number;
  shared: boolean;
  cached: Cell;
}

export interface ReadSheet extends SheetInput {
  formulas: FormulaCell[];
  /** 1-based column from which cells below the header rows were folded into one marker (see readSheet). */
  foldedFrom?: number;
}

/** Rows searched for a header (as the validator does). */
const HEADER_ROWS = 20;

/** The 0-based column just past the last cell in the header rows whose text names a known column. */
/** Every header a check reads: roster, claims, leave ledger and pay sheet. */
const KNOWN_HEADERS: { has(key: string): boolean }[] = [ROSTER_BY_HEADER, CLAIMS_BY_HEADER, LEDGER_BY_HEADER, PAY_BY_HEADER];

/**
 * Columns the clerk mapped to a field (`--columns` or the workbook's `_altrules` store): by header
 * text (as headerKey) or by 1-based column. The reader keeps them below the header rows too.
 */
export interface KeepColumns {
  headers: Set<string>;
  columns: Set<number>;
}

function headerWidth(rows: Cell[][], keep?: KeepColumns): number {
  let width = 0;
  for (const c of keep?.columns ?? []) width = Math.max(width, c);
  for (let r = 0; r < Math.min(rows.length, HEADER_ROWS); r++) {
    const row = rows[r];
    for (const k in row) {
      const c = row[k as unknown as number];
      if (typeof c !== 'string') continue;
      const key = headerKey(c);
      if (KNOWN_HEADERS.some((m) => m.has(key)) || keep?.headers.has(key)) width = Math.max(width, Number(k) + 1);
    }
  }
  return width;
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
        sheets.push({ name: attr(raw, 'name') ?? '', part: part && entryOf(zip, part) ? entryOf(zip, part)!.name : '', relId });
      }
    },
    close() {},
    text() {},
  });
  if (!family) throw notWorkbook();
  const styles = workbookRels.find((r) => isRel(r, 'styles'));
  // The part as the zip spells it (a target may differ in case: OPC names compare case-insensitively).
  const stylesEntry = styles ? entryOf(zip, resolvePart(workbookPart, styles.target)) : entryOf(zip, `${dirOf(workbookPart)}styles.xml`);
  return { zip, workbookPart, workbookXml, workbookRels, sheets, dateSystem: date1904 ? '1904' : '1900', stylesPart: stylesEntry?.name.replace(/^\//, '') ?? (styles ? resolvePart(workbookPart, styles.target) : undefined), stylesRelated: !!styles, family };
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

/** "AB12" → [row 12, column 28]; undefined when it is not a cell reference. */
export function parseRef(ref: string): [number, number] | undefined {
  // By hand: this runs once per cell of the sheet.
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(0) === 0x24) i++;
  let col = 0;
  const c0 = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === c0 || i - c0 > 3) return undefined;
  if (ref.charCodeAt(i) === 0x24) i++;
  const d0 = i;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
    row = row * 10 + (c - 0x30);
  }
  if (i === d0 || i - d0 > 10) return undefined;
  return [row, col];
}

const EMPTY_ROW: Cell[] = Object.freeze([]) as unknown as Cell[];

function limitRows(sheet: string, row: number): Refusal {
  return refuse(
    `sheet "${sheet}" has a cell in row ${row.toLocaleString('en')}, past Excel's last row ${MAX_ROWS.toLocaleString('en')} (the limit); the file is damaged or was not made by a spreadsheet program`,
    `シート「${sheet}」の ${row.toLocaleString('en')} 行目にセルがあり、Excel の最終行 ${MAX_ROWS.toLocaleString('en')}（上限）を超えています。ファイルが壊れているか、表計算ソフトで作られたものではありません`,
  );
}

function limitColumns(sheet: string, col: number): Refusal {
  return refuse(
    `sheet "${sheet}" has a cell in column ${col.toLocaleString('en')}, past Excel's last column XFD (${MAX_COLUMNS.toLocaleString('en')}, the limit)`,
    `シート「${sheet}」の ${col.toLocaleString('en')} 列目にセルがあり、Excel の最終列 XFD（${MAX_COLUMNS.toLocaleString('en')}、上限）を超えています`,
  );
}

/** A number as SpreadsheetML writes one (xsd:double): no hexadecimal, no empty text, no "Infinity". */
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Seconds of an ISO time of day ("T09:30", "T09:30:15.5") as a fraction of a day, or 0. */
function dayFractionOfIso(text: string): number {
  const m = /T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/.exec(text);
  if (!m) return 0;
  const seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
  return seconds > 0 && seconds < 86400 ? seconds / 86400 : 0;
}

function cellValue(type: string, v: string | null, inline: string | null, sst: string[], system: DateSystem, timeStyle?: TimeStyle): Cell {
  switch (type) {
    case 's': {
      // An empty <v/> is an empty cell, not shared string 0.
      if (v === null || v.trim() === '') return null;
      if (!/^\s*\d+\s*$/.test(v)) return { error: '#REF!' };
      const s = sst[Number(v)];
      return s === undefined ? { error: '#REF!' } : s;
    }
    case 'inlineStr':
      return own(inline ?? v ?? '');
    case 'str':
      return own(v ?? '');
    case 'b':
      return v === null || v.trim() === '' ? null : v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case 'e':
      return v === null || v.trim() === '' ? null : { error: v.trim() };
    case 'd': {
      if (v === null || v.trim() === '') return null;
      const text = v.trim();
      const day = dayFromIsoText(text.slice(0, 10));
      // A date-time keeps its time of day as the serial's fraction, as Excel stores it.
      return day === undefined ? own(v) : serialFromDay(day, system) + dayFractionOfIso(text);
    }
    default: {
      if (v === null) return inline === null ? null : own(inline);
      if (v.trim() === '') return null; // an empty <v></v> is an empty cell
      if (!NUMBER.test(v)) return { error: '#NUM!' };
      const n = Number(v);
      if (!Number.isFinite(n)) return { error: '#NUM!' };
      if (!timeStyle) return n;
      // h:mm on a date-time shows the time of day; [h]:mm shows hours elapsed.
      const shown = timeStyle === 'clock' && n >= 1 ? n - Math.floor(n) : n;
      return timeTextOfDayFraction(shown) ?? n;
    }
  }
}

/** One worksheet, streamed: rows of cell values (gaps left as a shared empty row) and its formulas. */
export async function readSheet(pkg: Package, sheet: PackageSheet, sst: string[], keep?: KeepColumns): Promise<ReadSheet> {
  const rows: Cell[][] = [];
  const formulas: FormulaCell[] = [];
  const result: ReadSheet = { name: sheet.name, rows, firstRow: 1, firstColumn: 1, dateSystem: pkg.dateSystem, formulas };
  const e = sheet.part ? entryOf(pkg.zip, sheet.part) : undefined;
  if (!e) return result;
  const system = pkg.dateSystem;
  const timeStyles = timeStylesOf(pkg);
  let style = 0;
  const masters = new Map<string, { text: string; row: number; col: number }>();
  let inData = false;
  let rowNum = 0;
  let cells: Cell[] | null = null;
  let col = 0;
  // The current cell.
  let type = '';
  // Raw (still encoded) text of the cell's value, formula and inline string; null when absent.
  let v: string | null = null;
  let f: string | null = null;
  let fRaw = '';
  let inline: string | null = null;
  let inV = false;
  let inF = false;
  let inT = false;
  let phonetic = 0;
  let textChars = 0;
  let inCell = false;
  // The sheet's main namespace as last seen (one comparison per tag in the usual case).
  let mainNs = '';
  const tooLong = () =>
    refuse(
      `sheet "${sheet.name}" has a cell at row ${rowNum} with more than ${MAX_CELL_CHARS.toLocaleString('en')} characters (Excel's limit)`,
      `シート「${sheet.name}」の ${rowNum} 行目に ${MAX_CELL_CHARS.toLocaleString('en')} 文字（Excel の上限）を超えるセルがあります`,
    );
  const grow = (into: string, piece: string): string => {
    textChars += piece.length;
    if (textChars > MAX_CELL_CHARS * 8) throw tooLong(); // entity-encoded text may be longer than the cell
    return into + piece;
  };
  // Past the header rows, cells right of the last recognised header are never read by a check:
  // they are folded into one marker cell (so a row with only such a cell is still not empty),
  // which keeps a row with a cell in column XFD as small as any other.
  let limit = Infinity;
  let unrecognised = false;
  const fold = (c: Cell[]): Cell[] => {
    if (c.length <= limit + 1) return c;
    const kept = c.slice(0, limit);
    for (const k in c) {
      if (Number(k) >= limit) {
        kept[limit] = c[k as unknown as number];
        break;
      }
    }
    return kept;
  };
  const endRow = () => {
    // The add-in's own store sheet is read whole: its records are not a checked table.
    if (rowNum > HEADER_ROWS && limit === Infinity && sheet.name !== STORE_SHEET) {
      limit = headerWidth(rows, keep);
      result.foldedFrom = limit + 1;
      // No known header in the rows a header may be in: the validator will not look further.
      if (limit === 0) unrecognised = true;
      for (let i = HEADER_ROWS; i < rows.length; i++) rows[i] = fold(rows[i]);
    }
    if (cells && limit !== Infinity) cells = fold(cells);
    if (cells && cells.length) {
      while (rows.length < rowNum - 1) rows.push(EMPTY_ROW);
      if (rows.length === rowNum - 1) rows.push(cells);
      else if (rows[rowNum - 1] === EMPTY_ROW) rows[rowNum - 1] = cells;
      else for (const k in cells) rows[rowNum - 1][k] = cells[k];
    }
    cells = null;
  };
  const scanner = new TagScanner(
    {
      open(name, raw, selfClosing, ns) {
        if (ns !== mainNs && !isMain(ns)) return;
        mainNs = ns;
        if (!inData) {
          if (name === 'sheetData' && !selfClosing) inData = true;
          return;
        }
        switch (name) {
          case 'row': {
            endRow();
            const r = attr(raw, 'r');
            rowNum = r === undefined ? rowNum + 1 : Number(r);
            if (!Number.isInteger(rowNum) || rowNum < 1) throw refuse(`sheet "${sheet.name}" has a row numbered "${r}"`, `シート「${sheet.name}」に行番号「${r}」の行があります`);
            if (rowNum > MAX_ROWS) throw limitRows(sheet.name, rowNum);
            cells = [];
            col = 0;
            return;
          }
          case 'c': {
            if (!cells) {
              // A cell outside a row: damaged, but place it by its reference.
              cells = [];
            }
            const r = attr(raw, 'r');
            if (r !== undefined) {
              const at = parseRef(r);
              if (!at) throw refuse(`sheet "${sheet.name}" has a cell with the reference "${r}"`, `シート「${sheet.name}」にセル参照「${r}」のセルがあります`);
              if (at[0] > MAX_ROWS) throw limitRows(sheet.name, at[0]);
              if (at[1] > MAX_COLUMNS) throw limitColumns(sheet.name, at[1]);
              if (at[0] !== rowNum) {
                endRow();
                rowNum = at[0];
                cells = [];
              }
              col = at[1];
            } else {
              col++;
              if (col > MAX_COLUMNS) throw limitColumns(sheet.name, col);
            }
            if (rowNum < 1) rowNum = 1;
            type = attr(raw, 't') ?? 'n';
            style = timeStyles.size ? Number(attr(raw, 's') ?? 0) : 0;
            v = f = inline = null;
            fRaw = '';
            textChars = 0;
            inCell = !selfClosing;
            return;
          }
          case 'v':
            if (inCell) {
              v = '';
              inV = !selfClosing;
            }
            return;
          case 'f':
            if (inCell) {
              f = '';
              fRaw = raw;
              inF = !selfClosing;
            }
            return;
          case 'is':
            if (inCell) inline = '';
            return;
          case 'rPh':
            phonetic++;
            return;
          case 't':
            if (inline !== null && !selfClosing) inT = phonetic === 0;
            return;
        }
      },
      close(name, _raw, ns) {
        if (!inData || (ns !== mainNs && !isMain(ns))) return;
        switch (name) {
          case 'v':
            inV = false;
            return;
          case 'f':
            inF = false;
            return;
          case 't':
            inT = false;
            return;
          case 'rPh':
            phonetic--;
            return;
          case 'c': {
            if (!inCell || !cells) return;
            inCell = false;
            const value = cellValue(type, v === null ? null : decodeText(v), inline === null ? null : decodeText(inline), sst, system, style !== 0 ? timeStyles.get(style) : undefined);
            if (value !== null && value !== undefined && value !== '') {
              // Below the header rows, a cell right of the last known header only marks the row as used.
              if (col - 1 < limit) cells[col - 1] = value;
              else if (cells[limit] === undefined) cells[limit] = value;
            }
            if (f !== null) {
              let text = own(decodeText(f));
              const si = attr(fRaw, 'si');
              let dRow = 0;
              let dCol = 0;
              let shared = false;
              if (attr(fRaw, 't') === 'shared' && si !== undefined) {
                shared = true;
                const master = masters.get(si);
                if (text) masters.set(si, { text, row: rowNum, col });
                else if (master) {
                  text = master.text;
                  dRow = rowNum - master.row;
                  dCol = col - master.col;
                }
              }
              if (text) formulas.push({ row: rowNum, col, text, dRow, dCol, shared, cached: value });
            }
            return;
          }
          case 'row':
            endRow();
            return;
          case 'sheetData':
            endRow();
            inData = false;
            return;
        }
      },
      text(raw) {
        if (inV && v !== null) v = grow(v, raw);
        else if (inF && f !== null) f = grow(f, raw);
        else if (inT && inline !== null) inline = grow(inline, raw);
      },
      // Text is decoded once whole (an entity may straddle two chunks); CDATA is escaped to match.
      cdata(text) {
        if (inV && v !== null) v = grow(v, escapeText(text));
        else if (inF && f !== null) f = grow(f, escapeText(text));
        else if (inT && inline !== null) inline = grow(inline, escapeText(text));
      },
    },
    e.name,
  );
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const chunk of streamEntry(pkg.zip, e, LIMITS.sheetBytes)) {
    bytes += chunk.length;
    checkRatio(pkg.zip, e, bytes);
    scanner.write(decoder.write(chunk));
    if (unrecognised) {
      result.rows.length = Math.min(result.rows.length, HEADER_ROWS);
      return result;
    }
  }
  scanner.write(decoder.end());
  scanner.end();
  endRow();
  return result;
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
