// The reader's smaller habits from issue 19: namespaces by URI, XML end-of-line rules, strict
// numbers, times on date-times, empty values, CRC-32 and encryption flags, other formats named,
// shared strings counted before they are kept, 65,600 entries through zip64, and --columns
// columns kept past row 20. Expected values are worked out by hand in the comments.

import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { NS_MAIN, NS_MAIN_STRICT, TagScanner } from '../src/cli/xml';
import { LIMITS, openPackage, readSharedStrings, sheetsOfFile } from '../src/cli/workbook';
import { Refusal, crc32, crc32Table, openZip, closeZip } from '../src/cli/zip';
import { MAIN, R, ROSTER_HEAD, STYLES, XML, book, sheetData, worksheet, zipOf } from './xlsx-fixtures';
import { fileOf, plain, zipWith } from './support/producers';
import { assertFreshLib } from './support/gates';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'altrules.js');
const dir = mkdtempSync(join(tmpdir(), 'altrules-habits-'));
let n = 0;
const save = (data: Buffer, name = `f${n++}.xlsx`) => {
  const f = join(dir, name);
  writeFileSync(f, data);
  return f;
};
const refusal = async (file: string): Promise<Refusal> => {
  try {
    await sheetsOfFile(file);
  } catch (e) {
    if (e instanceof Refusal) return e;
    throw e;
  }
  throw new Error('read without a refusal');
};

describe('the scanner knows elements by namespace URI', () => {
  const seen = (xml: string) => {
    const out: string[] = [];
    const s = new TagScanner({ open: (name, _r, _s, ns) => out.push(`${ns}|${name}`), close: () => {}, text: () => {} }, 'p.xml');
    s.write(xml);
    s.end();
    return out;
  };

  test('a default namespace, an x: prefix and a Strict namespace name the same elements', () => {
    expect(seen(`<workbook xmlns="${NS_MAIN}"><workbookPr/></workbook>`)).toEqual([`${NS_MAIN}|workbook`, `${NS_MAIN}|workbookPr`]);
    expect(seen(`<x:workbook xmlns:x="${NS_MAIN}"><x:workbookPr/></x:workbook>`)).toEqual([`${NS_MAIN}|workbook`, `${NS_MAIN}|workbookPr`]);
    expect(seen(`<workbook xmlns="${NS_MAIN_STRICT}"><workbookPr/></workbook>`)).toEqual([`${NS_MAIN_STRICT}|workbook`, `${NS_MAIN_STRICT}|workbookPr`]);
  });

  test('x15:workbookPr is another element; a declaration ends with its element', () => {
    const X15 = 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/main';
    const xml = `<workbook xmlns="${NS_MAIN}"><extLst><ext xmlns:x15="${X15}"><x15:workbookPr/></ext><ext><x15:workbookPr/></ext></extLst><a xmlns="urn:other"><b/></a><c/></workbook>`;
    expect(seen(xml)).toEqual([`${NS_MAIN}|workbook`, `${NS_MAIN}|extLst`, `${NS_MAIN}|ext`, `${X15}|workbookPr`, `${NS_MAIN}|ext`, `|workbookPr`, 'urn:other|a', 'urn:other|b', `${NS_MAIN}|c`]);
  });
});

test('CRC-32 from the table equals the native one (the check value of "123456789" is CBF43926)', () => {
  const data = Buffer.from('123456789');
  expect(crc32Table(data)).toBe(0xcbf43926);
  expect(crc32(data)).toBe(0xcbf43926);
  // Continued over two pieces, as a streamed part is summed.
  expect(crc32Table(data.subarray(4), crc32Table(data.subarray(0, 4)))).toBe(0xcbf43926);
});

describe('cell values', () => {
  // 2024-04-01 is serial 45383 (2024-01-01 is 45292; + 31 + 29 + 31 days).
  const styles = STYLES.replace('<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>', '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="h:mm"/></numFmts>').replace(
    '<cellXfs count="2">',
    '<cellXfs count="4">',
  ).replace('</cellXfs>', '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
  const cells =
    '<row r="1">' +
    '<c r="A1"><v>0x445C0</v></c>' + // hexadecimal is not an xsd:double
    '<c r="B1" t="d"><v>2024-04-01T12:00:00</v></c>' + // 45383 + 12/24 = 45383.5
    '<c r="C1" t="inlineStr"><is><t>line one\r\nline two\rthree&#13;</t></is></c>' +
    '<c r="D1" s="2"><v>45383.75</v></c>' + // h:mm on a date-time: 0.75 of a day = 18:00
    '<c r="E1" s="3"><v>1.5</v></c>' + // [h]:mm:ss (built-in 46): 1.5 days = 36:00 elapsed
    '<c r="F1" t="s"><v></v></c><c r="G1"><v/></c><c r="H1" t="s"><v>0</v></c>' +
    '</row>';
  test('read as Excel shows them', async () => {
    const f = save(
      book({
        sheets: [{ name: 'S', xml: `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${cells}</sheetData></worksheet>` }],
        styles,
        sharedStrings: `${XML}<sst xmlns="${MAIN}"><si><t>first</t></si></sst>`,
      }),
    );
    const [s] = await sheetsOfFile(f);
    expect(s.rows[0][0]).toEqual({ error: '#NUM!' });
    expect(s.rows[0][1]).toBe(45383.5);
    // CR LF and a lone CR are LF (XML 1.0 §2.11); a CR written as &#13; stays.
    expect(s.rows[0][2]).toBe('line one\nline two\nthree\r');
    expect(s.rows[0][3]).toBe('18:00');
    expect(s.rows[0][4]).toBe('36:00');
    expect(s.rows[0][5]).toBeUndefined();
    expect(s.rows[0][6]).toBeUndefined();
    expect(s.rows[0][7]).toBe('first');
  });
});

describe('the package', () => {
  test('a part whose CRC-32 does not match is refused as damaged (a streamed sheet and a whole part)', async () => {
    for (const victim of ['xl/worksheets/sheet1.xml', 'xl/workbook.xml']) {
      const parts = plain();
      const z = zipWith(parts, { store: true });
      // Stored entries: change one letter inside the part's text (a 'r' of `<row` or 'w' of `<workbook`).
      const at = z.indexOf(victim === 'xl/workbook.xml' ? '<sheets>' : '<row r="2">', z.indexOf(Buffer.from(victim)));
      z[at + 1] ^= 0x20;
      expect((await refusal(save(z))).en).toMatch(new RegExp(`the part ${victim} is damaged \\(its CRC-32 check sum or length does not match\\)`));
    }
  });

  test('an encrypted entry is named as such', async () => {
    const z = fileOf({ habit: 'plain', parts: plain() });
    const cd = z.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    z.writeUInt16LE(z.readUInt16LE(cd + 8) | 1, cd + 8);
    expect((await refusal(save(z))).en).toMatch(/is encrypted \(a password-protected zip\)/);
  });

  test('.xlsb, .ods, .numbers and .csv are named, with what to save as', async () => {
    expect((await refusal(save(zipOf([['[Content_Types].xml', '<Types/>'], ['xl/workbook.bin', 'x']]), 'b.xlsx'))).en).toMatch(/it is an Excel binary workbook \(\.xlsb\), not an \.xlsx workbook; save it as \.xlsx/);
    expect((await refusal(save(zipOf([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], ['content.xml', '<x/>']], true), 'o.xlsx'))).en).toMatch(/OpenDocument spreadsheet \(\.ods\)/);
    expect((await refusal(save(zipOf([['Index/Document.iwa', 'x'], ['Metadata/Properties.plist', 'x']]), 'n.xlsx'))).en).toMatch(/Apple Numbers file \(\.numbers\)/);
    expect((await refusal(save(Buffer.from('Name,Country\nAnn,USA\n'), 'roster.csv'))).en).toMatch(/it is a text file \(such as \.csv\)/);
  });

  test('a part written in UTF-16 is named', async () => {
    const parts = plain().map(([name, x]): [string, string | Buffer] => [name, name === 'xl/workbook.xml' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(x.replace('UTF-8', 'UTF-16'), 'utf16le')]) : x]);
    expect((await refusal(save(zipOf(parts)))).en).toMatch(/the part xl\/workbook\.xml is written in UTF-16/);
  });

  test('shared strings are counted before any is kept: past the limit, a refusal', () => {
    const old = LIMITS.sharedStrings;
    LIMITS.sharedStrings = 3;
    try {
      const sst = `${XML}<x:sst xmlns:x="${MAIN}"><x:si><x:t>a</x:t></x:si><x:si><x:t>b</x:t></x:si><x:si/><x:si><x:t>d</x:t></x:si></x:sst>`;
      const zip = openZip(save(book({ sheets: [{ name: 'S', xml: worksheet('') }], sharedStrings: sst })));
      try {
        expect(() => readSharedStrings(openPackage(zip))).toThrow(/more than 3 shared strings \(the limit\)/);
      } finally {
        closeZip(zip);
      }
    } finally {
      LIMITS.sharedStrings = old;
    }
  });
});

describe('through the command line', () => {
  beforeAll(() => assertFreshLib(ROOT));

  test('65,600 entries (zip64 end records) are read, and the copy of them reads back', async () => {
    // 65,600 > 65,535, the most an ordinary end record can count: only zip64 says how many.
    const extra: [string, string][] = Array.from({ length: 65_600 - plain().length }, (_, i) => [`customXml/item${i}.xml`, '<a/>']);
    const f = save(zipWith([...plain(), ...extra], { zip64: true, store: true }), 'many.xlsx');
    const out = join(dir, 'many-checked.xlsx');
    const r = spawnSync('node', [BIN, 'validate', f, '--out', out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0); // a roster checked (its findings are in the copy), no refusal
    const names = (await sheetsOfFile(out)).map((s) => s.name);
    expect(names).toEqual(['Roster', '点検結果 Findings']);
    const zip = openZip(out);
    // 65,600 entries, plus the notes, their drawing, the sheet's rels and the findings sheet: 65,604.
    expect(zip.entries.length).toBe(65_604);
    closeZip(zip);
  }, 120_000);

  test('a package whose rels name no styles part while xl/styles.xml exists: the copy ends, names that one part, and opens', async () => {
    // Before: freeName(…, () => 'xl/styles.xml') never returned and Ctrl-C could not stop it.
    const parts = plain().map(([name, x]): [string, string] => [name, name === 'xl/_rels/workbook.xml.rels' ? x.replace(/<Relationship Id="rId2"[^>]*\/>/, '') : x]);
    const f = save(zipWith(parts), 'no-styles-rel.xlsx');
    const out = join(dir, 'no-styles-rel-checked.xlsx');
    const r = spawnSync('node', [BIN, 'validate', f, '--out', out], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const zip = openZip(out);
    try {
      expect(zip.entries.map((e) => e.name).filter((name) => /styles/i.test(name))).toEqual(['xl/styles.xml']);
      const pkg = openPackage(zip);
      expect(pkg.stylesPart).toBe('xl/styles.xml');
      expect(pkg.stylesRelated).toBe(true);
    } finally {
      closeZip(zip);
    }
  });

  test('--columns: a mapped column past the built-in headers is read on every row, not only the first 20', () => {
    // Headers A..H are built in; "Salary" (column J) is the clerk's name for Monthly pay. 40 people,
    // each paid ¥1: one monthly-pay finding per person, rows 2 to 41 = 40 findings.
    const head = [...ROSTER_HEAD.slice(0, 8), 'Remarks', 'Salary'];
    const rows = [head, ...Array.from({ length: 40 }, (_, i) => [`ALT ${i}`, 'USA', 'S1', 45137, 1, 1, 45138, 45503, '', 1])];
    const f = save(book({ sheets: [{ name: 'Roster', xml: worksheet(sheetData(rows)) }] }), 'salary.xlsx');
    const map = join(dir, 'map.json');
    writeFileSync(map, '{"monthlyPay": "Salary"}');
    const r = spawnSync('node', [BIN, 'validate', '--json', f, '--columns', map], { encoding: 'utf8' });
    const out = JSON.parse(r.stdout) as { findings: { row: number; field?: string }[] };
    const pay = out.findings.filter((x) => x.field === 'monthlyPay');
    expect(pay.map((x) => x.row)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    // By letter too: J is column 10.
    writeFileSync(map, '{"monthlyPay": "J"}');
    const byLetter = JSON.parse(spawnSync('node', [BIN, 'validate', '--json', f, '--columns', map], { encoding: 'utf8' }).stdout) as typeof out;
    expect(byLetter.findings.filter((x) => x.field === 'monthlyPay')).toHaveLength(40);
  });
});
