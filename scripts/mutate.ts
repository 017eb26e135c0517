// A small mutation run over src/core (issue 20): flips one comparison, equality, logical operator
// or ±1 at a time, runs the core's jest suites against it, and reports the share of mutants a test
// kills and the ones that survive. Bounded: a sample of mutants (fixed seed) and a time budget.
//   npm run prepare && node lib/scripts/mutate.js [--max 60] [--minutes 20] [--seed 1] [files…]
// The file under mutation is always restored (also on Ctrl-C). Run it alone: it edits src/ in place.

import { spawnSync } from 'child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');

/** The suites that test the core; each mutant runs them with --bail. */
const SUITES = [
  'test/rules-examples.test.ts', 'test/boundaries.test.ts', 'test/fidelity.test.ts', 'test/ledger.test.ts', 'test/monthpay.test.ts',
  'test/parameters.test.ts', 'test/mutation-pins.test.ts', 'test/rulesets.test.ts', 'test/read.test.ts', 'test/calendar.test.ts',
  'test/functions.test.ts', 'test/ruleset-messages.test.ts', 'test/time-cells.test.ts', 'test/ruleset-check.test.ts', 'test/rulesets-registry.test.ts',
];

const FLIPS: [RegExp, string][] = [
  [/<=/g, '<'], [/>=/g, '>'], [/(?<![<=>!-])<(?![<=])/g, '<='], [/(?<![=>-])>(?![>=])/g, '>='],
  [/===/g, '!=='], [/!==/g, '==='], [/&&/g, '||'], [/\|\|/g, '&&'], [/ \+ 1\b/g, ' - 1'], [/ - 1\b/g, ' + 1'],
];

interface Mutant {
  file: string;
  line: number;
  at: number;
  from: string;
  to: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : n.endsWith('.ts') ? [p] : [];
  });
}

/** True when `at` is inside a string or template literal of the line (a rough scan, enough to skip messages). */
function inLiteral(line: string, at: number): boolean {
  let quote: string | undefined;
  for (let i = 0; i < at; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      else if (quote === '`' && c === '$' && line[i + 1] === '{') return false; // inside ${…}: code
    } else if (c === "'" || c === '"' || c === '`') quote = c;
  }
  return quote !== undefined;
}

function mutantsOf(file: string): Mutant[] {
  const out: Mutant[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const code = line.trimStart();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*') || code.startsWith('import ') || /^(export )?(interface|type) /.test(code)) return;
    const end = line.indexOf('//') >= 0 && !inLiteral(line, line.indexOf('//')) ? line.indexOf('//') : line.length;
    for (const [re, to] of FLIPS) {
      for (const m of line.slice(0, end).matchAll(re)) {
        if (m.index === undefined || inLiteral(line, m.index) || /=>\s*$/.test(line.slice(0, m.index + 1)) || line.slice(m.index - 1, m.index + 1) === '=>') continue;
        out.push({ file, line: i + 1, at: m.index, from: m[0], to });
      }
    }
  });
  return out;
}

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function main(argv: string[]): number {
  const opt = (name: string, dflt: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv.splice(i, 2)[1]) : dflt;
  };
  const max = opt('max', 60);
  const minutes = opt('minutes', 20);
  const rand = random(opt('seed', 1));
  const files = argv.length ? argv.map((f) => join(ROOT, f)) : filesUnder(join(ROOT, 'src', 'core')).filter((f) => !f.includes(`${join('rulesets', 'data')}`));
  const all = files.flatMap(mutantsOf);
  // A fixed-seed shuffle, then the first `max`.
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const [a, b] = [all[i], all[j]];
    if (a === undefined || b === undefined) throw new Error(`shuffle index out of range: ${i}, ${j} of ${all.length}`);
    [all[i], all[j]] = [b, a];
  }
  const chosen = all.slice(0, max);
  console.log(`${all.length} possible mutants in ${files.length} files; running ${chosen.length} (at most ${minutes} min)`);
  const deadline = Date.now() + minutes * 60_000;
  let killed = 0;
  let ran = 0;
  const survivors: Mutant[] = [];
  let restore: (() => void) | undefined;
  process.on('SIGINT', () => {
    restore?.();
    process.exit(130);
  });
  for (const m of chosen) {
    if (Date.now() > deadline) break;
    const original = readFileSync(m.file, 'utf8');
    const lines = original.split('\n');
    const line = lines[m.line - 1];
    // Mutants are listed before any runs: a file edited meanwhile no longer has the line.
    if (line === undefined || line.slice(m.at, m.at + m.from.length) !== m.from) {
      console.log(`skipped  ${relative(ROOT, m.file)}:${m.line}  the file changed since the mutants were listed`);
      continue;
    }
    lines[m.line - 1] = line.slice(0, m.at) + m.to + line.slice(m.at + m.from.length);
    restore = () => writeFileSync(m.file, original);
    try {
      writeFileSync(m.file, lines.join('\n'));
      const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--bail', '--silent', '--ci', '--maxWorkers=2', ...SUITES], { cwd: ROOT, stdio: 'pipe', timeout: 180_000 });
      ran++;
      const where = `${relative(ROOT, m.file)}:${m.line}  ${m.from} → ${m.to}`;
      if (run.status === 0) {
        survivors.push(m);
        console.log(`SURVIVED ${where}   ${line.trim().slice(0, 100)}`);
      } else {
        killed++;
        console.log(`killed   ${where}`);
      }
    } finally {
      restore();
      restore = undefined;
    }
  }
  console.log(`\nmutation score: ${killed}/${ran} killed (${ran ? ((100 * killed) / ran).toFixed(0) : 0}%), ${survivors.length} survived`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
