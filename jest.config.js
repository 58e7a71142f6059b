/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking runs once in `npm test` (tsc --noEmit); ts-jest only transpiles here.
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }] },
  // p-queue and p-timeout ship ESM only; jest's CommonJS runtime needs them transpiled.
  transformIgnorePatterns: ['/node_modules/(?!(p-queue|p-timeout)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Above the default deadline of `eventually` (test/support/harness.ts): a test waits for states, and on a busy
  // machine one test may wait for several; the timeout only bounds a hang.
  testTimeout: 120000,
  // Tests run in a worker process that is replaced once it holds more than this after a test file: the suite's files
  // share one process otherwise (one worker on 2 cores runs in band), and what each leaves behind (big media buffers,
  // module registries) made later files several times slower (jest's shouldRunInBand: a memory limit means workers).
  workerIdleMemoryLimit: '1GB',
};
