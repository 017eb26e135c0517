// Lint: the layer boundaries of the code (STYLE.md "the shape we want") and a few correctness
// rules. Deliberately no stylistic rules: formatting is not a lint failure here.
// `npm run lint` (part of `npm test`), `npm run lint:fix`.

const { builtinModules } = require('module');
const js = require('@eslint/js');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');

// Node's own modules, bare and with the node: prefix (fs, fs/promises, node:fs, worker_threads …).
const NODE_BUILTINS = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];
const nodePaths = NODE_BUILTINS.map((name) => ({ name, message: 'Node I/O belongs in src/cli (or scripts/bench), not here.' }));
const nodePrefix = { group: ['node:*'], message: 'Node I/O belongs in src/cli (or scripts/bench), not here.' };

const nodeGlobals = Object.fromEntries(
  [...Object.getOwnPropertyNames(globalThis), 'require', 'module', 'exports', '__dirname', '__filename'].map((name) => [name, 'readonly']),
);

// src/core knows nothing of Excel, Office, the DOM or Node (STYLE.md; CONTRACT's layers).
const coreImports = {
  paths: [
    ...nodePaths,
    { name: '@microsoft/office-js', message: 'src/core is pure: no Office.' },
    { name: 'office-js', message: 'src/core is pure: no Office.' },
    { name: 'exceljs', message: 'src/core is pure: workbook I/O belongs in src/cli.' },
  ],
  patterns: [
    nodePrefix,
    { group: ['office-*', '@microsoft/*', 'playwright*', 'webpack*'], message: 'src/core is pure: no Office, browser or build tooling.' },
    { group: ['**/functions', '**/functions/**', '**/cli', '**/cli/**', '**/validation', '**/validation/**', '**/taskpane', '**/taskpane/**'], message: 'src/core is the bottom layer: it imports nothing from the adapters above it.' },
  ],
};

const coreGlobals = [
  ...['window', 'self', 'globalThis', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'Office', 'Excel', 'CustomFunctions', 'OfficeExtension', 'process', 'require', 'module', 'Buffer', '__dirname', '__filename'].map((name) => ({
    name,
    message: `src/core is pure: no ${name} (DOM, Office or Node). Pass what is needed in as plain values.`,
  })),
  // A Date carries a time zone and a clock; the core counts whole days (days.ts).
  { name: 'Date', message: 'src/core counts days as integers (src/core/days.ts): no Date, no time zones, no clock.' },
];

// Code that also runs in Excel / the browser: no Node builtins, and never the CLI.
const adapterImports = {
  paths: nodePaths,
  patterns: [
    nodePrefix,
    { group: ['**/cli', '**/cli/**'], message: 'src/cli is the Node front end; the functions, validation and pane run in Excel and may not import it.' },
  ],
};

// An adapter's imports plus the layers it must not reach.
function adapterOnly(message, groups) {
  return { paths: adapterImports.paths, patterns: [...adapterImports.patterns, { group: groups, message }] };
}

// Recommended rules that are about style or taste, not bugs: off, so that code written in
// parallel by others is never failed for its style. What stays on catches real mistakes
// (unreachable or constant conditions, NaN compares, bad regexes, unsafe finally …).
const NOT_BUGS = Object.fromEntries(
  [
    'prefer-const',
    'no-var',
    'prefer-rest-params',
    'prefer-spread',
    'no-useless-escape',
    'no-useless-catch',
    'no-useless-assignment',
    'no-extra-boolean-cast',
    'no-regex-spaces',
    'no-case-declarations',
    'no-prototype-builtins',
    'no-control-regex', // sanitisers match control characters on purpose
    'no-irregular-whitespace', // Japanese text has full-width spaces
    'preserve-caught-error',
    '@typescript-eslint/ban-ts-comment',
    '@typescript-eslint/no-empty-object-type',
    '@typescript-eslint/no-unsafe-function-type',
    '@typescript-eslint/no-namespace',
    '@typescript-eslint/triple-slash-reference',
    '@typescript-eslint/prefer-namespace-keyword',
    '@typescript-eslint/prefer-as-const',
    '@typescript-eslint/no-array-constructor',
    '@typescript-eslint/no-unnecessary-type-constraint',
  ].map((rule) => [rule, 'off']),
);

module.exports = defineConfig(
  { ignores: ['node_modules/', 'lib/', 'dist/', 'coverage/', 'test-output/', '.tmp/'] },
  // Disable comments for rules we leave off are harmless; do not nag about them.
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      ...NOT_BUGS,
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Types already check these (tsc --noEmit, noUnusedLocals); lint would only disagree in style.
      '@typescript-eslint/no-unused-vars': 'off',
      // No `any` anywhere (there is none; keep it so). `!` is checked in product code below.
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      // `c ? ((y += 1), (m = 1)) : (m += 1)` as a statement is a choice of style here; tsc catches real slips.
      '@typescript-eslint/no-unused-expressions': 'off',
      // The Office fake returns getter objects that must reach their owner.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['self'] }],
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.js'],
    extends: [js.configs.recommended],
    // The .js files are Node scripts: Node's own globals (read from this Node) and CommonJS's.
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { ...NOT_BUGS, 'no-empty': ['error', { allowEmptyCatch: true }], 'no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  // The one browser script in plain ES5, for Internet Explorer 11 (it must parse there).
  {
    files: ['src/html/legacy-check.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { window: 'readonly', document: 'readonly', navigator: 'readonly' } },
  },
  // No code from text, anywhere in src (a strict CSP forbids it, and it is never needed).
  {
    files: ['src/**/*.ts'],
    // no-implied-eval only sees setTimeout("code") when it knows these are the globals.
    languageOptions: { globals: { window: 'readonly', self: 'readonly', globalThis: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', execScript: 'readonly' } },
    rules: { 'no-eval': 'error', 'no-new-func': 'error', 'no-implied-eval': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', coreImports],
      'no-restricted-globals': ['error', ...coreGlobals],
      // import('fs') at run time is an import all the same.
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'src/core is pure: no dynamic import().' }],
    },
  },
  // What the functions bundle runs in Excel's JavaScript-only runtime is ECMAScript 2016 (Microsoft,
  // office-js-docs-pr#4496): src/compat defines newer built-ins for zod, so a use of them here would
  // pass every test and still lean on that polyfill. core/text.ts has the stand-ins.
  {
    files: ['src/core/**/*.ts', 'src/functions/**/*.ts'],
    ignores: ['src/core/rulesets/zod.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['entries', 'values', 'fromEntries', 'getOwnPropertyDescriptors'].map((property) => ({ object: 'Object', property, message: 'ES2017+: use entriesOf / objectFrom (core/text.ts).' })),
        ...['flatMap', 'flat', 'padStart', 'padEnd', 'trimStart', 'trimEnd'].map((property) => ({ property, message: 'ES2019/ES2017: use flatMapOf / zeroPad (core/text.ts) or a loop.' })),
      ],
    },
  },
  // The one exception to no-any: code the browser test hands to page.evaluate runs in Chromium
  // against the page's own globals (the Excel fake, axe), which no type here describes.
  {
    files: ['test/browser.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Product code says what it does when a value is missing; `x!` only hides the question.
  // (Tests may: a test that reads past what it built fails on its own.)
  {
    files: ['src/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  // The layers above the core: each imports only what is below it.
  //   core ← functions ← taskpane;  core ← validation ← taskpane;  core, functions, validation ← cli
  {
    files: ['src/functions/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', adapterOnly('src/functions is the worksheet functions: it uses the core only, never the checks or the pane.', ['**/validation', '**/validation/**', '**/taskpane', '**/taskpane/**'])] },
  },
  {
    files: ['src/validation/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', adapterOnly('src/validation is the checks over sheets: it uses the core, never the functions or the pane.', ['**/functions', '**/functions/**', '**/taskpane', '**/taskpane/**'])] },
  },
  {
    files: ['src/taskpane/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', adapterImports] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/taskpane', '**/taskpane/**'], message: 'src/cli runs in Node: the task pane is a browser adapter; share code through src/validation or src/core.' }] }] },
  },
);
