// eslint (issue 13), run by `npm test`: the correctness rules of @eslint/js and typescript-eslint's
// recommended set. Style is left to the authors. Each rule changed below says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['build/', 'out/', 'node_modules/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `catch (e)` without using e is fine (Apps Script's V8 takes it; it reads as "whatever failed").
      '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none', argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Messages for people are rebuilt on purpose (never the raw cause); the lib is ES2020 (no Error cause).
      'preserve-caught-error': 'off',
      // `any` is a typing choice, not a bug: the code uses it at the edges (JSON, Google's objects,
      // test doubles) and tsc --strict checks the rest.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests and the local services load modules lazily (gas-local, a fresh module per test).
    files: ['test/**', 'local/**', 'bench/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Speed is `npm run bench`'s business: a test never reads the wall clock (issue 13).
    files: ['test/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'No wall-clock time in tests: assert counts and results (speed belongs in npm run bench).' },
        { object: 'performance', property: 'now', message: 'No wall-clock time in tests: assert counts and results (speed belongs in npm run bench).' },
        { object: 'process', property: 'hrtime', message: 'No wall-clock time in tests: assert counts and results (speed belongs in npm run bench).' },
      ],
    },
  },
);
