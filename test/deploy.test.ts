// Deployment as an IT department does it: `ADDIN_BASE_URL=https://host/path npm run build` gives a
// dist/ that can be copied to any HTTPS static host. The build here is the project's own production
// webpack configuration (test/support/production-build.ts), not a re-implementation of its rewrite.

import { execFileSync } from 'child_process';
import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { runInNewContext } from 'vm';
import { gzipSync } from 'zlib';
import { parseStringPromise } from 'xml2js';
import { RULESET_FILES, RulesetFile, rulesetValues } from '../src/core';
import { PRODUCTION_URL, productionBuild } from './support/production-build';
import { parse } from 'acorn';
import { FORMAT_CHARACTERS } from '../src/core/text';

jest.setTimeout(600_000);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

let build = '';
beforeAll(async () => {
  build = await productionBuild();
});

/**
 * Excel 2019 and Microsoft 365 builds before WebView2 show add-ins in EdgeHTML, which runs ES2017
 * and not the ES2018 additions (regular-expression \p{…}, lookbehind, named groups, the s flag;
 * object spread) nor ES2020's ?. and ?? ("Browsers and webview controls used by Office Add-ins").
 * acorn refuses them at ecmaVersion 2017, regular expressions included.
 */
test('every script of the published build parses as ES2017, regular expressions included', () => {
  const scripts = files(build).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThanOrEqual(4);
  for (const f of scripts) {
    let error = '';
    try {
      parse(readFileSync(f, 'utf8'), { ecmaVersion: 2017, sourceType: 'script' });
    } catch (e) {
      error = (e as Error).message;
    }
    expect({ f, error }).toEqual({ f, error: '' });
  }
});

test('the Internet Explorer 11 notice is plain ES5, and every pane loads it before its bundle', () => {
  expect(() => parse(readFileSync(join(build, 'legacy-check.js'), 'utf8'), { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  for (const page of ['alt/taskpane.html', 'clair/taskpane.html']) {
    const html = readFileSync(join(build, page), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
    expect(scripts.indexOf('../legacy-check.js')).toBeGreaterThan(-1);
    expect(scripts.indexOf('../legacy-check.js')).toBeLessThan(scripts.findIndex((s) => /taskpane\.js$/.test(s)));
  }
});

test('the written-out format characters are exactly Unicode\'s Cf, as this Node knows it', () => {
  const cf = new RegExp('\\p{Cf}', 'u');
  const ours = new RegExp(FORMAT_CHARACTERS.source, 'u');
  const differ: string[] = [];
  for (let c = 0; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCodePoint(c);
    if (cf.test(ch) !== ours.test(ch)) differ.push(c.toString(16));
  }
  expect(differ).toEqual([]);
});

test('no file of the published build points at localhost', () => {
  const text = files(build).filter((f) => /\.(html|js|json|xml|css)$/.test(f));
  expect(text.length).toBeGreaterThan(10);
  for (const f of text) expect({ f, localhost: /localhost|127\.0\.0\.1/.test(readFileSync(f, 'utf8')) }).toEqual({ f, localhost: false });
});

test.each(['manifest.xml', 'manifest-clair.xml'])('%s: every URL is under the published address, the app domain is its origin', async (name) => {
  const xml = readFileSync(join(build, name), 'utf8');
  await expect(parseStringPromise(xml, { strict: true })).resolves.toBeTruthy();
  const urls = [...xml.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => !/schemas\.microsoft\.com|www\.w3\.org/.test(u));
  expect(urls.length).toBeGreaterThan(10);
  for (const u of urls) expect(u.startsWith(`${PRODUCTION_URL}/`)).toBe(true);
  expect(xml).toContain('<AppDomain>https://addins.example.jp</AppDomain>');
  // Each URL the manifest names is a file of the build, so copying dist/ is all it takes.
  for (const u of urls) expect({ u, exists: files(build).includes(join(build, u.slice(PRODUCTION_URL.length + 1))) }).toEqual({ u, exists: true });
});

test('the functions metadata links help into the published address', () => {
  const meta = JSON.parse(readFileSync(join(build, 'alt', 'functions.json'), 'utf8')) as { functions: { helpUrl?: string }[] };
  expect(meta.functions.length).toBeGreaterThan(10);
  for (const f of meta.functions) expect(f.helpUrl?.startsWith(`${PRODUCTION_URL}/help.html#`)).toBe(true);
});

test('a production address that is not HTTPS is refused with a message', () => {
  let message = '';
  try {
    execFileSync(process.execPath, ['-e', "require('./webpack.config.js')({}, { mode: 'production' }).catch((e) => { console.error(e.message); process.exit(3); })"], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, ADDIN_BASE_URL: 'http://intranet.local/addin' },
      stdio: 'pipe',
    });
  } catch (e) {
    message = String((e as { stderr: Buffer }).stderr);
  }
  expect(message).toMatch(/ADDIN_BASE_URL must start with https:\/\//);
});

// ---- the functions bundle: its size budget, and that the production build still computes ------

/** Budget of each add-in's functions bundle, gzip as it travels (Excel loads it before the first formula computes). */
const FUNCTIONS_BUDGET_GZIP_KIB = 72;

test.each(['alt', 'clair'])(`%s/functions.js is at most ${FUNCTIONS_BUDGET_GZIP_KIB} KiB gzip`, (addin) => {
  const kib = gzipSync(readFileSync(join(build, addin, 'functions.js')), { level: 9 }).length / 1024;
  expect({ addin, kib: Math.ceil(kib), within: kib <= FUNCTIONS_BUDGET_GZIP_KIB }).toEqual({ addin, kib: Math.ceil(kib), within: true });
});

test('no built script can compile code at run time: zod runs jitless, and nothing reaches the Function constructor (CSP without unsafe-eval)', () => {
  for (const f of files(build).filter((n) => n.endsWith('.js'))) {
    const text = readFileSync(f, 'utf8');
    expect([f, /[^\w.$]Function\s*\(|new Function\b|=\s*Function\b/.test(text), /\beval\s*\(/.test(text)]).toEqual([f, false, false]);
  }
});

test('the built ALT bundle computes as the source does: functions registered, results and messages intact', () => {
  const registered = new Map<string, (...a: unknown[]) => unknown>();
  class CfError extends Error {
    constructor(readonly code: string, message: string) {
      super(message);
    }
  }
  // What the bundle reads of Excel's runtime (@types/custom-functions-runtime): associate, Error, ErrorCode.
  const CustomFunctions = { associate: (name: string, fn: (...a: unknown[]) => unknown) => registered.set(name, fn), Error: CfError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } };
  runInNewContext(readFileSync(join(build, 'alt', 'functions.js'), 'utf8'), { CustomFunctions, console });
  expect(registered.size).toBeGreaterThan(40);
  // Worked by hand: 2 h 30 min → 3 h × ¥1,846 (Art 8.2, D-3); docs/rules.md §12: July = ¥280,000 − ¥5,538.
  expect(registered.get('DEDUCT')!(1, '2:30', null, null, {})).toBe(5538);
  expect(registered.get('MONTHPAY')!(1, '2024-07-01', '2023-08-07', null, '2:30', null, null, null, null, {})).toBe(274462);
  // A user ruleset is checked by the bundle's schema, naming the path.
  expect(() => registered.get('PAYDATE')!('2024-07-01', JSON.stringify({ extends: 'saitama-alt-r5', id: 'mine', pay: { payDay: 35 } }), {})).toThrow(/pay\.payDay: must be at most 28, got 35/);
  // A required argument's message still quotes the parameter's description.
  expect(() => registered.get('HOURLY')!(null, null, {})).toThrow(/year is required: JET year 1–5/);
});

test('the build drops only documentation: function descriptions and examples, parameter sentences of rulesets', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const stripDocs = require('../scripts/webpack/strip-docs-loader.js') as (s: string) => string;
  const decl = "const F = [{ addin: 'ALT', name: 'X', en: 'about X', ja: 'Xについて', params: [{ name: 'a', en: 'the a', ja: 'a の説明' }], example: { args: [1], result: 2 }, run(a) { return { en: 'kept', ja: '残る' }; } }];";
  const out = stripDocs(decl);
  expect(out).not.toMatch(/about X|Xについて|example/);
  expect(out).toMatch(/en: 'the a', ja: 'a の説明'/);
  expect(out).toMatch(/en: 'kept', ja: '残る'/);
  expect(runInNewContext(`${out}; F[0].run().en + F[0].params[0].ja + F[0].name`)).toBe('kepta の説明X');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rulesetDocs = require('../scripts/webpack/ruleset-docs-loader.js') as (s: string) => string;
  for (const f of RULESET_FILES) {
    const lean = JSON.parse(rulesetDocs(JSON.stringify(f))) as RulesetFile;
    expect(rulesetValues(lean)).toEqual(rulesetValues(f));
    expect(JSON.stringify(lean).length).toBeLessThan(JSON.stringify(f).length);
  }
});
