// The marked copy, made surgically: every part of the package is copied byte for byte except
// the few this changes — the marked sheets (only the `s` of the finding cells, plus a link to
// their notes), the styles (new cell formats appended, so only the finding cells change), the
// notes (appended to the clerk's own), and the findings sheet with its workbook entries.

import { StringDecoder } from 'string_decoder';
import { createDeflateRaw } from 'zlib';
import type { Finding, SheetResult } from '../validation/validate';
import type { Acceptance } from '../validation/store';
import { FindingsSheet, REPORT_SHEET, ReportRun, clerkMessage, cellAddress, columnLetters, findingsSheet, ruleLabel } from '../validation/report';
import { Family, LIMITS, Package, RelKind, dirOf, isRel, parseRels, parseRef, readPart, relType, relsPartOf, resolvePart } from './workbook';
import { NS_PACKAGE_RELS, TagScanner, attr, escapeText, isMain } from './xml';
import { Refusal, ZipWriter, crc32, entryOf, partKey, streamEntry } from './zip';

type Sev = 'error' | 'warning';
type ReportStyle = 'title' | 'label' | 'plain' | 'header' | 'body' | 'count';
/** Faces with Japanese glyphs (Tahoma, Calibri and Arial have none, so Excel substitutes one). */
const JAPANESE_FONT = /游|Yu |Meiryo|メイリオ|MS |ＭＳ|Gothic|ゴシック|Mincho|明朝|Hiragino|ヒラギノ|BIZ|UD |Noto Sans CJK|Noto Serif CJK/i;
const FALLBACK_JAPANESE_FONT = 'Meiryo UI';
const FILL_RGB: Record<Sev, string> = { error: 'FFFDE7E9', warning: 'FFFFF4CE' };
/** The format of a cell in a book whose cellXfs are empty. */
const PLAIN_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
const AUTHOR = 'altrules';

/** Sets (or adds) one attribute on a raw open tag. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end).replace(/\s+$/, '')} ${name}="${value}"${tag.slice(end)}`;
}

function prefixOf(tag: string): string {
  const m = /^<\/?([A-Za-z_][\w.-]*:)?/.exec(tag);
  return m?.[1] ?? '';
}

/**
 * New markup in a part whose elements carry a prefix (`x:` from the .NET Open XML SDK, `ns0:` from
 * Python's ElementTree): every element name without a prefix gets the part's own (`p` with its
 * colon); names that already have one are left alone.
 */
export function withPrefix(xml: string, p: string): string {
  return p ? xml.replace(/<(\/?)(?=[A-Za-z_][\w.-]*[\s/>])/g, `<$1${p}`) : xml;
}

/** The prefix (with its colon) of a part's root element, the one new elements of its namespace take. */
function rootPrefix(xml: string): string {
  const m = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[\s/>]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  return m?.[1] ?? '';
}

// ---- styles ---------------------------------------------------------------------------------

/** The workbook's styles with new cell formats appended; existing indices never change. */
class Styles {
  private readonly xfs: string[] = [];
  private readonly added: string[] = [];
  private readonly byKey = new Map<string, number>();
  private fillCount = 0;
  private fontCount = 0;
  private readonly newFills: string[] = [];
  private readonly newFonts: string[] = [];
  private fillIds: Partial<Record<Sev, number>> = {};

  constructor(private readonly xml: string) {
    const cellXfs = /<((?:[\w.-]+:)?)cellXfs\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1cellXfs>)/.exec(xml);
    if (cellXfs?.[2]) for (const m of cellXfs[2].matchAll(/<(?:[\w.-]+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?xf>)/g)) this.xfs.push(m[0]);
    this.fillCount = this.count('fills', 'fill');
    this.fontCount = this.count('fonts', 'font');
  }

  private count(list: string, item: string): number {
    const m = new RegExp(`<((?:[\\w.-]+:)?)${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</\\1${list}>)`).exec(this.xml);
    return m?.[2] ? (m[2].match(new RegExp(`<(?:[\\w.-]+:)?${item}[\\s/>]`, 'g')) ?? []).length : 0;
  }

  private fill(sev: Sev): number {
    const had = this.fillIds[sev];
    if (had !== undefined) return had;
    const id = this.fillCount + this.newFills.length;
    this.fillIds[sev] = id;
    this.newFills.push(`<fill><patternFill patternType="solid"><fgColor rgb="${FILL_RGB[sev]}"/><bgColor indexed="64"/></patternFill></fill>`);
    return id;
  }

  private xf(key: string, make: () => string): number {
    let i = this.byKey.get(key);
    if (i === undefined) {
      i = this.xfs.length + this.added.length;
      this.added.push(make());
      this.byKey.set(key, i);
    }
    return i;
  }

  /** A new format: the cell's own format with the finding's fill (one per style and severity). */
  marked(s: number, sev: Sev): number {
    return this.xf(`${s}:${sev}`, () => {
      const base = this.xfs[s] ?? this.xfs[0] ?? PLAIN_XF;
      // The xfs are read as whole tags; one that is not (never written so) gives way to the plain format.
      const [open = PLAIN_XF] = /^<[^>]*?\/?>/.exec(base) ?? [];
      const rest = base.startsWith(open) ? base.slice(open.length) : '';
      const tag = setAttr(setAttr(open, 'fillId', String(this.fill(sev))), 'applyFill', '1');
      return tag + rest;
    });
  }

  /** The findings sheet's formats: the title, bold labels that run on, the table's header and body (wrapped, top). */
  report(kind: ReportStyle): number {
    return this.xf(`report:${kind}`, () => {
      const bold = kind !== 'body' && kind !== 'plain' && kind !== 'count';
      const font = bold ? this.reportFont(kind === 'title' ? 14 : 10, true) : this.reportFont(10, false);
      const wrap = kind === 'body' || kind === 'header' ? '<alignment vertical="top" wrapText="1"/>' : '<alignment vertical="top"/>';
      // Text (49, "@") but the summary's counts: #,##0 (3), numbers that SUM adds up.
      return `<xf numFmtId="${kind === 'count' ? 3 : 49}" fontId="${font}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyAlignment="1">${wrap}</xf>`;
    });
  }

  private readonly reportFonts = new Map<string, number>();

  /** A font for the findings sheet in the workbook's own face when it writes Japanese, else Meiryo UI. */
  private reportFont(size: number, bold: boolean): number {
    const key = `${size}:${bold}`;
    let id = this.reportFonts.get(key);
    if (id === undefined) {
      id = this.fontCount + this.newFonts.length;
      this.newFonts.push(`<font>${bold ? '<b/>' : ''}<sz val="${size}"/><name val="${escapeText(this.japaneseFont)}"/><family val="2"/><charset val="128"/></font>`);
      this.reportFonts.set(key, id);
    }
    return id;
  }

  /** The workbook's default font when it has Japanese glyphs (Yu Gothic, Meiryo, MS …), else Meiryo UI. */
  get japaneseFont(): string {
    const first = /<(?:[\w.-]+:)?font\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?font>/.exec(/<(?:[\w.-]+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?fonts>/.exec(this.xml)?.[1] ?? '');
    const name = first?.[1] !== undefined ? /<(?:[\w.-]+:)?name\s+val="([^"]*)"/.exec(first[1])?.[1] : undefined;
    return name && JAPANESE_FONT.test(name) ? name : FALLBACK_JAPANESE_FONT;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  toXml(): string {
    let xml = this.xml;
    xml = append(xml, 'fonts', this.newFonts, this.fontCount);
    xml = append(xml, 'fills', this.newFills, this.fillCount);
    xml = append(xml, 'cellXfs', this.added, this.xfs.length);
    return xml;
  }
}

/** Appends items to a list element (`<fills count="2">…</fills>`), creating it where it is missing. */
function append(xml: string, list: string, items: string[], had: number): string {
  if (!items.length) return xml;
  const re = new RegExp(`<((?:[\\w.-]+:)?)${list}\\b([^>]*?)(/>|>([\\s\\S]*?)</\\1${list}>)`);
  const m = re.exec(xml);
  if (m) {
    const [whole, p = '', attrsBefore = '', , inner = ''] = m;
    const body = inner + items.map((i) => withPrefix(i, p)).join('');
    const attrs = setAttr(`<x${attrsBefore}>`, 'count', String(had + items.length)).slice(2, -1);
    return xml.slice(0, m.index) + `<${p}${list}${attrs}>${body}</${p}${list}>` + xml.slice(m.index + whole.length);
  }
  // Order in CT_Stylesheet: numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, …
  const after: Record<string, string[]> = { fonts: ['fills', 'borders', 'cellStyleXfs', 'cellXfs'], fills: ['borders', 'cellStyleXfs', 'cellXfs'], cellXfs: ['cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] };
  const el = withPrefix(`<${list} count="${items.length}">${items.join('')}</${list}>`, rootPrefix(xml));
  for (const next of after[list] ?? []) {
    const i = xml.search(new RegExp(`<(?:[\\w.-]+:)?${next}[\\s/>]`));
    if (i >= 0) return xml.slice(0, i) + el + xml.slice(i);
  }
  return xml.replace(/<\/((?:[\w.-]+:)?)styleSheet>\s*$/, `${el}</$1styleSheet>`);
}

const minimalStyles = (family: Family) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${family.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// ---- notes ----------------------------------------------------------------------------------

function noteText(fs: Finding[], lang: 'en' | 'ja'): string {
  return fs.map((f) => `${f.severity === 'error' ? '✖' : '⚠'} ${ruleLabel(f.rule, lang)}: ${clerkMessage(lang === 'ja' ? f.message_ja : f.message, lang)}`).join('\n');
}

/** The face notes are written in: the workbook's own when it has Japanese glyphs, else Meiryo UI (not Tahoma). */
let noteFont = FALLBACK_JAPANESE_FONT;

function noteRun(text: string): string {
  return `<r><rPr><sz val="9"/><rFont val="${escapeText(noteFont)}"/><family val="2"/><charset val="128"/></rPr><t xml:space="preserve">${escapeText(text)}</t></r>`;
}

function vmlShape(id: number, row: number, col: number): string {
  // One note box, as Excel writes it (hidden until the cell is pointed at).
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:260pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`;
}

const VML_SHAPETYPE = `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

function newVml(shapes: string[], block: number): string {
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${VML_SHAPETYPE}${shapes.join('')}</xml>`;
}

/** Adds our notes to a comments part: appended to a clerk's note on the same cell, else a new note. */
function mergeComments(xml: string | undefined, notes: Map<string, string>, family: Family): { xml: string; newCells: string[] } {
  const newCells: string[] = [];
  if (!xml) {
    const list = [...notes].map(([ref, text]) => `<comment ref="${ref}" authorId="0"><text>${noteRun(text)}</text></comment>`).join('');
    return { xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${family.main}"><authors><author>${AUTHOR}</author></authors><commentList>${list}</commentList></comments>`, newCells: [...notes.keys()] };
  }
  const p = prefixOf(/<(?:[\w.-]+:)?comments\b/.exec(xml)?.[0] ?? '<');
  const authors = [...xml.matchAll(/<(?:[\w.-]+:)?author>([\s\S]*?)<\/(?:[\w.-]+:)?author>/g)].map((m) => m[1]);
  let authorId = authors.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    xml = /<\/(?:[\w.-]+:)?authors>/.test(xml) ? xml.replace(/<\/((?:[\w.-]+:)?)authors>/, `<${p}author>${AUTHOR}</${p}author></$1authors>`) : xml.replace(/<((?:[\w.-]+:)?)authors\s*\/>/, `<$1authors><${p}author>${AUTHOR}</${p}author></$1authors>`);
  }
  const pending = new Map(notes);
  const run = (text: string) => withPrefix(noteRun(text), p);
  xml = xml.replace(/<((?:[\w.-]+:)?)comment\b([^>]*)>([\s\S]*?)<\/\1comment>/g, (all, _p: string, attrsText: string, body: string) => {
    const ref = attr(`<c ${attrsText}>`, 'ref')?.toUpperCase();
    const text = ref ? pending.get(ref) : undefined;
    if (!ref || text === undefined) return all;
    pending.delete(ref);
    // Our own note from an earlier check is replaced; a clerk's note is kept and ours appended.
    if (attr(`<c ${attrsText}>`, 'authorId') === String(authorId)) return all.replace(body, `<${p}text>${run(text)}</${p}text>`);
    // Appended after the clerk's text (before any phonetic runs, which must come last).
    const at = body.search(/<(?:[\w.-]+:)?(rPh|phoneticPr)\b|<\/(?:[\w.-]+:)?text>/);
    if (at < 0) return all;
    return all.replace(body, body.slice(0, at) + run(`\n${text}`) + body.slice(at));
  });
  if (pending.size) {
    const added = [...pending].map(([ref, text]) => `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${run(text)}</${p}text></${p}comment>`).join('');
    newCells.push(...pending.keys());
    xml = /<\/(?:[\w.-]+:)?commentList>/.test(xml) ? xml.replace(/<\/((?:[\w.-]+:)?)commentList>/, `${added}</$1commentList>`) : xml.replace(/<((?:[\w.-]+:)?)commentList\s*\/>/, `<$1commentList>${added}</$1commentList>`);
  }
  return { xml, newCells };
}

// ---- sheets ---------------------------------------------------------------------------------

/** Elements that follow legacyDrawing in CT_Worksheet (ECMA-376 Part 1, 18.3.1.99). */
const AFTER_LEGACY = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);

interface SheetEdit {
  /** row → column → severity of the cell's worst finding. */
  cells: Map<number, Map<number, Sev>>;
  /** A `<legacyDrawing>` to add (when the sheet has no notes drawing yet). */
  legacyDrawingRelId?: string;
}

/** Streams a worksheet through, changing only the style of the finding cells (adding empty ones). */
async function rewriteSheet(pkg: Package, part: string, edit: SheetEdit, styles: Styles, zw: ZipWriter): Promise<void> {
  const e = entryOf(pkg.zip, part);
  if (!e) throw new Refusal(`${pkg.zip.path}: the sheet part ${part} is missing`, `${pkg.zip.path}: シートの部品 ${part} がありません`);
  const deflate = createDeflateRaw({ level: 6 });
  const packed: Buffer[] = [];
  deflate.on('data', (b: Buffer) => packed.push(b));
  const finished = new Promise<void>((res, rej) => {
    deflate.on('end', res);
    deflate.on('error', rej);
  });
  let crc = 0;
  let size = 0;
  let out: string[] = [];
  let outLen = 0;
  const emit = (s: string) => {
    out.push(s);
    outLen += s.length;
  };
  const flush = async () => {
    if (!out.length) return;
    const buf = Buffer.from(out.join(''), 'utf8');
    out = [];
    outLen = 0;
    crc = crc32(buf, crc);
    size += buf.length;
    if (!deflate.write(buf)) await new Promise((r) => deflate.once('drain', r));
  };
  // The finding cells still to style or add, in sheet order: rows, and the columns of the current row.
  const rowsLeft = [...edit.cells].sort((a, b) => a[0] - b[0]);
  let ri = 0;
  let p = '';
  let inData = false;
  let depth = 0;
  let rowNum = 0;
  let col = 0;
  let colsLeft: [number, Sev][] = [];
  let ci = 0;
  let legacyDone = !edit.legacyDrawingRelId;
  const legacy = () => {
    if (legacyDone) return;
    legacyDone = true;
    emit(`<${p}legacyDrawing xmlns:r="${pkg.family.r}" r:id="${edit.legacyDrawingRelId}"/>`);
  };
  const emptyCell = (row: number, c: number, sev: Sev) => `<${p}c r="${cellAddress(row, c)}" s="${styles.marked(0, sev)}"/>`;
  const byColumn = (cells: Map<number, Sev>) => [...cells].sort((a, b) => a[0] - b[0]);
  const wholeRow = ([row, cells]: [number, Map<number, Sev>]) => {
    emit(`<${p}row r="${row}">${byColumn(cells).map(([c, sev]) => emptyCell(row, c, sev)).join('')}</${p}row>`);
  };
  const rowsBefore = (r: number) => {
    for (let next = rowsLeft[ri]; next && next[0] < r; next = rowsLeft[++ri]) wholeRow(next);
  };
  const cellsBefore = (c: number) => {
    for (let next = colsLeft[ci]; next && next[0] < c; next = colsLeft[++ci]) emit(emptyCell(rowNum, next[0], next[1]));
  };
  const scanner = new TagScanner(
    {
      open(name, raw, selfClosing, ns) {
        if (!selfClosing) depth++;
        // Elements of other namespaces (extensions) pass through untouched.
        if (!isMain(ns)) return emit(raw);
        if (depth - (selfClosing ? 0 : 1) === 1 && !inData && AFTER_LEGACY.has(name)) legacy();
        if (name === 'sheetData' && depth <= 2) {
          p = prefixOf(raw);
          if (selfClosing) {
            emit(raw.replace(/\s*\/>$/, '>'));
            rowsBefore(Infinity);
            emit(`</${p}sheetData>`);
          } else {
            emit(raw);
            inData = true;
          }
          return;
        }
        if (!inData) return emit(raw);
        if (name === 'row') {
          const r = attr(raw, 'r');
          rowNum = r === undefined ? rowNum + 1 : Number(r);
          col = 0;
          rowsBefore(rowNum);
          const next = rowsLeft[ri];
          const mine = next !== undefined && next[0] === rowNum;
          colsLeft = mine ? byColumn(next[1]) : [];
          ci = 0;
          if (mine) ri++;
          if (selfClosing && colsLeft.length) {
            emit(raw.replace(/\s*\/>$/, '>'));
            cellsBefore(Infinity);
            emit(`</${p}row>`);
            colsLeft = [];
          } else emit(raw);
          return;
        }
        if (name === 'c' && colsLeft.length) {
          const r = attr(raw, 'r');
          col = r === undefined ? col + 1 : (parseRef(r)?.[1] ?? col + 1);
          cellsBefore(col);
          const here = colsLeft[ci];
          if (here && here[0] === col) {
            ci++;
            const s = Number(attr(raw, 's') ?? 0);
            return emit(setAttr(raw, 's', String(styles.marked(Number.isInteger(s) ? s : 0, here[1]))));
          }
          return emit(raw);
        }
        if (name === 'c') {
          const r = attr(raw, 'r');
          col = r === undefined ? col + 1 : (parseRef(r)?.[1] ?? col + 1);
        }
        emit(raw);
      },
      close(name, raw, ns) {
        depth--;
        if (!isMain(ns)) return emit(raw);
        if (inData && name === 'row') {
          cellsBefore(Infinity);
          colsLeft = [];
        } else if (inData && name === 'sheetData') {
          rowsBefore(Infinity);
          inData = false;
        } else if (depth === 0 && name === 'worksheet') legacy();
        emit(raw);
      },
      text: emit,
      other: emit,
    },
    part,
  );
  const decoder = new StringDecoder('utf8');
  for await (const chunk of streamEntry(pkg.zip, e, LIMITS.sheetBytes)) {
    scanner.write(decoder.write(chunk));
    if (outLen > 1 << 20) await flush();
  }
  scanner.write(decoder.end());
  scanner.end();
  await flush();
  deflate.end();
  await finished;
  zw.addDeflated(e.name, Buffer.concat(packed), crc >>> 0, size);
}

// ---- findings sheet -------------------------------------------------------------------------

function reportSheetXml(sheet: FindingsSheet, styles: Styles): string {
  const { rows, widths, heights, headerRow, summaryHeaderRow } = sheet;
  const style = (row: number, col: number): number => {
    if (row === 1) return styles.report('title');
    if (row === headerRow || row === summaryHeaderRow || (row === summaryHeaderRow + 1 && col <= 3)) return styles.report(row === headerRow ? 'header' : 'label');
    return styles.report(row > headerRow ? 'body' : 'plain');
  };
  const lastCol = columnLetters(widths.length);
  const last = rows.length;
  const cells = rows
    .map((r, i) => {
      const n = i + 1;
      const cs = r
        .map((v, c) => (v === '' ? '' : typeof v === 'number' ? `<c r="${cellAddress(n, c + 1)}" s="${styles.report('count')}"><v>${v}</v></c>` : `<c r="${cellAddress(n, c + 1)}" s="${style(n, c + 1)}" t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`))
        .join('');
      return `<row r="${n}" ht="${heights[i]}" customHeight="1">${cs}</row>`;
    })
    .join('');
  // Frozen only while the summary above is short: a long one would fill the window.
  const frozen = headerRow <= 20 ? `<pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/>` : '';
  // The table's header frozen and filtered; A4 landscape, one page wide, that header on every page
  // (the print titles are a defined name in the workbook: printTitlesName).
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${lastCol}${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="16.5" customHeight="1"/><cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${cells}</sheetData>` +
    `<autoFilter ref="A${headerRow}:${lastCol}${Math.max(headerRow, last)}"/>` +
    `<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>&amp;P / &amp;N</oddFooter></headerFooter>` +
    `</worksheet>`
  );
}

/**
 * The workbook with the findings sheet's print titles (its table header on every page) and its
 * filter range as defined names, any earlier ones for that sheet replaced. `index` is the sheet's
 * 0-based place in the workbook's sheet list (localSheetId).
 */
function withReportNames(workbookXml: string, index: number, headerRow: number, lastRow: number, lastCol: string): string {
  const quoted = `'${REPORT_SHEET.replace(/'/g, "''")}'`;
  const names = [
    `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(`${quoted}!$${headerRow}:$${headerRow}`)}</definedName>`,
    `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeText(`${quoted}!$A$${headerRow}:$${lastCol}$${Math.max(headerRow, lastRow)}`)}</definedName>`,
  ];
  const own = new RegExp(`<((?:[\\w.-]+:)?)definedName\\b(?=[^>]*\\bname="_xlnm\\.(?:Print_Titles|_FilterDatabase)")(?=[^>]*\\blocalSheetId="${index}")[^>]*>[\\s\\S]*?</\\1definedName>`, 'g');
  let xml = workbookXml.replace(own, '');
  const list = /<((?:[\w.-]+:)?)definedNames\b[^>]*?(\/>|>)/.exec(xml);
  if (list) {
    const p = list[1];
    const items = names.map((n) => (p ? n.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : n)).join('');
    if (list[2] === '/>') return xml.slice(0, list.index) + `<${p}definedNames>${items}</${p}definedNames>` + xml.slice(list.index + list[0].length);
    const at = list.index + list[0].length;
    return xml.slice(0, at) + items + xml.slice(at);
  }
  // CT_Workbook: definedNames comes right after sheets (and functionGroups, externalReferences).
  const close = /<\/((?:[\w.-]+:)?)(externalReferences|functionGroups|sheets)>/g;
  let end: RegExpExecArray | null = null;
  for (let m = close.exec(xml); m; m = close.exec(xml)) end = m;
  if (!end) return xml;
  const p = end[1];
  const items = names.map((n) => (p ? n.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : n)).join('');
  const at = end.index + end[0].length;
  xml = xml.slice(0, at) + `<${p}definedNames>${items}</${p}definedNames>` + xml.slice(at);
  return xml;
}

// ---- the package ----------------------------------------------------------------------------

function nextRelId(rels: { id: string }[]): string {
  const ids = new Set(rels.map((r) => r.id));
  // At most rels.length + 1 tries: one of the ids rId1…rId(n+1) is free.
  for (let n = 1; n <= rels.length + 1; n++) if (!ids.has(`rId${n}`)) return `rId${n}`;
  throw new Error('unreachable: n + 1 ids cannot all be taken by n relationships');
}

/** Adds a relationship to a rels part, written with the part's own prefix for the OPC namespace. */
function addRelationship(xml: string | undefined, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeText(target)}"/>`;
  if (!xml) return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELS}">${rel}</Relationships>`;
  return appendToRoot(xml, 'Relationships', rel, NS_PACKAGE_RELS);
}

/**
 * Appends markup at the end of a part's root element (`<Relationships>`, `<Types>`), prefixed as
 * the root is. A root that is not there, or not in `ns`, refuses: a copy must not lose the addition.
 */
function appendToRoot(xml: string, root: string, markup: string, ns: string): string {
  const open = new RegExp(`<(([\\w.-]+):)?${root}\\b([^>]*?)(/?)>`).exec(xml);
  const declared = open && new RegExp(`\\sxmlns${open[2] ? `:${open[2]}` : ''}\\s*=\\s*["']${ns.replace(/[.]/g, '\\.')}["']`).test(open[0]);
  if (!open || !declared) throw new Refusal(`cannot add to the package: its ${root} part is not in the namespace ${ns}`, `パッケージに追加できません: ${root} の部品が名前空間 ${ns} にありません`);
  const p = open[1] ?? '';
  const added = withPrefix(markup, p);
  if (open[4] === '/') return xml.slice(0, open.index) + `<${p}${root}${open[3]}>${added}</${p}${root}>` + xml.slice(open.index + open[0].length);
  const close = new RegExp(`</${p.replace(/[.]/g, '\\.')}${root}\\s*>\\s*$`).exec(xml);
  if (!close) throw new Refusal(`cannot add to the package: its ${root} part does not end with </${p}${root}>`, `パッケージに追加できません: ${root} の部品が </${p}${root}> で終わっていません`);
  return xml.slice(0, close.index) + added + xml.slice(close.index);
}

function addContentType(xml: string, part: string, type: string): string {
  // Part names compare case-insensitively (OPC).
  const name = `/${part}`.toLowerCase();
  for (const m of xml.matchAll(/PartName\s*=\s*["']([^"']*)["']/g)) if (m[1]?.toLowerCase() === name) return xml;
  return appendToRoot(xml, 'Types', `<Override PartName="/${escapeText(part)}" ContentType="${type}"/>`, 'http://schemas.openxmlformats.org/package/2006/content-types');
}

function relativeTarget(from: string, to: string): string {
  const a = dirOf(from).split('/').filter(Boolean);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** A part name the package does not use yet (OPC: case-insensitively). `make(n)` gives a new name per n. */
function freeName(pkg: Package, taken: Set<string>, make: (n: number) => string): string {
  // Bounded: among entries.length + taken.size + 1 distinct names one is free.
  const tries = pkg.zip.entries.length + taken.size + 1;
  for (let n = 1; n <= tries; n++) {
    const name = make(n);
    const key = partKey(name);
    if (!taken.has(key) && !entryOf(pkg.zip, name)) {
      taken.add(key);
      return name;
    }
  }
  throw new Error(`no free part name after ${tries} tries: make(n) must give a different name for each n`);
}

/** What the findings sheet says beyond the findings: who each is about, and the run (date, files, rules). */
export interface ReportInput {
  who: (f: Finding) => string;
  run: ReportRun;
}

/** The findings sheet of a run: the findings of every sheet, marked-as-checked ones listed as such. */
function findingsSheetOf(results: SheetResult[], lang: 'en' | 'ja', accepted: ReadonlyMap<Finding, Acceptance>, report?: ReportInput): FindingsSheet {
  const all = results.flatMap((r) => r.findings);
  const checked = new Map([...accepted].map(([f, a]) => [f, { who: a.who, when: a.when, why: a.why }]));
  const run = report?.run ?? { lang, date: '', sources: [], rulesets: [] };
  return findingsSheet(all, report?.who ?? (() => ''), run, checked);
}

/** Writes the marked copy of `pkg` to `zw`. */
export async function writeMarkedCopy(pkg: Package, results: SheetResult[], lang: 'en' | 'ja', zw: ZipWriter, accepted: ReadonlyMap<Finding, Acceptance> = new Map(), reportInput?: ReportInput): Promise<void> {
  const zip = pkg.zip;
  const family = pkg.family;
  const rel = (kind: RelKind) => relType(family, kind);
  /** Parts written anew, by part key (lower case): the name as the zip spells it, and the contents. */
  const replaced = new Map<string, { name: string; data: Buffer | 'stream' }>();
  const replace = (name: string, data: Buffer | 'stream') => replaced.set(partKey(name), { name: entryOf(zip, name)?.name ?? name, data });
  const added: [string, Buffer][] = [];
  const taken = new Set<string>();
  let contentTypes = readPart(zip, '[Content_Types].xml');
  if (!contentTypes) throw new Refusal(`${zip.path} has no [Content_Types].xml`, `${zip.path} に [Content_Types].xml がありません`);
  let workbookRelsXml = readPart(zip, relsPartOf(pkg.workbookPart));
  const workbookRels = [...pkg.workbookRels];
  // A target that differs from its part's name only in case is right by OPC, but readers that
  // look names up case-sensitively (LibreOffice, openpyxl) lose the part: the copy spells it as the zip does.
  for (const r of pkg.workbookRels) {
    const part = r.external ? undefined : resolvePart(pkg.workbookPart, r.target);
    const e = part ? entryOf(zip, part) : undefined;
    if (!e || !workbookRelsXml || e.name.replace(/^\//, '') === part) continue;
    const spelled = r.target.startsWith('/') ? `/${e.name.replace(/^\//, '')}` : relativeTarget(pkg.workbookPart, e.name.replace(/^\//, ''));
    workbookRelsXml = workbookRelsXml.split(`Target="${escapeText(r.target)}"`).join(`Target="${escapeText(spelled)}"`);
  }

  let stylesPart = pkg.stylesPart;
  const styles = new Styles((stylesPart && readPart(zip, stylesPart)) || minimalStyles(family));
  noteFont = styles.japaneseFont;

  const edits: { part: string; edit: SheetEdit }[] = [];
  const reportSheet = pkg.sheets.find((s) => s.name === REPORT_SHEET);
  let vmlBlock = 1;
  for (const r of results) {
    const sheet = pkg.sheets.find((s) => s.name === r.sheet);
    if (!sheet?.part || sheet === reportSheet) continue;
    // By cell address (the key the comments part uses), with the cell's row and column kept beside it.
    const byCell = new Map<string, { row: number; col: number; findings: Finding[] }>();
    for (const f of r.findings) {
      if (!f.columnIndex || accepted.has(f)) continue;
      const k = cellAddress(f.row, f.columnIndex);
      const cell = byCell.get(k);
      if (cell) cell.findings.push(f);
      else byCell.set(k, { row: f.row, col: f.columnIndex, findings: [f] });
    }
    if (!byCell.size) continue;
    const edit: SheetEdit = { cells: new Map() };
    const notes = new Map<string, string>();
    for (const [ref, { row, col, findings: fs }] of byCell) {
      let cells = edit.cells.get(row);
      if (!cells) edit.cells.set(row, (cells = new Map()));
      cells.set(col, fs.some((f) => f.severity === 'error') ? 'error' : 'warning');
      notes.set(ref, noteText(fs, lang));
    }
    // Notes: the sheet's own comments part and drawing, or new ones.
    const relsPart = relsPartOf(sheet.part);
    const relsBefore = readPart(zip, relsPart);
    let relsXml = relsBefore;
    const rels = parseRels(relsXml, relsPart);
    const commentsRel = rels.find((x) => isRel(x, 'comments'));
    const vmlRel = rels.find((x) => isRel(x, 'vmlDrawing'));
    const commentsPart = commentsRel ? resolvePart(sheet.part, commentsRel.target) : freeName(pkg, taken, (n) => `xl/comments${n}.xml`);
    const merged = mergeComments(commentsRel ? readPart(zip, commentsPart) : undefined, notes, family);
    if (commentsRel && entryOf(zip, commentsPart)) replace(commentsPart, Buffer.from(merged.xml, 'utf8'));
    else if (commentsRel) added.push([commentsPart, Buffer.from(merged.xml, 'utf8')]);
    else {
      added.push([commentsPart, Buffer.from(merged.xml, 'utf8')]);
      contentTypes = addContentType(contentTypes, commentsPart, CT.comments);
      const id = nextRelId(rels);
      rels.push({ id, type: rel('comments'), target: '', external: false });
      relsXml = addRelationship(relsXml, id, rel('comments'), relativeTarget(sheet.part, commentsPart));
    }
    // newCells are keys of notes, so of byCell.
    const shapes = merged.newCells.flatMap((ref, i) => {
      const cell = byCell.get(ref);
      return cell ? [{ row: cell.row, col: cell.col, i }] : [];
    });
    if (vmlRel) {
      const vmlPart = resolvePart(sheet.part, vmlRel.target);
      let vml = readPart(zip, vmlPart) ?? newVml([], vmlBlock);
      const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
      let next = Math.max(1024, ...ids) + 1;
      if (!vml.includes('_x0000_t202')) vml = vml.replace(/<\/xml>\s*$/, `${VML_SHAPETYPE}</xml>`);
      vml = vml.replace(/<\/xml>\s*$/, `${shapes.map((s) => vmlShape(next++, s.row, s.col)).join('')}</xml>`);
      if (entryOf(zip, vmlPart)) replace(vmlPart, Buffer.from(vml, 'utf8'));
      else added.push([vmlPart, Buffer.from(vml, 'utf8')]);
    } else {
      const vmlPart = freeName(pkg, taken, (n) => `xl/drawings/vmlDrawing${n}.vml`);
      const block = 100 + vmlBlock++;
      added.push([vmlPart, Buffer.from(newVml(shapes.map((s) => vmlShape(block * 1024 + 1 + s.i, s.row, s.col)), block), 'utf8')]);
      if (!/Extension\s*=\s*["']vml["']/i.test(contentTypes)) contentTypes = appendToRoot(contentTypes, 'Types', `<Default Extension="vml" ContentType="${CT.vml}"/>`, 'http://schemas.openxmlformats.org/package/2006/content-types');
      const id = nextRelId(rels);
      rels.push({ id, type: rel('vmlDrawing'), target: '', external: false });
      relsXml = addRelationship(relsXml, id, rel('vmlDrawing'), relativeTarget(sheet.part, vmlPart));
      edit.legacyDrawingRelId = id;
    }
    if (relsXml !== undefined && relsXml !== relsBefore) {
      if (entryOf(zip, relsPart)) replace(relsPart, Buffer.from(relsXml, 'utf8'));
      else added.push([relsPart, Buffer.from(relsXml, 'utf8')]);
    }
    edits.push({ part: sheet.part, edit });
    replace(sheet.part, 'stream');
  }

  // The findings sheet: replaces an earlier one (same part), else a new part and workbook entry.
  let workbookXml = pkg.workbookXml;
  let reportPart: string;
  if (reportSheet?.part) reportPart = reportSheet.part;
  else {
    reportPart = freeName(pkg, taken, (n) => `xl/worksheets/sheet${n}.xml`);
    const id = nextRelId(workbookRels);
    workbookRels.push({ id, type: rel('worksheet'), target: '', external: false });
    workbookRelsXml = addRelationship(workbookRelsXml, id, rel('worksheet'), relativeTarget(pkg.workbookPart, reportPart));
    const ids = [...workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*?\ssheetId\s*=\s*["'](\d+)["']/g)].map((m) => Number(m[1]));
    const sheetId = Math.max(0, ...ids) + 1;
    const close = /<\/((?:[\w.-]+:)?)sheets\s*>/.exec(workbookXml);
    if (!close) throw new Refusal(`${zip.path}: the workbook lists no sheets`, `${zip.path}: ブックにシートの一覧がありません`);
    const p = close[1];
    workbookXml = workbookXml.slice(0, close.index) + `<${p}sheet xmlns:r="${family.r}" name="${escapeText(REPORT_SHEET)}" sheetId="${sheetId}" r:id="${id}"/>` + workbookXml.slice(close.index);
    contentTypes = addContentType(contentTypes, reportPart, CT.worksheet);
  }
  const report = findingsSheetOf(results, lang, accepted, reportInput);
  const reportIndex = reportSheet ? pkg.sheets.indexOf(reportSheet) : pkg.sheets.length;
  workbookXml = withReportNames(workbookXml, reportIndex, report.headerRow, report.rows.length, columnLetters(report.widths.length));
  // The findings sheet is written in the package's own family (a Strict workbook gets a Strict sheet).
  const reportXml = reportSheetXml(report, styles).replace(`xmlns="${NS_MAIN}" xmlns:r="${NS_R}"`, `xmlns="${family.main}" xmlns:r="${family.r}"`);
  if (reportSheet?.part) replace(reportPart, Buffer.from(reportXml, 'utf8'));
  else added.push([reportPart, Buffer.from(reportXml, 'utf8')]);
  if (workbookXml !== pkg.workbookXml) replace(pkg.workbookPart, Buffer.from(workbookXml, 'utf8'));

  // Sheets are streamed first: they allocate the new cell formats the styles part then lists.
  const streamed = new Map<string, () => Promise<void>>();
  for (const { part, edit } of edits) streamed.set(partKey(part), () => rewriteSheet(pkg, part, edit, styles, zw));

  // A styles part the workbook does not name (a damaged package) is named now, never duplicated.
  if (!stylesPart) {
    stylesPart = freeName(pkg, taken, (n) => `${dirOf(pkg.workbookPart)}styles${n === 1 ? '' : n}.xml`);
    contentTypes = addContentType(contentTypes, stylesPart, CT.styles);
  }
  if (!pkg.stylesRelated) {
    const id = nextRelId(workbookRels);
    workbookRels.push({ id, type: rel('styles'), target: '', external: false });
    workbookRelsXml = addRelationship(workbookRelsXml, id, rel('styles'), relativeTarget(pkg.workbookPart, stylesPart));
  }
  const workbookRelsPart = relsPartOf(pkg.workbookPart);
  replace(workbookRelsPart, Buffer.from(workbookRelsXml ?? '', 'utf8'));
  replace('[Content_Types].xml', Buffer.from(contentTypes, 'utf8'));

  const stylesEntry = entryOf(zip, stylesPart);
  for (const e of zip.entries) {
    const key = partKey(e.name);
    const r = replaced.get(key);
    if (e === stylesEntry) continue; // written last, once every new format is known
    // A 'stream' part is a sheet with findings, rewritten by its entry in `streamed`.
    const rewrite = r?.data === 'stream' ? streamed.get(key) : undefined;
    if (rewrite) await rewrite();
    else if (r && r.data !== 'stream') zw.add(e.name, r.data);
    else zw.copy(zip, e);
  }
  for (const [name, data] of added) zw.add(name, data);
  for (const [key, r] of replaced) if (r.data !== 'stream' && !zip.byName.has(key)) zw.add(r.name, r.data);
  zw.add(stylesEntry?.name ?? stylesPart, Buffer.from(styles.toXml(), 'utf8'));
  zw.finish();
}
