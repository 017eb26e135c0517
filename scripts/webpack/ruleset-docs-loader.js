// Webpack loader for the built-in ruleset files (src/core/rulesets/data/*.json) in the production
// bundles: each parameter keeps its value, unit and clause; its `en` sentence, read only by the
// documentation (docs/rules.md, made from lib/), is left out. The values are untouched.
function strip(node) {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  if ('value' in node && 'unit' in node && 'clause' in node) {
    return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'en'));
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, strip(v)]));
}

module.exports = function rulesetDocs(source) {
  const file = JSON.parse(source);
  return JSON.stringify({ ...file, parameters: strip(file.parameters) });
};
module.exports.strip = strip;
