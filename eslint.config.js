const nx = require('@nx/eslint-plugin');

/**
 * Module boundaries by tag (see each project.json):
 * type:domain    pure deciders: import only other domain libs, and no framework, database or broker
 * type:contracts zod schemas of HTTP and Kafka messages; may use the domain's vocabularies
 * type:infra     adapters and read models
 * type:client    the typed HTTP client integrators install
 * type:app       the NestJS shell; type:e2e the end-to-end tests
 * type:web       the caseworker console: contracts' schemas and the typed client only
 *
 * Scopes (scope:* tags) keep capabilities apart; every project carries exactly one:
 * scope:<capability>  a capability's domain library (family, request, offer, partnership, support,
 *                     audit, partner-facts, webhooks): itself and scope:shared, plus the capabilities
 *                     named in `capabilityDependencies` (a request states its needs in the family's
 *                     vocabulary; a partner's request is recorded in our request's; a webhook
 *                     subscription names events on family, offer and request streams)
 * scope:workflows     process managers across aggregates: scope:shared and every capability
 * scope:shared        what any scope may build on (domain-core, event-store, exchange, contracts,
 *                     read-models, anonymize, matching, api-client): scope:shared, and the capabilities'
 *                     vocabularies (contracts has every capability's routes, read-models folds every
 *                     capability's events), never workflows or an app; the shared domain kernel
 *                     (type:domain + scope:shared, i.e. domain-core) depends on scope:shared only
 * scope:app           api, web, e2e: anything their type:* tag allows
 * A new capability library adds its scope here; tools/check-folder-cycles.ts does the same job for
 * the folders of apps/api/src.
 */
const capabilityDependencies = {
  family: [],
  request: ['family'],
  offer: [],
  partnership: [],
  support: [],
  audit: [],
  'partner-facts': ['request'],
  webhooks: ['family', 'offer', 'request', 'partner-facts'],
};
const capabilityScopes = Object.keys(capabilityDependencies).map((name) => `scope:${name}`);
const scopeConstraints = [
  ...Object.entries(capabilityDependencies).map(([name, uses]) => ({
    sourceTag: `scope:${name}`,
    onlyDependOnLibsWithTags: ['scope:shared', `scope:${name}`, ...uses.map((used) => `scope:${used}`)],
  })),
  { sourceTag: 'scope:workflows', onlyDependOnLibsWithTags: ['scope:shared', 'scope:workflows', ...capabilityScopes] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', ...capabilityScopes] },
  { allSourceTags: ['type:domain', 'scope:shared'], onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['*'] },
];

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
            ...scopeConstraints,
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
