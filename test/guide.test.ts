// The clerks' guide (issue 21 item 5): Japanese first, an English twin, linked first from the README
// and from the pane, its pictures in the repository, and built into the add-in's pages.

import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { guideHtml, anchor } = require('../scripts/webpack/guide-html') as { guideHtml: (md: string, lang: string) => string; anchor: (t: string) => string };

const ROOT = join(__dirname, '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const GUIDES = ['docs/guide-ja.md', 'docs/guide-en.md'];

test('the README links the Japanese guide before anything else, then the English one', () => {
  const links = [...read('README.md').matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
  expect(links.slice(0, 2)).toEqual(['docs/guide-ja.md', 'docs/guide-en.md']);
});

test.each(GUIDES)('%s covers the clerk\'s tasks, its pictures exist, and it links nothing outside the repository', (file) => {
  const md = read(file);
  const ja = file.endsWith('-ja.md');
  const sections = ja
    ? ['導入', '名簿を点検する', '結果を読んで対応する', '列を選ぶ', '確認済みにする', '休暇簿と給与を点検する', '結果を印刷する', '関数で試算する']
    : ['Install', 'Check a roster', 'Read and act on findings', 'Map a column', 'Mark as checked', 'Check the leave ledger and pay', 'Print the findings', 'What-ifs with the functions'];
  for (const s of sections) expect(md).toMatch(new RegExp(`^## \\d+\\. ${s}`, 'm'));
  // Both install routes: the IT one (admin center, shared catalog) and one person's (upload, sideloading).
  expect(md).toMatch(ja ? /Microsoft 365 管理センター[\s\S]*マイ アドインのアップロード/ : /Microsoft 365 admin center[\s\S]*Upload My Add-in/);
  const targets = [...md.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)].map((m) => m[1]);
  for (const t of targets) {
    expect(t).not.toMatch(/^\.\.|^\/|shared/);
    if (!/^https?:/.test(t)) expect([t, existsSync(join(ROOT, 'docs', t))]).toEqual([t, true]);
  }
  expect(targets.filter((t) => t.startsWith('images/')).length).toBeGreaterThanOrEqual(3);
  // The old name of the action is gone.
  expect(md).not.toMatch(/承認…|Accept…/);
});

test('the guide page of the build: every contents link lands on a heading, pictures and the other language resolve', () => {
  for (const [file, lang] of [['docs/guide-ja.md', 'ja'], ['docs/guide-en.md', 'en']]) {
    const html = guideHtml(read(file), lang);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    for (const h of hrefs.filter((x) => x.startsWith('#'))) expect([h, ids.has(h.slice(1))]).toEqual([h, true]);
    expect(hrefs).toContain(lang === 'ja' ? 'guide-en.html' : 'guide-ja.html');
    expect(html).toContain('<img alt=');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'self'/);
    // Text is escaped: the guide's `<img …>` of a hostile cell would be shown, never run.
    expect(html).not.toMatch(/<script/);
  }
  expect(anchor('3. 結果を読んで対応する')).toBe('3-結果を読んで対応する');
  expect(anchor('9. The command line (altrules)')).toBe('9-the-command-line-altrules');
});

test('the pane links the guide in its own language', () => {
  const pane = read('src/taskpane/taskpane.ts');
  expect(pane).toMatch(/href: `\.\.\/guide-\$\{this\.lang\}\.html`/);
});
