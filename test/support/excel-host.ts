// Excel's side of the custom-functions runtime, and nothing more: headless Chromium loads the
// add-in's built functions page, which loads Microsoft's shipped custom-functions-runtime.js (from
// node_modules, in place of the CDN) and our functions bundle. The host talks to the runtime the
// way Excel's native host does, through the `_richApiNativeBridge` object the runtime looks for at
// load (custom-functions-runtime.js: `"object" == typeof _richApiNativeBridge && HostBridge.init(...)`):
//  - invocations go in as bridge messages of type 3 whose entries are
//    [messageCategory 1, messageType 1000, targetId, [invocationId, functionName, parameterValues,
//    address, flags], id] (HostBridge's onMessageFromHost and CustomFunctionProxy._handleMessage /
//    _batchInvocationEntries unpack exactly this);
//  - results come back as the runtime's own Rich API request (type 1) whose action
//    SetInvocationArrayResults carries [invocationId, succeeded, value, errorCode, …] per call
//    (_convertCustomFunctionInvocationResultToArray), answered with a 200 response so the runtime's
//    context.sync() resolves (HostBridgeRequestExecutor.executeAsync).
// Everything between — argument lists, the appended Invocation object, CustomFunctions.Error → error
// codes — is Microsoft's code.

import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { Browser, Page, chromium } from 'playwright-core';
import type { Raw } from '../../src/functions/coerce';

export const OFFICE_DIST = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'office-js', 'dist');
export const RUNTIME_FILE = join(OFFICE_DIST, 'custom-functions-runtime.js');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The runtime's result codes (CustomFunctionProxy._getCustomFunctionResultErrorCodeFromErrorCode). */
export const RESULT_CODE = { '#N/A': 1, '#VALUE!': 7 } as const;

export interface Invocation {
  name: string;
  params: Raw[];
}
export interface HostResult {
  ok: boolean;
  value: unknown;
  errorCode?: number;
}

export class ExcelHost {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    readonly blocked: string[],
  ) {}

  /**
   * Opens an add-in's functions page the way Excel opens the manifest's Functions.Page.Url: from a
   * build published at `baseUrl` (files served from `buildDir`).
   */
  static async open(buildDir: string, baseUrl: string, addin: 'alt' | 'clair'): Promise<ExcelHost> {
    if (!existsSync(RUNTIME_FILE)) throw new Error(`Microsoft's runtime is missing: ${RUNTIME_FILE} (npm ci installs @microsoft/office-js); no stand-in is used`);
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('pageerror', (e) => blocked.push(`page error: ${e.message}`));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      const serve = (file: string, type: string) => route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
      if (url.startsWith(CDN)) {
        const file = join(OFFICE_DIST, url.slice(CDN.length).split('?')[0]);
        return existsSync(file) ? serve(file, 'text/javascript; charset=utf-8') : route.fulfill({ status: 404 });
      }
      if (url.startsWith(`${baseUrl}/`)) {
        const file = join(buildDir, url.slice(baseUrl.length + 1).split('?')[0]);
        if (file.startsWith(buildDir) && existsSync(file)) return serve(file, file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.json') ? 'application/json' : 'text/javascript; charset=utf-8');
      }
      blocked.push(url);
      return route.abort();
    });
    // What Excel's native host provides before any page script runs.
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      const sent: unknown[] = [];
      w.__hostSent = sent;
      w._richApiNativeBridge = { sendMessageToHost: (text: string) => sent.push(JSON.parse(text)) };
      // What the page's Content-Security-Policy refused, if anything.
      const violations: string[] = [];
      w.__cspViolations = violations;
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${baseUrl}/${addin}/functions.html`);
    await page.waitForFunction(() => typeof (window as unknown as { CustomFunctions?: { Error?: unknown } }).CustomFunctions?.Error === 'function');
    return new ExcelHost(browser, page, blocked);
  }

  /** Sends the calls as Excel's host does and waits for every result. */
  async invoke(calls: Invocation[], chunk = 2000): Promise<HostResult[]> {
    const results: HostResult[] = [];
    for (let i = 0; i < calls.length; i += chunk) {
      const part = calls.slice(i, i + chunk);
      const got = await this.page.evaluate(
        async ({ partJson, first }) => {
          const part = JSON.parse(partJson) as { name: string; params: unknown[] }[];
          const w = window as unknown as { __hostSent: { id: number; type: number; message: { body: { Actions: { Name: string; ArgumentInfo?: { Arguments: unknown[][] } }[] } } }[]; _richApiNativeBridge: { onMessageFromHost(text: string): void } };
          const bridge = w._richApiNativeBridge;
          const entries = part.map((c, k) => [1, 1000, '', [first + k, c.name, c.params, `Sheet1!A${first + k}`, 0], first + k]);
          bridge.onMessageFromHost(JSON.stringify({ type: 3, message: { entries } }));
          const out = new Map<number, unknown[]>();
          const deadline = Date.now() + 120_000;
          while (out.size < part.length && Date.now() < deadline) {
            const sent = w.__hostSent.splice(0);
            for (const m of sent) {
              if (m.type !== 1) continue;
              for (const a of m.message.body.Actions) {
                if (a.Name !== 'SetInvocationArrayResults') continue;
                for (const r of a.ArgumentInfo!.Arguments[0] as unknown[][]) out.set(r[0] as number, r);
              }
              // The host's answer lets the runtime's context.sync() resolve.
              bridge.onMessageFromHost(JSON.stringify({ id: m.id, type: 1, message: { statusCode: 200, headers: {}, body: { Results: [] } } }));
            }
            await new Promise((r) => setTimeout(r, 20));
          }
          return part.map((_, k) => out.get(first + k) ?? null) as (unknown[] | null)[];
        },
        { partJson: JSON.stringify(part), first: i + 1 },
      );
      for (const r of got) {
        if (!r) throw new Error('the runtime returned no result for a call within 120 s');
        results.push(r[1] ? { ok: true, value: r[2] } : { ok: false, value: r[2], errorCode: r[3] as number });
      }
    }
    return results;
  }

  /** Requests the page made that were not served, and what its CSP refused. */
  async problems(): Promise<string[]> {
    const csp = await this.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    return [...this.blocked, ...csp.map((v) => `CSP: ${v}`)];
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
