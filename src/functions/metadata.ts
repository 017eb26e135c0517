// Excel's custom-functions metadata, generated from the registry: English, and Japanese from the
// same declarations. Nothing here is written by hand.

import { AddIn, FUNCTIONS, FnDecl, Lang, ParamDecl, ResultKind } from './registry';

export interface ParamMeta {
  name: string;
  description: string;
  type: 'any';
  dimensionality: 'scalar' | 'matrix';
  optional?: boolean;
  repeating?: boolean;
}

export interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  result: { type: 'number' | 'string' | 'boolean' | 'any'; dimensionality: 'scalar' | 'matrix' };
  parameters: ParamMeta[];
}

function resultMeta(r: ResultKind): FunctionMeta['result'] {
  switch (r) {
    case 'number':
    case 'yen':
    case 'date':
    case 'leave':
      return { type: 'number', dimensionality: 'scalar' };
    case 'text':
      return { type: 'string', dimensionality: 'scalar' };
    case 'boolean':
      return { type: 'boolean', dimensionality: 'scalar' };
    case 'spill':
      return { type: 'any', dimensionality: 'matrix' };
    case 'any':
      return { type: 'any', dimensionality: 'scalar' };
  }
}

function paramMeta(p: ParamDecl, lang: Lang): ParamMeta {
  // Every argument arrives as `any`, so that a refusal carries our own message (README "The worksheet functions").
  // Parameter names are localized in each language's file like the descriptions (learn.microsoft.com,
  // "Custom functions naming and localization": each parameter name and description localized).
  const meta: ParamMeta = {
    name: lang === 'ja' ? p.jaName : p.name,
    description: lang === 'ja' ? p.ja : p.en,
    type: 'any',
    dimensionality: p.kind === 'range' ? 'matrix' : 'scalar',
  };
  if (p.optional) meta.optional = true;
  if (p.repeating) meta.repeating = true;
  return meta;
}

export function functionMeta(f: FnDecl, lang: Lang, helpBase?: string): FunctionMeta {
  const meta: FunctionMeta = {
    id: f.name,
    name: f.name,
    description: lang === 'ja' ? f.ja : f.en,
    result: resultMeta(f.result),
    parameters: f.params.map((p) => paramMeta(p, lang)),
  };
  if (helpBase) meta.helpUrl = `${helpBase}#${f.addin.toLowerCase()}${f.name.toLowerCase()}`;
  return meta;
}

/** The functions.json of one add-in in one language. */
export function customFunctionsMetadata(addin: AddIn, lang: Lang, helpBase?: string): { functions: FunctionMeta[] } {
  return { functions: FUNCTIONS.filter((f) => f.addin === addin).map((f) => functionMeta(f, lang, helpBase)) };
}
