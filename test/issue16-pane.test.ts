// Issue 16 items 3 and 8 in the pane, through the Excel fake (test/fakes/excel-fake.ts): *Write
// expected pay* writes ¥320,454 for the August of a third term from 7 August, nothing for a month
// whose earlier term the roster cannot give, and nothing into a month-columns pay sheet.

import { installFakeExcel, FakeWorkbookModel } from './fakes/excel-fake';
import { ExcelWorkbook } from '../src/taskpane/workbook';
import { MonthController, monthCoverage } from '../src/taskpane/month';

test('Write expected pay: the re-appointment month priced right, the unknown one left empty, the month-columns sheet untouched', async () => {
  const model = new FakeWorkbookModel();
  model.addSheet('名簿', [
    ['令和6年度 外国語指導助手（ALT）名簿'],
    ['氏名', '来日日', '年次', '任期開始', '任期終了'],
    ['Emily Brown', 'R4.8.6', 3, 'R6.8.7', 'R7.8.6'],
    ['Tom Lee', null, 3, 'R6.8.7', 'R7.8.6'],
  ]);
  model.addSheet('給与点検', [
    ['氏名', '支給月', '支給額'],
    ['Emily Brown', 'R6.8', 265909], // row 2
    ['Tom Lee', 'R6.8', 265909], // row 3: refused
    ['Tom Lee', 'R6.9', 325000], // row 4
  ]);
  model.addSheet('報酬一覧', [
    ['令和6年度 報酬支給一覧'],
    ['氏名', '8月', '9月', '合計'],
    ['Emily Brown', 265909, 325000, 590909],
  ]);
  // A per-person 休暇簿 named by its sheet: Emily re-appointed, 20 days at once (Art 12.1): 20 − 1 = 19, not 20.
  model.addSheet('Emily Brown', [['年次休暇簿（令和6年度）'], ['月日', '種別', '時間', '残日数'], ['9/13', '年休', null, 20]]);
  installFakeExcel(model);
  const month = new MonthController(new ExcelWorkbook());
  const outcome = await month.checkMonth('auto');
  expect(outcome.results.map((r) => [r.sheet, r.kind])).toEqual([
    ['給与点検', 'pay'],
    ['報酬一覧', 'pay'],
    ['Emily Brown', 'ledger'],
  ]);
  // The status line's facts: the month-columns sheet is judged (no "no Paid column") and names its fiscal year.
  expect(monthCoverage(outcome).checked.find((c) => c.sheet === '報酬一覧')).toEqual({ sheet: '報酬一覧', kind: 'pay', rows: 1, paidColumn: true, status: { en: 'fiscal year 2024 (April 2024 – March 2025), from the title "令和6年度 報酬支給一覧"', ja: '2024年度（2024年4月〜2025年3月）: 表題「令和6年度 報酬支給一覧」による' } });
  const all = await outcome.findings.page('all', 0, outcome.summary.counts.all);
  const ledger = all.filter((i) => i.finding.sheet === 'Emily Brown');
  expect(ledger.map((i) => [i.finding.row, i.finding.column, i.who])).toEqual([[3, '残日数', 'Emily Brown']]);
  expect(ledger[0].finding.message).toMatch(/19 days 0 h 0 min/);
  const before = model.values();
  // (300,000 × 4 + 325,000 × 18) ÷ 22 = 320,454.5… → ¥320,454 (D-11, D-12, D-2); Tom's September is all term 3: ¥325,000.
  expect(await month.writeExpectedPay(outcome)).toEqual({ written: [{ sheet: '給与点検', column: 'D', amounts: 2 }] });
  const after = model.values();
  const changed = Object.keys(after).filter((k) => after[k] !== before[k]).sort();
  expect(changed).toEqual(['給与点検!1,4', '給与点検!2,4', '給与点検!4,4']);
  expect(changed.map((k) => after[k])).toEqual(['Expected pay 支給見込額', 320454, 325000]);
  // Tom's August: nothing written (no 0, no guess).
  expect(after['給与点検!3,4']).toBeUndefined();
  expect(Object.keys(after).filter((k) => k.startsWith('報酬一覧!')).every((k) => after[k] === before[k])).toBe(true);
});
