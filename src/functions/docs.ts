// Function reference generated from the registry — README section and help.html — so the
// docs cannot drift from the functions.

import { dayFromSerial, isoFromDay } from '../core';
import { Raw } from './coerce';
import { FUNCTIONS, FnDecl, Scalar, Value, fullName } from './registry';

function argText(v: Raw): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return `"${v}"`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (Array.isArray(v)) return `{${(v as Raw[][]).map((r) => (Array.isArray(r) ? r.map(argText).join(',') : argText(r as Raw))).join(';')}}`;
  return String(v);
}

export function formula(f: FnDecl): string {
  return `=${fullName(f)}(${f.example.args.map(argText).join(', ')})`;
}

function scalarText(v: Scalar, asDate: boolean): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' && asDate && v > 30000 && v < 80000 && Number.isInteger(v)) return `${v} (${isoFromDay(dayFromSerial(v))})`;
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return v === '' ? '""' : `"${v}"`;
}

export function resultText(f: FnDecl, v: Value = f.example.result): string {
  if (Array.isArray(v)) return v.map((row) => row.map((c) => scalarText(c, typeof c === 'number')).join(' · ')).join(' ⏎ ');
  return scalarText(v, f.result === 'date');
}

function signature(f: FnDecl): string {
  return `${fullName(f)}(${f.params.map((p) => (p.optional || p.repeating ? `[${p.name}${p.repeating ? '…' : ''}]` : p.name)).join(', ')})`;
}

const esc = (s: string) => s.replace(/\|/g, '\\|');

export function functionsMarkdown(): string {
  const out: string[] = [];
  for (const addin of ['ALT', 'CLAIR'] as const) {
    out.push(`### ${addin} add-in (\`${addin}.\` namespace)`, '');
    out.push('| function | what it returns / 返す値 | example / 例 | result / 結果 |', '|---|---|---|---|');
    for (const f of FUNCTIONS.filter((x) => x.addin === addin)) {
      out.push(`| \`${esc(signature(f))}\` | ${esc(f.en)}<br>${esc(f.ja)} | \`${esc(formula(f))}\`${f.example.en ? `<br>${esc(f.example.en)}` : ''}${f.example.ja ? `<br>${esc(f.example.ja)}` : ''} | ${esc(resultText(f))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function helpHtml(): string {
  const sections = FUNCTIONS.map((f) => {
    const params = f.params.map((p) => `<li><code>${html(p.name)}</code>${p.optional || p.repeating ? ' (optional / 省略可)' : ''} — ${html(p.en)}<br><span lang="ja">${html(p.jaName)}: ${html(p.ja)}</span></li>`).join('');
    return `<section id="${f.addin.toLowerCase()}${f.name.toLowerCase()}"><h2><code>${html(signature(f))}</code></h2><p>${html(f.en)}</p><p lang="ja">${html(f.ja)}</p><ul>${params}</ul><p><code>${html(formula(f))}</code> → <code>${html(resultText(f))}</code></p></section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>JET ALT and CLAIR functions / 関数リファレンス</title><link rel="stylesheet" href="taskpane.css"></head>
<body><h1>JET ALT and CLAIR worksheet functions / ワークシート関数</h1>
<p>Dates go in as Excel dates or text YYYY-MM-DD and come back as date serials (format the cell as a date). Bad input gives #VALUE! with a message naming the argument. 日付は Excel の日付または YYYY-MM-DD の文字列で指定し、結果はシリアル値で返ります。</p>
${sections}
</body></html>
`;
}
