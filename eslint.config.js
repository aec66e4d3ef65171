// Lint rules (npm run lint, which .ci/run runs): the recommended JavaScript and TypeScript sets,
// plus the house rules a reviewer would otherwise have to remember (docs, STYLE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'neo4j/target/', '.data/', 'coverage/', 'src/api/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Only src/db talks to the driver: records leave it as plain objects (STYLE.md, Code).
    files: ['src/**/*.ts'],
    ignores: ['src/db/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'neo4j-driver', message: 'only src/db imports neo4j-driver' }] }] },
  },
  {
    // Analysis and staffing are pure: data in, result out (STYLE.md, Code).
    files: ['src/analysis/**/*.ts', 'src/staffing/**/*.ts'],
    ignores: [
      'src/analysis/load-snapshot.ts',
      'src/analysis/run-analysis.ts',
      'src/analysis/analysis-service.ts',
      'src/staffing/load-snapshot.ts',
      'src/staffing/staffing.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:fs', 'node:net', 'node:http', 'node:child_process', 'neo4j-driver'].map((name) => ({
            name,
            message: 'analysis and staffing code is pure: I/O lives in load-snapshot.ts and the service files',
          })),
        },
      ],
    },
  },
);
