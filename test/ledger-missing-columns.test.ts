// Ledger and pay sheets say when a column a check needs is missing, as the roster does, naming the
// unread columns with their letters — but only when there is an unread column that may hold it.

import { validateWorkbook } from '../src/validation/validate';
import type { Finding, SheetInput } from '../src/validation/validate';

const missing = (fs: readonly Finding[]) => fs.filter((f) => /^no ".*" column/.test(f.message));

describe('leave ledger', () => {
  // Column D's header is no field's: it may be the To column under a name the reader does not know.
  const ledger: SheetInput = { name: 'Ledger', rows: [['Name', 'From', 'Kind', '終了予定'], ['Emily Brown', '2024-07-16', 'annual', '2024-07-18']] };

  test('no To and no Hours, with an unread column D: one warning each on the header row, naming "終了予定" (D)', () => {
    const [r] = validateWorkbook([ledger]);
    const w = missing(r?.findings ?? []);
    expect(w.map((f) => [f.row, f.field, f.column, f.columnIndex, f.severity, f.rule])).toEqual([
      [1, 'to', '', 0, 'warning', 'input'],
      [1, 'hours', '', 0, 'warning', 'input'],
    ]);
    expect(w[0]?.message).toMatch(/^no "To" column \(To, End, .*— field to\): the end of each entry \(every entry is read as its From day alone\) skipped; columns no check reads: "終了予定" \(D\)\. If one holds it, map it: altrules validate FILE --columns map\.json, with map\.json \{"to": "終了予定"\}/);
    expect(w[0]?.message_ja).toMatch(/^「終了日」列（終了日・休暇終了日.* など）がないため、各記録の終了日（すべて開始日の1日の記録として読みます）を省略しました。どの点検も読んでいない列: 「終了予定」（D列）/);
    expect(w[1]?.message).toMatch(/^no "Hours" column .*: the hours of part-day leave \(every entry is read as whole days\) skipped; columns no check reads: "終了予定" \(D\)/);
  });

  test('in the pane the advice is the pane\'s "Choose the column…"', () => {
    const [r] = validateWorkbook([ledger], { mapHint: 'pane' });
    expect(missing(r?.findings ?? [])[0]?.message).toMatch(/use "Choose the column…" on this finding\.$/);
  });

  test('mapped to To, column D is read: no column is left unread, so no warning at all', () => {
    const [r] = validateWorkbook([ledger], { mappings: [{ sheet: 'Ledger', field: 'to', column: 4, header: '終了予定' }] });
    expect(missing(r?.findings ?? [])).toEqual([]);
  });

  test('"not kept" (column 0) silences the warning for that field', () => {
    const [r] = validateWorkbook([ledger], { mappings: [{ sheet: 'Ledger', field: 'hours', column: 0, header: '' }] });
    expect(missing(r?.findings ?? []).map((f) => f.field)).toEqual(['to']);
  });

  test('no unread column (a ledger of one row per day): no missing-column warning', () => {
    const [r] = validateWorkbook([{ name: 'Ledger', rows: [['Name', 'From', 'Kind'], ['Emily Brown', '2024-07-16', 'annual']] }]);
    expect(r?.kind).toBe('ledger');
    expect(missing(r?.findings ?? [])).toEqual([]);
  });

  test('a reading column (フリガナ) or a running number is no candidate: no warning', () => {
    const [r] = validateWorkbook([{ name: 'Ledger', rows: [['No.', 'Name', 'フリガナ', 'From', 'Kind'], [1, 'Emily Brown', 'エミリー', '2024-07-16', 'annual']] }]);
    expect(missing(r?.findings ?? [])).toEqual([]);
  });
});

describe('pay sheet', () => {
  test('no Paid, with an unread 振込額 in column C: a warning that the amounts paid are not judged', () => {
    const [r] = validateWorkbook([{ name: 'Pay', rows: [['Name', 'Month', '振込額'], ['Emily Brown', '2024-07', 280000]] }]);
    expect(r?.kind).toBe('pay');
    const w = missing(r?.findings ?? []);
    expect(w.map((f) => [f.row, f.field, f.severity, f.rule])).toEqual([[1, 'paid', 'warning', 'Art 7, 8, D-12, D-13']]);
    expect(w[0]?.message).toMatch(/^no "Paid" column .*: judging the amounts paid \(the expected pay is only reported\) skipped; columns no check reads: "振込額" \(C\)/);
    expect(w[0]?.message_ja).toMatch(/がないため、支給額の点検（計算額を示すだけにします）を省略しました。どの点検も読んでいない列: 「振込額」（C列）/);
  });

  test('no Paid beside the column the pane writes the expected pay into: no warning (that column is ours)', () => {
    const [r] = validateWorkbook([{ name: 'Pay', rows: [['Name', 'Month', 'Expected pay 支給見込額'], ['Emily Brown', '2024-07', 280000]] }]);
    expect(r?.kind).toBe('pay');
    expect(missing(r?.findings ?? [])).toEqual([]);
  });

  test('no Paid and nothing else: the expected-pay layout, no warning', () => {
    const [r] = validateWorkbook([{ name: 'Pay', rows: [['Name', 'Month'], ['Emily Brown', '2024-07']] }]);
    expect(r?.kind).toBe('pay');
    expect(missing(r?.findings ?? [])).toEqual([]);
  });
});
