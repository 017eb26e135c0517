// The `_altrules` store sheet is read from a workbook anyone may have edited: a row cut short reads
// its missing cells as empty, never as a crash; and the strict helpers behave as their names say.

import { parseStore } from '../src/validation/store';
import { IndexOutOfRange, at, definedOnly } from '../src/validation/strict';

test('a short accepted row keeps what it has, the rest empty; a short mapping row is skipped', () => {
  const store = parseStore([
    ['kind', 'sheet', 'field/cell', 'header/rule', 'column/value', 'who', 'when', 'why'],
    ['accepted', 'Roster', 'B2'],
    ['mapping', 'Roster', 'arrival'], // no column number: not a mapping
    ['mapping', 'Roster', 'arrival', '着任', '3'],
  ]);
  expect(store.acceptances).toEqual([{ sheet: 'Roster', cell: 'B2', rule: '', value: '', who: '', when: '', why: '' }]);
  expect(store.mappings).toEqual([{ sheet: 'Roster', field: 'arrival', header: '着任', column: 3 }]);
  // The short mapping row is kept as an unknown record, not lost.
  expect(store.other).toEqual([['mapping', 'Roster', 'arrival']]);
});

test('at() returns in-range items, holes included, and names an index out of range', () => {
  const sparse: (string | undefined)[] = ['a'];
  sparse[2] = 'c';
  expect(at(sparse, 2)).toBe('c');
  expect(at(sparse, 1)).toBeUndefined(); // a hole inside the list
  expect(() => at(['a'], 1, 'sheets')).toThrow(IndexOutOfRange);
  expect(() => at(['a'], -1, 'sheets')).toThrow('internal: sheets[-1] is out of range (length 1)');
});

test('definedOnly() drops undefined properties and keeps null, 0, false and empty text', () => {
  const o = definedOnly({ a: undefined, b: null, c: 0, d: false, e: '' });
  expect(o).toStrictEqual({ b: null, c: 0, d: false, e: '' });
  expect('a' in o).toBe(false);
});
