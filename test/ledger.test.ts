// The leave ledger checks (docs/rules.md §12), one planted problem per case, findings worked out by hand.

import fc from 'fast-check';
import { LedgerEntry, PersonTerm, checkLedger, childcareLeaveProblems, builtInRuleset, notesCertificate, parseLedgerKind, parseUserRuleset, partialLeaveCapMinutes, AltRuleset, annualLeaveBalance, specialLeaveLimit, Trace } from '../src/core';
import { d } from './helpers';

const alt = builtInRuleset('alt', 'saitama-alt-r5');
let nextRow = 2;
const e = (name: string, from: string, to: string | null, kind: string, minutes?: number, note?: string): LedgerEntry => ({ row: nextRow++, name, from: d(from), to: d(to ?? from), kind: parseLedgerKind(kind)!, minutes, note });
const FIRST: PersonTerm = { start: d('2023-08-07'), end: d('2024-08-06'), jetYear: 1, reappointed: false, carriedDays: 0 };
const people = (terms: PersonTerm[] = [FIRST]) => new Map([['alex', terms]]);
const found = (entries: LedgerEntry[], terms?: PersonTerm[]) => checkLedger(alt, entries, people(terms)).map((f) => [f.row, f.severity, f.rule]);

describe('kinds (CONTRACT §4)', () => {
  test.each([
    ['annual', { kind: 'annual' }],
    ['年休', { kind: 'annual' }],
    ['病休', { kind: 'sick' }],
    ['特休５', { kind: 'special', item: 5 }],
    ['特別休暇21', { kind: 'special', item: 21 }],
    ['special 10', { kind: 'special', item: 10 }],
    ['部分休業', { kind: 'partial' }],
    ['Childcare', { kind: 'childcare' }],
    ['欠勤', { kind: 'absence' }],
    ['休職（病気）', { kind: 'suspension', cause: 'illness' }],
    ['suspension work', { kind: 'suspension', cause: 'work-related' }],
    ['休職(起訴)', { kind: 'suspension', cause: 'indictment' }],
    ['減給', { kind: 'paycut' }],
  ])('%s', (text, kind) => expect(parseLedgerKind(text)).toEqual(kind));
  test('unknown or incomplete kinds are undefined', () => {
    for (const t of ['holiday', 'suspension', '休職', 'special', '']) expect(parseLedgerKind(t)).toBeUndefined();
  });
});

describe('annual leave balance on each entry’s date (Art 12.1, D-4, D-5)', () => {
  test('first appointment 2023-08-07: 10 days until 2023-11-07; the entry that overdraws is the one error', () => {
    // D-4: 3 months from 2023-08-07 end 2023-11-06; the second 10 days from 2023-11-07.
    const a = e('Alex', '2023-09-04', '2023-09-08', 'annual'); // 5 days
    const b = e('Alex', '2023-10-02', '2023-10-06', 'annual'); // 5 more: 10
    const c = e('Alex', '2023-10-10', null, 'annual', 120); // nothing left before 11-07
    const dd = e('Alex', '2023-11-07', null, 'annual'); // 20 granted now
    const f = checkLedger(alt, [a, b, c, dd], people());
    expect(f.map((x) => [x.row, x.field, x.rule])).toEqual([[c.row, 'hours', 'Art 12.1, D-4']]);
    expect(f[0].en).toMatch(/0 h \(0 days\) left of 10 granted \+ 0 carried days; the other 10 days only from 2023-11-07/);
  });

  test('re-appointed with 5 carried days: 25 days at once, carried days used first', () => {
    const term: PersonTerm = { start: d('2024-08-07'), end: d('2025-08-06'), jetYear: 2, reappointed: true, carriedDays: 5 };
    // 2024-08-19..09-06: 15 working days; 2024-09-24..10-04: 9 (9/23 is a holiday, 10/14 not in range) → 24; then one more day → 25; then 1 h over.
    const entries = [e('Alex', '2024-08-19', '2024-09-06', 'annual'), e('Alex', '2024-09-24', '2024-10-04', 'annual'), e('Alex', '2024-10-07', null, 'annual'), e('Alex', '2024-10-08', null, 'annual', 60)];
    const rows = annualLeaveBalance(alt, term, entries);
    expect(rows.map((r) => [r.minutes / 60, r.carriedLeft, r.ownLeft])).toEqual([
      [105, 0, 10], // 15 days: 5 carried + 10 own
      [63, 0, 1],
      [7, 0, 0],
      [0, 0, 0],
    ]);
    expect(rows[3].problem?.rule).toBe('Art 12.1, 12.2');
  });
});

describe('sick leave chains (Art 13.2, D-6, 26.2.1, 30.3)', () => {
  test('the entry that passes 20 days is an error naming suspension from day 21; long runs need a certificate', () => {
    const a = e('Alex', '2024-01-10', '2024-01-25', 'sick', undefined, '診断書あり'); // 16 days, certificate noted
    const b = e('Alex', '2024-01-30', '2024-02-05', 'sick'); // 4 days apart → joined; 23 days
    const c = e('Alex', '2024-03-01', '2024-03-03', 'sick'); // a new chain of 3 days: fine
    const f = checkLedger(alt, [a, b, c], people());
    expect(f.map((x) => [x.row, x.severity, x.rule])).toEqual([
      [b.row, 'error', 'Art 13.2, 26.2.1'],
      [b.row, 'warning', 'Art 30.3'],
    ]);
    // 16 days before it: day 21 is the 5th day of the entry, 2024-02-03.
    expect(f[0].en).toMatch(/reaches 23 days .* from day 21 \(2024-02-03\) the ALT can only be on suspension/);
  });

  test('7 clear days between periods start a new chain', () => {
    // 2024-01-10..25 (16) and 2024-02-02..08 (7): 7 days (01-26..02-01) between → not joined.
    expect(found([e('Alex', '2024-01-10', '2024-01-25', 'sick', undefined, 'certificate'), e('Alex', '2024-02-02', '2024-02-08', 'sick', undefined, 'certificate')])).toEqual([]);
  });

  test('adjacent entries make one run for the certificate', () => {
    const a = e('Alex', '2024-05-13', '2024-05-14', 'sick');
    const b = e('Alex', '2024-05-15', '2024-05-16', 'sick');
    expect(found([a, b])).toEqual([[b.row, 'warning', 'Art 30.3']]);
  });
});

describe('special leave by item (Art 14.1)', () => {
  test('limit, unit, window and unknown items', () => {
    const summerOver = e('Alex', '2024-07-01', '2024-07-05', '特休21'); // 5 working days > 4 「原則として」: a warning
    const summerJune = e('Alex', '2024-06-12', null, '特休21'); // outside July–September
    const wedding = e('Alex', '2024-04-08', '2024-04-13', '特休2'); // 6 consecutive days > 5
    const unknown = e('Alex', '2024-04-22', null, 'special 23');
    const nursing = e('Alex', '2024-04-23', null, '特休10', 90); // 60 minutes a day at most
    const care = e('Alex', '2024-04-24', null, '特休16', 90); // 1 h 15 for the 7-hour day
    const bereavementSibling = e('Alex', '2024-05-07', '2024-05-12', '特休1', undefined, 'grandparent 祖父母'); // 6 > 5
    const ok = e('Alex', '2023-08-08', '2023-08-09', '特休21'); // another summer: 2 days
    const f = found([summerOver, summerJune, wedding, unknown, nursing, care, bereavementSibling, ok]);
    expect(f).toEqual([
      [wedding.row, 'error', 'Art 14.1.2'],
      [unknown.row, 'error', 'Art 14.1'],
      [nursing.row, 'error', 'Art 14.1.10'],
      [care.row, 'error', 'Art 14.1.16, Art 14-3.1'],
      [bereavementSibling.row, 'error', 'Art 14.1.1'],
      [summerOver.row, 'warning', 'Art 14.1.21'],
      [summerJune.row, 'error', 'Art 14.1.21'],
    ].sort((x, y) => (x[0] as number) - (y[0] as number)));
  });
});

describe('partial leave (Art 14-3)', () => {
  test('the daily cap: 7 h − 5 h 45; with nursing or care time, 2 h less it and no more than before', () => {
    expect(partialLeaveCapMinutes(alt, 0)).toBe(75);
    expect(partialLeaveCapMinutes(alt, 30)).toBe(75); // 120 − 30 = 90, still at most 75
    expect(partialLeaveCapMinutes(alt, 60)).toBe(60);
    expect(partialLeaveCapMinutes(alt, 120)).toBe(0);
    const eight = parseUserRuleset({ extends: 'saitama-alt-r5', id: 'eight', workingTime: { dailyHours: 8, weeklyHours: 40, maxWeeklyHours: 40 } }) as AltRuleset;
    expect(partialLeaveCapMinutes(eight, 0)).toBe(135);
    expect(partialLeaveCapMinutes(eight, 60)).toBe(60);
  });

  test('30-minute units and the cap, per day', () => {
    const units = e('Alex', '2024-04-15', null, 'partial', 45);
    const over = e('Alex', '2024-04-16', null, 'partial', 90);
    const nursing = e('Alex', '2024-04-17', null, '特休10', 60);
    const withNursing = e('Alex', '2024-04-17', null, '部分休業', 60); // cap 60: fine
    const more = e('Alex', '2024-04-17', null, '部分休業', 30); // 90 > 60
    expect(found([units, over, nursing, withNursing, more])).toEqual([
      [units.row, 'error', 'Art 14-3.2'],
      [over.row, 'error', 'Art 14-3.1'],
      [more.row, 'error', 'Art 14-3.1'],
    ]);
  });
});

describe('overlaps, terms, days without work, the roster', () => {
  test('each planted problem once', () => {
    const annual = e('Alex', '2024-02-13', null, 'annual');
    const overlap = e('Alex', '2024-02-13', null, 'absence', 60);
    const h1 = e('Alex', '2024-02-14', null, 'annual', 240);
    const h2 = e('Alex', '2024-02-14', null, 'absence', 180); // 7 h together: fine
    const h3 = e('Alex', '2024-02-14', null, 'absence', 30); // 7 h 30
    const outside = e('Alex', '2024-08-07', null, 'annual');
    const sunday = e('Alex', '2024-02-11', null, 'annual');
    const holiday = e('Alex', '2024-02-12', null, 'annual'); // 振替休日
    const stranger = e('Zed', '2024-02-13', null, 'annual');
    const sickOverAnnual = e('Alex', '2024-02-12', '2024-02-13', 'sick');
    const f = checkLedger(alt, [annual, overlap, h1, h2, h3, outside, sunday, holiday, stranger, sickOverAnnual], people());
    expect(f.map((x) => [x.row, x.field, x.rule])).toEqual([
      [overlap.row, 'from', 'input'], // no article forbids it: a day cannot be two kinds
      [h3.row, 'hours', 'Art 10.2'],
      [outside.row, 'from', 'Art 5.1'],
      [sunday.row, 'from', 'Art 10.2, 11'],
      [holiday.row, 'from', 'Art 10.2, 11'],
      [stranger.row, 'name', 'input'],
      [sickOverAnnual.row, 'from', 'input'],
    ]);
    expect(f.find((x) => x.row === holiday.row)!.en).toMatch(/holiday/);
  });

  test('without a roster only the checks that need none run', () => {
    expect(checkLedger(alt, [e('Zed', '2030-01-07', null, 'annual', 45), e('Zed', '2030-01-08', null, 'partial', 45)]).map((f) => f.rule)).toEqual(['Art 12.1', 'Art 14-3.2']);
  });

  test('property: a ledger of one-day entries on distinct working days inside the term has no overlap finding', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 360 }), { maxLength: 30 }), (offsets) => {
        const entries = offsets.map((o, i) => ({ row: i + 2, name: 'Alex', from: FIRST.start + o, to: FIRST.start + o, kind: { kind: 'sick' as const }, note: 'certificate' }));
        return checkLedger(alt, entries, people()).every((f) => !/overlaps/.test(f.en));
      }),
    );
  });
});

describe('childcare leave (Art 14-2)', () => {
  test('until the child reaches 1 y 6 m; not for a term clearly ending before then', () => {
    // Born 2023-01-10: 1 y 6 m is reached on 2024-07-09.
    const base = { childBirth: d('2023-01-10'), start: d('2023-04-01'), end: d('2024-07-09'), termEnd: d('2024-08-06') };
    expect(childcareLeaveProblems(alt, base)).toEqual([]);
    expect(childcareLeaveProblems(alt, { ...base, end: d('2024-07-10') }).map((p) => p.en)).toEqual([expect.stringMatching(/past the day the child reaches 1 y 6 m \(2024-07-09\)/)]);
    expect(childcareLeaveProblems(alt, { ...base, end: d('2024-03-31'), termEnd: d('2024-04-30') })).toHaveLength(1);
    expect(childcareLeaveProblems(alt, { ...base, end: d('2024-03-31'), termEnd: d('2024-04-30'), reappointmentPossible: true })).toEqual([]);
    expect(childcareLeaveProblems(alt, { ...base, earlierLeaves: 2 })).toHaveLength(1);
  });
});

describe('review of issue 11: notes, limits and messages', () => {
  test('Art 30.3: a note that says the certificate is missing does not clear the warning', () => {
    for (const note of ['診断書未提出', 'no certificate yet', '診断書なし', '診断書無し', 'certificate pending', 'not submitted', 'without certificate', 'certificate missing', '診断書提出予定', '診断書は後日提出', 'certificate to follow', "doctor's note hasn't arrived", undefined]) expect([note, notesCertificate(note)]).toEqual([note, false]);
    for (const note of ['診断書', '診断書提出済', 'certificate', 'medical certificate attached', '医師の証明']) expect([note, notesCertificate(note)]).toEqual([note, true]);
    // 4 consecutive sick days (Mon 2024-02-19 – Thu 2024-02-22) > 3 need a certificate.
    const sick = (note: string) => found([e('Alex', '2024-02-19', '2024-02-22', 'sick', undefined, note)]);
    expect(sick('診断書未提出')).toEqual([[nextRow - 1, 'warning', 'Art 30.3']]);
    expect(sick('診断書提出済')).toEqual([]);
  });

  test('items 5, 11, 14: the over-limit message says a Note gives 10 instead of 5; the Note does', () => {
    // 6 working days Mon 2024-02-26 – Mon 2024-03-04 (weekend 3/2–3/3 not counted): > 5, ≤ 10.
    const ivf = e('Alex', '2024-02-26', '2024-03-04', '特休5');
    const [f] = checkLedger(alt, [ivf], people());
    expect([f.severity, f.rule]).toEqual(['error', 'Art 14.1.5']);
    expect(f.en).toMatch(/6 days with this entry, more than the 5 allowed in the term \(10 for IVF or ICSI instead of 5: say so in the Note, e\.g\. "体外受精" or "IVF"\)/);
    expect(f.ja).toMatch(/上限（任期中5日）を超えます（体外受精・顕微授精の場合は10日: 備考欄に「体外受精」「IVF」などと記入してください）/);
    expect(found([e('Alex', '2024-02-26', '2024-03-04', '特休5', undefined, 'IVF')])).toEqual([]);
    expect(found([e('Alex', '2024-02-26', '2024-03-04', '特休11', undefined, '子2人')])).toEqual([]);
    const [child] = checkLedger(alt, [e('Alex', '2024-02-26', '2024-03-04', '特休11')], people());
    expect(child.en).toMatch(/10 for two or more children instead of 5/);
    const [care] = checkLedger(alt, [e('Alex', '2024-02-26', '2024-03-04', '特休14')], people());
    expect(care.en).toMatch(/10 for two or more persons cared for instead of 5/);
    expect(care.ja).toMatch(/要介護者が複数の場合は10日/);
  });

  test('item 21: 「原則として4日」 — the 5th day is a warning for the board, and it still counts', () => {
    // Mon 2024-07-22 – Thu 07-25 = 4 days; Mon 08-05 is the 5th.
    const four = e('Alex', '2024-07-22', '2024-07-25', '特休21');
    const fifth = e('Alex', '2024-08-05', null, '特休21');
    const [f] = checkLedger(alt, [four, fifth], people());
    expect([f.row, f.severity, f.rule]).toEqual([fifth.row, 'warning', 'Art 14.1.21']);
    expect(f.en).toMatch(/5 days with this entry in July–September 2024; the rule gives 4 days in principle \(原則として\), so more needs the board's decision/);
    expect(f.ja).toMatch(/原則として4日/);
    const t = new Trace();
    expect(specialLeaveLimit(alt, 21, undefined, t)).toBe(4);
    expect(t.steps[0].en).toMatch(/Summer leave: 4 days in principle \(原則として/);
    expect(t.steps[0].ja).toMatch(/夏季休暇: 原則として4/);
  });

  test('item 8: 2 days per birth, and the message says so', () => {
    const [f] = checkLedger(alt, [e('Alex', '2024-03-11', '2024-03-13', '特休8')], people());
    expect(f.en).toMatch(/3 days with this entry, more than the 2 allowed for one birth/);
    expect(f.en).not.toMatch(/in the term\b(?! are)/);
    expect(f.ja).toMatch(/1回の出産につき2日/);
  });

  test('item 11: counted per term by default; per calendar year when its catalogue entry says countedPer calendar-year', () => {
    // 3 days in December 2023 and 3 in January 2024 (Mon–Wed each), one term: 6 > 5 per term; 3 and 3 per year.
    const dec = e('Alex', '2023-12-11', '2023-12-13', '特休11');
    const jan = e('Alex', '2024-01-15', '2024-01-17', '特休11');
    expect(found([dec, jan])).toEqual([[jan.row, 'error', 'Art 14.1.11']]);
    const perYear = parseUserRuleset({ extends: 'saitama-alt-r5', id: 'per-year', specialLeave: alt.specialLeave.map((s) => (s.item === 11 ? { ...s, countedPer: 'calendar-year' } : s)) }) as AltRuleset;
    expect(checkLedger(perYear, [dec, jan], people())).toEqual([]);
  });

  test('a multi-day entry with Hours tells the clerk to leave Hours empty for whole days', () => {
    const [f] = checkLedger(alt, [e('Alex', '2024-02-19', '2024-02-21', 'annual', 420)], people());
    expect([f.field, f.rule]).toEqual(['hours', 'input']);
    expect(f.en).toMatch(/an hourly entry covers one day; this one runs 2024-02-19 to 2024-02-21: for whole days leave Hours empty/);
    expect(f.ja).toMatch(/全日の休暇は時間欄を空欄にする/);
  });

  test('Art 12.2, D-5: days carried into the next term cannot exceed what the ledger leaves of the term’s own grant', () => {
    // Term 1 (first appointment, from 2023-08-07): 2023-11-13 – 11-24 is 9 working days (11/23 勤労感謝の日), 2024-01-15 – 01-24 is 8: 17 → 3 left.
    const next: PersonTerm = { start: d('2024-08-07'), end: d('2025-08-06'), jetYear: 2, reappointed: true, carriedDays: 5 };
    const a = e('Alex', '2023-11-13', '2023-11-24', 'annual');
    const b = e('Alex', '2024-01-15', '2024-01-24', 'annual');
    const f = checkLedger(alt, [a, b], people([FIRST, next]));
    expect(f.map((x) => [x.row, x.severity, x.rule])).toEqual([[b.row, 'warning', 'Art 12.2, D-5']]);
    expect(f[0].en).toMatch(/carries 5 days into the term from 2024-08-07, but after this entry only 3 days/);
    expect(checkLedger(alt, [a, b], people([FIRST, { ...next, carriedDays: 3 }]))).toEqual([]);
  });
});
