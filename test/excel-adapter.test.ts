// The Excel adapter registers every function of an add-in and turns refusals into
// CustomFunctions.Error with the message Excel shows.

import { FUNCTIONS } from '../src/functions/registry';

class FakeCfError {
  constructor(readonly code: string, readonly message: string) {}
}
const registered = new Map<string, (...args: unknown[]) => unknown>();
(globalThis as Record<string, unknown>).CustomFunctions = {
  associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
  Error: FakeCfError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
};

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

test('values come back as Excel wants them; Excel passes an omitted argument as null', () => {
  expect(registered.get('PAY')!(1, 45139, '2023-08-07', null, null)).toBe(231304);
  expect(registered.get('TERMEND')!('2015-04-08', 'A1', 2, 'USA', '2015-08-02', null, null)).toBe(42584);
});

test('a repeating parameter arrives as one array and is spread out', () => {
  const lines = registered.get('EXPLAINEN')!('PAY', [1, '2023-08-01', '2023-08-07']) as string[][];
  expect(lines[lines.length - 1]).toEqual(['result = ¥231,304']);
});

test('refusals are CustomFunctions.Error: #VALUE! or #N/A, in both languages when Office does not say which', () => {
  let err: FakeCfError | undefined;
  try {
    registered.get('PAY')!(0, null, null, null, null);
  } catch (e) {
    err = e as FakeCfError;
  }
  expect(err).toBeInstanceOf(FakeCfError);
  expect(err!.code).toBe('#VALUE!');
  expect(err!.message).toMatch(/year must be a whole JET year from 1 to 5.*／.*来日年数/);
});

test("messages follow Excel's display language when the runtime tells it", () => {
  (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: 'ja-JP' } };
  expect(() => registered.get('HOLIDAY')!('someday')).toThrow(/^date は日付/);
  (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: 'en-US' } };
  expect(() => registered.get('HOLIDAY')!('someday')).toThrow(/^date must be a date/);
});
