// ESM jest with ts-jest; tests run real terraform and local servers, so timeouts are generous.
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } }]
  },
  // All temporary files of a run under one directory, removed at the end (support/scratch-setup.mjs).
  globalSetup: '<rootDir>/__tests__/support/scratch-setup.mjs',
  globalTeardown: '<rootDir>/__tests__/support/scratch-teardown.mjs',
  testTimeout: 180000,
  maxWorkers: 2,
  verbose: false
}
