// The thin Excel adapter: registers the registry's functions with Excel's custom-functions runtime.
// The functions are pure and need no Excel API, so they run in the JavaScript-only runtime.

import { AddIn, FUNCTIONS, Lang, Value, invoke } from './registry';
import type { Raw } from './coerce';

/** Excel's display language where the runtime tells it; otherwise messages go in both languages. */
function displayLanguage(): Lang | undefined {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    const tag = office?.context?.displayLanguage;
    if (typeof tag === 'string' && tag) return tag.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  } catch {
    // Office.context is missing in some desktop runtimes (OfficeDev/office-js#769).
  }
  return undefined;
}

export function registerFunctions(addin: AddIn): void {
  for (const f of FUNCTIONS.filter((x) => x.addin === addin)) {
    const repeating = f.params.some((p) => p.repeating);
    CustomFunctions.associate(f.name, (...args: unknown[]): Value => {
      // A repeating last parameter arrives as one array of its values.
      const flat = repeating ? [...args.slice(0, f.params.length - 1), ...((args[f.params.length - 1] as Raw[] | undefined) ?? [])] : args;
      const lang = displayLanguage();
      const out = invoke(`${f.addin}.${f.name}`, flat as Raw[], { lang: lang ?? 'en' });
      if ('value' in out) return out.value;
      const message = lang === 'ja' ? out.messageJa : lang === 'en' ? out.message : `${out.message} ／ ${out.messageJa}`;
      const code = out.error === '#N/A' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
      throw new CustomFunctions.Error(code, message);
    });
  }
}
