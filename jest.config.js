/** Jest runs TypeScript through swc (fast, no type-check: `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2020' } }] },
  // A safety net for a hung test, not a speed check: a busy 2-core machine runs the dry-run tests
  // several times slower than an idle one (speed is measured in npm run bench).
  testTimeout: 600000,
  reporters: ['default', '<rootDir>/scripts/summaryReporter.js'],
};
