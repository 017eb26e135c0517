// Generators of one small roster as different producers save it, habit by habit: Excel 2013+
// (x15 extLst, a 1904 workbook), Strict OOXML, the .NET Open XML SDK (x: prefixes), Python's
// ElementTree (ns0: rels), case-differing targets, empty <v/>, inline strings, shared formulas,
// and the zip habits (data descriptors, stored entries, zip64). Each gives the same people with
// the same mistakes as the plain roster, so a reader must find the same findings in every one.
// Written from ECMA-376 / ISO 29500 and PKWARE's APPNOTE; no producer's code is used.

import { deflateRawSync, crc32 } from 'zlib';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const R_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CTNS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const X15 = 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/main';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** 1904 serials are 1,462 days smaller than 1900 serials for the same day (Excel's two systems). */
export const DAYS_1900_TO_1904 = 1462;

export const ROSTER_SHEET = 'Roster';
export const HEAD = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay'];

/**
 * The people (1900 serials). Each has a monthly pay of 1 yen, which no pay table has: one finding
 * per person in column I (Monthly pay). Row 3's Cohort is left empty on purpose (see emptyV).
 * 45137 = 2023-07-28, 45138 = 2023-07-29, 45503 = 2024-07-28.
 */
export const PEOPLE: (string | number | null)[][] = [
  ['Ann Lee', 'USA', 'S1', 45137, 1, 1, 45138, 45503, 1],
  ['Bo Kim', 'Canada', null, 45137, 1, 1, 45138, 45503, 1],
  ['Cy Diaz', 'UK', 'S1', 45137, 1, 1, 45138, 45503, 1],
];
/** Columns holding dates (1-based): Arrival, Term start, Term end. */
const DATE_COLS = new Set([4, 7, 8]);

export type Parts = [string, string][];

export interface Variant {
  /** What the producer does that the plain roster does not. */
  habit: string;
  parts: Parts;
  zip?: ZipHabit;
}

export interface ZipHabit {
  store?: boolean;
  /** General-purpose flag bit 3: sizes and CRC after the data, zero in the local header. */
  descriptors?: boolean;
  /** Zip64 end records and zip64 extra fields for every entry's sizes and offset. */
  zip64?: boolean;
}

const col = (n: number): string => (n > 26 ? col(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

interface SheetOptions {
  /** Shared strings (the default) or inline strings. */
  inline?: boolean;
  /** 1904 date system: date serials written 1,462 smaller. */
  date1904?: boolean;
  /** Row 3's empty Cohort written as an empty shared-string cell and an empty number cell. */
  emptyV?: boolean;
  /** Term (column E) written as a shared formula with cached values. */
  sharedFormulas?: boolean;
}

function sheetAndStrings(o: SheetOptions): { sheet: string; sst: string } {
  const strings: string[] = [];
  const sIndex = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const rows = [HEAD, ...PEOPLE].map((cells, i) => {
    const r = i + 1;
    const cs = cells.map((v, j) => {
      const ref = `${col(j + 1)}${r}`;
      if (v === null) return o.emptyV ? `<c r="${ref}" t="s"><v/></c>` : '';
      if (typeof v === 'string') return o.inline ? `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>` : `<c r="${ref}" t="s"><v>${sIndex(v)}</v></c>`;
      const isDate = r > 1 && DATE_COLS.has(j + 1);
      const n = isDate && o.date1904 ? v - DAYS_1900_TO_1904 : v;
      if (o.sharedFormulas && j + 1 === 5 && r > 1) {
        // E2 is the master (=1*1), E3 and E4 share it; each keeps its cached value 1.
        return r === 2 ? `<c r="${ref}"><f t="shared" ref="E2:E4" si="0">1*1</f><v>${n}</v></c>` : `<c r="${ref}"><f t="shared" si="0"/><v>${n}</v></c>`;
      }
      return `<c r="${ref}"${isDate ? ' s="1"' : ''}><v>${n}</v></c>`;
    });
    // An empty number cell beside the row's last value (column J has no header: nothing to read).
    const extra = o.emptyV && r === 3 ? `<c r="J3"><v></v></c>` : '';
    return `<row r="${r}">${cs.join('')}${extra}</row>`;
  });
  const sheet = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  const sst = `${XML}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`;
  return { sheet, sst };
}

const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function plainParts(o: SheetOptions & { workbookPr?: string; workbookExt?: string } = {}): Parts {
  const { sheet, sst } = sheetAndStrings(o);
  const ct = (p: string, t: string) => `<Override PartName="${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${t}"/>`;
  return [
    ['[Content_Types].xml', `${XML}<Types xmlns="${CTNS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${ct('/xl/workbook.xml', 'sheet.main+xml')}${ct('/xl/worksheets/sheet1.xml', 'worksheet+xml')}${ct('/xl/styles.xml', 'styles+xml')}${o.inline ? '' : ct('/xl/sharedStrings.xml', 'sharedStrings+xml')}</Types>`],
    ['_rels/.rels', `${XML}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${R}">${o.workbookPr ?? '<workbookPr/>'}<sheets><sheet name="${ROSTER_SHEET}" sheetId="1" r:id="rId1"/></sheets>${o.workbookExt ?? ''}</workbook>`],
    ['xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/>${o.inline ? '' : `<Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`}</Relationships>`],
    ['xl/styles.xml', STYLES],
    ...(o.inline ? [] : [['xl/sharedStrings.xml', sst] as [string, string]]),
    ['xl/worksheets/sheet1.xml', sheet],
  ];
}

/** The plain roster: transitional, default namespaces, shared strings, deflated entries. */
export function plain(): Parts {
  return plainParts();
}

const map = (parts: Parts, f: (name: string, xml: string) => string): Parts => parts.map(([n, x]) => [n, f(n, x)]);

/** Every element of the parts in `names` moved from the default namespace `ns` to prefix `p`. */
function prefixed(parts: Parts, which: (name: string) => boolean, ns: string, p: string): Parts {
  return map(parts, (n, x) => {
    if (!which(n)) return x;
    return x.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (all, slash: string, name: string) => (name === 'xml' ? all : `<${slash}${p}:${name}`)).replace(`xmlns="${ns}"`, `xmlns:${p}="${ns}"`);
  });
}

export function variants(): Variant[] {
  const spreadsheetML = (n: string) => n.startsWith('xl/') && n.endsWith('.xml');
  return [
    { habit: 'plain', parts: plain() },
    {
      // Excel 2013+: the real workbookPr says 1904, then extLst holds an x15:workbookPr.
      habit: 'Excel 2013+ (1904 dates, x15:workbookPr in extLst)',
      parts: plainParts({
        date1904: true,
        workbookPr: '<workbookPr date1904="1" defaultThemeVersion="153222"/>',
        workbookExt: `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="${X15}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>`,
      }),
    },
    {
      habit: 'Strict OOXML (purl.oclc.org namespaces and relationship types)',
      parts: map(plain(), (_n, x) => x.split(MAIN).join(MAIN_STRICT).split(R).join(R_STRICT)),
    },
    { habit: 'Open XML SDK (x: prefixed SpreadsheetML parts)', parts: prefixed(plain(), spreadsheetML, MAIN, 'x') },
    { habit: 'ElementTree (ns0: prefixed relationships and content types)', parts: prefixed(prefixed(plain(), (n) => n.endsWith('.rels'), PR, 'ns0'), (n) => n === '[Content_Types].xml', CTNS, 'ns0') },
    {
      habit: 'targets differing in case from the zip entries',
      parts: map(plain(), (n, x) => (n === 'xl/_rels/workbook.xml.rels' ? x.replace('Target="styles.xml"', 'Target="Styles.XML"').replace('Target="worksheets/sheet1.xml"', 'Target="Worksheets/Sheet1.xml"').replace('Target="sharedStrings.xml"', 'Target="SHAREDSTRINGS.xml"') : x)),
    },
    { habit: 'empty <v/> in a shared-string cell and an empty numeric <v></v>', parts: plainParts({ emptyV: true }) },
    { habit: 'inline strings', parts: plainParts({ inline: true }) },
    { habit: 'shared formulas with cached values', parts: plainParts({ sharedFormulas: true }) },
    { habit: 'data descriptors (flag bit 3)', parts: plain(), zip: { descriptors: true } },
    { habit: 'stored (uncompressed) entries', parts: plain(), zip: { store: true } },
    { habit: 'zip64 records and extra fields', parts: plain(), zip: { zip64: true } },
  ];
}

/** A zip of the parts (APPNOTE 6.3.10) with the producer's zip habits. */
export function zipWith(parts: Parts, h: ZipHabit = {}): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    out.push(b);
    offset += b.length;
  };
  for (const [name, content] of parts) {
    const data = Buffer.from(content, 'utf8');
    const body = h.store ? data : deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const flags = 0x0800 | (h.descriptors ? 0x0008 : 0);
    const method = h.store ? 0 : 8;
    const at = offset;
    const z64 = h.zip64;
    // Zip64 extra in the local header: original and compressed sizes (APPNOTE 4.5.3).
    const localExtra = z64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (z64) {
      localExtra.writeUInt16LE(0x0001, 0);
      localExtra.writeUInt16LE(16, 2);
      localExtra.writeBigUInt64LE(BigInt(h.descriptors ? 0 : data.length), 4);
      localExtra.writeBigUInt64LE(BigInt(h.descriptors ? 0 : body.length), 12);
    }
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(z64 ? 45 : 20, 4);
    l.writeUInt16LE(flags, 6);
    l.writeUInt16LE(method, 8);
    l.writeUInt32LE(h.descriptors ? 0 : crc, 14);
    // Sizes in the local header as Python's zipfile (force_zip64) writes them: the real ones, and
    // the zip64 extra field beside them; the central record says 0xFFFFFFFF and defers to its extra.
    l.writeUInt32LE(h.descriptors ? 0 : body.length, 18);
    l.writeUInt32LE(h.descriptors ? 0 : data.length, 22);
    l.writeUInt16LE(nameBuf.length, 26);
    l.writeUInt16LE(localExtra.length, 28);
    push(Buffer.concat([l, nameBuf, localExtra, body]));
    if (h.descriptors) {
      const d = Buffer.alloc(z64 ? 24 : 16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(crc, 4);
      if (z64) {
        d.writeBigUInt64LE(BigInt(body.length), 8);
        d.writeBigUInt64LE(BigInt(data.length), 16);
      } else {
        d.writeUInt32LE(body.length, 8);
        d.writeUInt32LE(data.length, 12);
      }
      push(d);
    }
    // Central record; with zip64, sizes and offset live in the extra field (order: size, packed, offset).
    const cExtra = z64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (z64) {
      cExtra.writeUInt16LE(0x0001, 0);
      cExtra.writeUInt16LE(24, 2);
      cExtra.writeBigUInt64LE(BigInt(data.length), 4);
      cExtra.writeBigUInt64LE(BigInt(body.length), 12);
      cExtra.writeBigUInt64LE(BigInt(at), 20);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(z64 ? 45 : 20, 4);
    c.writeUInt16LE(z64 ? 45 : 20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(z64 ? 0xffffffff : body.length, 20);
    c.writeUInt32LE(z64 ? 0xffffffff : data.length, 24);
    c.writeUInt16LE(nameBuf.length, 28);
    c.writeUInt16LE(cExtra.length, 30);
    c.writeUInt32LE(z64 ? 0xffffffff : at, 42);
    central.push(Buffer.concat([c, nameBuf, cExtra]));
  }
  const cdStart = offset;
  for (const c of central) push(c);
  const cdSize = offset - cdStart;
  if (h.zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(parts.length), 24);
    rec.writeBigUInt64LE(BigInt(parts.length), 32);
    rec.writeBigUInt64LE(BigInt(cdSize), 40);
    rec.writeBigUInt64LE(BigInt(cdStart), 48);
    const recAt = offset;
    push(rec);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(recAt), 8);
    loc.writeUInt32LE(1, 16);
    push(loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(h.zip64 ? 0xffff : parts.length, 8);
  end.writeUInt16LE(h.zip64 ? 0xffff : parts.length, 10);
  end.writeUInt32LE(h.zip64 ? 0xffffffff : cdSize, 12);
  end.writeUInt32LE(h.zip64 ? 0xffffffff : cdStart, 16);
  push(end);
  return Buffer.concat(out);
}

export function fileOf(v: Variant): Buffer {
  return zipWith(v.parts, v.zip);
}
