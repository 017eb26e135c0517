// `altrules validate --out`: the marked copy keeps every part it does not change, byte for byte,
// and changes the style of exactly the finding cells (issue 9 item 1, issue 12).

import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { MAIN, PR, R, ROSTER_HEAD, XML, book, sheetData, unzip, worksheet } from './xlsx-fixtures';

const BIN = join(__dirname, '..', 'bin', 'altrules.js');
const run = (args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
const dir = mkdtempSync(join(tmpdir(), 'altrules-copy-'));

// Serials: 45137 = 2023-07-30, 45138 = 2023-07-31, 45503 = 2024-07-30, 45504 = 2024-07-31.
const ROWS = [
  ROSTER_HEAD,
  ['Clean', 'USA', 'S1', 45137, 1, 1, 45138, 45503, 280000],
  ['Late end', 'USA', 'S1', 45137, 1, 1, 45138, 45504, 280000], // H3: the term ends 2024-07-30 (Art 5.1)
  ['Low pay', 'USA', 'S1', 45137, 1, 1, 45138, 45503, 1], // I4: year 1 pays ¥280,000 (Art 7.1)
  [null, 'USA', 'S1', 45137, 1, 1, 45138, 45503, 280000], // A5: no name, and no cell for it at all
];
// Date columns share one format, as in a sheet Excel saved (the exceljs shared-style trap).
const dateStyle = (_r: number, c: number) => ([4, 7, 8].includes(c) ? 1 : undefined);
const FINDING_CELLS = ['H3', 'I4', 'A5'];

const CLERK_NOTE = 'Checked with the board 2024-05-01';
const existingComments = `${XML}<comments xmlns="${MAIN}"><authors><author>Clerk</author></authors><commentList><comment ref="I4" authorId="0"><text><r><t>${CLERK_NOTE}</t></r></text></comment><comment ref="B2" authorId="0"><text><t>Keep me</t></text></comment></commentList></comments>`;
const existingVml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>3</x:Row><x:Column>8</x:Column></x:ClientData></v:shape><v:shape id="_x0000_s1026" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`;
const drawing = `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1" xmlns:r="${R}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
const chart = `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Roster!$I$2:$I$5</c:f></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`;
const VALIDATION = '<conditionalFormatting sqref="I2:I5"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>100000</formula></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C2:C5"><formula1>"S1,S2,S3,A1,A2"</formula1></dataValidation></dataValidations>';
const sheet1 = worksheet(sheetData(ROWS, 1, dateStyle), '<sheetViews><sheetView workbookViewId="0"/></sheetViews>', `${VALIDATION}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>`);
const sheet1Rels = `${XML}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId3" Type="${R}/comments" Target="../comments1.xml"/></Relationships>`;
// A second roster without notes: the copy adds its notes part, drawing and <legacyDrawing> (before extLst).
const sheet2 = worksheet(sheetData([ROSTER_HEAD, ['Two', 'USA', 'S1', 45137, 1, 1, 45138, 45504, 280000]], 1, dateStyle), '', '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"/></extLst>');
const VBA = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) & 255));

function fixture(): Buffer {
  return book({
    macro: true,
    sheets: [
      { name: 'Roster', xml: sheet1, rels: sheet1Rels },
      { name: 'Roster two', xml: sheet2 },
    ],
    workbookExtra: '<definedNames><definedName name="Rates">Roster!$I$2:$I$5</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Roster!$A$1:$I$5</definedName></definedNames>',
    overrides: [
      ['/xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml'],
      ['/xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
      ['/xl/comments1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml'],
      ['/xl/pivotCache/pivotCacheDefinition1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml'],
    ],
    extra: [
      ['xl/drawings/drawing1.xml', drawing],
      ['xl/drawings/_rels/drawing1.xml.rels', `${XML}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`],
      ['xl/charts/chart1.xml', chart],
      ['xl/comments1.xml', existingComments],
      ['xl/drawings/vmlDrawing1.vml', existingVml],
      ['xl/pivotCache/pivotCacheDefinition1.xml', `${XML}<pivotCacheDefinition xmlns="${MAIN}" r:id="rId1" xmlns:r="${R}" refreshOnLoad="1"><cacheSource type="worksheet"><worksheetSource ref="A1:I5" sheet="Roster"/></cacheSource><cacheFields count="0"/></pivotCacheDefinition>`],
      ['xl/vbaProject.bin', VBA],
    ],
  });
}

/** Every `<c …>` open tag of a sheet, by reference. */
function cellTags(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<c\b[^>]*?\/?>/g)].map((m) => [/\sr="([A-Z]+\d+)"/.exec(m[0])![1], m[0]]));
}
const sOf = (tag: string | undefined) => Number(/\ss="(\d+)"/.exec(tag ?? '')?.[1] ?? 0);
function xfs(styles: string): string[] {
  const list = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  return [...list.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
}
function fills(styles: string): string[] {
  return [.../<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)![1].matchAll(/<fill>[\s\S]*?<\/fill>/g)].map((m) => m[0]);
}
const attrOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('the marked copy of a workbook with a chart, notes, validation, names and VBA', () => {
  const input = join(dir, 'kept.xlsm');
  const out = join(dir, 'kept-checked.xlsm');
  let a: Map<string, { data: Buffer; raw: Buffer }>;
  let b: Map<string, { data: Buffer; raw: Buffer }>;
  beforeAll(() => {
    writeFileSync(input, fixture());
    const before = readFileSync(input);
    const r = run(['validate', input, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    a = unzip(before);
    b = unzip(readFileSync(out));
  });

  test('the findings are the planted ones', () => {
    const r = run(['validate', input, '--json']);
    const { findings } = JSON.parse(r.stdout);
    expect(findings.filter((f: { sheet: string }) => f.sheet === 'Roster').map((f: { row: number; field: string }) => `${f.row}:${f.field}`)).toEqual(['3:termEnd', '4:monthlyPay', '5:name']);
  });

  test('every part it does not need to change is copied byte for byte', () => {
    const changed = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']);
    for (const [name, entry] of a) {
      expect(b.has(name)).toBe(true);
      if (!changed.has(name)) expect({ name, same: b.get(name)!.raw.equals(entry.raw) }).toEqual({ name, same: true });
    }
    expect(b.get('xl/vbaProject.bin')!.data.equals(VBA)).toBe(true);
    expect(b.get('xl/charts/chart1.xml')!.data.toString()).toBe(chart);
  });

  test('the workbook keeps its defined names; its sheet list gains the findings sheet', () => {
    const wb = b.get('xl/workbook.xml')!.data.toString();
    // The findings sheet (the third, localSheetId 2) adds its print titles and filter range: its table's
    // header is row 13 (4 rows on top, a blank, the summary's 2 + 3 rules + total, a blank), 4 findings below it.
    const ours =
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">'点検結果 Findings'!$13:$13</definedName>` +
      `<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">'点検結果 Findings'!$A$13:$H$17</definedName>`;
    expect(wb).toContain(`<definedNames>${ours}<definedName name="Rates">Roster!$I$2:$I$5</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Roster!$A$1:$I$5</definedName></definedNames>`);
    expect(wb.replace(/<sheet [^>]*name="点検結果 Findings"[^>]*\/>/, '').replace(ours, '')).toBe(a.get('xl/workbook.xml')!.data.toString());
    // The macro-enabled content type of the workbook is kept.
    expect(b.get('[Content_Types].xml')!.data.toString()).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
  });

  test('only the finding cells change style; each keeps its own format under the mark', () => {
    const inStyles = a.get('xl/styles.xml')!.data.toString();
    const outStyles = b.get('xl/styles.xml')!.data.toString();
    const oldXfs = xfs(inStyles);
    const newXfs = xfs(outStyles);
    expect(newXfs.slice(0, oldXfs.length)).toEqual(oldXfs);
    expect(fills(outStyles).slice(0, 2)).toEqual(fills(inStyles));
    const before = cellTags(a.get('xl/worksheets/sheet1.xml')!.data.toString());
    const after = cellTags(b.get('xl/worksheets/sheet1.xml')!.data.toString());
    const changedCells = [...after.keys()].filter((ref) => sOf(after.get(ref)) !== sOf(before.get(ref)) || !before.has(ref));
    expect(changedCells.sort()).toEqual([...FINDING_CELLS].sort());
    for (const ref of FINDING_CELLS) {
      const xf = newXfs[sOf(after.get(ref))];
      const was = oldXfs[sOf(before.get(ref))];
      // Same number format, font and border as before; only the fill is the mark.
      for (const k of ['numFmtId', 'fontId', 'borderId']) expect(attrOf(xf, k)).toBe(attrOf(was, k));
      expect(fills(outStyles)[Number(attrOf(xf, 'fillId'))]).toMatch(/patternType="solid"><fgColor rgb="FFFDE7E9"/);
    }
    // H3 is a date cell: the mark keeps its date format (numFmtId 164).
    expect(attrOf(newXfs[sOf(after.get('H3'))], 'numFmtId')).toBe('164');
    // Other date cells sharing that format are untouched.
    expect(sOf(after.get('H2'))).toBe(1);
    expect(sOf(after.get('H4'))).toBe(1);
  });

  test('the sheet XML is the same apart from the marked cells', () => {
    const inXml = a.get('xl/worksheets/sheet1.xml')!.data.toString();
    let outXml = b.get('xl/worksheets/sheet1.xml')!.data.toString();
    outXml = outXml.replace(/<c r="A5" s="\d+"\/>/, '');
    for (const ref of ['H3', 'I4']) outXml = outXml.replace(new RegExp(`(<c r="${ref}") s="\\d+"`), ref === 'H3' ? '$1 s="1"' : '$1');
    expect(outXml).toBe(inXml);
  });

  test("the clerk's note is kept and ours appended; other notes untouched; new notes get drawing shapes", () => {
    const comments = b.get('xl/comments1.xml')!.data.toString();
    expect(comments).toMatch(new RegExp(`<comment ref="I4" authorId="0"><text><r><t>${CLERK_NOTE}</t></r><r>.*?<t xml:space="preserve">\\n✖ Art 7\\.1: .*?</t></r></text></comment>`));
    expect(comments).toContain('<comment ref="B2" authorId="0"><text><t>Keep me</t></text></comment>');
    expect(comments).toContain('<authors><author>Clerk</author><author>altrules</author></authors>');
    expect(comments).toMatch(/<comment ref="H3" authorId="1">/);
    expect(comments).toMatch(/<comment ref="A5" authorId="1">/);
    const vml = b.get('xl/drawings/vmlDrawing1.vml')!.data.toString();
    expect(vml.startsWith(existingVml.replace(/<\/xml>$/, ''))).toBe(true);
    const rows = [...vml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map((m) => `${m[1]},${m[2]}`);
    expect(rows).toEqual(['3,8', '1,1', '2,7', '4,0']); // I4, B2 (the clerk's), H3, A5
  });

  test('a sheet without notes gets a notes part, a drawing and <legacyDrawing> in schema order', () => {
    const xml = b.get('xl/worksheets/sheet2.xml')!.data.toString();
    expect(xml).toMatch(/<pageMargins [^>]*\/><legacyDrawing xmlns:r="[^"]+" r:id="rId2"\/><extLst>/);
    const rels = b.get('xl/worksheets/_rels/sheet2.xml.rels')!.data.toString();
    expect(rels).toContain('Target="../comments2.xml"');
    expect(rels).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing2.vml"');
    expect(b.get('xl/comments2.xml')!.data.toString()).toMatch(/<comment ref="H2" authorId="0"><text><r>.*Term end 2024-07-31 should be 2024-07-30/);
    const ct = b.get('[Content_Types].xml')!.data.toString();
    expect(ct).toContain('<Override PartName="/xl/comments2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>');
  });

  test('the findings sheet: frozen header, filter, widths, wrapped text, fitted to the page width', () => {
    const rels = b.get('xl/_rels/workbook.xml.rels')!.data.toString();
    const id = /<sheet [^>]*name="点検結果 Findings"[^>]*r:id="(rId\d+)"/.exec(b.get('xl/workbook.xml')!.data.toString())![1];
    const target = new RegExp(`Id="${id}" Type="[^"]+/worksheet" Target="([^"]+)"`).exec(rels)![1];
    const xml = b.get(`xl/${target}`)!.data.toString();
    // The table's header is row 13 (see above): frozen with the rows above it, filtered with the 4 findings below it.
    expect(xml).toContain('<pane ySplit="13" topLeftCell="A14" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toMatch(/<autoFilter ref="A13:H17"\/>/); // header + 4 findings (3 on Roster, 1 on Roster two)
    expect(xml).toMatch(/<cols>(<col [^>]*customWidth="1"\/>){8}<\/cols>/);
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0"/);
    const body = xfs(b.get('xl/styles.xml')!.data.toString())[Number(/<c r="G14" s="(\d+)"/.exec(xml)![1])];
    expect(body).toContain('wrapText="1"');
    expect(xml).toContain('Term end 2024-07-31 should be 2024-07-30');
  });

  test('checking the copy again replaces its findings sheet instead of adding a second', () => {
    const again = join(dir, 'kept-checked-twice.xlsm');
    expect(run(['validate', out, '--out', again]).status).toBe(0);
    const wb = unzip(readFileSync(again)).get('xl/workbook.xml')!.data.toString();
    expect(wb.match(/name="点検結果 Findings"/g)).toHaveLength(1);
    // Our own notes from the first check are replaced, not repeated.
    const c = unzip(readFileSync(again)).get('xl/comments1.xml')!.data.toString();
    expect(c.match(/Term end 2024-07-31 should be 2024-07-30/g)).toHaveLength(1);
    expect(c.match(/<author>altrules<\/author>/g)).toHaveLength(1);
  });
});
