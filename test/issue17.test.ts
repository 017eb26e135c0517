// Issue 17: money at a term's edges and the leave checks the 要綱 implies (RULES.md D-9 amended,
// D-14–D-17, §6, §7), and the one leave-kind reader. Every figure is worked out by hand in a comment.

import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  AltRuleset,
  LedgerEntry,
  PayTerm,
  PersonTerm,
  checkLedger,
  defaultAltRuleset,
  monthKeyOf,
  monthPaySchedule,
  parseUserRuleset,
  payLedgerOf,
  readLeaveKind,
  specialLeaveLimit,
  unknownKindMessage,
} from '../src/core';
import { d, error, value } from './helpers';
import { ROSTER_HEAD, book, sheetData, worksheet } from './xlsx-fixtures';
import { SheetInput, validateWorkbook } from '../src/validation/validate';

const alt = defaultAltRuleset();
const variantOf = (change: object, id: string) => parseUserRuleset({ extends: 'saitama-alt-r5', id, ...change }) as AltRuleset;
const asTakenFrom = variantOf({ deduction: { lastMonthOfService: 'as-takenFrom' } }, 'as-taken-from');
const sameMonth = variantOf({ deduction: { takenFrom: 'same-month' } }, 'same-month');
const byHours = variantOf({ monthPay: { unpaidWholeDays: 'hours' } }, 'by-hours');
const wholeMonths = variantOf({ monthPay: { averagePayDays: 'whole-months' } }, 'whole-months');

let row = 2;
const entry = (from: string, to: string | null, kind: string, minutes?: number, note?: string): LedgerEntry => {
  const k = readLeaveKind(alt, kind);
  if (!k) throw new Error(`kind ${kind}`);
  return { row: row++, name: 'Alex', from: d(from), to: d(to ?? from), kind: k, minutes, note };
};
const months = (rs: AltRuleset, terms: PayTerm[], entries: LedgerEntry[], from: string, to: string) => monthPaySchedule(rs, payLedgerOf(rs, terms, entries), monthKeyOf(d(from)), monthKeyOf(d(to)));
/** Year 1, term 2023-07-31 – 2024-07-30 (S1 arrival 2023-07-30), no re-appointment. */
const LEAVING: PayTerm[] = [{ start: d('2023-07-31'), end: d('2024-07-30'), jetYear: 1 }];
/** Year 2, term 2024-08-07 – 2025-08-06. */
const YEAR2: PayTerm[] = [{ start: d('2024-08-07'), end: d('2025-08-06'), jetYear: 2 }];
const person = (t: PayTerm): PersonTerm => ({ ...t, reappointed: false, carriedDays: 0 });
const findings = (entries: LedgerEntry[], terms: PayTerm[] = YEAR2, rs = alt) => checkLedger(rs, entries, new Map([['alex', terms.map(person)]])).map((f) => [f.row, f.severity, f.rule]);

describe('1. D-9: the last month of service takes its own deduction', () => {
  // July 2024: 23 days requiring work (Mon 1 – Wed 31, 8 weekend days); to Tue 30th, 22 of them.
  // 280,000 × 22/23 = 267,826.08 → ¥267,826; 3 h × ¥1,846 = ¥5,538 → ¥262,288.
  test('ALT.MONTHPAY with serviceEnd in the month and this month’s hours: ¥262,288; as-takenFrom: ¥267,826', () => {
    expect(value('ALT.MONTHPAY', 1, '2024-07-01', '2023-07-31', '2024-07-30', null, null, null, null, 3)).toBe(262288);
    expect(value('ALT.MONTHPAY', 1, '2024-07-01', '2023-07-31', '2024-07-30', null, null, null, null, 3, JSON.stringify(asTakenFrom))).toBe(267826);
  });

  test('not the last month, next-month: this month’s hours belong to next month’s pay (¥280,000)', () => {
    expect(value('ALT.MONTHPAY', 1, '2024-06-01', '2023-07-31', '2024-07-30', null, null, null, null, 3)).toBe(280000);
  });

  test('same-month: ALT.MONTHPAY takes the month’s own time: 2 h 30 → 3 h → 280,000 − 5,538 = ¥274,462', () => {
    expect(value('ALT.MONTHPAY', 1, '2024-06-01', null, null, null, null, null, null, '2:30', JSON.stringify(sameMonth))).toBe(274462);
    // Last month's hours are not taken again under same-month: they were June's own.
    expect(value('ALT.MONTHPAY', 1, '2024-07-01', null, null, '2:30', null, null, null, null, JSON.stringify(sameMonth))).toBe(280000);
  });

  test('the ledger: absence of 3 h on 2024-07-10, term ending 2024-07-30 → July ¥262,288, nothing carried', () => {
    const [july] = months(alt, LEAVING, [entry('2024-07-10', null, '欠勤', 180)], '2024-07-01', '2024-07-01');
    expect([july.gross, july.taken, july.expected, july.carried]).toEqual([267826, 5538, 262288, 0]);
    expect(july.steps.map((s) => s.en).join('\n')).toMatch(/taken from this month's own pay: the last month of service has no next pay/);
    const [other] = months(asTakenFrom, LEAVING, [entry('2024-07-10', null, '欠勤', 180)], '2024-07-01', '2024-07-01');
    expect(other.expected).toBe(267826);
  });

  test('June’s deduction is still taken in July along with July’s own (5,538 + 5,538 = 11,076)', () => {
    // June 3 h → from July; July 3 h → July itself (last month): 267,826 − 11,076 = ¥256,750.
    const [, july] = months(alt, LEAVING, [entry('2024-06-10', null, 'absence', 180), entry('2024-07-10', null, 'absence', 180)], '2024-06-01', '2024-07-01');
    expect([july.taken, july.expected]).toEqual([11076, 256750]);
  });
});

describe('2. D-14: 停職 is a kind, unpaid, distinct from 休職', () => {
  test('the reader', () => {
    expect(readLeaveKind(alt, '停職')).toEqual({ kind: 'dutySuspension' });
    expect(readLeaveKind(alt, 'duty suspension')).toEqual({ kind: 'dutySuspension' });
    expect(readLeaveKind(alt, '休職（病気）')).toEqual({ kind: 'suspension', cause: 'illness' });
  });

  test('3 working days of 停職 in October 2024, year 2: 300,000 × 20/23 = 260,869.56 → ¥260,869', () => {
    // October 2024: 23 days requiring work (Tue 1 – Thu 31, 8 weekend days; 10/14 counts, Art 7.3).
    const [oct] = months(alt, YEAR2, [entry('2024-10-08', '2024-10-10', '停職')], '2024-10-01', '2024-10-01');
    expect(oct.expected).toBe(260869);
    // hours (D-14's other value): October untouched; 21 h × ¥1,978 = ¥41,538 from November.
    expect(months(byHours, YEAR2, [entry('2024-10-08', '2024-10-10', '停職')], '2024-10-01', '2024-11-01').map((m) => m.expected)).toEqual([300000, 300000 - 41538]);
  });

  test('more than 7 days, or by the hour, is an error (Art 27.2.3)', () => {
    const long = entry('2024-10-07', '2024-10-14', '停職'); // 8 days
    const hourly = entry('2024-10-21', null, '停職', 60);
    expect(findings([long, hourly])).toEqual([
      [long.row, 'error', 'Art 27.2.3'],
      [hourly.row, 'error', 'Art 27.2.3'],
    ]);
  });
});

describe('3. D-14: a fully unpaid month costs its pay and never more', () => {
  test('care leave for all of October 2024 (year 2): October ¥0, November ¥300,000, nothing carried', () => {
    const rows = months(alt, YEAR2, [entry('2024-10-01', '2024-10-31', '介護休暇')], '2024-10-01', '2024-11-01');
    expect(rows.map((m) => [m.expected, m.carried])).toEqual([[0, 0], [300000, 0]]);
  });

  test('hours: 22 working days × 7 h × ¥1,978 = ¥304,612 > ¥300,000 — November ¥0 and ¥4,612 carried', () => {
    const rows = months(byHours, YEAR2, [entry('2024-10-01', '2024-10-31', '介護休暇')], '2024-10-01', '2024-11-01');
    expect(rows.map((m) => [m.expected, m.carried])).toEqual([[300000, 0], [0, 4612]]);
  });
});

describe('4. D-17: the pay cut’s average pay counts from hire and leaves out childcare leave', () => {
  // Hired 2024-08-07: August pays 280,000 × 18/22 = 229,090.9 → ¥229,090 (22 days requiring work, 18 from the 7th).
  // From hire: 8/7–8/31 = 25 days → 9,163.60 a day, half = 4,581.80 → ¥4,581; September 280,000 − 4,581 = ¥275,419.
  // Whole months: ÷ 31 = 7,390.00, half → ¥3,695; September ¥276,305.
  test('ALT.MONTHPAY, one cut in September', () => {
    expect(value('ALT.MONTHPAY', 1, '2024-09-01', '2024-08-07', null, null, null, 1)).toBe(275419);
    expect(value('ALT.MONTHPAY', 1, '2024-09-01', '2024-08-07', null, null, null, 1, null, null, JSON.stringify(wholeMonths))).toBe(276305);
  });

  test('the ledger, the same case', () => {
    const terms: PayTerm[] = [{ start: d('2024-08-07'), end: d('2025-08-06'), jetYear: 1 }];
    const [sep] = months(alt, terms, [entry('2024-09-10', null, '減給')], '2024-09-01', '2024-09-01');
    expect([sep.cut, sep.expected]).toEqual([4581, 275419]);
  });

  test('Art 12.3: childcare leave 2024-06-17 – 06-30 and its pay are left out', () => {
    // Year 1 from 2023-08-07. June: 20 days requiring work, 10 on childcare leave → 280,000 × 10/20 = ¥140,000.
    // Service days: April 30 + May 31 + June 1–16 = 77; (280,000 + 280,000 + 140,000) ÷ 77 = 9,090.90 → half ¥4,545.
    // Whole months: ÷ 91 = 7,692.30 → half ¥3,846.
    const terms: PayTerm[] = [{ start: d('2023-08-07'), end: d('2024-08-06'), jetYear: 1 }];
    const list = () => [entry('2024-06-17', '2024-06-30', '育児休業'), entry('2024-07-10', null, '減給')];
    expect(months(alt, terms, list(), '2024-07-01', '2024-07-01')[0].cut).toBe(4545);
    expect(months(wholeMonths, terms, list(), '2024-07-01', '2024-07-01')[0].cut).toBe(3846);
  });
});

describe('5. D-15: the relative decides 10 or 5 days of bereavement leave', () => {
  test('from the kind, the note, or neither', () => {
    const sibling = entry('2024-09-02', '2024-09-07', '忌引（兄）'); // 6 days > 5
    const grandma = entry('2024-10-01', '2024-10-05', '忌引（祖母）'); // 5 days: fine
    const byNote = entry('2024-11-04', '2024-11-09', '忌引', undefined, 'grandmother'); // 6 > 5
    const unnamed = entry('2024-12-02', '2024-12-07', '特休1'); // 6 days, no relative: 10 with a warning
    const mother = entry('2025-01-06', '2025-01-13', '忌引き', undefined, '母'); // 8 ≤ 10
    const father = entry('2025-02-03', '2025-02-13', '特休1 父'); // 11 > 10
    expect(findings([sibling, grandma, byNote, unnamed, mother, father])).toEqual([
      [sibling.row, 'error', 'Art 14.1.1'],
      [byNote.row, 'error', 'Art 14.1.1'],
      [unnamed.row, 'warning', 'Art 14.1.1, D-15'],
      [father.row, 'error', 'Art 14.1.1'],
    ]);
  });

  test('ALT.SPECIALLEAVE reads the same words, and says when the answer depends on the relative', () => {
    expect(value('ALT.SPECIALLEAVE', '忌引', '祖父母')).toBe(5);
    expect(value('ALT.SPECIALLEAVE', '忌引（祖母）')).toBe(5);
    expect(value('ALT.SPECIALLEAVE', 1, '配偶者')).toBe(10);
    expect(value('ALT.SPECIALLEAVE', 1, 'grandfather')).toBe(5);
    const lines = (value('ALT.EXPLAINEN', 'SPECIALLEAVE', 1) as string[][]).map((r) => r.join(' ')).join('\n');
    expect(lines).toMatch(/depends on the circumstance — 5 for sibling or grandparent/);
    expect(specialLeaveLimit(alt, '夏休')).toBe(4);
  });
});

describe('D-15 and D-16 are catalogue data, each tested with its other value', () => {
  const withEntry = (item: number, change: object, id: string) => variantOf({ specialLeave: alt.specialLeave.map((s) => (s.item === item ? { ...s, ...change } : s)) }, id);
  test('unnamedVariant smallest: 6 unnamed days of bereavement are an error (5), not a warning', () => {
    const strict = withEntry(1, { unnamedVariant: 'smallest' }, 'strict-bereavement');
    const unnamed = entry('2024-12-02', '2024-12-07', '特休1');
    expect(findings([unnamed], YEAR2, strict)).toEqual([[unnamed.row, 'error', 'Art 14.1.1']]);
  });
  test('eventGapDays 400: births ten months apart count as one — 2 + 2 = 4 > 2', () => {
    const one = withEntry(8, { eventGapDays: 400 }, 'long-gap');
    const second = entry('2025-07-01', '2025-07-02', '特休8');
    expect(findings([entry('2024-09-02', '2024-09-03', '特休8'), second], YEAR2, one)).toEqual([[second.row, 'error', 'Art 14.1.8']]);
  });
  test('aprilCohortMonths 4–4: S1 for a May arrival is a summer arrival, one year from the next day', () => {
    const aprilOnly = variantOf({ term: { aprilCohortMonths: { from: 4, to: 4 } } }, 'april-only');
    // 2024-05-10 → start 05-11 → end 2025-05-10 = serial 45787.
    expect(value('ALT.TERMEND', '2024-05-10', 'S1', null, null, null, null, JSON.stringify(aprilOnly))).toBe(45787);
  });
});

describe('6. item 15: at most 3 spells and 93 calendar days per person cared for', () => {
  test('96 calendar days is an error; 93 is not', () => {
    // 2024-09-02 – 12-06: 29 + 31 + 30 + 6 = 96; 09-02 – 12-03: 93.
    const long = entry('2024-09-02', '2024-12-06', '介護休暇');
    expect(findings([long])).toEqual([[long.row, 'error', 'Art 14.1.15']]);
    expect(findings([entry('2024-09-02', '2024-12-03', '介護休暇')])).toEqual([]);
  });

  test('a 4th one-day spell is an error', () => {
    const s = ['2024-09-02', '2024-09-09', '2024-09-17', '2024-09-24'].map((x) => entry(x, null, '特休15'));
    expect(findings(s)).toEqual([[s[3].row, 'error', 'Art 14.1.15']]);
  });
});

describe('7. D-16: item 8 is per birth', () => {
  test('a second birth ten months later has its own 2 days', () => {
    expect(findings([entry('2024-09-02', '2024-09-03', '特休8'), entry('2025-07-01', '2025-07-02', '特休8')])).toEqual([]);
  });
  test('within 30 days it is the same birth: 2 + 1 = 3 > 2', () => {
    const late = entry('2024-09-12', null, '特休8');
    expect(findings([entry('2024-09-02', '2024-09-03', '特休8'), late])).toEqual([[late.row, 'error', 'Art 14.1.8']]);
  });
  test('a birth date in the note decides: 41 days apart, one birth', () => {
    const late = entry('2024-10-15', '2024-10-16', '特休8', undefined, '出産日 2024-09-01');
    expect(findings([entry('2024-09-04', null, '特休8', undefined, '出産日 2024-09-01'), late])).toEqual([[late.row, 'error', 'Art 14.1.8']]);
  });
});

describe('8. item 6: pre-natal leave over 6 weeks is a warning', () => {
  test('43 days (2024-09-02 – 10-14) > 42: a warning, not an error', () => {
    const f = checkLedger(alt, [entry('2024-09-02', '2024-10-14', '産前休暇')], new Map([['alex', YEAR2.map(person)]]));
    expect(f.map((x) => [x.severity, x.rule])).toEqual([['warning', 'Art 14.1.6']]);
    expect(f[0].en).toMatch(/a birth may come later than expected/);
  });
});

describe('9. Art 26.2.1 and 30.3: suspension for illness', () => {
  test('with no sick-leave chain before it: two warnings', () => {
    const s = entry('2024-10-01', '2024-10-31', '休職（病気）');
    expect(findings([s])).toEqual([
      [s.row, 'warning', 'Art 26.2.1'],
      [s.row, 'warning', 'Art 30.3'],
    ]);
  });
  test('after 20 days of sick leave, certificates noted: nothing', () => {
    // 2024-10-01 – 10-20 is 20 calendar days (D-6 counts them all); the suspension starts on day 21.
    expect(findings([entry('2024-10-01', '2024-10-20', '病気休暇', undefined, '診断書あり'), entry('2024-10-21', '2024-11-30', '休職（病気）', undefined, '診断書提出済')])).toEqual([]);
  });
  test('after 19 days: the warning', () => {
    const s = entry('2024-10-21', '2024-11-30', '休職（病気）', undefined, '診断書');
    expect(findings([entry('2024-10-02', '2024-10-20', '病休', undefined, '診断書'), s])).toEqual([[s.row, 'warning', 'Art 26.2.1']]);
  });
});

describe('RULES.md §7: the child’s age, where a note gives the birth date', () => {
  test('partial leave (Art 14-3.1) to the day the child reaches 3; childcare leave (Art 14-2.1) to 1 y 6 m, 2 y in named cases', () => {
    // Born 2021-10-01: reaches 3 on 2024-09-30 (the day before the birthday, 民法 Art 143).
    const lastDay = entry('2024-09-30', null, '部分休業', 60, '子 2021-10-01 生');
    const after = entry('2024-10-01', null, '部分休業', 60, '子 2021-10-01 生');
    const noNote = entry('2024-10-02', null, '部分休業', 60);
    expect(findings([lastDay, after, noNote])).toEqual([[after.row, 'error', 'Art 14-3.1']]);
    const long = entry('2024-09-02', '2024-09-30', '育児休業', undefined, 'child born 2023-03-15'); // 1 y 6 m on 2024-09-14: a warning
    const tooLong = entry('2024-10-01', '2025-03-31', '育休', undefined, '子 2023-03-15 生'); // 2 y on 2025-03-14: an error
    expect(findings([long, tooLong])).toEqual([
      [long.row, 'warning', 'Art 14-2.1'],
      [tooLong.row, 'error', 'Art 14-2.1'],
    ]);
  });
});

describe('10. a cohort that cannot fit; a place no office covers', () => {
  test('S1 for a May arrival is refused; A2 is not refused for the cohort', () => {
    expect(error('ALT.TERMEND', '2024-05-10', 'S1').message).toMatch(/cohort S1 .* cannot fit an arrival on 2024-05-10/);
    expect(error('ALT.TERMEND', '2024-09-10', 'A1').message).toMatch(/cannot fit/);
    // A2: one year from the day after that year's April ① arrival (given): 2024-04-08 → 2025-04-08.
    expect(value('ALT.TERMEND', '2024-05-10', 'A2', null, null, null, '2024-04-08')).toBe(45755);
  });
  test('香港 is #N/A (no office covers it); an unknown name stays #VALUE!', () => {
    expect(error('CLAIR.OFFICE', '香港').error).toBe('#N/A');
    expect(error('CLAIR.OFFICE', 'Hong Kong').message).toMatch(/no CLAIR overseas office covers Hong Kong/);
    expect(error('CLAIR.OFFICE', 'Narnia').error).toBe('#VALUE!');
  });
});

describe('the one kind reader (CONTRACT §4), shared with ALT.SPECIALLEAVE', () => {
  test.each([
    ['年次有給休暇', 'annual', undefined],
    ['病気休暇', 'sick', undefined],
    ['夏季休暇', 'special', 21],
    ['夏休', 'special', 21],
    ['忌引き', 'special', 1],
    ['結婚休暇', 'special', 2],
    ['子の看護休暇', 'special', 11],
    ['短期介護休暇', 'special', 14],
    ['介護休暇', 'special', 15],
    ['介護時間', 'special', 16],
    ['産前休暇', 'special', 6],
    ['産後休暇', 'special', 7],
    ['生理休暇', 'special', 12],
    ['保育時間', 'special', 10],
    ['育児時間', 'special', 10],
    ['特別休暇２１', 'special', 21],
    ['育休', 'childcare', undefined],
    ['休職（公務）', 'suspension', undefined],
    ['停職', 'dutySuspension', undefined],
  ])('%s', (text, kind, item) => {
    const k = readLeaveKind(alt, text);
    expect(k?.kind).toBe(kind);
    if (item !== undefined) expect(k?.kind === 'special' && k.item).toBe(item);
    // The function reads the same names.
    if (kind === 'special') expect(value('ALT.SPECIALLEAVEUNIT', text)).toBe(alt.specialLeave.find((s) => s.item === item)!.unit);
  });

  test('a variant in brackets or after a space', () => {
    expect(readLeaveKind(alt, '忌引（祖母）')).toEqual({ kind: 'special', item: 1, variant: '祖母' });
    expect(readLeaveKind(alt, '特休1 祖父母')).toEqual({ kind: 'special', item: 1, variant: '祖父母' });
  });

  test('an unknown kind names the nearest names', () => {
    expect(readLeaveKind(alt, '夏期休暇')).toBeUndefined();
    expect(unknownKindMessage(alt, '夏期休暇').en).toMatch(/nearest: .*夏季休暇/);
    expect(error('ALT.LEDGERBALANCE', [['2024-08-19', null, '夏期休暇']], '2024-08-07').message).toMatch(/^ledger row 1: unknown kind "夏期休暇"; nearest: .*夏季休暇/);
  });
});

describe('altrules pay (a roster and a ledger in one workbook), --ruleset', () => {
  const ROOT = join(__dirname, '..');
  const BIN = join(ROOT, 'bin', 'altrules.js');
  const run = (args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
  const dir = mkdtempSync(join(tmpdir(), 'issue17-'));
  const file = join(dir, 'book.xlsx');
  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'prepare'], { cwd: ROOT });
    const roster = [ROSTER_HEAD, ['Alex Smith', 'USA', 'S1', '2023-07-30', 1, 1, '2023-07-31', '2024-07-30', 280000], ['Bea Jones', 'UK', 'S1', '2023-08-06', 2, 2, '2024-08-07', '2025-08-06', 300000]];
    const ledger = [
      ['Name', 'From', 'To', 'Kind', 'Hours'],
      ['Alex Smith', '2024-07-10', null, '欠勤', 3],
      ['Bea Jones', '2024-10-08', '2024-10-10', '停職', null],
    ];
    writeFileSync(file, book({ sheets: [{ name: 'Roster', xml: worksheet(sheetData(roster)) }, { name: 'Ledger', xml: worksheet(sheetData(ledger)) }] }));
  }, 120_000);

  test('July: Alex’s last month takes its own 3 h (¥262,288); with an as-takenFrom ruleset ¥267,826', () => {
    const r = run(['pay', file, '--month', '2024-07', '--json']);
    expect(r.status).toBe(0);
    const pay = (out: string) => JSON.parse(out).pay.find((p: { name: string }) => p.name === 'Alex Smith').expected;
    expect(pay(r.stdout)).toBe(262288);
    const json = join(dir, 'as-taken-from.json');
    writeFileSync(json, JSON.stringify({ extends: 'saitama-alt-r5', id: 'as-taken-from', deduction: { lastMonthOfService: 'as-takenFrom' } }));
    expect(pay(run(['pay', file, '--month', '2024-07', '--json', '--ruleset', json]).stdout)).toBe(267826);
    expect(pay(run(['pay', file, '--month', '2024-07', '--json', '--ruleset', 'saitama-alt-r5']).stdout)).toBe(262288);
  });

  test('October: Bea’s 3 days of 停職 → ¥260,869', () => {
    const r = run(['pay', file, '--month', '2024-10', '--json']);
    expect(JSON.parse(r.stdout).pay.find((p: { name: string }) => p.name === 'Bea Jones').expected).toBe(260869);
  });

  test('a bad --ruleset is a usage error (exit 2) that says why', () => {
    const r = run(['pay', file, '--month', '2024-07', '--ruleset', 'nowhere-r9']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--ruleset: ruleset "nowhere-r9" is unknown/);
  });
});

describe('a ledger sheet reads kinds by every name (CONTRACT §4)', () => {
  test('夏季休暇, 忌引（祖母）, 停職 are read; 忌引（兄） over 5 days is found; an unknown kind names the nearest', () => {
    const rosterSheet: SheetInput = { name: 'Roster', rows: [[...ROSTER_HEAD], ['Alex Smith', 'USA', 'S1', '2024-08-06', 1, 1, '2024-08-07', '2025-08-06', 280000]] };
    const ledgerSheet: SheetInput = {
      name: '休暇簿',
      rows: [
        ['氏名', '日付', '終了日', '種別', '時間', '備考'],
        ['Alex Smith', '2024-09-02', '2024-09-03', '夏季休暇', null, null], // row 2: fine (2 of 4 days, July–September)
        ['Alex Smith', '2024-10-01', '2024-10-05', '忌引（祖母）', null, null], // row 3: 5 days for a grandparent: fine
        ['Alex Smith', '2024-11-04', '2024-11-09', '忌引（兄）', null, null], // row 4: 6 days > 5 for a sibling
        ['Alex Smith', '2024-12-03', null, '停職', null, null], // row 5: fine
        ['Alex Smith', '2025-01-07', null, '夏期休暇', null, null], // row 6: unknown (期 for 季)
      ],
    };
    const [, l] = validateWorkbook([rosterSheet, ledgerSheet]);
    expect(l.findings.map((f) => [f.row, f.severity, f.rule])).toEqual([
      [4, 'error', 'Art 14.1.1'],
      [6, 'error', 'input'],
    ]);
    expect(l.findings[1].message).toMatch(/unknown kind "夏期休暇"; nearest: .*夏季休暇/);
    expect(l.findings[1].message_ja).toMatch(/種別「夏期休暇」は不明です。近いもの: .*夏季休暇/);
  });
});

describe('every name of every catalogue entry reads back to its item, alone, in brackets with a variant, and full-width', () => {
  test('names and aliases', () => {
    const clashes: string[] = [];
    for (const k of alt.specialLeave) {
      for (const name of [k.ja, k.en, ...(k.aliases ?? [])]) {
        for (const text of [name, `${name}（祖母）`, name.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))]) {
          const got = readLeaveKind(alt, text);
          if (!(got?.kind === 'special' && got.item === k.item)) clashes.push(`${text} → ${JSON.stringify(got)} (item ${k.item})`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});
