/** Tests run the TypeScript sources through ts-jest (type checking is `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  transform: {
    '^.+\\.ts$': 'ts-jest',
  },
};
