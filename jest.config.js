/** Two projects: fast unit tests of pure logic, and end-to-end tests against real PostgreSQL, Redis and BullMQ. */
const swc = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
const transform = { '^.+\\.(t|j)s$': ['@swc/jest', swc] };
const setupFiles = ['reflect-metadata'];
// Nest 12 and otplib's audited crypto (@noble, @scure) ship ES modules; jest's CommonJS runtime needs them compiled
const transformIgnorePatterns = ['/node_modules/(?!(@nestjs|otplib|@otplib|@noble|@scure)/)'];
const moduleNameMapper = { '^@prystan/(.*)$': '<rootDir>/libs/$1/src' };
module.exports = {
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'], transform, transformIgnorePatterns, moduleNameMapper, setupFiles, testEnvironment: 'node' },
    { displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e.ts'], transform, transformIgnorePatterns, moduleNameMapper, setupFiles, testEnvironment: 'node', setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'], slowTestThreshold: 30 },
    // faults: real processes killed and dependencies restarted (npm run test:faults)
    { displayName: 'faults', testMatch: ['<rootDir>/test/faults/*.faults.ts'], transform, transformIgnorePatterns, moduleNameMapper, setupFiles, testEnvironment: 'node', setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'] },
    { displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser.ts'], transform, transformIgnorePatterns, moduleNameMapper, setupFiles, testEnvironment: 'node', setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'] },
  ],
};
