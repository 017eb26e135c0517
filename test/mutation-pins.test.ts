// Boundaries a mutation of the core once survived (issue 20, item 8), each pinned by a case worked
// out by hand: a flipped comparison or an off-by-one now fails a test.

import { LedgerEntry, PersonTerm, builtInRuleset, checkLedger, isoFromDay, oneYearFrom, parseLedgerKind, parseUserRuleset, periodEnd, roundDiv, sickLeaveChains, sickLeaveLeft, AltRuleset } from '../src/core';
import { d, value } from './helpers';

const alt = builtInRuleset('alt', 'saitama-alt-r5');

describe('rounding at its edges (D-2, D-3, D-7)', () => {
  test("half-up at exactly .5 goes up; just under stays; floor and ceil either side", () => {
    expect(roundDiv(5, 2, 'half-up')).toBe(3); // 2.5 → 3
    expect(roundDiv(7, 2, 'half-up')).toBe(4); // 3.5 → 4; with 2.5 → 3 above, not banker's rounding (which gives 2 there)
    expect(roundDiv(249, 100, 'half-up')).toBe(2); // 2.49 → 2
    expect(roundDiv(250, 100, 'half-up')).toBe(3); // 2.50 → 3
    expect(roundDiv(5, 2, 'floor')).toBe(2);
    expect(roundDiv(5, 2, 'ceil')).toBe(3);
  });

  test("ceil on an exact division adds nothing: 6 ÷ 3 = 2, 3,360,000 ÷ 12 = 280,000", () => {
    expect(roundDiv(6, 3, 'ceil')).toBe(2);
    expect(roundDiv(3_360_000, 12, 'ceil')).toBe(280_000);
    expect(roundDiv(6, 3, 'half-up')).toBe(2);
    expect(roundDiv(0, 7, 'ceil')).toBe(0);
    expect(roundDiv(3_360_001, 12, 'ceil')).toBe(280_001); // 280,000.08 → 280,001
  });

  test("ALT.HOURLY with half-up: 280,000 × 12 ÷ (35 × 52) = 1,846.15… → 1,846; with hourlyRounding ceil, 1,847", () => {
    expect(value('ALT.HOURLY', 1)).toBe(1846);
    const ceil = JSON.stringify({ extends: 'saitama-alt-r5', id: 'test-ceil', pay: { hourlyRounding: 'ceil' } });
    expect(value('ALT.HOURLY', 1, ceil)).toBe(1847);
  });
});

describe('a period from 31 March (民法 Art 143)', () => {
  test('12 months from 2024-03-31 end 2025-03-30; 1 month ends 2024-04-30 (April has no 31st); 11 months end 2025-02-28', () => {
    expect(isoFromDay(periodEnd(d('2024-03-31'), 12))).toBe('2025-03-30');
    expect(isoFromDay(oneYearFrom(d('2024-03-31')))).toBe('2025-03-30');
    expect(isoFromDay(periodEnd(d('2024-03-31'), 1))).toBe('2024-04-30');
    expect(isoFromDay(periodEnd(d('2024-03-31'), 11))).toBe('2025-02-28');
    expect(isoFromDay(periodEnd(d('2023-03-31'), 11))).toBe('2024-02-29'); // leap February
  });
});

describe('sick leave: exactly 20 days, the 6-day gap, and periods in any order (Art 13.2, D-6)', () => {
  const p = (a: string, b: string) => ({ start: d(a), end: d(b) });

  test('exactly 20 days leaves 0 and is allowed; 21 is refused', () => {
    expect(sickLeaveLeft(alt, [p('2023-10-01', '2023-10-20')])).toBe(0); // 1..20 October = 20 days
    expect(() => sickLeaveLeft(alt, [p('2023-10-01', '2023-10-21')])).toThrow(/21 days, more than the 20 allowed/);
  });

  test('6 calendar days between two periods join them; 7 do not', () => {
    // 1–10 Oct (10 days), then 17–26 Oct: 11..16 Oct = 6 days between → one chain of 20 days.
    expect(sickLeaveChains(alt, [p('2023-10-01', '2023-10-10'), p('2023-10-17', '2023-10-26')]).map((c) => c.days)).toEqual([20]);
    // 18–27 Oct: 11..17 Oct = 7 days between → two chains of 10.
    expect(sickLeaveChains(alt, [p('2023-10-01', '2023-10-10'), p('2023-10-18', '2023-10-27')]).map((c) => c.days)).toEqual([10, 10]);
  });

  test('unsorted periods are read in date order; reversed and overlapping ones are refused', () => {
    // The same two periods given later-first: still one chain of 20 days, 0 left.
    expect(sickLeaveLeft(alt, [p('2023-10-17', '2023-10-26'), p('2023-10-01', '2023-10-10')])).toBe(0);
    expect(() => sickLeaveLeft(alt, [p('2023-10-10', '2023-10-01')])).toThrow('period 1 ends (2023-10-01) before it starts (2023-10-10)');
    expect(() => sickLeaveLeft(alt, [p('2023-10-01', '2023-10-10'), p('2023-10-10', '2023-10-12')])).toThrow('periods overlap: 2023-10-01–2023-10-10 and 2023-10-10–2023-10-12');
    expect(() => sickLeaveLeft(alt, [p('2023-10-05', '2023-10-12'), p('2023-10-01', '2023-10-06')])).toThrow(/periods overlap: 2023-10-01–2023-10-06 and 2023-10-05–2023-10-12/);
  });

  describe('the ledger joins sick leave by the same 6-day gap', () => {
    const FIRST: PersonTerm = { start: d('2023-08-07'), end: d('2024-08-06'), jetYear: 1, reappointed: false, carriedDays: 0 };
    let row = 2;
    const sick = (from: string, to: string): LedgerEntry => ({ row: row++, name: 'Alex', from: d(from), to: d(to), kind: parseLedgerKind('病休')!, note: '診断書あり' });
    const over20 = (rs: AltRuleset, entries: LedgerEntry[]) => checkLedger(rs, entries, new Map([['alex', [FIRST]]])).filter((f) => f.rule === 'Art 13.2, 26.2.1').map((f) => f.row);

    test('10 + 11 days with 6 days between: 21 in one chain, the second entry is the error; with 7 between, none', () => {
      const a = sick('2023-10-02', '2023-10-11'); // 10 days
      const b = sick('2023-10-18', '2023-10-28'); // 11 days; 12..17 Oct = 6 days between
      expect(over20(alt, [a, b])).toEqual([b.row]);
      const c = sick('2023-10-02', '2023-10-11');
      const e = sick('2023-10-19', '2023-10-29'); // 12..18 Oct = 7 days between
      expect(over20(alt, [c, e])).toEqual([]);
    });

    test('given in reverse order, the same chain and the same error', () => {
      const a = sick('2023-10-02', '2023-10-11');
      const b = sick('2023-10-18', '2023-10-28');
      expect(over20(alt, [b, a])).toEqual([b.row]);
    });

    test('joinIfGapLessThanDays 6: the 6-day gap no longer joins', () => {
      const six = parseUserRuleset({ extends: 'saitama-alt-r5', id: 'test-gap6', sickLeave: { joinIfGapLessThanDays: 6 } }) as AltRuleset;
      expect(over20(six, [sick('2023-10-02', '2023-10-11'), sick('2023-10-18', '2023-10-28')])).toEqual([]);
    });
  });
});

describe("the adapter's repeating parameter (ALT.EXPLAIN's arguments)", () => {
  // Excel passes one value per declared parameter, the repeating one as one array of its values,
  // then the Invocation object (custom-functions-runtime.js, `parameterValues.push(invocationContext)`).
  const invocation = { address: 'Sheet1!A1' };
  let adapter: typeof import('../src/functions/excel');
  let explain: import('../src/functions/registry').FnDecl;
  beforeAll(async () => {
    adapter = await import('../src/functions/excel');
    explain = (await import('../src/functions/registry')).FUNCTIONS.find((f) => f.addin === 'ALT' && f.name === 'EXPLAIN')!;
  });

  test('the array is spread after the fixed parameters; the Invocation is dropped', () => {
    expect(adapter.argumentsFromExcel(explain, ['PAY', [1, '2023-08-01', '2023-08-07'], invocation])).toEqual(['PAY', 1, '2023-08-01', '2023-08-07']);
  });
  test('an omitted repeating parameter (null) gives only the fixed ones; a single value stays one value', () => {
    expect(adapter.argumentsFromExcel(explain, ['HOURLY', null, invocation])).toEqual(['HOURLY']);
    expect(adapter.argumentsFromExcel(explain, ['HOURLY', 1, invocation])).toEqual(['HOURLY', 1]);
  });
  test('through EXPLAIN: ALT.PAY(1, 2023-08-01, 2023-08-07) ends "result = ¥231,304" (280,000 × 19/23 = 231,304.35 → floor, D-2)', () => {
    const rows = value('ALT.EXPLAIN', ...adapter.argumentsFromExcel(explain, ['PAY', [1, '2023-08-01', '2023-08-07'], invocation])) as string[][];
    expect(rows[rows.length - 1]).toEqual(['result = ¥231,304']);
  });
});

describe('a 1904 book: date1904="true" and t="d" cells (ECMA-376 §18.2.28, §18.18.11)', () => {
  // 2023-08-01 is serial 45139 in the 1900 system (ALT.PAY's example), so 2023-07-30 is 45137; the
  // 1904 system counts 1,462 days fewer (1904-01-01 = 0): 45137 − 1462 = 43675.
  const { book, sheetData, unzip, worksheet, zipOf } = jest.requireActual('./xlsx-fixtures') as typeof import('./xlsx-fixtures');
  const read = async (workbookPr: string) => {
    const { mkdtempSync, writeFileSync } = await import('fs');
    const { join } = await import('path');
    const { tmpdir } = await import('os');
    const { sheetsOfFile } = await import('../src/cli/workbook');
    const xml = worksheet(sheetData([['Arrival', 'Serial'], [{ t: 'd', v: '2023-07-30T00:00:00' } as never, 43675]]));
    const parts = [...unzip(book({ sheets: [{ name: 'S', xml }] }))].map(([name, e]): [string, string | Buffer] => [name, name === 'xl/workbook.xml' ? e.data.toString('utf8').replace('<workbookPr/>', workbookPr) : e.data]);
    const file = join(mkdtempSync(join(tmpdir(), 'book1904-')), 'b.xlsx');
    writeFileSync(file, zipOf(parts));
    const [sheet] = await sheetsOfFile(file);
    return { system: sheet.dateSystem, row: sheet.rows![1] };
  };
  test('date1904="true" (not only "1"): a t="d" cell becomes the 1904 serial 43675', async () => {
    expect(await read('<workbookPr date1904="true"/>')).toEqual({ system: '1904', row: [43675, 43675] });
    expect(await read('<workbookPr date1904="1"/>')).toEqual({ system: '1904', row: [43675, 43675] });
  });
  test('without date1904 (or "false") the same cell is the 1900 serial 45137', async () => {
    expect(await read('<workbookPr/>')).toEqual({ system: '1900', row: [45137, 43675] });
    expect(await read('<workbookPr date1904="false"/>')).toEqual({ system: '1900', row: [45137, 43675] });
  });
});

describe("the marked copy's style counts and fill", () => {
  test('one error: fills 2 → 3 with the error fill, every count matches its list, the cell points at the filled format', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('fs');
    const { join } = await import('path');
    const { tmpdir } = await import('os');
    const { main } = await import('../src/cli/main');
    const { book, sheetData, unzip, worksheet } = jest.requireActual('./xlsx-fixtures') as typeof import('./xlsx-fixtures');
    const dir = mkdtempSync(join(tmpdir(), 'marked-'));
    const HEAD = ['Name', 'Country', 'Cohort', 'Arrival', 'Term', 'Year', 'Term start', 'Term end', 'Monthly pay', 'Leave used (hours)', 'Carried leave', 'Sick days'];
    // Year 1 is paid ¥280,000 (Art 7.1): ¥290,000 in I2 is the one finding, an error.
    const row = ['Alex Smith', 'USA', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 290000, 35, 0, 2];
    writeFileSync(join(dir, 'in.xlsx'), book({ sheets: [{ name: 'Roster', xml: worksheet(sheetData([HEAD, row])) }] }));
    await main(['validate', join(dir, 'in.xlsx'), '--out', join(dir, 'out.xlsx')], { out: () => undefined, err: () => undefined });
    const files = unzip(readFileSync(join(dir, 'out.xlsx')));
    const styles = files.get('xl/styles.xml')!.data.toString('utf8');
    const list = (name: string, item: string) => {
      const m = new RegExp(`<${name} count="(\\d+)">([\\s\\S]*?)</${name}>`).exec(styles)!;
      return { count: Number(m[1]), items: m[2].match(new RegExp(`<${item}[ >/][\\s\\S]*?(?:/>|</${item}>)`, 'g')) ?? [] };
    };
    const fills = list('fills', 'fill');
    // The fixture's 2 fills (none, gray125) + 1 for the error.
    expect(fills.count).toBe(3);
    expect(fills.items).toHaveLength(3);
    expect(fills.items[2]).toContain('rgb="FFFDE7E9"');
    for (const [name, item] of [['fonts', 'font'], ['cellXfs', 'xf']]) expect(list(name, item).count).toBe(list(name, item).items.length);
    const sheet = files.get('xl/worksheets/sheet1.xml')!.data.toString('utf8');
    const s = Number(/<c r="I2" s="(\d+)"/.exec(sheet)![1]);
    expect(list('cellXfs', 'xf').items[s]).toMatch(/fillId="2"[^>]*applyFill="1"/);
    // The other cells of the row keep their (absent) style.
    expect(sheet).toMatch(/<c r="H2" t="inlineStr">/);
  });
});

describe('only nursing and care time lower the partial-leave cap (Art 14-3.1)', () => {
  // Art 14-3.1: partial leave is at most the daily hours less 5 h 45 — 7 h − 5 h 45 = 1 h 15 for
  // the ALT — and, on a day with nursing time (Art 14.1.10) or care time (Art 14.1.16), also at
  // most 2 h less that time. Any other special leave by the hour leaves the cap at 1 h 15.
  const FIRST: PersonTerm = { start: d('2023-08-07'), end: d('2024-08-06'), jetYear: 1, reappointed: false, carriedDays: 0 };
  let row = 2;
  const entry = (from: string, kindText: string, minutes: number): LedgerEntry => {
    const kind = parseLedgerKind(kindText);
    if (!kind) throw new Error(`not a ledger kind: ${kindText}`);
    return { row: row++, name: 'Alex', from: d(from), to: d(from), kind, minutes };
  };
  const findings = (entries: LedgerEntry[]) => checkLedger(alt, entries, new Map([['alex', [FIRST]]])).map((f) => [f.row, f.severity, f.rule]);

  test('1 h 15 of care time and 1 h of partial leave: the cap is 2 h − 1 h 15 = 45 min, the partial leave is over it', () => {
    const care = entry('2024-05-13', '介護時間', 75); // Mon; care time's own cap is 1 h 15 (7 h − 5 h 45): allowed
    const partial = entry('2024-05-13', '部分休業', 60);
    expect(findings([care, partial])).toEqual([[partial.row, 'error', 'Art 14-3.1']]);
  });

  test('1 h 15 of rest during pregnancy (item 19) and 1 h of partial leave: item 19 is neither, the cap stays 1 h 15, no finding', () => {
    const rest = entry('2024-05-14', '特休19', 75); // Tue; as needed, no limit
    const partial = entry('2024-05-14', '部分休業', 60);
    expect(findings([rest, partial])).toEqual([]);
  });
});

describe('survivors of the first scripts/mutate.ts run, pinned', () => {
  test('splitDeduction takes zero yen (Art 8.1, D-9): nothing to take is nothing taken', async () => {
    const { splitDeduction } = await import('../src/core');
    expect(splitDeduction(0, 0)).toEqual({ thisMonth: 0, nextMonth: 0 });
    expect(splitDeduction(5000, 0)).toEqual({ thisMonth: 0, nextMonth: 0 });
    expect(() => splitDeduction(-1, 0)).toThrow('monthPay must be whole yen, zero or more; got -1');
  });

  test('an arrival on 30 June still needs its cohort; 1 July is S1 (Note 2.2)', async () => {
    const { cohortOrDefault } = await import('../src/core');
    expect(() => cohortOrDefault(d('2023-06-30'), undefined)).toThrow(/cohort is needed for an arrival in April–June \(2023-06-30\)/);
    expect(() => cohortOrDefault(d('2023-04-01'), undefined)).toThrow(/cohort is needed/);
    expect(cohortOrDefault(d('2023-07-01'), undefined)).toBe('S1');
  });

  test('ruleset check: null, a list and text are not rulesets (one fault at the root, no crash)', async () => {
    const { checkRuleset } = await import('../src/core/rulesets/check');
    for (const x of [null, [], 'x']) expect(checkRuleset(x).faults).toEqual([{ path: '(root)', message: 'a ruleset is a JSON object' }]);
    expect(checkRuleset({ id: 'x', kind: 'alt', parameters: null }).faults[0]).toEqual({ path: 'parameters', message: 'expected a parameter {"value", "unit", "clause", "en"} or a group of parameters' });
  });
});

describe('survivors of the issue-20 scripts/mutate.ts run (40 mutants), pinned', () => {
  test('roundDiv refuses each bad input on its own: a fraction above or below, a negative amount, a zero divisor', () => {
    // Any one fault is enough; the check must not need all of them at once.
    expect(() => roundDiv(1.5, 2, 'floor')).toThrow('roundDiv needs non-negative integers, got 1.5/2');
    expect(() => roundDiv(3, 1.5, 'floor')).toThrow('roundDiv needs non-negative integers, got 3/1.5');
    expect(() => roundDiv(-1, 2, 'floor')).toThrow('roundDiv needs non-negative integers, got -1/2');
    expect(() => roundDiv(3, 0, 'floor')).toThrow('roundDiv needs non-negative integers, got 3/0');
  });

  test("a pay cut needs one day's average pay above zero: 0 and −1 yen are refused though whole (Art 27.2.2)", async () => {
    const { disciplinaryCut } = await import('../src/core');
    expect(() => disciplinaryCut(alt, 0, 1, 280_000)).toThrow('dailyAveragePay must be whole yen above zero (平均報酬の1日分); got 0');
    expect(() => disciplinaryCut(alt, -1, 1, 280_000)).toThrow('got -1');
    // ¥9,000 a day: half is ¥4,500, under a tenth of ¥280,000 (¥28,000).
    expect(disciplinaryCut(alt, 9_000, 1, 280_000)).toBe(4_500);
  });

  test('an unpaid special-leave day names its item and Art 14.2 in the pay steps (D-14)', async () => {
    const { payLedgerOf } = await import('../src/core');
    const kind = parseLedgerKind('特休11'); // 子の看護, unpaid (Art 14.2: items 10–17)
    if (!kind) throw new Error('特休11 is a ledger kind');
    const day = d('2024-05-13'); // Mon
    const ledger = payLedgerOf(alt, [{ start: d('2023-08-07'), end: d('2024-08-06'), jetYear: 1 }], [{ row: 2, name: 'Alex', from: day, to: day, kind }]);
    expect(ledger.rates.get(day)).toEqual({ percent: 0, clause: 'Art 14.2, D-14', en: 'Caring for a sick child (Art 14.1.11), unpaid', ja: '子の看護（第14条第1項第11号・無給）', outOfAverage: false });
  });

  test('a one-month April cohort window (April only): a May arrival is a summer cohort, an April one an April cohort (Note 2.2)', async () => {
    const { checkCohortFits } = await import('../src/core');
    const aprilOnly = parseUserRuleset({ extends: 'saitama-alt-r5', id: 'april-only', term: { aprilCohortMonths: { from: 4, to: 4 } } }) as AltRuleset;
    expect(() => checkCohortFits(aprilOnly, d('2023-05-10'), 'S1')).not.toThrow();
    expect(() => checkCohortFits(aprilOnly, d('2023-04-10'), 'A1')).not.toThrow();
    expect(() => checkCohortFits(aprilOnly, d('2023-05-10'), 'A1')).toThrow();
    expect(() => checkCohortFits(aprilOnly, d('2023-04-10'), 'S1')).toThrow();
  });
});
