// Days of leave as clerks keep them: whole days and hours (16日3時間), not 16.428571 days.
// A day of leave is the ruleset's hours a day (Art 12.1: 7 h = 1 day); what is left over is
// shown in hours and, if any, minutes.

/** 16.428571…, 7 → { days: 16, hours: 3, minutes: 0 }: rounded to the whole minute. */
export function daysAndHours(days: number, hoursPerDay: number): { negative: boolean; days: number; hours: number; minutes: number } {
  const total = Math.round(Math.abs(days) * hoursPerDay * 60);
  const perDay = hoursPerDay * 60;
  const whole = Math.floor(total / perDay);
  const rest = total - whole * perDay;
  return { negative: days < 0 && total > 0, days: whole, hours: Math.floor(rest / 60), minutes: rest % 60 };
}

/**
 * @example leaveText(16.428571428571427, 7, 'ja') // '16日3時間'
 * @example leaveText(16.428571428571427, 7, 'en') // '16 days 3 h'
 */
export function leaveText(days: number, hoursPerDay: number, lang: 'en' | 'ja'): string {
  const t = daysAndHours(days, hoursPerDay);
  const sign = t.negative ? '-' : '';
  if (lang === 'ja') return `${sign}${t.days || !(t.hours || t.minutes) ? `${t.days}日` : ''}${t.hours ? `${t.hours}時間` : ''}${t.minutes ? `${t.minutes}分` : ''}`;
  const parts = [t.days || !(t.hours || t.minutes) ? `${t.days} ${t.days === 1 ? 'day' : 'days'}` : '', t.hours ? `${t.hours} h` : '', t.minutes ? `${t.minutes} min` : ''];
  return `${sign}${parts.filter((p) => p).join(' ')}`;
}
