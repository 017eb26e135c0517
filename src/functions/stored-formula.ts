// How Excel keeps a JavaScript custom function in a saved workbook's formula text. Microsoft says
// Excel saves JS custom functions "with a different prefix _xldudf" (OfficeDev/Excel-Custom-Functions
// #108) and that a formula without it may not recalculate until re-entered; OfficeDev/office-js#2568
// and #5611 show the prefix in saved files. That the namespace's dot becomes an underscore is what
// workbooks saved by Excel show in public code, not something Microsoft documents: a public repro of
// the #NAME? problem unzips =CONTOSO.ADD(1,2), entered with the add-in loaded, as
// _xldudf_CONTOSO_ADD(1,2) (and _xldudf_CX_GET, _xldudf_CS_SPARK_XCALL elsewhere). So the samples
// are written that way, and the reader accepts the dotted form and the plain name as well.

import { FUNCTIONS, FnDecl, fullName } from './registry';

const PREFIX = '_xldudf_';

/** The name Excel writes into the file for one of our functions: ALT.PAY → _xldudf_ALT_PAY. */
export function storedName(f: FnDecl): string {
  return `${PREFIX}${f.addin}_${f.name}`;
}

const BY_STORED = new Map<string, FnDecl>();
for (const f of FUNCTIONS) {
  BY_STORED.set(storedName(f).toUpperCase(), f);
  BY_STORED.set(`${PREFIX}${fullName(f)}`.toUpperCase(), f);
  BY_STORED.set(fullName(f).toUpperCase(), f);
}

/**
 * The function a formula's name token stands for, as Excel may have saved it: `_xldudf_ALT_PAY`,
 * `_xldudf_ALT.PAY`, `ALT.PAY`, also behind a stray external-link prefix such as `[2]!`
 * (OfficeDev/office-js#2568). Undefined for anything else.
 */
export function functionOfStoredName(token: string): FnDecl | undefined {
  return BY_STORED.get(token.replace(/^(?:\[\d+\]|[^!()"]*\.xla[mx]?)!/i, '').toUpperCase());
}

/** Excel's formula text for a call of ours, with the given argument texts. */
export function storedFormula(name: string, args: string[]): string {
  const f = FUNCTIONS.find((x) => fullName(x) === name);
  if (!f) throw new Error(`no function ${name}`);
  return `${storedName(f)}(${args.join(',')})`;
}
