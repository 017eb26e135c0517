// One date reader and one number reader for functions, sheets and pane (README "The worksheet functions"). Expected
// days are worked out by hand from the era tables: 令和 N = 2018 + N (from 2019-05-01), 平成 N =
// 1988 + N (1989-01-08 – 2019-04-30), 昭和 N = 1925 + N (to 1989-01-07).

import fc from 'fast-check';
import { HOURS_OF_AN_ENTRY, HOURS_OF_A_DAY, HoursUnit, absenceDeduction, builtInRuleset, isoFromDay, minutesOfHours, monthAbsenceSpan, readDateText, readHours, readMonthText, readNumberText } from '../src/core';
import { toDay, toMonth, toNumber } from '../src/functions/coerce';
import { invoke } from '../src/functions/registry';
import { minutesOfHoursCell, monthOfCell } from '../src/validation/ledger';
import { error, value } from './helpers';
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

const call = (name: string, ...args: unknown[]) => invoke(name, args as never[]);

// ---- the one hours reader ---------------------------------------------------------------------
// Minutes worked out by hand: h:mm → h × 60 + mm; hours × 60; an Excel time value × 1440.

describe('hours: one reader for functions, sheets and pane', () => {
  const alt = builtInRuleset('alt', 'saitama-alt-r5');
  const month = monthAbsenceSpan(alt); // Art 8.1: 23 working days × 7 h = 161 h = 9,660 min
  const minutes = (v: number | string, span = HOURS_OF_A_DAY, unit?: HoursUnit) => {
    const r = readHours(v, span, unit);
    return r.ok ? r.value : `refused: ${r.en} / ${r.ja}`;
  };

  test.each([
    ['1:15', 75],
    ['01:15', 75],
    ['1:5', 65], // Excel reads 1:5 as 1:05
    ['1:15:00', 75],
    ['１：１５', 75],
    [' 1 : 15 ', 75],
    ['1.25', 75],
    ['１．２５', 75],
    ['.5', 30],
    ['2', 120],
    ['1時間15分', 75],
    ['1 時間 15 分', 75],
    ['1時間', 60],
    ['1時間半', 90],
    ['1.5時間', 90],
    ['75分', 75],
    ['1h15m', 75],
    ['1h 15min', 75],
    ['2.5h', 150],
    ['90min', 90],
    ['0:00', 0],
    ['24:00', 1440],
    [1.25, 75],
    [0, 0],
    [24, 1440],
    [2 + 25 / 60, 145], // a float's noise (144.99999999999997) is settled, not a whole minute's rounding
  ] as [string | number, number][])('%p is %d minutes of a day', (v, m) => expect(minutes(v)).toBe(m));

  test.each([
    [145, 'minutes', 145],
    ['145', 'minutes', 145],
    [150 / 1440, 'time', 150], // Excel's 2:30 as a time value: a fraction of a day
    [75 / 1440, 'time', 75],
    ['2:25', 'minutes', 145], // text h:mm means h:mm whatever the unit
    ['2:25', 'time', 145],
  ] as [string | number, HoursUnit, number][])('%p as %s is %d minutes', (v, unit, m) => expect(minutes(v, month, unit)).toBe(m));

  test('a month holds up to 161 h (Art 8.1): 160:30 is 9,630 minutes, 161:01 is refused with the clause', () => {
    expect(minutes('160:30', month)).toBe(9630);
    expect(minutes(161, month)).toBe(9660);
    expect(minutes('161:01', month)).toMatch(/^refused: "161:01" \(161\.017 h\) is more than one month can hold: at most 23 working days × 7 h = 161 h \(Art 8\.1/);
    expect(minutes('161:01', month)).toMatch(/第8条第1項/);
  });

  test.each([
    ['', /"" is not a time; write h:mm \(1:15\), hours \(1\.25\) or 1時間15分/],
    ['x', /"x" is not a time/],
    ['1:60', /minutes and seconds run 0–59/],
    ['1:15:30', /is 75\.5 minutes, not a whole minute: give whole minutes, e\.g\. 1:15 \(nothing is rounded here/],
    ['1時間75分', /minutes after hours run 0–59/],
    ['半', /is not a time/],
    ['-1', /"-1" is below zero/],
    ['-1:00', /is not a time/],
    ['¥1', /is not a time/],
    ['1,5', /is not a time/],
    ['25:00', /"25:00" \(25 h\) is more than one day \(24:00\)/],
    [-0.5, /-0\.5 h is below zero/],
    [25, /25 h is more than one day/],
    [1.01, /1\.01 h is 60\.6 minutes, not a whole minute/],
    [1 / 7, /not a whole minute/], // 8.571… minutes: refused, never rounded
    [NaN, /is not a time/],
    [Infinity, /is not a time/],
    ['1'.repeat(100), /is not a time/],
  ] as [string | number, RegExp][])('%p is refused: %p', (v, why) => {
    const r = readHours(v, HOURS_OF_A_DAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.en).toMatch(why);
      expect(r.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/); // a Japanese message beside the English one
    }
  });

  test('an hourly ledger entry needs some time: 0:00 is refused, 0:01 is one minute', () => {
    expect(minutes('0:00', HOURS_OF_AN_ENTRY)).toMatch(/^refused: "0:00" is no time; give the time taken, 1 minute or more/);
    expect(minutes('0:01', HOURS_OF_AN_ENTRY)).toBe(1);
  });

  test('1:15:30 is refused even where a month total is read: nothing rounded silently', () => {
    expect(error('ALT.DEDUCT', 1, '1:15:30').message).toMatch(/^absent: "1:15:30" is 75\.5 minutes, not a whole minute/);
    expect(error('ALT.DEDUCT', 1, 1.01).message).toMatch(/not a whole minute/);
  });

  // Every entry point: the core reader and its ledger wrapper, the validator's cell reader, the
  // ledger rows of ALT.LEDGERBALANCE, ALT.PARTIALLEAVECAP's day, ALT.DEDUCT's and ALT.MONTHPAY's month.
  const anyHours = fc.oneof(
    fc.integer({ min: -100, max: 12000 }).map((m) => `${Math.floor(Math.abs(m) / 60)}:${String(Math.abs(m) % 60).padStart(2, '0')}`),
    fc.integer({ min: 0, max: 200 }).chain((h) => fc.integer({ min: 0, max: 99 }).map((m) => `${h}時間${m}分`)),
    fc.double({ min: -2, max: 200, noNaN: true }),
    fc.integer({ min: -120, max: 12000 }).map((m) => m / 60),
    fc.integer({ min: 0, max: 12000 }).map((m) => String(m / 60)),
    fc.constantFrom('x', '1:60', '1:15:30', '1時間半', '半', '１：１５', '-1', '1h15m', '0:00', 1e300),
  );

  // An empty cell or argument means "not given" (README "The worksheet functions"), so it never reaches the reader.
  test('every entry point reads the same time the same way', () => {
    fc.assert(
      fc.property(anyHours, (v) => {
        const entry = readHours(v, HOURS_OF_AN_ENTRY);
        const day = readHours(v, HOURS_OF_A_DAY);
        const inMonth = readHours(v, month);
        // Sheets (validator) and the core's ledger wrapper.
        const cell = minutesOfHoursCell(v);
        expect(cell).toEqual(entry.ok ? entry.value : { en: entry.en, ja: entry.ja });
        expect(minutesOfHours(v)).toBe(entry.ok ? entry.value : undefined);
        // ALT.LEDGERBALANCE: the hours column of its spill is the entry's time in hours.
        const ledger = call('ALT.LEDGERBALANCE', [['2023-09-04', null, 'absence', v]], '2023-08-07');
        // A 0 in a range cell is the blank cell older Excel builds pass (OfficeDev/office-js#5262): no hours given.
        if (v === 0) expect(ledger).toEqual(call('ALT.LEDGERBALANCE', [['2023-09-04', null, 'absence', null]], '2023-08-07'));
        else if (entry.ok) expect('value' in ledger && (ledger.value as unknown[][])[0][3]).toBe(entry.value / 60);
        else expect(ledger).toMatchObject({ error: '#VALUE!', message: `ledger row 1 hours: ${entry.en}` });
        // ALT.PARTIALLEAVECAP: a day's nursing or care time (Art 14-3.1).
        const cap = call('ALT.PARTIALLEAVECAP', v);
        if (day.ok) expect('value' in cap).toBe(true);
        else expect(cap).toMatchObject({ error: '#VALUE!', message: `nursingOrCareHours: ${day.en}` });
        // ALT.DEDUCT and ALT.MONTHPAY: a month's total (Art 8.1, 8.2).
        const deduct = call('ALT.DEDUCT', 1, v);
        if (inMonth.ok) expect(deduct).toEqual({ value: absenceDeduction(alt, 1, inMonth.value) });
        else expect(deduct).toMatchObject({ error: '#VALUE!', message: `absent: ${inMonth.en}` });
        const pay = call('ALT.MONTHPAY', 1, '2024-07-01', null, null, v);
        if (inMonth.ok) expect('value' in pay).toBe(true);
        else expect(pay).toMatchObject({ error: '#VALUE!', message: `unpaidHoursLastMonth: ${inMonth.en}` });
      }),
      { numRuns: 300 },
    );
  });
});

// ---- the one month reader ------------------------------------------------------------------------
// 令和 N = 2018 + N from 2019-05; 平成 N = 1988 + N to 2019-04; the value is the month's first day.

describe('months: one reader for functions, sheets and altrules pay --month', () => {
  const first = (text: string) => {
    const r = readMonthText(text);
    return r === undefined ? 'not a month' : r.ok ? isoFromDay(r.value) : `error: ${r.en}`;
  };

  test.each([
    ['2024-07', '2024-07-01'],
    ['2024/7', '2024-07-01'],
    ['2024.7', '2024-07-01'],
    ['2024年7月', '2024-07-01'],
    ['２０２４年７月', '2024-07-01'],
    ['令和6年7月', '2024-07-01'],
    ['令和 6年 7月', '2024-07-01'],
    ['令和元年5月', '2019-05-01'],
    ['R6.7', '2024-07-01'],
    ['r6/7', '2024-07-01'],
    ['R06-07', '2024-07-01'],
    ['Ｒ６．７', '2024-07-01'],
    ['H31.4', '2019-04-01'],
    ['平成31年4月', '2019-04-01'],
    ['平成元年1月', '1989-01-01'], // 平成 begins 1989-01-08, within January
    ['昭和64年1月', '1989-01-01'],
    ['2024-07-21', '2024-07-01'],
    ['令和6年7月21日', '2024-07-01'],
    ['R6.7.21', '2024-07-01'],
  ])('%s is the month from %s', (text, expected) => expect(first(text)).toBe(expected));

  test.each([
    ['令和1年4月', /does not exist: Reiwa \(令和\) runs 2019-05-01 onward/],
    ['平成31年5月', /does not exist: Heisei \(平成\) runs 1989-01-08 – 2019-04-30/],
    ['昭和64年2月', /does not exist/],
    ['令和0年5月', /starts at 1/],
    ['2024-13', /not a month of the calendar/],
    ['2024年0月', /not a month of the calendar/],
    ['R6.13', /not a month of the calendar/],
    ['2024-02-30', /not a day of the calendar/],
  ])('%s is an error, not a guess', (text, why) => expect(first(text)).toMatch(why));

  test.each(['July', '2024', '7', '6.7', 'X6.7', '', 'x'.repeat(100)])('%s is not a month', (text) => expect(first(text)).toBe('not a month'));

  test('month arguments of the functions take the same forms (worked by hand)', () => {
    // docs/rules.md §12: July 2024, June's 2 h 30 min deducted: 280,000 − 3 × 1,846 = 274,462.
    for (const m of ['2024-07', '2024/7', '2024年7月', '令和6年7月', 'R6.7', '2024-07-19', 45492]) expect(value('ALT.MONTHPAY', 1, m, '2023-08-07', null, '2:30')).toBe(274462);
    // 2026-09-21 敬老の日, 20th Sunday, 19th Saturday → pay day Fri 2026-09-18 (Art 7.2).
    for (const m of ['2026-09', '令和8年9月', 'R8.9', '2026年9月']) expect(isoFromDay(toDay(value('ALT.PAYDATE', m) as number, 'x'))).toBe('2026-09-18');
    // June 2024's absence → July's pay day: 21 Jul 2024 is a Sunday → Fri 19 Jul (D-9).
    expect(isoFromDay(toDay(value('ALT.DEDUCTPAYDAY', '2024年6月') as number, 'x'))).toBe('2024-07-19');
    // Service from Mon 2023-08-07: 19 of August's 23 days requiring work → 280,000 × 19/23 = 231,304.3 → 231,304.
    expect(value('ALT.PAY', 1, 'R5.8', '2023-08-07')).toBe(231304);
  });

  test('a month argument that is not one says what is allowed, in both languages', () => {
    const e = error('ALT.MONTHPAY', 1, 'July');
    expect(e.message).toMatch(/^month must be a month: 2024-07, 2024\/7, 2024年7月, 令和6年7月, R6\.7, or a date in it; got "July"/);
    expect(e.messageJa).toMatch(/月（2024-07、2024\/7、2024年7月、令和6年7月、R6\.7、またはその月の日付）で指定してください/);
    expect(error('ALT.PAYDATE', '令和1年4月').message).toMatch(/month must be a month: 令和1年4月 does not exist/);
    expect(error('ALT.PAY', 1, '2024-13').message).toMatch(/not a month of the calendar/);
    expect(error('ALT.PAY', 1, '1979-12').message).toMatch(/1980/);
  });

  test('every entry point reads a month the same way: the core, the pay sheet (and --month), the functions', () => {
    const forms = (y: number, m: number): string[] => {
      const r = y >= 2019 && (y > 2019 || m >= 5) ? [`令和${y - 2018}年${m}月`, `R${y - 2018}.${m}`] : y >= 1989 ? [`平成${y - 1988}年${m}月`, `H${y - 1988}/${m}`] : [`昭和${y - 1925}年${m}月`];
      return [`${y}-${String(m).padStart(2, '0')}`, `${y}/${m}`, `${y}年${m}月`, `${y}-${m}-28`, ...r];
    };
    fc.assert(
      fc.property(fc.integer({ min: 1980, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        for (const text of forms(y, m)) {
          const r = readMonthText(text);
          expect(r?.ok && isoFromDay(r.value)).toBe(`${y}-${String(m).padStart(2, '0')}-01`);
          expect(monthOfCell(text)).toBe(y * 12 + m - 1);
          expect(isoFromDay(toMonth(text, 'month'))).toBe(`${y}-${String(m).padStart(2, '0')}-01`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
