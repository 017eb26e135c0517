// The worksheet functions called the way Excel calls them: through Microsoft's shipped
// custom-functions runtime (see test/support/excel-host.ts for the only part that is ours: Excel's
// side of the native bridge). Every registry example and a generated corpus of calls per function
// must give exactly what `altrules call --jsonl` gives — values, and errors with their messages.

import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { FUNCTIONS, FnDecl, fullName } from '../src/functions/registry';
import { blankCases } from './support/blanks';
import { CorpusCall, corpusFor, exampleCall } from './support/corpus';
import { CHROMIUM_PATH, ExcelHost, HostResult, RESULT_CODE, RUNTIME_FILE } from './support/excel-host';
import { PRODUCTION_URL, productionBuild } from './support/production-build';

jest.setTimeout(600_000);

const ROOT = join(__dirname, '..');
const CALLS_PER_FUNCTION = Number(process.env.RUNTIME_CORPUS ?? 1000);

// Microsoft's runtime file must be there: its absence fails, it is never replaced by a stand-in.
test("Microsoft's custom-functions runtime is installed", () => {
  expect(existsSync(RUNTIME_FILE)).toBe(true);
});

const haveChromium = existsSync(CHROMIUM_PATH);
if (!haveChromium && !process.env.CI) console.warn(`runtime tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or bash .ci/run)`);
const maybe = haveChromium || process.env.CI ? describe : describe.skip;

type Jsonl = { value: unknown } | { error: string; message: string };

function jsonl(calls: CorpusCall[], lang: 'en' | 'ja'): Jsonl[] {
  const input = calls.map((c) => JSON.stringify([fullName(c.fn), ...c.flat])).join('\n') + '\n';
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'altrules.js'), 'call', '--jsonl', '--lang', lang], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`altrules call --jsonl failed: ${run.stderr}`);
  const lines = run.stdout.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(calls.length);
  return lines.map((l) => JSON.parse(l) as Jsonl);
}

/** What the runtime must have received for a call, given the CLI's answers in both languages. */
function expected(en: Jsonl, ja: Jsonl): HostResult {
  if ('value' in en) return { ok: true, value: en.value };
  const message = `${en.message} ／ ${(ja as { message: string }).message}`;
  return { ok: false, value: message, errorCode: RESULT_CODE[en.error as keyof typeof RESULT_CODE] };
}

maybe("through Microsoft's custom-functions runtime", () => {
  const hosts: Partial<Record<'ALT' | 'CLAIR', ExcelHost>> = {};

  beforeAll(async () => {
    const build = await productionBuild();
    hosts.ALT = await ExcelHost.open(build, PRODUCTION_URL, 'alt');
    hosts.CLAIR = await ExcelHost.open(build, PRODUCTION_URL, 'clair');
  });
  afterAll(async () => {
    await hosts.ALT?.close();
    await hosts.CLAIR?.close();
  });

  // The JavaScript-only runtime gets no Office.context from this host (Excel hands it over in an app
  // context exchange that is not part of the runtime file), so messages come in both languages, as
  // in Excel's desktop JS-only runtime (OfficeDev/office-js#769). test/excel-adapter.test.ts covers
  // the display-language choice with a stub, the one thing the real runtime cannot show here.
  async function throughRuntime(calls: CorpusCall[]): Promise<HostResult[]> {
    const out: HostResult[] = new Array(calls.length);
    for (const addin of ['ALT', 'CLAIR'] as const) {
      const idx = calls.map((c, i) => (c.fn.addin === addin ? i : -1)).filter((i) => i >= 0);
      if (idx.length === 0) continue;
      const got = await hosts[addin]!.invoke(idx.map((i) => ({ name: calls[i].fn.name, params: calls[i].excel })));
      idx.forEach((i, k) => (out[i] = got[k]));
    }
    return out;
  }

  function compare(calls: CorpusCall[], got: HostResult[]): string[] {
    const en = jsonl(calls, 'en');
    const ja = jsonl(calls, 'ja');
    const diffs: string[] = [];
    calls.forEach((c, i) => {
      const want = expected(en[i], ja[i]);
      if (JSON.stringify(got[i]) !== JSON.stringify(want)) diffs.push(`${fullName(c.fn)}(${JSON.stringify(c.excel)}): runtime ${JSON.stringify(got[i])}, CLI ${JSON.stringify(want)}`);
    });
    return diffs;
  }

  test('=ALT.PAY(1): the omitted arguments arrive as null and the Invocation object comes last', async () => {
    const pay = FUNCTIONS.find((f) => fullName(f) === 'ALT.PAY')!;
    const [r] = await throughRuntime([{ fn: pay, flat: [1], excel: [1, null, null, null, null] }]);
    expect(r).toEqual({ ok: true, value: 280000 }); // Art 7.1: year 1, ¥280,000 a month
  });

  test('every registry example gives its worked result through the runtime, as the CLI does', async () => {
    const calls = FUNCTIONS.map(exampleCall);
    const got = await throughRuntime(calls);
    expect(compare(calls, got)).toEqual([]);
    calls.forEach((c, i) => expect({ fn: fullName(c.fn), got: got[i] }).toEqual({ fn: fullName(c.fn), got: { ok: true, value: c.fn.example.result } }));
  });

  // Older Excel desktop builds pass an empty cell as 0 (OfficeDev/office-js#4702), inside ranges
  // too (#5262, #1951); current ones pass null; a formula can give "". One answer for all three.
  test('a blank argument or range cell answers the same delivered as null, 0 or "" (every function)', async () => {
    const cases = blankCases();
    const calls = cases.flatMap((k) => [k.calls.null, k.calls['0'], k.calls['""']]);
    const got = await throughRuntime(calls);
    const differ = cases.filter((_, i) => JSON.stringify(got[3 * i + 1]) !== JSON.stringify(got[3 * i]) || JSON.stringify(got[3 * i + 2]) !== JSON.stringify(got[3 * i]));
    expect(differ.map((k) => k.label).slice(0, 10)).toEqual([]);
    expect(compare(calls, got).slice(0, 10)).toEqual([]);
  });

  test(`a generated corpus of ${CALLS_PER_FUNCTION} calls per function answers exactly as altrules call --jsonl`, async () => {
    const calls = FUNCTIONS.flatMap((f: FnDecl, k) => corpusFor(f, FUNCTIONS, CALLS_PER_FUNCTION, 20261129 + k));
    const got = await throughRuntime(calls);
    const diffs = compare(calls, got);
    expect(diffs.slice(0, 10)).toEqual([]);
    // The corpus reaches both outcomes for every function, so neither side is compared vacuously.
    const errorsOf = new Map<string, number>();
    got.forEach((r, i) => !r.ok && errorsOf.set(fullName(calls[i].fn), (errorsOf.get(fullName(calls[i].fn)) ?? 0) + 1));
    for (const f of FUNCTIONS) expect({ fn: fullName(f), someErrors: (errorsOf.get(fullName(f)) ?? 0) > 0 }).toEqual({ fn: fullName(f), someErrors: true });
    // The functions page made no request but Microsoft's scripts. Its CSP refuses on purpose only the
    // hidden log frame Microsoft's loader adds outside an Office client (an iframe on
    // telemetryservice.firstpartyapps.oaspapps.com with an inline display:none; OfficeDev/office-js
    // #1125, "by design"), so nothing leaves the machine; nothing else may be refused.
    const logFrame = /^CSP: (frame-src https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com|style-src-attr inline)$/;
    expect([...(await hosts.ALT!.problems()), ...(await hosts.CLAIR!.problems())].filter((p) => !logFrame.test(p))).toEqual([]);
  });
});
