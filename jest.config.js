/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  // date-fns is used only as an independent oracle in tests; pin its local time to UTC.
  globalSetup: '<rootDir>/test/global-setup.js',
};
