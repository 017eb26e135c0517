import { RuleError, builtInRulesets, parseUserRuleset, resolveRuleset, payForMonth, stipendCap } from '../src/core';
import { d } from './helpers';

describe('rulesets', () => {
  test('built-ins: the newest of each kind is the default', () => {
    expect(builtInRulesets().map((r) => r.id).sort()).toEqual(['clair-r8', 'saitama-alt-r5']);
    expect(resolveRuleset('alt').id).toBe('saitama-alt-r5');
    expect(resolveRuleset('clair').id).toBe('clair-r8');
    expect(resolveRuleset('alt', ' SAITAMA-ALT-R5 ').id).toBe('saitama-alt-r5');
  });

  test('a ruleset of the wrong kind or an unknown id is refused with a message', () => {
    expect(() => resolveRuleset('alt', 'clair-r8')).toThrow(/clair ruleset; this function needs a alt ruleset/);
    expect(() => resolveRuleset('alt', 'tokyo-2024')).toThrow(/unknown; use saitama-alt-r5/);
  });

  test('a user ruleset extends a built-in one and changes only what it names', () => {
    const json = JSON.stringify({ extends: 'saitama-alt-r5', id: 'my-pref-r6', version: 2024, pay: { monthlyByYear: [290000, 310000, 330000, 340000, 340000] } });
    const rs = resolveRuleset('alt', json);
    expect(rs.id).toBe('my-pref-r6');
    expect(rs.pay.payDay).toBe(21);
    // 290,000 × 19/23 = 239,565.2… → 239,565
    expect(payForMonth(rs, 1, d('2023-08-01'), d('2023-08-07'))).toBe(239565);
  });

  test('a CLAIR override changes a cap', () => {
    const json = JSON.stringify({ extends: 'clair-r8', id: 'clair-r9', version: 2027, offices: [{ code: 'NYC', en: 'New York', ja: 'ニューヨーク', aliases: [], capYen: 5_000_000, countries: ['US'] }] });
    expect(stipendCap(resolveRuleset('clair', json), 'New York Office')).toBe(5_000_000);
  });

  test('a malformed ruleset is rejected whole, naming every bad path', () => {
    const bad = { extends: 'saitama-alt-r5', id: 'bad', pay: { monthlyByYear: [280000, -1], payDay: 35 }, annualLeave: { hoursPerDay: 'seven' } };
    let err: unknown;
    try {
      parseUserRuleset(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RuleError);
    const msg = (err as RuleError).message;
    expect(msg).toMatch(/pay\.monthlyByYear\[1\]/);
    expect(msg).toMatch(/pay\.payDay/);
    expect(msg).toMatch(/annualLeave\.hoursPerDay/);
    expect((err as RuleError).messageJa).toMatch(/ルールセットを受け付けられません/);
  });

  test('cross-field checks name their path too', () => {
    expect(() => parseUserRuleset({ extends: 'saitama-alt-r5', id: 'short', pay: { monthlyByYear: [280000, 300000] } })).toThrow(
      /pay\.monthlyByYear: needs an amount for each of the 5 years/,
    );
  });

  test('not JSON, not an object, an unknown base or a built-in id are refused', () => {
    expect(() => parseUserRuleset('{oops')).toThrow(/not valid JSON/);
    expect(() => parseUserRuleset('[1,2]')).toThrow(/must be a JSON object/);
    expect(() => parseUserRuleset({ extends: 'nope' })).toThrow(/not a built-in ruleset/);
    expect(() => parseUserRuleset({ extends: 'saitama-alt-r5' })).toThrow(/built-in id/);
    expect(() => parseUserRuleset({ kind: 'payroll' })).toThrow(/kind must be "alt" or "clair"/);
  });

  test('an office list where two offices cover one country is refused', () => {
    const json = { extends: 'clair-r8', id: 'x', offices: [
      { code: 'NYC', en: 'New York', ja: 'ニューヨーク', aliases: [], capYen: 1, countries: ['US'] },
      { code: 'LON', en: 'London', ja: 'ロンドン', aliases: [], capYen: 1, countries: ['US'] },
    ] };
    expect(() => parseUserRuleset(json)).toThrow(/offices\[1\]\.countries: country US is already covered by NYC/);
  });
});
