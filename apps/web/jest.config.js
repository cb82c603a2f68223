// Component tests run in jsdom; TypeScript and JSX are transpiled by swc; CSS imports are stubbed.
const preset = require('../../jest.preset.js');
const swc = require('../../swc.jest.json');

module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { swcrc: false, ...swc }],
    '^.+\\.tsx$': ['@swc/jest', { swcrc: false, ...swc, jsc: { ...swc.jsc, parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }],
  },
  moduleFileExtensions: ['tsx', 'ts', 'js', 'json'],
  moduleNameMapper: { ...preset.moduleNameMapper, '\\.css$': '<rootDir>/src/testing/style-stub.js' },
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup.ts'],
};
