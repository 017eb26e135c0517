// Webpack loader for the functions bundle: drops what only documentation reads from each
// function declaration — its description (`en`, `ja`) and its `example` — after ts-loader.
// Excel reads the descriptions from the generated functions.json, the help page and the CLI from
// lib/, so the bundle needs only names, parameters and the implementations. Parameters keep their
// texts: the "is required" message quotes them.
const ts = require('typescript');

const DOC_ONLY = new Set(['en', 'ja', 'example']);

function isDeclaration(node) {
  if (!ts.isObjectLiteralExpression(node)) return false;
  const names = new Set(node.properties.map((p) => p.name && ts.isIdentifier(p.name) && p.name.text).filter(Boolean));
  return names.has('addin') && names.has('params') && names.has('run');
}

module.exports = function stripDocs(source) {
  const file = ts.createSourceFile('x.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const cuts = [];
  const visit = (node) => {
    if (isDeclaration(node)) {
      const props = node.properties;
      props.forEach((p, i) => {
        const name = p.name && ts.isIdentifier(p.name) ? p.name.text : undefined;
        if (!DOC_ONLY.has(name)) return;
        // "p, " up to the next property; the last one from the previous property's end.
        if (i + 1 < props.length) cuts.push([p.getStart(file), props[i + 1].getStart(file)]);
        else cuts.push([i > 0 ? props[i - 1].end : p.getStart(file), p.end]);
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const [from, to] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + out.slice(to);
  return out;
};
