// docs/ruleset.schema.json: generated from the zod schema (npm run docs), current, and every
// built-in ruleset file validates against it with an independent validator (ajv, draft-07).

import Ajv from 'ajv';
import { readFileSync } from 'fs';
import { join } from 'path';
import { RULESET_FILES } from '../src/core';
import { rulesetSchemaText } from '../scripts/ruleset-schema';

const FILE = join(__dirname, '..', 'docs', 'ruleset.schema.json');
const schema = JSON.parse(readFileSync(FILE, 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

test('docs/ruleset.schema.json is the one generated from the zod schema (run npm run docs)', () => {
  expect(readFileSync(FILE, 'utf8')).toBe(rulesetSchemaText());
});

test.each(RULESET_FILES.map((f) => [f.id, f] as const))('built-in %s validates against it', (_id, file) => {
  expect([validate(file), validate.errors ?? []]).toEqual([true, []]);
});

test('a file with pay day 35 and a misspelt parameter does not, and the errors name them', () => {
  const file = JSON.parse(JSON.stringify(RULESET_FILES.find((f) => f.id === 'saitama-alt-r5')));
  file.parameters.pay.payDay.value = 35; // Art 7.2 pay day: the schema allows 1..28
  file.parameters.pay.payDya = { value: 1, unit: 'day', clause: 'Art 7.2' };
  expect(validate(file)).toBe(false);
  const seen = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  expect(seen).toEqual(expect.arrayContaining([expect.stringMatching(/^\/parameters\/pay\/payDay\/value must be <= 28/), expect.stringMatching(/^\/parameters\/pay must NOT have additional properties .*payDya/)]));
});
