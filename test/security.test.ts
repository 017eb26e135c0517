// Offline and private by construction: no eval or new Function in our code, a strict CSP on every
// page template, and nothing but Microsoft's scripts loaded from outside.

import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { RuleError, builtInRulesets, parseUserRuleset, altRulesetSchema, clairRulesetSchema } from '../src/core';

const ROOT = join(__dirname, '..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(n) ? [p] : [];
  });
}

test('no eval, new Function or string timers in the source', () => {
  for (const f of files(join(ROOT, 'src'), /\.ts$/)) {
    const code = readFileSync(f, 'utf8');
    expect({ f, hit: /\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['"`]/.test(code) }).toEqual({ f, hit: false });
  }
});

test('roster data never leaves the workbook: the add-in code opens no network connection', () => {
  for (const dir of ['core', 'functions', 'validation', 'taskpane']) {
    for (const f of files(join(ROOT, 'src', dir), /\.ts$/)) {
      expect({ f, hit: /\bfetch\s*\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|navigator\.credentials/.test(readFileSync(f, 'utf8')) }).toEqual({ f, hit: false });
    }
  }
});

test('no innerHTML or document.write in the pane: cell text is data', () => {
  for (const f of files(join(ROOT, 'src', 'taskpane'), /\.ts$/)) expect(readFileSync(f, 'utf8')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
});

test('every page template has a strict Content-Security-Policy', () => {
  const pages = files(join(ROOT, 'src', 'html'), /\.html$/);
  expect(pages.length).toBe(3);
  for (const p of pages) {
    const html = readFileSync(p, 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    // Office.js from Microsoft's CDN, and our own files only (the ES5 notice for Internet Explorer 11).
    for (const s of scripts) expect(s).toMatch(/^(https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/|\.\.\/legacy-check\.js$)/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  }
});

describe('rulesets from users are applied whole or not at all', () => {
  const leaves = (o: unknown, path: (string | number)[] = []): (string | number)[][] =>
    typeof o === 'object' && o !== null ? Object.entries(o).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(o) ? Number(k) : k])) : [path];

  test.each(builtInRulesets().map((r) => [r.id, r] as const))('%s with one leaf changed at random', (_id, base) => {
    const paths = leaves(base).filter((p) => p[0] !== 'id' && p[0] !== 'kind');
    const wild = fc.oneof(fc.integer({ min: -1e6, max: 1e9 }), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));
    fc.assert(
      fc.property(fc.constantFrom(...paths), wild, (path, value) => {
        const copy = JSON.parse(JSON.stringify(base));
        let node = copy;
        for (const k of path.slice(0, -1)) node = node[k];
        node[path[path.length - 1]] = value;
        copy.id = 'user-test';
        let parsed;
        try {
          parsed = parseUserRuleset(JSON.stringify(copy));
        } catch (e) {
          // Refused: as a whole, naming where.
          return e instanceof RuleError && e.arg === 'ruleset' && /ruleset rejected: .+/.test(e.message);
        }
        // Accepted: then it is a complete, valid ruleset with exactly the change asked for.
        const schema = base.kind === 'alt' ? altRulesetSchema : clairRulesetSchema;
        return schema.safeParse(parsed).success && JSON.stringify(parsed) === JSON.stringify(copy);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
