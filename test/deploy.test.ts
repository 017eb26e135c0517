// Deployment as an IT department does it: `ADDIN_BASE_URL=https://host/path npm run build` gives a
// dist/ that can be copied to any HTTPS static host. The build here is the project's own production
// webpack configuration (test/support/production-build.ts), not a re-implementation of its rewrite.

import { execFileSync } from 'child_process';
import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { parseStringPromise } from 'xml2js';
import { PRODUCTION_URL, productionBuild } from './support/production-build';

jest.setTimeout(600_000);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

let build = '';
beforeAll(async () => {
  build = await productionBuild();
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
