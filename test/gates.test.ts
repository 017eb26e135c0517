// The guards of test/support/gates.ts decide whether tests run at all, so they are tested too.

import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { assertFreshLib, browserDecision, isCi, staleLibFiles } from './support/gates';

describe('browser tests: skip on a laptop, fail on CI', () => {
  test.each([
    [true, false, 'run'],
    [true, true, 'run'],
    [false, false, 'skip'],
    [false, true, 'fail'],
  ] as const)('Chromium found %p, CI %p → %s', (found, ci, action) => {
    expect(browserDecision(found, ci, '/usr/bin/chromium').action).toBe(action);
  });

  test('the failure names the path and how to install', () => {
    const d = browserDecision(false, true, '/opt/chrome');
    expect(d.action === 'fail' && d.reason).toMatch(/CI=true but no Chromium at \/opt\/chrome.*apt-get install -y chromium/);
  });

  test.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['true', true],
    ['TRUE', true],
    ['1', true],
  ])('CI=%p is CI: %p', (value, expected) => {
    expect(isCi(value === undefined ? {} : { CI: value })).toBe(expected);
  });
});

describe('a stale lib/ is noticed', () => {
  // A miniature project: tsconfig.cli.json, two sources, their compiled files.
  function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'altrules-gates-'));
    const put = (rel: string, text: string, mtimeSec: number) => {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
      utimesSync(join(root, rel), mtimeSec, mtimeSec);
    };
    put('tsconfig.cli.json', JSON.stringify({ include: ['src/core/**/*.ts', 'src/cli/**/*.ts'], exclude: ['src/cli/skip.ts'] }), 1000);
    put('src/core/a.ts', 'export const a = 1;', 1000);
    put('src/cli/b.ts', 'export const b = 1;', 1000);
    put('src/cli/skip.ts', 'export const s = 1;', 5000); // excluded: never built, never stale
    put('src/taskpane/p.ts', 'export const p = 1;', 5000); // not in the CLI build
    put('lib/src/core/a.js', '', 2000);
    put('lib/src/cli/b.js', '', 2000);
    return root;
  }

  test('fresh: every source older than its compiled file', () => {
    const root = project();
    expect(staleLibFiles(root)).toEqual([]);
    expect(() => assertFreshLib(root)).not.toThrow();
  });

  test('a source edited after the build, or never built, makes lib/ stale with a clear message', () => {
    const root = project();
    utimesSync(join(root, 'src/core/a.ts'), 3000, 3000);
    writeFileSync(join(root, 'src/cli/new.ts'), 'export {};');
    expect(staleLibFiles(root)).toEqual(['src/cli/new.ts', 'src/core/a.ts']);
    expect(() => assertFreshLib(root)).toThrow(/lib\/ is stale: src\/cli\/new\.ts, src\/core\/a\.ts changed after the last build\. Run `npm run prepare`/);
  });
});
