// Working time 勤務時間 — docs/rules.md §4 (Art 10, Art 2.3).

import { Day, assertSupportedDay, isoFromDay, weekday } from '../days';
import { RuleError } from '../errors';
import type { AltRuleset } from '../rulesets/schema';

export interface WorkedDay {
  day: Day;
  hours: number;
}

export interface WorkingTimeFinding {
  clause: string;
  /** The day, or the first day (Sunday) of the week, the finding is about. */
  day: Day;
  en: string;
  ja: string;
}

/** The first day of the week (Art 2.3: a week runs Sunday to Saturday). */
export function weekStart(rs: AltRuleset, day: Day): Day {
  return day - ((weekday(day) - rs.workingTime.weekStartsOn + 7) % 7);
}

/**
 * Checks a record of hours worked against Art 10: at most 8 h a day and 40 h a week
 * (Art 10.4, 10.5), one day off each week (Art 10.4), and for a week over 35 h, days off within
 * 4 weeks including that week so that those 4 weeks average at most 35 h (Art 10.3).
 * Days not listed were not worked.
 */
export function checkWorkingTime(rs: AltRuleset, worked: WorkedDay[]): WorkingTimeFinding[] {
  const wt = rs.workingTime;
  const findings: WorkingTimeFinding[] = [];
  const byDay = new Map<Day, number>();
  for (const [i, w] of worked.entries()) {
    assertSupportedDay(w.day, `dates[${i + 1}]`);
    if (!Number.isFinite(w.hours) || w.hours < 0 || w.hours > 24) {
      throw RuleError.value(`hours[${i + 1}]`, `hours worked must be 0 to 24; row ${i + 1} has ${w.hours}`, `勤務時間は0〜24で指定してください。${i + 1}行目: ${w.hours}`);
    }
    byDay.set(w.day, (byDay.get(w.day) ?? 0) + w.hours);
  }
  if (byDay.size === 0) return findings;
  for (const [day, hours] of [...byDay].sort((a, b) => a[0] - b[0])) {
    if (hours > wt.maxDailyHours) {
      findings.push({ clause: 'Art 10.4', day, en: `${isoFromDay(day)}: ${hours} h worked, more than ${wt.maxDailyHours} h in a day`, ja: `${isoFromDay(day)}: ${hours}時間勤務（1日${wt.maxDailyHours}時間を超過）` });
    }
  }
  const days = [...byDay.keys()];
  const firstWeek = weekStart(rs, Math.min(...days));
  const lastWeek = weekStart(rs, Math.max(...days));
  const weekHours = new Map<Day, number>();
  for (let w = firstWeek; w <= lastWeek; w += 7) {
    let total = 0;
    let daysOff = 0;
    for (let d = w; d < w + 7; d++) {
      const h = byDay.get(d) ?? 0;
      total += h;
      if (h === 0) daysOff++;
    }
    weekHours.set(w, total);
    const label = `week of ${isoFromDay(w)}`;
    const labelJa = `${isoFromDay(w)}からの週`;
    if (total > wt.maxWeeklyHours) {
      findings.push({ clause: 'Art 10.4', day: w, en: `${label}: ${total} h, more than ${wt.maxWeeklyHours} h in a week`, ja: `${labelJa}: ${total}時間（週${wt.maxWeeklyHours}時間を超過）` });
    }
    if (daysOff < wt.minRestDaysPerWeek) {
      findings.push({ clause: 'Art 10.4', day: w, en: `${label}: no day off in the week`, ja: `${labelJa}: 週に1日の休みがありません` });
    }
  }
  for (let w = firstWeek; w <= lastWeek; w += 7) {
    if ((weekHours.get(w) ?? 0) <= wt.weeklyHours) continue;
    const windowEnd = w + 7 * (wt.exchangeWindowWeeks - 1);
    if (windowEnd > lastWeek) {
      findings.push({ clause: 'Art 10.3', day: w, en: `week of ${isoFromDay(w)}: ${weekHours.get(w)} h; days off must balance it by the week of ${isoFromDay(windowEnd)} (not yet recorded)`, ja: `${isoFromDay(w)}からの週: ${weekHours.get(w)}時間。${isoFromDay(windowEnd)}からの週までに代休で調整が必要です（未記録）` });
      continue;
    }
    let sum = 0;
    for (let x = w; x <= windowEnd; x += 7) sum += weekHours.get(x) ?? 0;
    const average = sum / wt.exchangeWindowWeeks;
    if (average > wt.weeklyHours) {
      findings.push({ clause: 'Art 10.3', day: w, en: `weeks ${isoFromDay(w)} to ${isoFromDay(windowEnd + 6)} average ${+average.toFixed(2)} h, more than ${wt.weeklyHours} h a week`, ja: `${isoFromDay(w)}〜${isoFromDay(windowEnd + 6)} の4週平均 ${+average.toFixed(2)}時間（週${wt.weeklyHours}時間を超過）` });
    }
  }
  return findings;
}
