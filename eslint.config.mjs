import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.bench-dist/**', 'node_modules/**', 'console/dist/**', 'coverage/**', '*.js', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // libs/ are framework-free: the content model, diff engine and media store never see Nest or TypeORM.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', '../../src/**', '../../../src/**'],
              message: 'libs/ must not import Nest, TypeORM or src/',
            },
          ],
        },
      ],
    },
  },
  {
    // The CLI is a client of the public HTTP API only: it never reaches into the service's code.
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', '../src/**', '../../src/**', '../libs/**', '../../libs/**'],
              message: 'cli/ talks to the API over HTTP only',
            },
          ],
        },
      ],
    },
  },
  {
    // A feature uses another only through the service its module exports: its repository is its own.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+[^/]+/.*\\.repository$',
              message: "Another feature's repository is private to it: use the service its module exports.",
            },
          ],
        },
      ],
    },
  },
);
