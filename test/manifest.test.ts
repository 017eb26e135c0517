// The official validator needs the network, so the manifests are checked here: well-formed,
// ids unique, resources consistent, elements in the order Office needs, the Japanese
// overrides well-formed, and development and production URLs consistent.

import { readFileSync } from 'fs';
import { join } from 'path';
import { parseStringPromise } from 'xml2js';

const ROOT = join(__dirname, '..');
const MANIFESTS = [
  { file: 'manifest.xml', addin: 'alt', namespace: 'ALT' },
  { file: 'manifest-clair.xml', addin: 'clair', namespace: 'CLAIR' },
];

// The OfficeApp sequence of the add-in manifest schema (TaskPaneApp), as far as we use it.
const OFFICEAPP_ORDER = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'Hosts', 'DefaultSettings', 'Permissions'];

type Node = { [k: string]: unknown; $?: Record<string, string>; $$?: Node[]; '#name': string };

async function parse(file: string): Promise<Node> {
  const xml = readFileSync(join(ROOT, file), 'utf8');
  const doc = await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, strict: true });
  return doc.OfficeApp as Node;
}

function walk(n: Node, visit: (n: Node) => void): void {
  visit(n);
  for (const c of n.$$ ?? []) walk(c, visit);
}

function all(n: Node): Node[] {
  const out: Node[] = [];
  walk(n, (x) => out.push(x));
  return out;
}

describe.each(MANIFESTS)('$file', ({ file, addin, namespace }) => {
  let app: Node;
  beforeAll(async () => {
    app = await parse(file);
  });

  test('is well-formed and has the required elements in schema order', () => {
    const names = (app.$$ ?? []).map((c) => c['#name']);
    for (const r of REQUIRED) expect(names).toContain(r);
    const positions = names.map((n) => OFFICEAPP_ORDER.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(app.$!['xsi:type']).toBe('TaskPaneApp');
  });

  test('a GUID id, and resource ids unique within each resource kind', () => {
    const id = (app.$$ ?? []).find((c) => c['#name'] === 'Id') as unknown as { _: string };
    expect(id._).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const resources = all(app).find((n) => n['#name'] === 'Resources')!;
    for (const group of resources.$$ ?? []) {
      const ids = (group.$$ ?? []).map((x) => x.$!.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const controlIds = all(app).filter((n) => ['Group', 'Control'].includes(n['#name'])).map((n) => n.$!.id);
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  test('every resid names a resource that exists', () => {
    const resources = all(app).find((n) => n['#name'] === 'Resources')!;
    const defined = new Set(all(resources).filter((n) => n.$?.id).map((n) => n.$!.id));
    const used = all(app).filter((n) => n.$?.resid).map((n) => n.$!.resid);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect(defined).toContain(r);
  });

  test(`the ${namespace} namespace and its own metadata, script and page`, () => {
    const strings = all(app).filter((n) => n['#name'] === 'bt:String');
    expect(strings.find((s) => s.$!.id === 'Functions.Namespace')!.$!.DefaultValue).toBe(namespace);
    const urls = Object.fromEntries(all(app).filter((n) => n['#name'] === 'bt:Url').map((u) => [u.$!.id, u]));
    expect(urls['Functions.Script.Url'].$!.DefaultValue).toBe(`https://localhost:3000/${addin}/functions.js`);
    expect(urls['Functions.Page.Url'].$!.DefaultValue).toBe(`https://localhost:3000/${addin}/functions.html`);
    expect(urls['Functions.Metadata.Url'].$!.DefaultValue).toBe(`https://localhost:3000/${addin}/functions.json`);
    expect(urls['Taskpane.Url'].$!.DefaultValue).toBe(`https://localhost:3000/${addin}/taskpane.html`);
    const override = (urls['Functions.Metadata.Url'].$$ ?? [])[0];
    expect(override['#name']).toBe('bt:Override');
    expect(override.$).toEqual({ Locale: 'ja-jp', Value: `https://localhost:3000/${addin}/functions.ja.json` });
  });

  test('the ja-jp overrides are well-formed and non-empty', () => {
    const overrides = all(app).filter((n) => n['#name'] === 'Override' || n['#name'] === 'bt:Override');
    expect(overrides.length).toBeGreaterThanOrEqual(6);
    for (const o of overrides) {
      expect(o.$!.Locale).toBe('ja-jp');
      expect(o.$!.Value.trim().length).toBeGreaterThan(0);
      expect(o.$$ ?? []).toEqual([]);
    }
  });

  test('one development origin for every URL (test/deploy.test.ts builds the production copy)', () => {
    const xml = readFileSync(join(ROOT, file), 'utf8');
    const origins = new Set([...xml.matchAll(/https?:\/\/[^"<\s/;]+/g)].map((m) => m[0]).filter((o) => !o.includes('schemas.microsoft.com') && !o.includes('www.w3.org')));
    expect([...origins]).toEqual(['https://localhost:3000']);
  });

  // learn.microsoft.com, "Specify Office applications and API requirements": a <Requirements> in
  // VersionOverrides leaves out only what VersionOverrides adds where it is not met; one at the top
  // keeps the whole add-in from installing.
  test('the pane needs only its Excel API set; the functions need the custom-functions runtime', () => {
    const sets = (n: Node) => all(n).filter((x) => x['#name'] === 'Set' || x['#name'] === 'bt:Set').map((x) => `${x.$!.Name} ${x.$!.MinVersion}`);
    const top = (app.$$ ?? []).find((c) => c['#name'] === 'Requirements')!;
    expect(sets(top)).toEqual(['ExcelApi 1.9']);
    const overrides = (app.$$ ?? []).find((c) => c['#name'] === 'VersionOverrides')!;
    const names = (overrides.$$ ?? []).map((c) => c['#name']);
    expect(names.indexOf('Requirements')).toBeLessThan(names.indexOf('Hosts'));
    expect(sets((overrides.$$ ?? []).find((c) => c['#name'] === 'Requirements')!)).toEqual(['CustomFunctionsRuntime 1.2']) // CustomFunctions.Error is in 1.2;
  });
});

test('the two add-ins have different ids', async () => {
  const [a, b] = await Promise.all(MANIFESTS.map((m) => parse(m.file)));
  const idOf = (n: Node) => ((n.$$ ?? []).find((c) => c['#name'] === 'Id') as unknown as { _: string })._;
  expect(idOf(a)).not.toBe(idOf(b));
});
