// Builds the add-ins' functions pages and bundles with the project's own production webpack
// configuration, into a folder of the test's own (so it never races the pane test's build of dist/).

import { join } from 'path';
import webpack from 'webpack';

type HtmlPlugin = { userOptions?: { filename?: string } };

export async function buildFunctionBundles(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(__dirname, '..', '..', 'webpack.config.js')) as (env: unknown, argv: unknown) => Promise<webpack.Configuration>;
  const config = await makeConfig({}, { mode: 'production' });
  const entries = config.entry as Record<string, string>;
  config.mode = 'production';
  config.entry = { 'alt/functions': entries['alt/functions'], 'clair/functions': entries['clair/functions'] };
  config.output = { ...config.output, path: outDir, clean: true };
  config.plugins = (config.plugins ?? []).filter((p) => /functions\.html$/.test((p as HtmlPlugin).userOptions?.filename ?? ''));
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString('errors-only'))) : resolve())),
  );
}
