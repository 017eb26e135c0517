// The clerks' guide (docs/guide-ja.md, docs/guide-en.md) as a page of the build, so the pane can
// link to it. Only the Markdown the guide uses: headings, paragraphs, lists, tables, code blocks,
// images, links, **bold** and `code`.
'use strict';

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (text) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');

function inline(text) {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/!\[([^\]]*)\]\(([^)]+)\)/g, '<img alt="$1" src="$2">')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, label, href) => `<a href="${href.replace(/^(guide-(?:ja|en))\.md/, '$1.html').replace(/^rules\.md/, 'help.html')}">${label}</a>`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s（(])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
}

function guideHtml(markdown, lang) {
  const lines = markdown.split('\n');
  const out = [];
  let title = '';
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (line.startsWith('```')) {
      const code = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      i++;
    } else if (/^#{1,3} /.test(line)) {
      const level = line.indexOf(' ');
      const text = line.slice(level + 1);
      if (level === 1) title = text;
      out.push(`<h${level} id="${escapeHtml(anchor(text))}">${inline(text)}</h${level}>`);
      i++;
    } else if (line.startsWith('|')) {
      const rows = [];
      for (; i < lines.length && lines[i].startsWith('|'); i++) if (!/^\|[-| ]+\|$/.test(lines[i])) rows.push(lines[i].slice(1, -1).split(' | ').map((c) => c.trim()));
      const [head, ...body] = rows;
      out.push(`<table><thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    } else if (/^(\d+\.|-) /.test(line)) {
      const ordered = /^\d/.test(line);
      const items = [];
      for (; i < lines.length && (/^(\d+\.|-) /.test(lines[i]) || /^ {2,}\S/.test(lines[i])); i++) {
        if (/^ {2,}\S/.test(lines[i])) items[items.length - 1] += ` ${lines[i].trim()}`;
        else items.push(lines[i].replace(/^(\d+\.|-) /, ''));
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((t) => `<li>${inline(t)}</li>`).join('')}</${tag}>`);
    } else if (line.trim() === '') i++;
    else {
      const para = [];
      for (; i < lines.length && lines[i].trim() !== '' && !/^(#|\||```|(\d+\.|-) )/.test(lines[i]); i++) para.push(lines[i]);
      out.push(`<p>${inline(para.join(lang === 'ja' ? '' : ' '))}</p>`);
    }
  }
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="guide.css"></head><body>\n${out.join('\n')}\n</body></html>\n`;
}

const GUIDE_CSS = 'body{font-family:"Yu Gothic UI","Meiryo",system-ui,sans-serif;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.6}img{max-width:360px;border:1px solid #ccc}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.3em .5em;vertical-align:top}pre{background:#f4f4f4;padding:.5em;overflow-x:auto}\n';

module.exports = { guideHtml, anchor, GUIDE_CSS };
