// A small streaming tag scanner for the XML inside .xlsx packages. It knows just enough XML
// to find tags, attributes, text and namespaces in what spreadsheet programs write. A DTD is
// refused outright, so no entity can expand.
//
// Why a scanner of our own and not saxes (a maintained SAX parser, already in node_modules through
// exceljs): on one 37.2 MB roster sheet saxes with namespaces took 2.3–3.5 times as long as this
// scanner with namespaces, which cost the scanner little (figures in docs/reading-xlsx.md). Every
// element reaches the handler with its namespace URI, so `x:c`, `ns0:Relationship`, a default
// namespace and Strict OOXML are one case, and an element of another namespace with the same
// local name (Excel 2013's `x15:workbookPr` in extLst) is told apart.

import { Refusal } from './zip';

/** SpreadsheetML's main namespace, transitional and Strict (ISO/IEC 29500 Strict uses purl.oclc.org). */
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_MAIN_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
/** OPC package relationships (the same URI in Strict packages). */
export const NS_PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const NS_CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** SpreadsheetML's own elements, in either flavour. */
export function isMain(ns: string): boolean {
  return ns === NS_MAIN || ns === NS_MAIN_STRICT;
}

export interface TagHandler {
  /**
   * An open tag: local name (prefix dropped), the raw tag text `<…>`, whether it ends with `/>`,
   * and the element's namespace URI ('' when it has none).
   */
  open(name: string, raw: string, selfClosing: boolean, ns: string): void;
  close(name: string, raw: string, ns: string): void;
  /** Text between tags, still entity-encoded (decode with `decodeText`). */
  text(raw: string): void;
  /** Comments, processing instructions, CDATA: passed on untouched (CDATA also as text). */
  other?(raw: string): void;
  cdata?(text: string): void;
}

/** The longest single tag or comment we hold while waiting for its end. */
const MAX_TOKEN = 16 << 20;

/** Namespace declarations of one open element, undone when it closes. */
interface Scope {
  depth: number;
  saved: [string, string | undefined][];
}

const XMLNS = /\sxmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export class TagScanner {
  private buf = '';
  private started = false;
  /** prefix ('' for the default namespace) → URI, as declared by the open elements. */
  private readonly bindings = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  private readonly scopes: Scope[] = [];
  private depth = 0;

  constructor(
    private readonly h: TagHandler,
    private readonly part: string,
  ) {}

  private refuse(en: string, ja: string): never {
    throw new Refusal(`the part ${this.part} is not readable XML: ${en}`, `部品 ${this.part} は XML として読めません: ${ja}`);
  }

  write(chunk: string): void {
    const s = this.buf.length ? this.buf + chunk : chunk;
    if (!this.started) {
      const t = s.replace(/^\uFEFF/, '').trimStart();
      if (t.length === 0) {
        this.buf = s;
        return;
      }
      if (t[0] !== '<') this.refuse('it does not begin with a tag', 'タグで始まっていません');
      this.started = true;
    }
    const h = this.h;
    let pos = 0;
    const n = s.length;
    let dq = -1;
    let sq = -1;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        h.text(s.slice(pos));
        pos = n;
        break;
      }
      if (lt > pos) h.text(s.slice(pos, lt));
      pos = lt;
      if (pos + 1 >= n) break;
      const c1 = s.charCodeAt(pos + 1);
      if (c1 === 0x21 /* ! */) {
        if (s.startsWith('<!--', pos)) {
          const e = s.indexOf('-->', pos + 4);
          if (e < 0) break;
          h.other?.(s.slice(pos, e + 3));
          pos = e + 3;
        } else if (s.startsWith('<![CDATA[', pos)) {
          const e = s.indexOf(']]>', pos + 9);
          if (e < 0) break;
          h.other?.(s.slice(pos, e + 3));
          h.cdata?.(s.slice(pos + 9, e));
          pos = e + 3;
        } else if (n - pos < 9) break;
        else this.refuse('a DOCTYPE (DTD) is not allowed in a workbook', 'ブックに DOCTYPE（DTD）は使えません');
        continue;
      }
      if (c1 === 0x3f /* ? */) {
        const e = s.indexOf('?>', pos + 2);
        if (e < 0) break;
        h.other?.(s.slice(pos, e + 2));
        pos = e + 2;
        continue;
      }
      // A tag: up to its '>' outside quoted attribute values. The next quote of each kind is
      // remembered, so a chunk is searched for quotes once, not once per tag.
      let e = s.indexOf('>', pos + 1);
      if (e < 0) break;
      let p = pos + 1;
      for (;;) {
        if (dq < p) dq = indexOr(s, '"', p, n);
        if (sq < p) sq = indexOr(s, "'", p, n);
        const q = dq < sq ? dq : sq;
        if (q > e) break;
        const closing = s.indexOf(q === dq ? '"' : "'", q + 1);
        if (closing < 0) {
          e = -1;
          break;
        }
        p = closing + 1;
        if (closing > e) {
          e = s.indexOf('>', p);
          if (e < 0) break;
        }
      }
      if (e < 0) break;
      const raw = s.slice(pos, e + 1);
      if (c1 === 0x2f /* / */) {
        const [name, ns] = this.split(raw, 2);
        h.close(name, raw, ns);
        this.depth--;
        const top = this.scopes[this.scopes.length - 1];
        // Declarations made on the element that just closed end with it.
        if (top && top.depth >= this.depth) {
          this.scopes.pop();
          this.unbind(top);
        }
      } else {
        const selfClosing = s.charCodeAt(e - 1) === 0x2f;
        const scope = raw.indexOf('xmlns') > 0 ? this.bind(raw) : undefined;
        const [name, ns] = this.split(raw, 1);
        h.open(name, raw, selfClosing, ns);
        if (selfClosing) {
          if (scope) this.unbind(scope);
        } else {
          if (scope) this.scopes.push(scope);
          this.depth++;
        }
      }
      pos = e + 1;
    }
    this.buf = pos < n ? s.slice(pos) : '';
    if (this.buf.length > MAX_TOKEN) this.refuse(`a single tag is longer than ${MAX_TOKEN.toLocaleString('en')} characters`, `1つのタグが ${MAX_TOKEN.toLocaleString('en')} 文字を超えています`);
  }

  private bind(raw: string): Scope {
    const scope: Scope = { depth: this.depth, saved: [] };
    XMLNS.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = XMLNS.exec(raw))) {
      const prefix = m[1] ?? '';
      scope.saved.push([prefix, this.bindings.get(prefix)]);
      this.bindings.set(prefix, decodeText(m[2] ?? m[3] ?? ''));
    }
    this.changed();
    return scope;
  }

  private unbind(scope: Scope): void {
    // Undone last first, so a prefix declared twice on one element gets its outer binding back.
    for (const [prefix, old] of [...scope.saved].reverse()) {
      if (old === undefined) this.bindings.delete(prefix);
      else this.bindings.set(prefix, old);
    }
    this.changed();
  }

  private changed(): void {
    this.generation++;
    this.defaultNs = this.bindings.get('') ?? '';
  }

  /**
   * A tag's local name and namespace URI in the current scope ('' when unbound). By hand, once
   * per tag: the last prefix and its URI are remembered, as a part uses one prefix nearly always.
   */
  private split(raw: string, from: number): [string, string] {
    let e = from;
    let colon = -1;
    const n = raw.length;
    while (e < n) {
      const c = raw.charCodeAt(e);
      if (c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) break;
      if (c === 0x3a && colon < 0) colon = e;
      e++;
    }
    if (colon < 0) return [raw.slice(from, e), this.defaultNs];
    const prefix = raw.slice(from, colon);
    if (prefix !== this.lastPrefix || this.generation !== this.lastGeneration) {
      this.lastPrefix = prefix;
      this.lastUri = this.bindings.get(prefix) ?? '';
      this.lastGeneration = this.generation;
    }
    return [raw.slice(colon + 1, e), this.lastUri];
  }
  private defaultNs = '';
  private lastPrefix = '';
  private lastUri = '';
  /** Counts changes of the bindings, so a remembered prefix is looked up again after one. */
  private generation = 0;
  private lastGeneration = -1;

  /** The prefix bound to `uri` where the scanner is now ('' for the default namespace), if any. */
  prefixFor(uri: string): string | undefined {
    if (this.bindings.get('') === uri) return '';
    for (const [p, u] of this.bindings) if (u === uri) return p;
    return undefined;
  }

  end(): void {
    if (this.buf.trim().length) this.refuse('it ends in the middle of a tag', 'タグの途中で終わっています');
  }
}

function indexOr(s: string, ch: string, from: number, none: number): number {
  const i = s.indexOf(ch, from);
  return i < 0 ? none : i;
}

const ATTR = /([^\s=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** One attribute of a raw tag, decoded, by its qualified name. */
export function attr(raw: string, name: string): string | undefined {
  // Fast path for the common `name="…"`.
  const i = raw.indexOf(` ${name}="`);
  if (i >= 0) {
    const start = i + name.length + 3;
    const e = raw.indexOf('"', start);
    return decodeText(raw.slice(start, e));
  }
  // Only a tag with unusual spacing or single quotes needs the full attribute scan.
  if (raw.indexOf("'") < 0 && raw.indexOf('\t') < 0 && raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 && raw.indexOf(' =') < 0 && raw.indexOf('= ') < 0) return undefined;
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(raw))) if (m[1] === name) return decodeText(m[2] ?? m[3] ?? '');
  return undefined;
}

export function attrs(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(raw))) if (m[1] !== undefined) out.set(m[1], decodeText(m[2] ?? m[3] ?? ''));
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeText(s: string): string {
  // XML end-of-line handling (XML 1.0 §2.11): a CR LF pair or a lone CR is read as LF; a CR
  // written as &#13; is kept.
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return NAMED[e] ?? all;
  });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeText(s: string): string {
  // Characters XML 1.0 cannot hold are dropped rather than written.
  // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters in text
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/**
 * A copy of a string that does not keep alive the chunk it was cut from (V8 keeps the parent of a
 * sliced string; a kept cell text would otherwise pin its whole 64 KiB chunk of the sheet).
 */
export function own(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** Feeds a whole string through a handler. */
export function scanString(xml: string, part: string, h: TagHandler): void {
  const s = new TagScanner(h, part);
  s.write(xml);
  s.end();
}
