// One date reader and one number reader for functions, sheets and pane (CONTRACT §1). Expected
// days are worked out by hand from the era tables: 令和 N = 2018 + N (from 2019-05-01), 平成 N =
// 1988 + N (1989-01-08 – 2019-04-30), 昭和 N = 1925 + N (to 1989-01-07).

import { isoFromDay, readDateText, readNumberText } from '../src/core';
import { toDay, toNumber } from '../src/functions/coerce';
import { validateSheet } from '../src/validation/validate';

const iso = (text: string) => {
  const r = readDateText(text);
  return r === undefined ? 'not a date' : r.ok ? isoFromDay(r.value) : `error: ${r.en}`;
};

test.each([
  ['2023-07-30', '2023-07-30'],
  ['2023/7/30', '2023-07-30'],
  ['2023年7月30日', '2023-07-30'],
  ['2023年7月30日(日)', '2023-07-30'],
  ['令和5年7月30日', '2023-07-30'],
  ['令和 5年 7月 30日', '2023-07-30'],
  ['令和元年5月1日', '2019-05-01'],
  ['R5.7.30', '2023-07-30'],
  ['r5.7.30', '2023-07-30'],
  ['R05/08/01', '2023-08-01'],
  ['令和5.8.1', '2023-08-01'],
  ['H27.4.8', '2015-04-08'],
  ['平成27年4月8日', '2015-04-08'],
  ['㍻27年4月8日', '2015-04-08'],
  ['平成31年4月30日', '2019-04-30'],
  ['平成元年1月8日', '1989-01-08'],
  ['昭和64年1月7日', '1989-01-07'],
  ['S60.4.1', '1985-04-01'],
  ['令和５年７月３０日', '2023-07-30'],
  ['２０２３年７月３０日', '2023-07-30'],
  ['Ｒ５．７．３０', '2023-07-30'],
])('%s is %s', (text, expected) => expect(iso(text)).toBe(expected));

test.each([
  ['令和1年4月30日', /does not exist: Reiwa \(令和\) runs 2019-05-01 onward/],
  ['平成31年5月1日', /does not exist: Heisei \(平成\) runs 1989-01-08 – 2019-04-30/],
  ['平成元年1月7日', /does not exist/],
  ['昭和64年1月8日', /does not exist/],
  ['R5.2.29', /not a day of the calendar/],
  ['2023-02-30', /not a day of the calendar/],
  ['令和0年5月1日', /starts at 1/],
])('%s is an error, not a guess', (text, message) => expect(iso(text)).toMatch(message));

test.each(['TBD', '2023', '5.7.30', 'X5.7.30', '令和5年7月', '', 'x'.repeat(100)])('%s is not a date', (text) => expect(iso(text)).toBe('not a date'));

test.each([
  ['280000', 280000],
  ['280,000', 280000],
  ['¥280,000', 280000],
  ['￥２８０，０００', 280000],
  ['280,000円', 280000],
  [' 12 ', 12],
  ['-1.5', -1.5],
  ['\u22125', -5],
  ['1e3', 1000],
  ['.5', 0.5],
])('number %s is %d', (text, n) => expect(readNumberText(text)).toBe(n));

test.each(['', '¥', 'abc', '1,2,3', '12,34', '1e999', '--1'])('%s is not a number', (text) => expect(readNumberText(text)).toBeUndefined());

test('functions read the same forms: ¥280,000 and 令和5年7月30日 as arguments; an impossible era date is #VALUE! with its reason', () => {
  expect(toNumber('¥280,000', 'pay')).toBe(280000);
  expect(isoFromDay(toDay('令和5年7月30日', 'arrival'))).toBe('2023-07-30');
  expect(isoFromDay(toDay('R05/08/01', 'arrival'))).toBe('2023-08-01');
  expect(() => toDay('令和1年4月30日', 'arrival')).toThrow(/arrival must be a date: 令和1年4月30日 does not exist/);
});

test('the validator reads the same forms in sheets, and says why an era date is wrong', () => {
  const head = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay'];
  const rows = [head, ['A', 'USA', 'S1', '令和5年7月30日', 1, 1, 'R5.7.31', '2024年7月30日', '¥280,000'], ['B', 'USA', 'S1', '令和1年4月30日', 1, 1, '', '', 280000]];
  const findings = validateSheet({ name: 'R', rows }).findings;
  expect(findings.map((f) => [f.row, f.field])).toEqual([[3, 'arrival']]);
  expect(findings[0].message).toMatch(/令和1年4月30日 does not exist/);
  expect(findings[0].message_ja).toMatch(/存在しない日付/);
});
