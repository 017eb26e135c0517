/* eslint-disable no-console */
// Builds both add-ins into dist/: alt/ and clair/ (functions bundle, page and metadata in English
// and Japanese, task pane, ribbon function file), shared assets, help.html, and the manifests
// rewritten for the production address.
//   npm run build        production (ADDIN_BASE_URL=https://your.host for the manifests)
//   npm run dev-server   https://localhost:3000 with Office's developer certificates when present

const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { guideHtml, GUIDE_CSS } = require('./scripts/webpack/guide-html');

const DEV_URL = 'https://localhost:3000';

function lib(modulePath) {
  const file = path.join(__dirname, 'lib', 'src', modulePath);
  if (!fs.existsSync(`${file}.js`)) throw new Error(`${file}.js is missing: run "npm run prepare" (npm ci does) before webpack`);
  return require(file);
}

/** Emits generated files (metadata, help page) as webpack assets. */
class EmitGenerated {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('EmitGenerated', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'EmitGenerated', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [name, make] of Object.entries(this.files)) compilation.emitAsset(name, new compiler.webpack.sources.RawSource(make()));
      });
    });
  }
}

async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    console.warn(`\nNo trusted Office developer certificate (${e.message}).\nServing over plain HTTP; Office needs HTTPS, so run "npx office-addin-dev-certs install" where you can trust a CA (Windows, macOS).\n`);
    return undefined;
  }
}

/** Where the add-in is published: any HTTPS static host, at its root or under a path. */
function publishedAddress(value) {
  if (!value) return DEV_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${value}`);
  }
  // Office loads add-ins only over HTTPS.
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must start with https:// (Office loads add-ins only over HTTPS): ${value}`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must not carry a query or fragment: ${value}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The manifest for the published address: every URL moves with it; AppDomain is an origin. */
function publishedManifest(xml, baseUrl) {
  const devOrigin = new URL(DEV_URL).origin;
  return xml
    .split(`<AppDomain>${devOrigin}</AppDomain>`)
    .join(`<AppDomain>${new URL(baseUrl).origin}</AppDomain>`)
    .split(DEV_URL)
    .join(baseUrl);
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const baseUrl = publishedAddress(process.env.ADDIN_BASE_URL);
  const { customFunctionsMetadata } = lib('functions/metadata');
  const { helpHtml } = lib('functions/docs');
  const helpUrl = `${baseUrl}/help.html`;
  const json = (x) => `${JSON.stringify(x, null, 2)}\n`;

  const pages = [
    ['alt/taskpane.html', 'src/html/taskpane.html', ['taskpane'], { title: 'Roster check 名簿チェック', mode: 'roster' }],
    ['clair/taskpane.html', 'src/html/taskpane.html', ['taskpane'], { title: 'Claims check 請求チェック', mode: 'claims' }],
    ['alt/functions.html', 'src/html/functions.html', ['alt/functions'], { title: 'ALT functions' }],
    ['clair/functions.html', 'src/html/functions.html', ['clair/functions'], { title: 'CLAIR functions' }],
    ['alt/commands.html', 'src/html/commands.html', [], { title: 'Commands' }],
    ['clair/commands.html', 'src/html/commands.html', [], { title: 'Commands' }],
  ];

  const https = argv.env && argv.env.WEBPACK_SERVE ? await httpsOptions() : undefined;

  return {
    devtool: production ? false : 'source-map',
    // Excel's JavaScript-only custom-functions runtime runs ECMAScript 2016 (Microsoft,
    // "Support for recent versions of JavaScript"; office-js-docs-pr#4496): webpack's own runtime
    // code and TypeScript's output stay within it. test/bundle-engine.test.ts loads each bundle in
    // an engine without the ES2017+ built-ins and without Intl.
    target: ['web', 'es2016'],
    // Each entry first defines the few newer built-ins zod reads where the engine lacks them (src/compat).
    entry: {
      'alt/functions': ['./src/compat/olderEngines.ts', './src/functions/alt.ts'],
      'clair/functions': ['./src/compat/olderEngines.ts', './src/functions/clair.ts'],
      taskpane: ['./src/compat/olderEngines.ts', './src/taskpane/taskpane.ts'],
      'validate-worker': ['./src/compat/olderEngines.ts', './src/taskpane/worker.ts'],
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: [
            // Loaders run last to first: ts-loader, then (production) the function declarations lose their doc-only texts.
            ...(production ? [{ loader: path.resolve(__dirname, 'scripts/webpack/strip-docs-loader.js') }] : []),
            { loader: 'ts-loader', options: { configFile: 'tsconfig.json', onlyCompileBundledFiles: true, compilerOptions: { target: 'es2016', module: 'es2020', moduleResolution: 'bundler', sourceMap: !production } } },
          ],
        },
        // zod ships ES2020 syntax (?. and ??): lowered for the engines Office runs add-ins in, as our own code is.
        {
          test: /\.m?js$/,
          include: /node_modules[\\/]zod[\\/]/,
          use: [{ loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { allowJs: true, target: 'es2016', module: 'es2020', moduleResolution: 'bundler', sourceMap: false } } }],
        },
        // The built-in rulesets without the parameters' documentation sentences (production only).
        ...(production ? [{ test: /rulesets[\\/]data[\\/][^\\/]+\.json$/, type: 'json', use: [{ loader: path.resolve(__dirname, 'scripts/webpack/ruleset-docs-loader.js') }] }] : []),
      ],
    },
    performance: { hints: false },
    // How the desktop runtime decodes functions.js is not documented: every non-ASCII character is
    // written as an escape, so the bundles are pure ASCII whichever decoding it picks.
    optimization: { minimizeOptions: { javascript: { compress: { passes: 2 }, format: { asciiOnly: true } } } },
    plugins: [
      ...pages.map(
        ([filename, template, chunks, options]) =>
          new HtmlWebpackPlugin({ filename, template, chunks, inject: 'body', scriptLoading: 'blocking', publicPath: 'auto', ...options }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // The clerks' guide's screenshots (guide-ja.html, guide-en.html below).
          { from: 'docs/images/*.png', to: 'images/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/html/legacy-check.js', to: 'legacy-check.js' },
          ...['manifest.xml', 'manifest-clair.xml'].map((m) => ({ from: m, to: m, transform: (content) => publishedManifest(content.toString(), baseUrl) })),
        ],
      }),
      new EmitGenerated({
        'alt/functions.json': () => json(customFunctionsMetadata('ALT', 'en', helpUrl)),
        'alt/functions.ja.json': () => json(customFunctionsMetadata('ALT', 'ja', helpUrl)),
        'clair/functions.json': () => json(customFunctionsMetadata('CLAIR', 'en', helpUrl)),
        'clair/functions.ja.json': () => json(customFunctionsMetadata('CLAIR', 'ja', helpUrl)),
        'help.html': () => helpHtml(),
        'guide-ja.html': () => guideHtml(fs.readFileSync('docs/guide-ja.md', 'utf8'), 'ja'),
        'guide-en.html': () => guideHtml(fs.readFileSync('docs/guide-en.md', 'utf8'), 'en'),
        'guide.css': () => GUIDE_CSS,
      }),
    ],
    devServer: {
      port: 3000,
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : { type: 'http' },
      client: { overlay: false },
    },
  };
};
