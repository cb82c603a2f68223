const nx = require('@nx/eslint-plugin');

/**
 * Module boundaries by tag (see each project.json):
 * type:domain    pure deciders: import only other domain libs, and no framework, database or broker
 * type:contracts zod schemas of HTTP and Kafka messages; may use the domain's vocabularies
 * type:infra     adapters and read models
 * type:client    the typed HTTP client integrators install
 * type:app       the NestJS shell; type:e2e the end-to-end tests
 * type:web       the caseworker console: contracts' schemas and the typed client only
 */
const frameworkImports = ['@nestjs/*', 'express', 'better-sqlite3', 'kafkajs', '@eventstore/*', 'jose', 'rxjs', 'zod'];

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', 'tmp/**', 'reports/**', 'data/**', 'contracts/src/generated/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra'] },
            { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:client'] },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:client'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'error',
      // `!` marks a presence an invariant just established (e.g. a non-empty batch); kept readable.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'tools/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // End-to-end tests drive the API's composition root (createApp, dev keys) from outside the app.
    files: ['test/**'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
