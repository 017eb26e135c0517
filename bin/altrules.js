#!/usr/bin/env node
'use strict';
// Compiled by `npm run prepare` (run by `npm ci`); see src/cli/main.ts.
let main;
try {
  ({ main } = require('../lib/src/cli/main.js'));
} catch {
  process.stderr.write('altrules: the command line is not built yet; run `npm ci` (or `npm run prepare`) in the project first.\n');
  process.exit(2);
}
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`altrules: ${(e && e.stack) || e}\n`); process.exitCode = 2; },
);
