/**
 * Tests run the TypeScript sources through ts-jest, transpiled only (tsconfig's isolatedModules;
 * type checking is `npm run typecheck`). Two workers at least: many tests wait on a child process
 * (Chromium, LibreOffice, a command), so a second worker uses that time even on two cores (jest's
 * default there is one); four at most, for memory. A test that did not run fails the run
 * (test/support/noSkippedTests.js).
 */
const os = require('node:os');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  transform: {
    '^.+\\.ts$': 'ts-jest',
  },
  maxWorkers: Math.min(Math.max(os.availableParallelism(), 2), 4),
  reporters: ['default', '<rootDir>/test/support/noSkippedTests.js'],
};
