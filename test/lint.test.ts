// The layer boundaries of eslint.config.js really fire: a file placed under src/core that
// reaches for Node, the DOM or Office is an error; the same import in src/cli is not.

import { ESLint } from 'eslint';
import { join } from 'path';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..');

// The project's own config, loaded with require: jest's sandbox cannot run ESLint's import().
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../eslint.config.js');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

/** Lints `code` as if it were the file `path` (relative to the project), without writing it. */
async function lintAs(path: string, code: string): Promise<{ rule: string | null; line: number }[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  expect(result.fatalErrorCount).toBe(0); // a parse error would make every "no error" meaningless
  return result.messages.filter((m) => m.severity === 2).map((m) => ({ rule: m.ruleId, line: m.line }));
}

const PROBE = 'src/core/rules/zz-lint-probe.ts';

test('src/core importing fs is an error (no-restricted-imports)', async () => {
  const errors = await lintAs(PROBE, "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n");
  expect(errors).toEqual([{ rule: '@typescript-eslint/no-restricted-imports', line: 1 }]);
});

test.each([
  ["import { readFile } from 'node:fs/promises';", '@typescript-eslint/no-restricted-imports'],
  ["import { Worker } from 'worker_threads';", '@typescript-eslint/no-restricted-imports'],
  ["import { join } from 'path';", '@typescript-eslint/no-restricted-imports'],
  ["import path = require('path');", '@typescript-eslint/no-restricted-imports'],
  ["import ExcelJS from 'exceljs';", '@typescript-eslint/no-restricted-imports'],
  ["import { invoke } from '../../functions/registry';", '@typescript-eslint/no-restricted-imports'],
  ["export const fs = require('fs');", 'no-restricted-globals'],
  ["export const mod = import('fs');", 'no-restricted-syntax'],
  ['export const lang = Office.context.displayLanguage;', 'no-restricted-globals'],
  ['export const h = document.title;', 'no-restricted-globals'],
  ['export const w = window.location;', 'no-restricted-globals'],
  ['export const env = process.env.TZ;', 'no-restricted-globals'],
  ["export const r = Excel.run;", 'no-restricted-globals'],
  ["export const c = CustomFunctions.associate;", 'no-restricted-globals'],
  ['export const today = new Date();', 'no-restricted-globals'],
])('src/core: %s → %s', async (line, rule) => {
  const errors = await lintAs(PROBE, `${line}\n`);
  expect(errors.map((e) => e.rule)).toContain(rule);
});

test.each([
  ['src/functions/zz-probe.ts', "import { main } from '../cli/main';"],
  ['src/functions/zz-probe.ts', "import { readFileSync } from 'fs';"],
  ['src/validation/zz-probe.ts', "import { cpus } from 'node:os';"],
])('%s may not import the CLI or Node: %s', async (path, line) => {
  const errors = await lintAs(path, `${line}\nexport {};\n`);
  expect(errors.map((e) => e.rule)).toEqual(['@typescript-eslint/no-restricted-imports']);
});

test.each([
  ["export const x = eval('1 + 1');", 'no-eval'],
  ["export const f = new Function('return 1');", 'no-new-func'],
  ["setTimeout('alert(1)', 10);", 'no-implied-eval'],
])('no code from text anywhere in src: %s', async (line, rule) => {
  for (const path of ['src/core/zz-probe.ts', 'src/taskpane/zz-probe.ts', 'src/cli/zz-probe.ts']) {
    expect((await lintAs(path, `${line}\n`)).map((e) => e.rule)).toContain(rule);
  }
});

test('the same Node import is allowed where Node belongs (src/cli), so the rule is about the layer', async () => {
  expect(await lintAs('src/cli/zz-probe.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n")).toEqual([]);
  // …and plain core code passes.
  expect(await lintAs(PROBE, "import { dayFromYmd } from '../days';\nexport const d = dayFromYmd(2023, 8, 1);\n")).toEqual([]);
});
