// The one behaviour of the Excel adapter that Microsoft's runtime cannot show in test/runtime.test.ts:
// choosing the message language from Office.context.displayLanguage. In Excel that value comes from
// the host's app context, which the shipped custom-functions-runtime.js does not hold, so a stand-in
// for `CustomFunctions` and `Office.context` is kept here and nowhere else. What it models:
//  - CustomFunctions.associate(id, fn), CustomFunctions.Error(code, message) and ErrorCode
//    (@types/custom-functions-runtime, index.d.ts);
//  - Excel passes one value per declared parameter (null when omitted) and then an Invocation object
//    (custom-functions-runtime.js, `message.parameterValues.push(invocationContext)`);
//  - Office.context.displayLanguage is a language tag such as "ja-JP" (@types/office-js, Office.Context).

import { FUNCTIONS } from '../src/functions/registry';

class StubCfError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}
const registered = new Map<string, (...args: unknown[]) => unknown>();
(globalThis as Record<string, unknown>).CustomFunctions = {
  associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
  Error: StubCfError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
};
const invocation = { functionName: 'HOLIDAY', address: 'Sheet1!A1', parameterAddresses: null };

beforeAll(async () => {
  const { registerFunctions } = await import('../src/functions/excel');
  registerFunctions('ALT');
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

test('every ALT function is associated under its metadata id, and no CLAIR one', () => {
  expect([...registered.keys()].sort()).toEqual(FUNCTIONS.filter((f) => f.addin === 'ALT').map((f) => f.name).sort());
});

test("messages follow Excel's display language when Office.context reports it", () => {
  (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: 'ja-JP' } };
  expect(() => registered.get('HOLIDAY')!('someday', invocation)).toThrow(/^日付は日付/); // the parameter's Japanese name, no stray space
  (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: 'en-US' } };
  expect(() => registered.get('HOLIDAY')!('someday', invocation)).toThrow(/^date must be a date/);
});

test('without a display language the message carries both languages', () => {
  expect(() => registered.get('HOLIDAY')!('someday', invocation)).toThrow(/^date must be a date.* ／ 日付は日付/);
});
