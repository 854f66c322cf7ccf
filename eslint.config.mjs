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
  {
    // Every repository method takes the caller's transaction the same way: `tx` first, required, and every
    // statement runs on it (outside a transaction the caller passes `transactions.autocommit`).
    files: ['src/**/*.repository.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MethodDefinition[kind='method'] > FunctionExpression[params.length=0]",
          message: 'A repository method takes `tx: EntityManager` as its first parameter.',
        },
        {
          selector:
            "MethodDefinition[kind='method'] > FunctionExpression > :first-child.params:not(Identifier[name='tx'][optional!=true]:has(Identifier.typeName[name='EntityManager']))",
          message: 'A repository method takes `tx: EntityManager` as its first parameter (required, no default).',
        },
        {
          selector: "MemberExpression[object.type='ThisExpression'][property.name='dataSource']",
          message:
            'A repository runs every statement on the `tx` its caller passes: no this.dataSource, no default tx.',
        },
        {
          selector: "MethodDefinition[kind='constructor'] TSTypeReference > Identifier.typeName[name='DataSource']",
          message: 'A repository does not inject DataSource: its callers pass the transaction.',
        },
      ],
    },
  },
);
