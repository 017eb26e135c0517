// What a clerk does next about each kind of finding, in English and Japanese. A finding's kind is
// the clause it cites with the field it is about (the checks emit no other code); the first entry
// that fits wins, so narrower entries come first.

import type { Finding } from './validate';

export interface NextStep {
  en: string;
  ja: string;
}

interface Entry extends NextStep {
  /** The rule text exactly, or a pattern for rules built from ruleset data (special leave items). */
  rule: string | RegExp;
  /** Only for findings about these fields (the field a finding marks). */
  fields?: readonly string[];
  /** Only for findings whose English message fits (one rule text, several kinds). */
  message?: RegExp;
  /** Only for findings about a whole column (a missing column: no cell, a field). */
  sheetWide?: boolean;
}

/** Fields of every sheet kind where the rule's data says which sheet it came from. */
const LEDGER_DATES = ['from', 'to', 'hours', 'kind', 'note'];

const STEPS: readonly Entry[] = [
  // Before the missing-column entry: this sheet-wide warning is about the roster, not a column.
  { rule: 'input', fields: ['name'], message: /no roster sheet/, en: 'Check the roster together with this file (same workbook, or name both files to altrules validate).', ja: '名簿と一緒に点検します（同じブックに入れるか、altrules validate に両方のファイルを指定します）。' },
  // A column the check could not find: the same step for every rule that needs one.
  { rule: /./, sheetWide: true, fields: ['*'], en: 'Choose the column in the pane (Choose the column…) or name it with altrules --columns; if the sheet does not keep it, choose "Not kept".', ja: '作業ウィンドウの「列を選ぶ…」か altrules の --columns でこの項目の列を指定します。このシートにない項目なら「このシートにはない」を選びます。' },
  { rule: 'internal', en: 'The check stopped on this sheet; keep the file and report it to whoever maintains the add-in. Findings above this one are still valid.', ja: 'このシートの点検が途中で止まりました。ファイルを保存し、アドインの管理者に連絡してください。これより前の結果は有効です。' },
  { rule: 'ruleset', en: 'Check the dates of these rows; if they are right, no action is needed: the earliest rules in the add-in were applied to them.', ja: 'これらの行の日付を確認します。正しければ対応は不要です（アドインにある最も古い規則で点検しました）。' },
  // Input: the same person twice, someone not on the roster, a second row for a month.
  { rule: 'input', fields: ['name'], message: /appears twice|is listed twice/, en: 'Decide which row to keep and delete or correct the other; if both are right (兼務, a second post), mark one as checked with that reason.', ja: 'どちらの行を残すか決め、もう一方を削除するか直します。兼務などで両方が正しい場合は、理由を書いて確認済みにします。' },
  { rule: 'input', fields: ['name'], message: /not on the roster/, en: "Write the name exactly as on the roster (spelling, spaces, order), or add the person to the roster first.", ja: '氏名を名簿と同じ表記（つづり・空白・順序）にするか、先に名簿に追加します。' },
  { rule: 'input', fields: ['month'], message: /a second row/, en: 'Keep one row per person and month: merge the two rows or delete the wrong one.', ja: '1人1か月1行にします。2行をまとめるか、誤っている行を削除します。' },
  { rule: 'input', fields: ['from', 'to'], message: /overlaps/, en: 'Two entries cover the same day: correct the dates of one of them, or delete the duplicate entry.', ja: '同じ日に2つの記録があります。どちらかの日付を直すか、重複した記録を削除します。' },
  { rule: 'input', en: 'Correct the cell as the message says (a date such as 2024-07-30 or 令和6年7月30日, a whole number, a known name), then check again.', ja: 'メッセージのとおりにセルを直し（2024-07-30・令和6年7月30日 のような日付、整数、決まった名称）、再点検します。' },
  // The roster (RULES: term, pay, leave).
  { rule: 'Art 5.3, Note 3', fields: ['year'], en: 'Correct the JET year (1–5). A year 6 or more usually means the term end is wrong too: check Term and Term end on the same row.', ja: '来日年数（1〜5）を直します。6年目以上の場合は任期終了日も誤っていることが多いので、同じ行の任用回数と任期終了日も確認します。' },
  { rule: 'Art 5.3', fields: ['year'], en: "Confirm that the board decided this re-appointment beyond year 3; if so, mark it as checked with the decision's date.", ja: '3年目を超える再任用を教育委員会が決定しているか確認し、決定済みなら決定日を理由にして確認済みにします。' },
  { rule: 'Note 2.3, D-11', fields: ['year'], en: 'Correct the JET year, or the arrival date or term if those are wrong: the year follows from them.', ja: '来日年数を直します。来日日か任用回数が誤っているなら、そちらを直します（来日年数はそれらから決まります）。' },
  { rule: 'Art 5.3, Note 3, D-8', fields: ['term'], en: 'Check the term number; a participation past the limit needs the board to end it at the last term allowed.', ja: '任用回数を確認します。上限を超える参加は、認められる最後の任期で終了させる必要があります。' },
  { rule: 'Note 3', fields: ['term'], en: 'The term would run past the participation limit: check the term number and the term end, and shorten the term end to the limit.', ja: '任期が参加期間の上限を超えます。任用回数と任期終了日を確認し、任期終了日を上限までに直します。' },
  { rule: 'Note 2.2', fields: ['termStart'], en: 'Check the arrival date first; if it is right, use Set to … (or type the date the message gives): term 1 starts the day after arrival.', ja: 'まず来日日を確認します。正しければ「…にする」で直します（メッセージの日付を入力しても同じです）。1回目の任期は来日日の翌日から始まります。' },
  { rule: 'Note 2.3', fields: ['termStart'], en: "Check the previous term's end; a later term starts the day after it. Use Set to … when the message's date is right.", ja: '前の任期の終了日を確認します。2回目以降の任期はその翌日から始まります。メッセージの日付が正しければ「…にする」で直します。' },
  { rule: 'Note 2.2', fields: ['country', 'cohort'], en: 'Check the spelling of the country (English or Japanese name) or the cohort (A1, A2, summer); the term dates are checked once it is known.', ja: '国名（英語名・日本語名）や来日区分（4月①・4月②・夏季）の表記を確認します。読めると任期の日付も点検されます。' },
  { rule: 'Note 2.3', en: 'Fill in the country: whether an April arrival has the short bridge term depends on it. The term dates are checked once it is filled in.', ja: '国籍を入力します。4月来日者の短期の任期の有無は国籍で決まります。入力すると任期の日付も点検されます。' },
  { rule: 'Note 2.2–2.3', en: 'Fill in what the message names (the cohort of an April–June arrival, or the arrival date); the term dates are checked once it is known.', ja: 'メッセージが示す項目（4〜6月来日者の来日区分、来日日など）を入力します。入力すると任期の日付も点検されます。' },
  { rule: 'Art 5.1, Note 2', fields: ['termEnd'], en: 'Check arrival and term first; if they are right, use Set to … for the term end. A wrong term end often goes with a wrong JET year.', ja: 'まず来日日と任用回数を確認し、正しければ「…にする」で任期終了日を直します。任期終了日の誤りは来日年数の誤りと一緒のことがあります。' },
  { rule: 'Note 2.3, D-8', fields: ['termEnd'], en: 'This is the bridge term (one short term to the next 31 July or so): check the arrival and cohort, then use Set to … for its end.', ja: '短期の任期です。来日日と来日区分を確認し、「…にする」で任期終了日を直します。' },
  { rule: 'Art 7.1', fields: ['monthlyPay'], en: "Check the JET year; if it is right, use Set to … for the table's monthly pay (a different amount needs the board's decision: mark it as checked with it).", ja: '来日年数を確認し、正しければ「…にする」で表の月額にします（異なる額は教育委員会の決定が必要です。決定済みなら理由を書いて確認済みにします）。' },
  { rule: 'Art 12.1', fields: ['leaveUsedHours'], en: 'Compare the hours with the leave ledger: correct the total, or the grant and carried days if those are wrong.', ja: '休暇簿と時間数を照合し、合計を直します。付与日数・繰越日数が誤っていればそちらを直します。' },
  { rule: 'Art 12.2', fields: ['carriedLeave'], en: 'At most 20 days carry over: correct the carried leave.', ja: '繰越は20日までです。繰越日数を直します。' },
  { rule: 'Art 13.2', fields: ['sickDays'], en: 'Look at the sick-leave periods in the leave ledger (or ALT.SICKLEFT): a period past 20 days means leave of absence (休職) from day 21; correct the total if it is wrong.', ja: '休暇簿（または ALT.SICKLEFT）で病休の期間を確認します。連続20日を超える期間は21日目から休職です。合計が誤っていれば直します。' },
  // Claims.
  { rule: 'CLAIR: 担当地域', en: "Write the office's name as CLAIR names it (New York, Paris, …; English or Japanese).", ja: '事務所名をクレアの名称（ニューヨーク・パリ など。英語・日本語）で入力します。' },
  { rule: /^CLAIR: 滞在経費助成金/, en: 'Reduce the claim to the cap the message gives (prorated by months), or check the office and months if those are wrong.', ja: '請求額をメッセージの限度額（月数で按分）以内にします。事務所や月数が誤っていればそちらを直します。' },
  { rule: 'D-7', en: "One claim per office, fiscal year and person: merge the two claims or correct the fiscal year of one.", ja: '1事務所・1年度・1人につき1件です。2件をまとめるか、一方の年度を直します。' },
  // The leave ledger.
  { rule: 'Art 30.3', en: 'Once the doctor\'s certificate is in, write 診断書 in the Note column of this entry (the finding then clears).', ja: '医師の診断書を受け取ったら、この記録の備考欄に「診断書」と書きます（結果は消えます）。' },
  { rule: 'Art 13.2, 26.2.1', en: 'From day 21 the sick leave is leave of absence (休職): record those days as 休職 instead, or correct the dates.', ja: '21日目からは休職です。その日以降を休職として記録するか、日付を直します。' },
  { rule: 'Art 12.1', fields: ['hours'], message: /not whole hours/, en: 'Annual leave is taken by the day or by the whole hour: write whole hours, and record the rest as another kind.', ja: '年休は1日又は1時間単位です。時間数を整数にし、残りはほかの種別で記録します。' },
  { rule: /^Art 12\.1(, (D-4|12\.2))?$/, fields: LEDGER_DATES, en: 'The annual leave is overdrawn on this date: record the excess as another kind (e.g. unpaid), move the entry, or correct the grant and carried days on the roster.', ja: 'この日の年休が残高を超えています。超える分をほかの種別（欠勤など）にするか、記録の日付を直すか、名簿の付与・繰越日数を直します。' },
  { rule: 'Art 12.2, D-5', en: "Check the carried days on the roster's next term: they cannot exceed the leave left after this entry.", ja: '名簿の次の任期の繰越日数を確認します。この記録の後に残る日数を超えることはできません。' },
  { rule: 'Art 10.2', en: 'Correct the hours: an hourly entry is part of one working day, and a day\'s hourly entries together stay within it.', ja: '時間数を直します。時間単位の記録は1日の勤務時間の範囲内で、同じ日の合計も勤務時間以内です。' },
  { rule: 'Art 10.2, 11', en: 'No work is required that day (weekend or holiday): remove the entry or correct its dates.', ja: 'その日は勤務を要しない日（週休日・休日）です。記録を削除するか日付を直します。' },
  { rule: 'Art 5.1', fields: LEDGER_DATES, en: "The entry lies outside the person's term: correct the dates, or the term on the roster if that is wrong.", ja: '記録が任期外です。日付を直すか、名簿の任期が誤っていればそちらを直します。' },
  { rule: /^Art 14-3\.[12]/, en: 'Correct the partial leave: 30-minute units, within the day\'s cap the message gives.', ja: '部分休業を直します。30分単位で、メッセージの1日の上限以内にします。' },
  { rule: /^Art 14\.1/, en: 'Check the kind of special leave and its dates against the rule the message names; more than it allows is taken as another kind (annual leave), or needs the board\'s decision.', ja: 'メッセージが示す規定と特別休暇の種別・日付を照合します。上限を超える分はほかの種別（年休など）にするか、教育委員会の判断によります。' },
  { rule: 'Art 27.2.3', en: 'Suspension from duty (停職) is whole days, at most the number the message gives: correct the dates, or split the disciplinary record as decided.', ja: '停職は日単位で、メッセージの日数以内です。日付を直すか、処分の記録どおりに分けて記入します。' },
  { rule: 'Art 26.2.1', en: 'Suspension for illness follows the sick-leave days the message names: check the sick leave before it, and write 診断書 in the Note once the certificate is in.', ja: '病気休職はメッセージの病休日数の後に始まります。その前の病休の記録を確認し、診断書を受け取ったら備考欄に「診断書」と書きます。' },
  { rule: 'Art 14-2.1', en: "Check the child's birth date in the Note and the leave's dates: childcare leave ends by the age the message gives, within the term.", ja: '備考の子の出生日と休業の日付を確認します。育児休業はメッセージの年齢までで、任期内に限られます。' },
  { rule: 'Note 2, D-8, D-11', en: 'Fill in what the message names (cohort, country or term start), or the term number, so the term of this JET year can be told; the term dates are then checked.', ja: 'メッセージが示す項目（来日区分・国籍・任期開始日）か任用回数を入力すると、この来日年数の任期が特定でき、任期の日付も点検されます。' },
  { rule: 'D-11, D-12', en: "The month falls partly in an earlier term the roster does not show: add that term's row (or the arrival and JET year), then check the pay again; nothing was written.", ja: 'この月の一部が名簿にない前の任期に当たります。その任期の行（又は来日日と来日年数）を名簿に加えて再点検します（支給額は書き込んでいません）。' },
  // The pay sheet.
  { rule: 'Art 7, 8, D-12, D-13', en: 'Compare the paid amount with the steps in the message; correct the pay, or the ledger entry or roster row the difference comes from.', ja: '支給額をメッセージの計算の各段階と照合し、支給額を直すか、差の原因となる休暇簿の記録・名簿の行を直します。' },
];

/** A missing-column warning: on the header row, about a field no column holds (validate.ts missingColumns). */
export function isMissingColumn(f: Finding): boolean {
  return f.columnIndex === 0 && f.field !== '' && /^no ".*" column/.test(f.message);
}

function fits(e: Entry, f: Finding): boolean {
  if (e.sheetWide !== undefined && e.sheetWide !== isMissingColumn(f)) return false;
  if (typeof e.rule === 'string' ? e.rule !== f.rule : !e.rule.test(f.rule)) return false;
  if (e.fields && !e.fields.includes('*') && !e.fields.includes(f.field)) return false;
  return !e.message || e.message.test(f.message);
}

/** The next step for a finding, or undefined where no entry fits (a test keeps that from happening). */
export function nextStepOf(f: Finding): NextStep | undefined {
  const e = STEPS.find((s) => fits(s, f));
  return e && { en: e.en, ja: e.ja };
}

/** The next step in one language; a finding no entry fits reads the message again. */
export function nextStep(f: Finding, lang: 'en' | 'ja'): string {
  const step = nextStepOf(f);
  if (step) return step[lang];
  return lang === 'ja' ? 'メッセージの内容を確認し、セルを直します。' : 'Read the message and correct the cell.';
}

/** Whether some entry is written for findings citing this rule (whatever their field). */
export function hasNextStepFor(rule: string): boolean {
  return STEPS.some((e) => e.sheetWide === undefined && (typeof e.rule === 'string' ? e.rule === rule : e.rule.test(rule)));
}

/** Every next step, for checking that each reads in both languages. */
export const ALL_NEXT_STEPS: readonly NextStep[] = STEPS;
