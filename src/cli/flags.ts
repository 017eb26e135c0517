// Command-line options: `--out FILE` and `--out=FILE`; anything unknown or misspelled is refused
// (with the nearest known option), never silently ignored.

export type FlagSpec = Record<string, 'flag' | 'value'>;

export interface Parsed {
  flags: Record<string, string | true>;
  positional: string[];
}

export interface FlagError {
  error: { en: string; ja: string };
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** Words starting with `--` are options; `-5` and other words are positional; `--` ends options. */
export function parseFlags(argv: string[], spec: FlagSpec, command: string): Parsed | FlagError {
  const flags: Parsed['flags'] = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!/^--[^-]/.test(word) && !/^-[A-Za-z]/.test(word)) {
      positional.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = (eq >= 0 ? word.slice(0, eq) : word).replace(/^--?/, '');
    const kind = spec[name];
    if (!kind) {
      const near = Object.keys(spec).filter((k) => distance(k, name) <= 2 || k.startsWith(name) || name.startsWith(k));
      const hint = near.length ? ` (did you mean ${near.map((k) => `--${k}`).join(', ')}?)` : '';
      const hintJa = near.length ? `（${near.map((k) => `--${k}`).join('、')} のことですか？）` : '';
      const known = Object.keys(spec).map((k) => `--${k}`).join(' ') || '(none)';
      return { error: { en: `altrules ${command}: unknown option ${word.slice(0, eq >= 0 ? eq : undefined)}${hint}; options: ${known}`, ja: `altrules ${command}: ${word.slice(0, eq >= 0 ? eq : undefined)} というオプションはありません${hintJa}。使えるオプション: ${known}` } };
    }
    if (name in flags) return { error: { en: `altrules ${command}: --${name} is given twice`, ja: `altrules ${command}: --${name} が2回指定されています` } };
    if (kind === 'flag') {
      if (eq >= 0) return { error: { en: `altrules ${command}: --${name} takes no value`, ja: `altrules ${command}: --${name} に値は付けません` } };
      flags[name] = true;
    } else if (eq >= 0) flags[name] = word.slice(eq + 1);
    else {
      const v = argv[i + 1];
      if (v === undefined || /^--/.test(v)) return { error: { en: `altrules ${command}: --${name} needs a value`, ja: `altrules ${command}: --${name} の後に値を指定してください` } };
      flags[name] = v;
      i++;
    }
  }
  return { flags, positional };
}
