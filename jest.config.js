/** Jest runs TypeScript through swc (fast, no type-check: `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2020' } }] },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/scripts/summaryReporter.js'],
};
