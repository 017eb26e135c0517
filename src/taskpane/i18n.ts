// The task pane's words, in English and Japanese.

export type UiLang = 'en' | 'ja';

const STRINGS = {
  titleRoster: { en: 'Roster check', ja: '名簿チェック' },
  titleClaims: { en: 'Subsidy claims check', ja: '滞在経費助成金 請求チェック' },
  introRoster: { en: 'Checks the ALT roster on the active sheet against the rules (Saitama ALT rules) and marks every problem. Your data is never changed.', ja: 'アクティブシートの ALT 名簿を任用規則（埼玉県）で点検し、問題のあるセルに印を付けます。データは変更しません。' },
  introClaims: { en: 'Checks stay-expense subsidy claims on the active sheet against the CLAIR caps and marks every problem. Your data is never changed.', ja: 'アクティブシートの滞在経費助成金の請求をクレアの限度額で点検し、問題のあるセルに印を付けます。データは変更しません。' },
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
  checking: { en: 'Checking…', ja: '点検中…' },
  checkingRows: { en: 'Checking {n} rows…', ja: '{n} 行を点検中…' },
  all: { en: 'All', ja: 'すべて' },
  errors: { en: 'Errors', ja: 'エラー' },
  warnings: { en: 'Warnings', ja: '警告' },
  summary: { en: '{address}: {rows} rows checked ({source}): {e} error(s), {w} warning(s).', ja: '{address}（{source}・{rows} 行）を点検しました: エラー {e} 件、警告 {w} 件。' },
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
  replace: { en: 'Replace the sheet', ja: '置き換える' },
  keep: { en: 'Keep it', ja: '置き換えない' },
  reportKept: { en: 'The sheet "{name}" was kept; nothing was written.', ja: 'シート「{name}」はそのままです。何も書き出していません。' },
  setTo: { en: 'Set to {value}', ja: '{value} にする' },
  fixed: { en: 'Wrote {value} to {cell}; nothing else was changed. Check again to update the marks.', ja: '{cell} を {value} にしました。ほかは変更していません。印を更新するには再点検してください。' },
  acceptedTab: { en: 'Accepted', ja: '承認済み' },
  acceptedWord: { en: 'Accepted', ja: '承認済み' },
  acceptedCount: { en: '{n} accepted finding(s) not marked.', ja: '承認済み {n} 件は印を付けていません。' },
  acceptedBy: { en: 'Accepted by {who} on {when}: {why}', ja: '{when} {who} が承認: {why}' },
  acceptAction: { en: 'Accept…', ja: '承認…' },
  mapAction: { en: 'Choose the column…', ja: '列を選ぶ…' },
  reason: { en: 'Reason (e.g. approved by the board of education)', ja: '理由（例: 教育委員会の承認）' },
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
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(lang: UiLang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function uiLanguage(officeLanguage: string | undefined, browserLanguage: string | undefined): UiLang {
  const tag = (officeLanguage || browserLanguage || 'en').toLowerCase();
  return tag.startsWith('ja') ? 'ja' : 'en';
}
