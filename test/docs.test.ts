import { readFileSync } from 'fs';
import { join } from 'path';
import { withFunctions } from '../scripts/docs';

test('the README function table is the one generated from the registry (npm run docs)', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  expect(readme).toBe(withFunctions(readme));
});

test('the README starts with the two commands a new user needs', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1].trim().split('\n');
  expect(firstBlock).toHaveLength(2);
  expect(firstBlock[0]).toMatch(/^npm ci && npx altrules validate examples\/roster\.xlsx examples\/claims\.xlsx/);
  expect(firstBlock[1]).toMatch(/^npm test\b/);
});
