// The task pane's words, in English and Japanese.

export type UiLang = 'en' | 'ja';

const STRINGS = {
  titleRoster: { en: 'Roster check', ja: '名簿チェック' },
  titleClaims: { en: 'Subsidy claims check', ja: '滞在経費助成金 請求チェック' },
  introRoster: { en: 'Checks the ALT roster on the active sheet against the rules (Saitama ALT rules) and marks every problem. It changes a cell only when you click “Set to …” on a finding.', ja: 'アクティブシートの ALT 名簿を任用規則（埼玉県）で点検し、問題のあるセルに印を付けます。セルを書き換えるのは、結果の「…にする」を押したときだけです。' },
  introClaims: { en: 'Checks stay-expense subsidy claims on the active sheet against the CLAIR caps and marks every problem. It changes a cell only when you click “Set to …” on a finding.', ja: 'アクティブシートの滞在経費助成金の請求をクレアの限度額で点検し、問題のあるセルに印を付けます。セルを書き換えるのは、結果の「…にする」を押したときだけです。' },
  source: { en: 'Data', ja: '対象' },
  sourceAuto: { en: 'Automatic (selection, table or sheet)', ja: '自動（選択範囲・テーブル・シート）' },
  sourceSelection: { en: 'Selection', ja: '選択範囲' },
  sourceTable: { en: 'First table', ja: '最初のテーブル' },
  sourceUsed: { en: 'Whole sheet', ja: 'シート全体' },
  dateSystem: { en: 'Date system', ja: '日付システム' },
  dateAuto: { en: 'Detect', ja: '自動判定' },
  check: { en: 'Check', ja: '点検する' },
  clear: { en: 'Clear marks', ja: '印を消す' },
  report: { en: 'Write report sheet', ja: '結果シートを作成' },
  // The findings sheet in one language by default; both only when asked (a checkbox beside the button).
  reportBothLanguages: { en: 'Japanese and English on the sheet', ja: '結果シートを日本語と英語の両方で書く' },
  checking: { en: 'Checking…', ja: '点検中…' },
  checkingRows: { en: 'Checking {n} rows…', ja: '{n} 行を点検中…' },
  all: { en: 'All', ja: 'すべて' },
  errors: { en: 'Errors', ja: 'エラー' },
  warnings: { en: 'Warnings', ja: '警告' },
  skippedRows: { en: '{n} row(s) skipped as not a person (blank, total, label or note): {rows}.', ja: '人の行ではない {n} 行（空白・合計・区分・注記）を読み飛ばしました: {rows}。' },
  summary: { en: '{address}: {rows} row{s} checked ({source}): {e} error(s), {w} warning(s).', ja: '{address}（{source}・{rows} 行）を点検しました: エラー {e} 件、警告 {w} 件。' },
  selectionNoHeader: { en: 'The selection holds no header row, so the {source} was checked instead.', ja: '選択範囲に見出し行がないため、{source}を点検しました。' },
  reading: { en: 'Reading the sheet…', ja: 'シートを読み込み中…' },
  marking: { en: 'Marking the cells…', ja: 'セルに印を付けています…' },
  writingReport: { en: 'Writing the findings sheet ({n} rows)…', ja: '結果シートを書き込み中（{n} 行）…' },
  progressLabel: { en: 'Progress of the check', ja: '点検の進捗' },
  filterLabel: { en: 'Show findings', ja: '表示する結果' },
  findingsLabel: { en: 'Findings', ja: '点検結果' },
  pageOf: { en: '{from}–{to} of {n}', ja: '{n} 件中 {from}〜{to} 件' },
  previous: { en: 'Previous', ja: '前へ' },
  next: { en: 'Next', ja: '次へ' },
  reportExists: { en: 'A sheet named "{name}" already exists. Replace it with the new findings?', ja: 'シート「{name}」は既にあります。新しい結果で置き換えますか？' },
  reportAsk: { en: 'Answer the question below to write the findings sheet.', ja: '下の質問に答えると結果シートを書き込みます。' },
  emptyTab: { en: 'None.', ja: '該当なし。' },
  replace: { en: 'Replace the sheet', ja: '置き換える' },
  keep: { en: 'Keep it', ja: '置き換えない' },
  reportKept: { en: 'The sheet "{name}" was kept; nothing was written.', ja: 'シート「{name}」はそのままです。何も書き出していません。' },
  setTo: { en: 'Set to {value}', ja: '{value} にする' },
  fixChanged: { en: '{cell} has changed since the check: nothing was written. Check again to see what it holds now.', ja: '{cell} は点検後に変更されているため、書き込みませんでした。再点検してください。' },
  fixed: { en: 'Wrote {value} to {cell}; nothing else was changed. Check again to update the marks.', ja: '{cell} を {value} にしました。ほかは変更していません。印を更新するには再点検してください。' },
  acceptedTab: { en: 'Checked', ja: '確認済み' },
  acceptedWord: { en: 'Checked', ja: '確認済み' },
  acceptedCount: { en: '{n} finding(s) marked as checked are not marked in the sheet.', ja: '確認済み {n} 件は印を付けていません。' },
  acceptedBy: { en: 'Checked by {who} on {when}: {why}', ja: '{when} {who} が確認済み: {why}' },
  acceptAction: { en: 'Mark as checked…', ja: '確認済みにする…' },
  reportSource: { en: 'sheet "{sheet}" of this workbook', ja: 'このブックのシート「{sheet}」' },
  byRuleLabel: { en: 'Findings by rule', ja: '条項別の件数' },
  guide: { en: 'Guide for clerks', ja: '使い方ガイド' },
  mapAction: { en: 'Choose the column…', ja: '列を選ぶ…' },
  reason: { en: 'Reason (e.g. decided by the board of education)', ja: '理由（例: 教育委員会で決定済み）' },
  yourName: { en: 'Your name', ja: '担当者名' },
  save: { en: 'Save', ja: '保存' },
  cancel: { en: 'Cancel', ja: 'キャンセル' },
  notKept: { en: 'Not kept in this sheet', ja: 'このシートにはない' },
  columnFor: { en: 'Column for {field}', ja: '「{field}」の列' },
  sourceSheetTable: { en: 'first table', ja: '最初のテーブル' },
  sourceSheetUsed: { en: 'whole sheet', ja: 'シート全体' },
  sourceSheetSelection: { en: 'selection', ja: '選択範囲' },
  clean: { en: 'No problems found.', ja: '問題は見つかりませんでした。' },
  notRecognised: { en: 'No roster or claims headers were found in {address}. Headers such as Name, Arrival, Term, Year (or 氏名, 来日日, 任用回数, 来日年数) are needed.', ja: '{address} に名簿・請求の見出しが見つかりません。氏名・来日日・任用回数・来日年数（Name, Arrival, Term, Year）などの見出しが必要です。' },
  wrongKindRoster: { en: 'This looks like a claims sheet; its findings are shown, but the CLAIR add-in is the place for claims.', ja: 'このシートは請求シートのようです。結果は表示しますが、請求の点検はクレア アドインをお使いください。' },
  wrongKindClaims: { en: 'This looks like an ALT roster; its findings are shown, but the ALT add-in is the place for rosters.', ja: 'このシートは ALT 名簿のようです。結果は表示しますが、名簿の点検は ALT アドインをお使いください。' },
  cleared: { en: 'Removed the marks from {n} cells. Cell values and formats were not touched.', ja: '{n} 個のセルの印を消しました。セルの値と書式は変更していません。' },
  reportWritten: { en: 'Wrote the findings to the sheet "{name}".', ja: '結果をシート「{name}」に書き出しました。' },
  // Microsoft's Excel requirement-set table for ExcelApi 1.9 (what the pane checks before a run).
  tooOld: { en: 'This Excel cannot run the check: it needs Excel API 1.9 — Microsoft 365 or retail Excel version 1903 or later, Office LTSC 2021 or later, Excel on the web, Excel for Mac 16.24 or later, or Excel on iPad. Volume-licensed Excel 2019 and 2016 do not have it.', ja: 'この Excel では点検を実行できません。Excel API 1.9 が必要です（Microsoft 365 またはリテール版 Excel のバージョン 1903 以降、Office LTSC 2021 以降、Excel on the web、Excel for Mac 16.24 以降、iPad 版 Excel）。ボリュームライセンス版の Excel 2019・2016 では使えません。' },
  notInExcel: { en: 'Open this pane in Excel to check a workbook.', ja: 'ブックを点検するには Excel でこのウィンドウを開いてください。' },
  failed: { en: 'The check could not finish: {message}', ja: '点検を完了できませんでした: {message}' },
  // A page of the findings list the Worker could not give: the other pages and the counts stay.
  pageFailed: { en: 'This page of findings could not be shown: {message}. Turn to it again, or check again.', ja: 'この結果のページを表示できませんでした: {message}。もう一度このページを開くか、点検し直してください。' },
  // A page of rows Excel refused to hand over: the other pages were checked (workbook.ts readArea).
  unreadRows: { en: 'Rows {from}–{to} of "{sheet}" could not be read: {reason}. They were not checked; check again.', ja: '「{sheet}」の {from}〜{to} 行目を読み込めませんでした: {reason}。この行は点検していません。もう一度点検してください。' },
  // The "leave ledger and pay" mode (休暇簿と給与).
  checkWhat: { en: 'Check', ja: '点検するもの' },
  whatRoster: { en: 'Roster', ja: '名簿' },
  whatMonth: { en: 'Leave ledger & pay', ja: '休暇簿と給与' },
  titleMonth: { en: 'Leave ledger and pay check', ja: '休暇簿・給与チェック' },
  introMonth: { en: 'Checks the leave ledger and the pay sheet of this workbook against its roster (Saitama ALT rules) and marks every problem. Your data is never changed unless you ask for the expected pay to be written.', ja: 'このブックの休暇簿と給与点検シートを名簿と照合して任用規則（埼玉県）で点検し、問題のあるセルに印を付けます。支給見込額の書き込みを指示しない限り、データは変更しません。' },
  readingMonth: { en: 'Reading the roster, ledger and pay sheets…', ja: '名簿・休暇簿・給与点検シートを読み込み中…' },
  checkingMonth: { en: 'Checking {n} rows of the ledger and pay…', ja: '休暇簿・給与の {n} 行を点検中…' },
  monthSummary: { en: 'Checked {sheets} against the roster {rosters}: {e} error(s), {w} warning(s).', ja: '{sheets}を名簿{rosters}と照合して点検しました: エラー {e} 件、警告 {w} 件。' },
  monthSummaryNoRoster: { en: 'Checked {sheets}: {e} error(s), {w} warning(s).', ja: '{sheets}を点検しました: エラー {e} 件、警告 {w} 件。' },
  monthLedger: { en: '"{name}" (leave ledger, {n} entries)', ja: '「{name}」（休暇簿・{n} 件）' },
  monthPay: { en: '"{name}" (pay sheet, {n} rows)', ja: '「{name}」（給与点検・{n} 行）' },
  monthSheetName: { en: '"{name}"', ja: '「{name}」' },
  monthNotFound: { en: 'Not found: {what}.', ja: '見つからなかったもの: {what}。' },
  monthMissingRoster: { en: 'a roster (headers such as Name, Arrival, Term, Year)', ja: '名簿（氏名・来日日・任用回数・来日年数 などの見出し）' },
  monthRosterSkipped: { en: 'Without a roster, the term, leave-balance and pay checks were skipped.', ja: '名簿がないため、任期・年休残高・支給額の点検は省略しました。' },
  monthMissingLedger: { en: 'a leave ledger (Name, From, Kind)', ja: '休暇簿（氏名・開始日・種別）' },
  monthMissingPay: { en: 'a pay sheet (Name, Month, Paid)', ja: '給与点検シート（氏名・支給月・支給額）' },
  monthNothing: { en: 'No leave ledger or pay sheet was found in this workbook. A ledger needs the headers Name, From, Kind (氏名, 開始日, 種別); a pay sheet Name, Month (氏名, 支給月).', ja: 'このブックに休暇簿・給与点検シートが見つかりません。休暇簿には 氏名・開始日・種別（Name, From, Kind）、給与点検には 氏名・支給月（Name, Month）の見出しが必要です。' },
  monthNoPaid: { en: '"{name}" has no Paid column: the expected pay of {n} row(s) was computed and nothing judged; "Write expected pay" puts it beside the data.', ja: '「{name}」には支給額の列がありません。{n} 行の支給見込額を計算しました（判定はしていません）。「支給見込額を書き込む」で表に書き込めます。' },
  writeExpected: { en: 'Write expected pay', ja: '支給見込額を書き込む' },
  expectedWritten: { en: 'Wrote the expected pay of {n} row(s) to column {column} of "{sheet}" (headed "{header}"); nothing else was changed.', ja: '「{sheet}」の {column} 列（見出し「{header}」）に {n} 行の支給見込額を書き込みました。ほかは変更していません。' },
  expectedNone: { en: 'No expected pay is known (no roster, or no pay row of a person on it); nothing was written.', ja: '支給見込額がありません（名簿がないか、名簿の人の行がありません）。何も書き込んでいません。' },
  expectedNoPay: { en: 'There is no pay sheet (headers Name, Month) to write the expected pay into.', ja: '支給見込額を書き込む給与点検シート（見出し 氏名・支給月）がありません。' },
  expectedOccupied: { en: 'Column {column} of "{sheet}" holds other data ({cell}: "{value}"). Replace the column\'s contents with the expected pay?', ja: '「{sheet}」の {column} 列にはほかのデータがあります（{cell}: 「{value}」）。この列を支給見込額で置き換えますか？' },
  replaceColumn: { en: 'Replace the column', ja: '置き換える' },
  keepColumn: { en: 'Keep it', ja: '置き換えない' },
  expectedKept: { en: 'Column {column} of "{sheet}" was kept; nothing was written.', ja: '「{sheet}」の {column} 列はそのままです。何も書き込んでいません。' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(lang: UiLang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function uiLanguage(officeLanguage: string | undefined, browserLanguage: string | undefined): UiLang {
  const tag = (officeLanguage || browserLanguage || 'en').toLowerCase();
  return tag.startsWith('ja') ? 'ja' : 'en';
}

/** A count as the clerk reads it: 12,345 in either language. */
export function formatNumber(lang: UiLang, x: number): string {
  return x.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
}
