// Workbook fixtures built part by part, with a zip reader and writer of their own (independent of
// src/cli/zip.ts), so the tests can plant charts, notes, VBA and hostile content exactly.

import { deflateRawSync, inflateRawSync, crc32 } from 'zlib';

export type Parts = [string, string | Buffer][];

/** A zip of the parts in order, each deflated (or stored when `store`). */
export function zipOf(parts: Parts, store = false): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const body = store ? data : deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(store ? 0 : 8, 8);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(body.length, 18);
    h.writeUInt32LE(data.length, 22);
    h.writeUInt16LE(nameBuf.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(store ? 0 : 8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(nameBuf.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(h, nameBuf, body);
    central.push(c, nameBuf);
    offset += 30 + nameBuf.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export interface Unzipped {
  /** Inflated contents. */
  data: Buffer;
  /** The entry's bytes in the file: local header, name, packed data. */
  raw: Buffer;
}

/** Every entry of a zip, by name, in directory order. */
export function unzip(zip: Buffer): Map<string, Unzipped> {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Unzipped>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const packed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + packed);
    out.set(name, { data: method === 8 ? inflateRawSync(body) : Buffer.from(body), raw: zip.subarray(local, start + packed) });
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export type CellSpec = string | number | boolean | null | { f: string; v?: number | string; t?: string; s?: number } | { s: number; v?: number | string; t?: string };

const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

/** Sheet XML rows from values (strings inline, numbers, booleans, formulas with a cached value). */
export function sheetData(rows: CellSpec[][], firstRow = 1, style: (row: number, col: number) => number | undefined = () => undefined): string {
  return rows
    .map((cells, i) => {
      const r = firstRow + i;
      const cs = cells
        .map((c, j) => {
          if (c === null || c === undefined) return '';
          const ref = `${letters(j + 1)}${r}`;
          let s = style(r, j + 1);
          if (typeof c === 'object' && 's' in c && c.s !== undefined) s = c.s;
          const sa = s === undefined ? '' : ` s="${s}"`;
          if (typeof c === 'string') return `<c r="${ref}"${sa} t="inlineStr"><is><t>${c.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
          if (typeof c === 'number') return `<c r="${ref}"${sa}><v>${c}</v></c>`;
          if (typeof c === 'boolean') return `<c r="${ref}"${sa} t="b"><v>${c ? 1 : 0}</v></c>`;
          const t = c.t ? ` t="${c.t}"` : typeof c.v === 'string' ? ' t="str"' : '';
          const f = 'f' in c ? `<f>${c.f.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</f>` : '';
          return `<c r="${ref}"${sa}${t}>${f}${c.v === undefined ? '' : `<v>${c.v}</v>`}</c>`;
        })
        .join('');
      return `<row r="${r}">${cs}</row>`;
    })
    .join('');
}

export interface BookSpec {
  sheets: { name: string; xml: string; rels?: string }[];
  /** Extra parts (path, content) and content-type overrides. */
  extra?: Parts;
  overrides?: [string, string][];
  workbookExtra?: string;
  styles?: string;
  macro?: boolean;
  sharedStrings?: string | Buffer;
}

export function worksheet(data: string, before = '', after = ''): string {
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}">${before}<sheetData>${data}</sheetData>${after}</worksheet>`;
}

/** Two cell formats: 0 plain, 1 a date format (shared by a whole column, as Excel does). */
export const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`;

export function book(spec: BookSpec): Buffer {
  const main = spec.macro ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const overrides = [
    ['/xl/workbook.xml', main],
    ['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'],
    ...spec.sheets.map((_, i) => [`/xl/worksheets/sheet${i + 1}.xml`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml']),
    ...(spec.overrides ?? []),
  ];
  const parts: Parts = [
    ['[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>${overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('')}</Types>`],
    ['_rels/.rels', `${XML}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr/><sheets>${spec.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${spec.workbookExtra ?? ''}</workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PR}">${spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId90" Type="${R}/styles" Target="styles.xml"/>${spec.sharedStrings ? `<Relationship Id="rId92" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${spec.macro ? `<Relationship Id="rId91" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : ''}</Relationships>`,
    ],
    ['xl/styles.xml', spec.styles ?? STYLES],
    ...(spec.sharedStrings ? [['xl/sharedStrings.xml', spec.sharedStrings] as [string, string | Buffer]] : []),
    ...spec.sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, s.xml]),
    ...spec.sheets.filter((s) => s.rels).map((s): [string, string] => [`xl/worksheets/_rels/sheet${spec.sheets.indexOf(s) + 1}.xml.rels`, s.rels!]),
    ...(spec.extra ?? []),
  ];
  return zipOf(parts);
}

export const ROSTER_HEAD = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay'];
export { letters, MAIN, R, PR, XML };
