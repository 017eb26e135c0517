// Both sides of every boundary in docs/rules.md, through the worksheet functions as Excel calls them
// (or the core where no function exposes the rule). Every expected value is worked by hand from the
// clause; the working is in the comment beside it. Dates are checked on a calendar, not by our code.

import { builtInRuleset, participationLimit } from '../src/core';
import { invoke } from '../src/functions/registry';
import { d, iso } from './helpers';

const alt = builtInRuleset('alt', 'saitama-alt-r5');

type Arg = string | number | boolean | null | Arg[];
const call = (name: string, ...args: Arg[]) => invoke(name, args as never[]);
const value = (name: string, ...args: Arg[]) => {
  const out = call(name, ...args);
  if (!('value' in out)) throw new Error(`${name}: ${out.error} ${out.message}`);
  return out.value;
};
/** Excel 1900-system serial of an ISO date, by JS Date: serial 25569 is 1970-01-01. */
const serial = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000 + 25569;
const isoOfSerial = (s: unknown) => new Date(((s as number) - 25569) * 86_400_000).toISOString().slice(0, 10);

/** A refusal: #VALUE! whose message matches, with a Japanese message too. */
function expectRefused(name: string, args: Arg[], message: RegExp): void {
  const out = call(name, ...args);
  expect(out).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(message) });
  expect('messageJa' in out && out.messageJa.length).toBeGreaterThan(0);
}

describe('Art 13.2 / 26.2.1: at most 20 days of sick leave, counted with 週休日 and 休日 (D-6)', () => {
  test.each([
    ['20 calendar days, Oct 1–20', 0, [['2023-10-01', '2023-10-20']]],
    ['14 days + 6 days, 6 days apart (Oct 15–20 between): one chain of 20', 0, [['2023-10-01', '2023-10-14'], ['2023-10-21', '2023-10-26']]],
    ['14 days, then 7 days 7 days apart (Oct 15–21 between): a new chain of 7', 13, [['2023-10-01', '2023-10-14'], ['2023-10-22', '2023-10-28']]],
    ['19 days', 1, [['2023-10-01', '2023-10-19']]],
  ] as [string, number, Arg[]][])('%s → %i days left', (_, left, periods) => {
    expect(value('ALT.SICKLEFT', periods)).toBe(left);
  });

  test.each([
    ['21 calendar days, Oct 1–21', [['2023-10-01', '2023-10-21']]],
    ['14 days + 7 days, 6 days apart: one chain of 21', [['2023-10-01', '2023-10-14'], ['2023-10-21', '2023-10-27']]],
  ] as [string, Arg[]][])('%s → refused: beyond day 20 only suspension (Art 26.2.1) remains', (_, periods) => {
    expectRefused('ALT.SICKLEFT', [periods], /21 days, more than the 20 allowed/);
  });

  test('D-6: periods 6 days apart join, 7 days apart do not', () => {
    expect(value('ALT.SICKJOINED', '2023-10-14', '2023-10-21')).toBe(true); // Oct 15–20: 6 days between
    expect(value('ALT.SICKJOINED', '2023-10-14', '2023-10-22')).toBe(false); // Oct 15–21: 7 days between
  });

  test('Art 30.3: 3 consecutive days need no certificate, 4 do', () => {
    expect(value('ALT.SICKCERT', 3)).toBe(false);
    expect(value('ALT.SICKCERT', 4)).toBe(true);
  });
});

describe('Art 9.2: return airfare needs departure, and no job in Japan, within 1 month from the day after the term', () => {
  // Term ends Thu 2024-08-01; the month counted from Fri 2024-08-02 ends the day before 2024-09-02
  // (民法 Art 143): the window's last day is Sun 2024-09-01.
  test('the window ends 2024-09-01 (ALT.RETURNBY)', () => {
    expect(isoOfSerial(value('ALT.RETURNBY', '2024-08-01'))).toBe('2024-09-01');
    expect(value('ALT.RETURNBY', '2024-08-01')).toBe(serial('2024-09-01'));
  });

  test.each([
    ['departs on the last day of the window', '2024-09-01', null, true],
    ['departs the day after the window', '2024-09-02', null, false],
    ['a job in Japan from the window’s last day', '2024-08-20', '2024-09-01', false],
    ['a job in Japan from the day after the window', '2024-08-20', '2024-09-02', true],
    ['a job in Japan from the day after the term', '2024-08-20', '2024-08-02', false],
  ] as [string, string, string | null, boolean][])('term ends 2024-08-01, %s (departure %s, job %s) → %p', (_, departure, job, eligible) => {
    expect(value('ALT.AIRFARE', '2024-08-01', '2024-08-01', departure, job)).toBe(eligible);
  });

  test('a month from 31 January ends on the last day of February (民法 Art 143.2): 2024-02-29 in, 2024-03-01 out', () => {
    // Term ends 2024-01-30; the month runs from 2024-01-31; 2024-02-31 does not exist.
    expect(isoOfSerial(value('ALT.RETURNBY', '2024-01-30'))).toBe('2024-02-29');
    expect(value('ALT.AIRFARE', '2024-01-30', '2024-01-30', '2024-02-29')).toBe(true);
    expect(value('ALT.AIRFARE', '2024-01-30', '2024-01-30', '2024-03-01')).toBe(false);
  });
});

describe('Art 10.3–10.4: a 4-week average of at most 35 h; at most 8 h a day, 40 h a week, one day off a week', () => {
  // Four weeks from Sun 2023-09-03 (a week runs Sunday to Saturday, Art 2.3); each row Sun…Sat.
  const FIRST_SUNDAY = Date.UTC(2023, 8, 3);
  const check = (weeks: number[][]) => {
    const dates: Arg[] = [];
    const hours: Arg[] = [];
    weeks.flat().forEach((h, i) => {
      dates.push([new Date(FIRST_SUNDAY + i * 86_400_000).toISOString().slice(0, 10)]);
      hours.push([h]);
    });
    const rows = value('ALT.WORKCHECK', dates, hours) as string[][];
    return rows[0][0] === 'OK' ? [] : rows.map((r) => r[0]);
  };
  const full = [0, 7, 7, 7, 7, 7, 0]; // 35 h

  test.each([
    ['40 + 30 + 35 + 35 = 140 h: average exactly 35 h', [[0, 8, 8, 8, 8, 8, 0], [0, 2, 7, 7, 7, 7, 0], full, full], []],
    ['40 + 30.25 + 35 + 35 = 140.25 h: average 35.0625 h', [[0, 8, 8, 8, 8, 8, 0], [0, 2.25, 7, 7, 7, 7, 0], full, full], ['Art 10.3']],
    ['a day of 8 h (balanced)', [[0, 8, 7, 7, 7, 6, 0], full, full, full], []],
    ['a day of 8.5 h (balanced)', [[0, 8.5, 7, 7, 7, 5.5, 0], full, full, full], ['Art 10.4']],
    ['a week of 40.5 h, balanced to 140 h', [[0, 8, 8, 8, 8, 8, 0.5], [0, 1.5, 7, 7, 7, 7, 0], full, full], ['Art 10.4']],
    ['35 h with Sunday off', [[0, 7, 7, 7, 7, 6, 1], full, full, full], []],
    ['35 h with no day off', [[1, 7, 7, 7, 7, 5, 1], full, full, full], ['Art 10.4']],
  ] as [string, number[][], string[]][])('%s', (_, weeks, clauses) => {
    expect(check(weeks)).toEqual(clauses);
  });
});

describe('Note 3 / Art 5.3: at most 5 years 4 months — 5 terms, or 6 with the bridge term (D-8)', () => {
  test.each([
    // USA, April ①: 2015-04-09…2016-04-08, bridge to 2016-08-02, then yearly: term 6 ends 2020-08-02.
    ['A1 from the USA, term 6', '2020-08-02', ['2015-04-08', 'A1', 6, 'USA', '2015-08-02']],
    // South Korea, April ①: no bridge; term n ends 2015+n-04-08.
    ['A1 from South Korea, term 5', '2020-04-08', ['2015-04-08', 'A1', 5, '韓国']],
    // Summer ①: start 2015-07-31; term 5 ends 2020-07-30.
    ['S1, term 5', '2020-07-30', ['2015-07-30', 'S1', 5]],
  ] as [string, string, Arg[]][])('%s ends %s', (_, end, args) => {
    expect(value('ALT.TERMEND', ...args)).toBe(serial(end));
  });

  test.each([
    ['A1 from the USA, term 7', ['2015-04-08', 'A1', 7, 'USA', '2015-08-02'], /at most 6 terms|from 1 to 6/],
    ['A1 from South Korea, term 6', ['2015-04-08', 'A1', 6, '韓国'], /at most 5 terms/],
    ['S1, term 6', ['2015-07-30', 'S1', 6], /at most 5 terms/],
  ] as [string, Arg[], RegExp][])('%s does not exist', (_, args, message) => {
    expectRefused('ALT.TERMEND', args, message);
  });

  test('5 years 4 months from the first day (民法 Art 143): the last day inside', () => {
    // From 2015-04-09: the day before 2020-08-09. The bridge participant's last term ends 2020-08-02, inside.
    expect(iso(participationLimit(alt, d('2015-04-09')))).toBe('2020-08-08');
    // From 2015-10-31: 2021-02-31 does not exist → the last day of February 2021.
    expect(iso(participationLimit(alt, d('2015-10-31')))).toBe('2021-02-28');
    expect(iso(participationLimit(alt, d('2015-11-01')))).toBe('2021-02-28');
  });
});

describe('D-7: cap × months ÷ 12, rounded down — with a cap that 12 does not divide', () => {
  // A user ruleset whose only office has a cap of ¥1,000,001.
  const odd = JSON.stringify({
    extends: 'clair-r8',
    id: 'test-odd-cap',
    offices: [{ code: 'TST', en: 'Testville', ja: 'テスト市', aliases: [], capYen: 1_000_001, countries: ['US'] }],
  });

  test.each([
    [1, 83_333], // 1,000,001 ÷ 12 = 83,333.41…
    [6, 500_000], // 6,000,006 ÷ 12 = 500,000.5 → down, not up
    [7, 583_333], // 7,000,007 ÷ 12 = 583,333.91…
    [11, 916_667], // 11,000,011 ÷ 12 = 916,667.58…
    [12, 1_000_001], // the whole cap
  ])('%i months → ¥%i', (months, cap) => {
    expect(value('CLAIR.STIPENDCAP', 'Testville', months, odd)).toBe(cap);
  });

  test('without months the full cap; 1 and 12 months allowed, 13 refused, 0 a blank cell (so the full cap)', () => {
    expect(value('CLAIR.STIPENDCAP', 'Testville', null, odd)).toBe(1_000_001);
    expect(value('CLAIR.STIPENDCAP', 'Paris', 12)).toBe(3_870_000);
    expect(value('CLAIR.STIPENDCAP', 'Paris', 1)).toBe(322_500); // 3,870,000 ÷ 12
    expectRefused('CLAIR.STIPENDCAP', ['Paris', 13], /months must be/);
    expectRefused('CLAIR.STIPENDCAP', ['Paris', -1], /months must be/);
    // Older Excel builds pass an empty months cell as 0 (OfficeDev/office-js#4702): no months is 0.
    expect(value('CLAIR.STIPENDCAP', 'Paris', 0)).toBe(3_870_000);
  });
});

describe('D-4: the second 10 days of a first appointment, from the day after 3 months (民法 Art 143)', () => {
  test.each([
    ['2023-08-01', '2023-10-31', '2023-11-01'], // 3 months end 2023-10-31
    ['2023-11-29', '2024-02-28', '2024-02-29'], // end the day before 2024-02-29
    ['2023-11-30', '2024-02-29', '2024-03-01'], // 2024-02-30 does not exist: end 2024-02-29
  ])('appointed %s: 10 days on %s, 20 from %s', (appointed, dayBefore, grantDay) => {
    expect(value('ALT.SECONDGRANT', appointed)).toBe(serial(grantDay));
    expect(value('ALT.LEAVE', appointed, dayBefore)).toBe(10);
    expect(value('ALT.LEAVE', appointed, grantDay)).toBe(20);
    // Hours available: 10 × 7 = 70 the day before, 20 × 7 = 140 from the grant day (Art 12.1).
    expect(value('ALT.LEAVE', appointed, dayBefore, 70)).toBe(0);
    expectRefused('ALT.LEAVE', [appointed, dayBefore, 70.5], /usedHours 70\.5 exceeds/);
    expect(value('ALT.LEAVE', appointed, grantDay, 140)).toBe(0);
    expectRefused('ALT.LEAVE', [appointed, grantDay, 140.5], /usedHours 140\.5 exceeds/);
  });
});

describe('Art 7.2: pay on the 21st, or the nearest earlier day that is neither 休日 nor 勤務を要しない日', () => {
  test.each([
    ['2023-08-15', '2023-08-21'], // Mon 21st: a working day
    ['2023-10-01', '2023-10-20'], // Sat 21st → Fri 20th
    ['2023-10-31', '2023-10-20'], // any day of the month names the month
    ['2023-11-01', '2023-11-21'], // the next month: Tue 21st
    ['2025-07-01', '2025-07-18'], // Mon 21st 海の日, Sun 20th, Sat 19th → Fri 18th
    ['2026-03-01', '2026-03-19'], // Sat 21st, Fri 20th 春分の日 → Thu 19th
    ['2026-09-01', '2026-09-18'], // Mon 21st 敬老の日, Sun 20th, Sat 19th → Fri 18th
    ['2024-09-10', '2024-09-20'], // Sat 21st → Fri 20th
  ])('month of %s → %s', (month, payDay) => {
    expect(value('ALT.PAYDATE', month)).toBe(serial(payDay));
  });
});

describe('Art 7.3: days requiring work are all but Saturdays and Sundays; holidays count', () => {
  // September 2023: 30 days, Sat/Sun 2, 3, 9, 10, 16, 17, 23, 24, 30 → 21 (敬老の日 9/18 counts).
  test.each([
    ['2023-09-01', 280_000], // from the 1st: the whole month
    ['2023-09-02', 266_666], // Sat: 20 of 21 → 280,000 × 20 ÷ 21 = 266,666.67 → down
    ['2023-09-04', 266_666], // Mon: still 20 (the weekend before is not a working day)
    ['2023-09-05', 253_333], // Tue: 19 → 253,333.33 → down
  ])('year 1, service from %s → ¥%i', (start, pay) => {
    expect(value('ALT.PAY', 1, '2023-09-15', start)).toBe(pay);
  });
});

describe('Art 8.2: the month’s absent time, under 30 minutes dropped, 30 or more a full hour', () => {
  test.each([
    ['0:29', 0],
    ['0:30', 1_846], // 1 h × ¥1,846 (year 1, D-3)
    ['2:29', 3_692], // 2 h
    ['2:30', 5_538], // 3 h
  ])('year 1, %s absent → ¥%i', (absent, deduction) => {
    expect(value('ALT.DEDUCT', 1, absent)).toBe(deduction);
  });

  test('every minute of a day, as h:mm text, minutes, hours or an Excel time value, lands on the right side of :30', () => {
    const wrong: string[] = [];
    for (let minutes = 0; minutes <= 24 * 60; minutes++) {
      const hours = Math.floor(minutes / 60) + (minutes % 60 >= 30 ? 1 : 0);
      const hhmm = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
      const ways: [string, Arg[]][] = [
        ['text', [1, hhmm]],
        ['minutes', [1, minutes, 'minutes']],
        ['hours', [1, minutes / 60]],
        ['time', [1, minutes / 1440, 'time']], // Excel's time value: a fraction of a day, not exact in binary
      ];
      for (const [way, args] of ways) {
        const got = call('ALT.DEDUCT', ...args);
        if (!('value' in got) || got.value !== hours * 1_846) wrong.push(`${hhmm} as ${way}: ${JSON.stringify(got)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('Art 28: illness suspension pays in full to day 30, half to day 60, then nothing', () => {
  // First day unable to work 2024-01-10: day 30 = 02-08, day 31 = 02-09, day 60 = 03-09 (leap year), day 61 = 03-10.
  test.each([
    ['2024-02-08', 1],
    ['2024-02-09', 0.5],
    ['2024-03-09', 0.5],
    ['2024-03-10', 0],
  ])('on %s → %p', (day, share) => {
    expect(value('ALT.SUSPENSIONRATE', 'illness', '2024-01-10', day)).toBe(share);
  });
});
