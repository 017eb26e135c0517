// The ALT task pane in real headless Chromium: the built pane, the real office.js from
// node_modules, and an in-memory Excel behind the pane's own adapter.

import { execFileSync } from 'child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import { extname, join, normalize } from 'path';
import webpack from 'webpack';
import { Browser, chromium } from 'playwright-core';
import { browserDecision, isCi } from './support/gates';

jest.setTimeout(180_000);

// CI must run this test (its script installs Chromium): under CI=true a missing Chromium fails
// the run; a developer machine without Chromium is told so plainly and skips.
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const decision = browserDecision(existsSync(CHROMIUM_PATH), isCi(), CHROMIUM_PATH);
if (decision.action === 'skip') console.warn(decision.reason);
if (decision.action === 'fail') {
  const reason = decision.reason;
  test('Chromium is available for the browser tests (required under CI=true)', () => {
    throw new Error(reason);
  });
}
const maybe = decision.action === 'run' ? describe : describe.skip;

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'test-output');
const OFFICE_DIST = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const CHROMIUM = CHROMIUM_PATH;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml' };

let server: http.Server;
let base = '';
let harness = '';
let browser: Browser | undefined;

function bundleHarness(): Promise<string> {
  const outDir = join(OUT, 'harness');
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'development',
        devtool: false,
        target: ['web', 'es2017'],
        entry: join(__dirname, 'browser', 'harness.ts'),
        output: { path: outDir, filename: 'harness.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020', moduleResolution: 'bundler' } } }] },
      },
      (err, stats) => {
        if (err || stats?.hasErrors()) return reject(err ?? new Error(stats?.toString('errors-only')));
        resolve(readFileSync(join(outDir, 'harness.js'), 'utf8'));
      },
    );
  });
}

maybe('task pane in headless Chromium', () => {
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (the CI script does)`);
  // The pane as users get it: the production build.
  execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: 'pipe' });
  harness = await bundleHarness();
  server = http.createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

/** office.js from node_modules, served at its CDN address; anything else off this machine is refused. */
async function routeOffline(context: import('playwright-core').BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      const file = join(OFFICE_DIST, url.slice(OFFICE_CDN.length).split('?')[0]);
      if (existsSync(file)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file) });
      return route.fulfill({ status: 404, body: '' });
    }
    return route.abort();
  });
}

async function openPane(path: string, locale: string) {
  const context = await browser!.newContext({ locale, viewport: { width: 360, height: 860 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await routeOffline(context);
  // Any Content-Security-Policy violation on the page is a failure.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.addInitScript({ content: harness });
  await page.goto(`${base}${path}`);
  return { page, context, requests, problems };
}

test('validates the roster, lists findings, selects a cell, clears marks — and changes no value', async () => {
  const { page, context, requests, problems } = await openPane('/alt/taskpane.html', 'en-US');
  await page.waitForSelector('#check');
  const before = await page.evaluate(() => JSON.stringify((window as any).__model.values()));

  await page.click('#check');
  await page.waitForSelector('.finding');
  const status = await page.textContent('.status');
  // Sick days are a term total: 22 is a warning (several periods), 5 needs no certificate finding.
  expect(status).toMatch(/Roster 名簿 \(6 rows, Whole sheet\): 4 error\(s\), 1 warning\(s\)/);
  const items = await page.$$eval('.finding', (els) => els.map((e) => e.textContent ?? ''));
  expect(items.some((t) => /I5.*Art 7\.1.*monthly pay ¥280,000 differs/.test(t))).toBe(true);
  expect(items.some((t) => /H6.*Art 5\.1, Note 2.*should be 2024-07-30/.test(t))).toBe(true);
  expect(items.some((t) => /L7.*Art 13\.2/.test(t))).toBe(true);
  expect(items.some((t) => /B8.*unknown country "Narnia"/.test(t))).toBe(true);
  expect(items.some((t) => /D9.*"TBD" is not a date/.test(t))).toBe(true);
  // Cell text is shown as text, never run as markup.
  expect(await page.$('.finding img')).toBeNull();

  // Marks: our conditional formats on exactly the finding cells; no value touched.
  const marked = await page.evaluate(() => (window as any).__model.sheet('Roster 名簿').formats.filter((f: any) => f.formula.includes('altrules')).flatMap((f: any) => f.cells).sort());
  expect(marked).toEqual(expect.arrayContaining(['5,9', '6,8', '7,12', '8,2', '9,4']));
  expect(await page.evaluate(() => JSON.stringify((window as any).__model.values()))).toBe(before);

  // Filter to warnings, then back; click a finding → its cell is selected.
  await page.click('[data-filter="warning"]');
  const warnings = await page.$$eval('.finding', (els) => els.map((e) => e.className));
  expect(warnings.every((c) => c.includes('warning'))).toBe(true);
  await page.click('[data-filter="all"]');
  await page.click('.finding button[data-row="5"][data-column="9"]');
  await page.waitForFunction(() => (window as any).__model.selection.address === 'I5');

  await page.screenshot({ path: join(OUT, 'taskpane.png'), fullPage: true });

  await page.click('#clear-marks');
  await page.waitForFunction(() => /Removed \d+ marks/.test(document.querySelector('.status')?.textContent ?? ''));
  const formats = await page.evaluate(() => (window as any).__model.sheet('Roster 名簿').formats);
  expect(formats).toEqual([{ id: 'user', cells: ['4,12'], formula: '=L4>1', fill: '#C6EFCE' }]);
  expect(await page.evaluate(() => JSON.stringify((window as any).__model.values()))).toBe(before);

  // Offline and private: nothing but this server and office.js was asked for.
  const foreign = requests.filter((u) => !u.startsWith(base) && !u.startsWith(OFFICE_CDN));
  expect(foreign).toEqual([]);
  expect(requests.some((u) => u.startsWith(`${OFFICE_CDN}office.js`))).toBe(true);
  expect(problems).toEqual([]);
  await context.close();
});

test('in Japanese, following the display language; the report sheet is written beside the data', async () => {
  const { page, context, problems } = await openPane('/alt/taskpane.html', 'ja-JP');
  await page.waitForSelector('#check');
  expect(await page.textContent('h1')).toBe('名簿チェック');
  const before = await page.evaluate(() => JSON.stringify((window as any).__model.values()));
  await page.click('#check');
  await page.waitForSelector('.finding');
  expect(await page.textContent('.status')).toMatch(/エラー \d+ 件、警告 \d+ 件/);
  const items = await page.$$eval('.finding', (els) => els.map((e) => e.textContent ?? ''));
  expect(items.some((t) => /来日2年目の額 300,000円/.test(t))).toBe(true);
  await page.click('#write-report');
  await page.waitForFunction(() => /点検結果 Findings/.test(document.querySelector('.status')?.textContent ?? ''));
  const report = await page.evaluate(() => (window as any).__model.sheets.map((s: any) => s.name));
  expect(report).toContain('点検結果 Findings');
  const after = await page.evaluate(() => (window as any).__model.values());
  for (const [k, v] of Object.entries(JSON.parse(before))) expect(after[k]).toBe(v);
  await page.screenshot({ path: join(OUT, 'taskpane-ja.png'), fullPage: true });
  expect(problems).toEqual([]);
  await context.close();
});

test('a hostile sheet — error values, text in numbers, duplicate headers, 1904 serials — gives findings and changes nothing', async () => {
  const { page, context, problems } = await openPane('/alt/taskpane.html', 'en-US');
  await page.waitForSelector('#check');
  await page.evaluate(() => {
    const model = (window as any).__model;
    const s = model.addSheet('Hostile', [
      ['Name', 'Name', 'Arrival', 'Term', 'Year', 'Monthly pay', 'Arrival'],
      ['#N/A', 'dup', '#VALUE!', 'one', 1e308, '¥lots', 'x'],
      [true, false, -5, 1.5, 0, -1, null],
      ['=cmd|calc', '', 43675, 1, 1, 280000, ''],
    ]);
    s.cells.get('4,3').numberFormat = 'yyyy-mm-dd';
    model.use1904 = true;
    model.active = 'Hostile';
    model.selection = { sheet: 'Hostile', address: 'A1' };
  });
  const before = await page.evaluate(() => JSON.stringify((window as any).__model.values()));
  await page.click('#check');
  await page.waitForSelector('.finding');
  const items = await page.$$eval('.finding', (els) => els.map((e) => e.textContent ?? ''));
  expect(items.length).toBeGreaterThanOrEqual(5);
  expect(items.some((t) => /error #VALUE!/.test(t))).toBe(true);
  expect(await page.evaluate(() => JSON.stringify((window as any).__model.values()))).toBe(before);
  await page.click('#clear-marks');
  await page.waitForFunction(() => /Removed \d+ marks/.test(document.querySelector('.status')?.textContent ?? ''));
  expect(await page.evaluate(() => JSON.stringify((window as any).__model.values()))).toBe(before);
  expect(problems).toEqual([]);
  await context.close();
});

test('the CLAIR pane opens in claims mode; outside Excel the pane says how to open it', async () => {
  const { page, context } = await openPane('/clair/taskpane.html', 'en-US');
  await page.waitForSelector('h1');
  expect(await page.textContent('h1')).toBe('Subsidy claims check');
  await context.close();
  const bare = await browser!.newContext();
  const p = await bare.newPage();
  await routeOffline(bare);
  await p.goto(`${base}/alt/taskpane.html`);
  await p.waitForSelector('.notice');
  expect(await p.textContent('.notice')).toMatch(/Open this pane in Excel/);
  await bare.close();
});
});
