// The thin Excel adapter: registers the registry's functions with Excel's custom-functions runtime.
// The functions are pure and need no Excel API, so they run in the JavaScript-only runtime.

import { AddIn, FUNCTIONS, FnDecl, Lang, Value, invoke } from './registry';
import type { Raw } from './coerce';

/** Excel's display language where the runtime tells it; otherwise messages go in both languages. */
function displayLanguage(): Lang | undefined {
  try {
    // `typeof`, not globalThis (ES2020): the JavaScript-only runtime runs ECMAScript 2016.
    const office = typeof Office === 'undefined' ? undefined : (Office as { context?: { displayLanguage?: string } });
    const tag = office?.context?.displayLanguage;
    if (typeof tag === 'string' && tag) return tag.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  } catch {
    // Office.context is missing in some desktop runtimes (OfficeDev/office-js#769).
  }
  return undefined;
}

/** The Invocation object Excel appends: an object, never a value Excel passes for an `any` parameter. */
function isInvocation(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The arguments of one call as Excel's runtime delivers them, turned into the registry's argument
 * list (what `altrules call` takes). Microsoft's runtime passes one value per declared parameter —
 * null for an omitted optional one (learn.microsoft.com, "Custom functions parameter options"), a
 * 2-D array for a matrix parameter, one array holding the values of a repeating parameter — and then
 * always appends the Invocation object (custom-functions-runtime.js, `_batchInvocationEntries`:
 * `message.parameterValues.push(invocationContext)`).
 */
export function argumentsFromExcel(f: FnDecl, excelArgs: readonly unknown[]): Raw[] {
  const values = excelArgs.length > 0 && isInvocation(excelArgs[excelArgs.length - 1]) ? excelArgs.slice(0, -1) : excelArgs.slice();
  const declared = values.slice(0, f.params.length) as Raw[];
  const last = f.params[f.params.length - 1];
  if (!last?.repeating) return declared;
  const repeated = declared[f.params.length - 1];
  const head = declared.slice(0, f.params.length - 1);
  if (repeated === null || repeated === undefined) return head;
  return [...head, ...(Array.isArray(repeated) ? (repeated as Raw[]) : [repeated])];
}

export function registerFunctions(addin: AddIn): void {
  for (const f of FUNCTIONS.filter((x) => x.addin === addin)) {
    CustomFunctions.associate(f.name, (...excelArgs: unknown[]): Value => {
      const lang = displayLanguage();
      const out = invoke(`${f.addin}.${f.name}`, argumentsFromExcel(f, excelArgs), { lang: lang ?? 'en' });
      if ('value' in out) return out.value;
      const message = lang === 'ja' ? out.messageJa : lang === 'en' ? out.message : `${out.message} ／ ${out.messageJa}`;
      const code = out.error === '#N/A' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
      throw new CustomFunctions.Error(code, message);
    });
  }
}
