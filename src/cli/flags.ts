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

/** Edits (insert, delete, replace) from `a` to `b`, two rows of the table at a time. */
function distance(a: string, b: string): number {
  const target = [...b];
  let above = [0, ...target.map((_, j) => j + 1)];
  for (const [i, ca] of [...a].entries()) {
    const row = [i + 1];
    let left = i + 1;
    for (const [j, cb] of target.entries()) {
      // above[j] and above[j + 1] exist: `above` is one longer than `target`.
      const diagonal = above[j] ?? 0;
      const up = above[j + 1] ?? 0;
      left = Math.min(up + 1, left + 1, diagonal + (ca === cb ? 0 : 1));
      row.push(left);
    }
    above = row;
  }
  return above[target.length] ?? 0;
}

/** Words starting with `--` are options; `-5` and other words are positional; `--` ends options. */
export function parseFlags(argv: string[], spec: FlagSpec, command: string): Parsed | FlagError {
  const flags: Parsed['flags'] = {};
  const positional: string[] = [];
  const words = [...argv];
  for (let word = words.shift(); word !== undefined; word = words.shift()) {
    if (word === '--') {
      positional.push(...words);
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
      const v = words[0];
      if (v === undefined || /^--/.test(v)) return { error: { en: `altrules ${command}: --${name} needs a value`, ja: `altrules ${command}: --${name} の後に値を指定してください` } };
      flags[name] = v;
      words.shift();
    }
  }
  return { flags, positional };
}
