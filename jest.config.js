// @swc/jest transpiles the ESM-only packages (NestJS 12, jsondiffpatch) to CommonJS. Jest 30 require()s them
// natively on Node 24 only under --experimental-vm-modules (without it: "Must use import to load ES Module"),
// an experimental flag every jest command would need. Type checking is `npm run typecheck`'s job.
const esmOnly = ['@nestjs', 'jsondiffpatch', '@dmsnell/diff-match-patch', 'pixelmatch'];
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: '.*\\.(e2e-)?spec\\.ts$',
  roots: ['<rootDir>/libs', '<rootDir>/src', '<rootDir>/cli', '<rootDir>/test'],
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  globalSetup: '<rootDir>/test/global-setup.ts',
  setupFiles: ['<rootDir>/test/worker-isolation.ts'],
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
};
