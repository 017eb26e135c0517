// The tag scanner reads a part in chunks cut anywhere: the events must not depend on the cuts.

import fc from 'fast-check';
import { TagScanner, attr, decodeText } from '../src/cli/xml';
import { parseRef } from '../src/cli/workbook';
import { Refusal } from '../src/cli/zip';

const SHEET =
  '<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="m"><!-- a > comment --><x:sheetData>' +
  '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Tom &amp; 太郎 &#x1F600; &lt;b&gt;</x:t></x:is></x:c>' +
  `<x:c r='B1' s="2"><x:f>IF(A1&gt;"a&gt;b","x","y")</x:f><x:v>x</x:v></x:c><x:c r="C1" t="str"><x:v><![CDATA[a<b&c]]></x:v></x:c></x:row>` +
  '<x:row r="2" spans="1:3"/></x:sheetData></x:worksheet>';

function events(chunks: string[]): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push(`text:${text}`);
    text = '';
  };
  const s = new TagScanner(
    {
      open: (name, raw, selfClosing) => (flush(), out.push(`open:${name}:${raw}:${selfClosing}`)),
      close: (name) => (flush(), out.push(`close:${name}`)),
      text: (raw) => (text += raw),
      cdata: (t) => (flush(), out.push(`cdata:${t}`)),
    },
    'sheet.xml',
  );
  for (const c of chunks) s.write(c);
  s.end();
  flush();
  return out;
}

test('events are the same however the text is cut into chunks', () => {
  const whole = events([SHEET]);
  expect(whole).toContain(`open:c:<x:c r='B1' s="2">:false`);
  expect(whole).toContain('text:Tom &amp; 太郎 &#x1F600; &lt;b&gt;');
  expect(whole).toContain('cdata:a<b&c');
  expect(whole).toContain('open:row:<x:row r="2" spans="1:3"/>:true');
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 1, max: SHEET.length - 1 }), { maxLength: 30 }), (cuts) => {
      const at = [0, ...cuts.sort((a, b) => a - b), SHEET.length];
      const chunks = at.slice(1).map((end, i) => SHEET.slice(at[i], end));
      expect(events(chunks)).toEqual(whole);
    }),
  );
  // One character at a time, too.
  expect(events([...SHEET])).toEqual(whole);
});

test('attributes and entities', () => {
  expect(attr(`<c r='B1' s="2">`, 'r')).toBe('B1');
  expect(attr('<c r="A1"\ts="3">', 's')).toBe('3');
  expect(attr('<c r="A1">', 't')).toBeUndefined();
  expect(attr('<sheet name="A &amp; B"/>', 'name')).toBe('A & B');
  expect(decodeText('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&bogus;&#0;')).toBe(`<>&"'AB&bogus;&#0;`);
  expect(parseRef('$AB$12')).toEqual([12, 28]);
  expect(parseRef('XFD1048576')).toEqual([1_048_576, 16_384]);
  expect(parseRef('ABCD1')).toBeUndefined();
  expect(parseRef('A')).toBeUndefined();
  expect(parseRef('A1B')).toBeUndefined();
});

test('a DOCTYPE, text before the root and a tag cut off at the end are refused', () => {
  const fails = (xml: string) => {
    try {
      events([xml]);
    } catch (e) {
      return e instanceof Refusal ? e.en : `other: ${e}`;
    }
    return 'accepted';
  };
  expect(fails('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toMatch(/DOCTYPE \(DTD\) is not allowed/);
  expect(fails('\u0000\u0000\u0000')).toMatch(/does not begin with a tag/);
  expect(fails('<x><c r="A1')).toMatch(/ends in the middle of a tag/);
});
