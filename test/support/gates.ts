// Two guards that keep a test run honest: the browser tests may be skipped only off CI, and the
// tests that run the compiled command line (bin/altrules.js → lib/) never run a stale build.

import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';

/** CI services set CI=true (GitHub, GitLab, …); an empty, "0" or "false" value is not CI. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CI ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

export type BrowserDecision = { action: 'run' } | { action: 'skip'; reason: string } | { action: 'fail'; reason: string };

/** Run when Chromium is there; without it, skip on a laptop but fail under CI. */
export function browserDecision(chromiumFound: boolean, ci: boolean, chromiumPath: string): BrowserDecision {
  if (chromiumFound) return { action: 'run' };
  const how = 'apt-get install -y chromium, or set CHROMIUM_PATH';
  if (ci) return { action: 'fail', reason: `CI=true but no Chromium at ${chromiumPath}: the browser tests must run on CI (${how})` };
  return { action: 'skip', reason: `browser tests skipped: no Chromium at ${chromiumPath} (${how}; under CI=true this fails)` };
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** tsconfig.cli.json's include/exclude, read as the simple path prefixes they are. */
function cliSources(root: string): string[] {
  const cfg = JSON.parse(readFileSync(join(root, 'tsconfig.cli.json'), 'utf8')) as { include: string[]; exclude?: string[] };
  const prefix = (glob: string) => glob.replace(/\*\*.*$/, '').replace(/\/$/, '');
  const included = cfg.include.map(prefix);
  const excluded = (cfg.exclude ?? []).map((g) => ({ path: prefix(g), tree: g.includes('**') }));
  const files = new Set<string>();
  for (const dir of new Set(included)) {
    for (const f of walk(join(root, dir))) {
      const rel = relative(root, f).split('\\').join('/');
      if (!/\.(ts|json)$/.test(rel) || rel.endsWith('.d.ts')) continue;
      if (excluded.some((x) => (x.tree ? rel.startsWith(`${x.path}/`) : rel === x.path))) continue;
      files.add(rel);
    }
  }
  return [...files];
}

/**
 * Sources newer than their compiled file in lib/ (or not compiled at all): lib/ is stale.
 * JSON data is compared only when tsc copied it (an imported JSON file).
 */
export function staleLibFiles(root: string): string[] {
  const stale: string[] = [];
  for (const rel of cliSources(root)) {
    const out = join(root, 'lib', rel.replace(/\.ts$/, '.js'));
    const isJson = rel.endsWith('.json');
    if (!existsSync(out)) {
      if (!isJson) stale.push(rel);
      continue;
    }
    if (statSync(join(root, rel)).mtimeMs > statSync(out).mtimeMs) stale.push(rel);
  }
  return stale.sort();
}

/** Throws a plain instruction when lib/ is older than the sources it is compiled from. */
export function assertFreshLib(root: string): void {
  const stale = staleLibFiles(root);
  if (stale.length > 0) {
    const shown = stale.slice(0, 5).join(', ') + (stale.length > 5 ? ` and ${stale.length - 5} more` : '');
    throw new Error(`lib/ is stale: ${shown} changed after the last build. Run \`npm run prepare\` (npm test does it) before jest; these tests run the compiled CLI.`);
  }
}
