// The add-ins exactly as an IT department publishes them: the project's production webpack
// configuration, built for a production address (ADDIN_BASE_URL), into a folder of the tests' own
// so it never races the pane test's build of dist/. Built once per test run and reused while no
// source is newer than it.

import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import webpack from 'webpack';

const ROOT = join(__dirname, '..', '..');
export const PRODUCTION_URL = 'https://addins.example.jp/jet/r8';
export const PRODUCTION_BUILD = join(ROOT, 'test-output', 'production-build');

function newest(dir: string): number {
  return readdirSync(dir).reduce((t, n) => {
    const p = join(dir, n);
    const s = statSync(p);
    return Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }, 0);
}

export async function productionBuild(): Promise<string> {
  const marker = join(PRODUCTION_BUILD, '.built');
  const sources = Math.max(newest(join(ROOT, 'src')), ...['webpack.config.js', 'manifest.xml', 'manifest-clair.xml'].map((f) => statSync(join(ROOT, f)).mtimeMs));
  if (existsSync(marker) && Number(readFileSync(marker, 'utf8')) > sources) return PRODUCTION_BUILD;
  const saved = process.env.ADDIN_BASE_URL;
  process.env.ADDIN_BASE_URL = PRODUCTION_URL;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(join(ROOT, 'webpack.config.js')) as (env: unknown, argv: unknown) => Promise<webpack.Configuration>;
    const config = await makeConfig({}, { mode: 'production' });
    config.mode = 'production';
    config.output = { ...config.output, path: PRODUCTION_BUILD, clean: true };
    await new Promise<void>((resolve, reject) =>
      webpack(config, (err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString('errors-only'))) : resolve())),
    );
  } finally {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  }
  writeFileSync(marker, String(Date.now()));
  return PRODUCTION_BUILD;
}
