import 'reflect-metadata';
import { signDevToken, type DevKeys } from './platform/auth/dev-keys';
import { ConfigError, loadConfig, type AppConfig } from './platform/config/config';
import { createApp, logger } from './create-app';
import { seedDemoFederation } from './infrastructure/demo/demo-federation';
import { DEMO_MUNICIPALITIES, seedDemoData } from './infrastructure/demo/demo-seed';

async function main(): Promise<void> {
  // Whatever the node creates is its own alone (data files are also created 600 explicitly).
  process.umask(0o077);
  const config = loadConfig();
  const { app, runtime } = await createApp(config);
  if (config.SEED_DEMO_DATA && (await seedDemoData(runtime.gateway, runtime.eventStore, runtime.clock()))) {
    await seedDemoFederation(runtime);
    await runtime.federation.reconcile();
    process.stdout.write(`Seeded demo data for ${DEMO_MUNICIPALITIES.map((m) => `${m.name} ${m.code}`).join(', ')}\n`);
  }
  // Approvals and requests that ran out are expired by the workflows on each tick.
  const sweep = () => runtime.sweep().catch((error) => logger.error(error));
  await sweep();
  setInterval(sweep, config.APPROVAL_EXPIRY_SWEEP_MS).unref();
  await app.listen(config.PORT, config.HOST);
  const base = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${(app.getHttpServer().address() as { port: number }).port}`;
  process.stdout.write(
    [
      '',
      `familybank console:      ${base}/`,
      `  API listening on ${base}`,
      `  API docs (Swagger UI): ${base}/docs`,
      `  OpenAPI document:      ${base}/openapi.json`,
      `  Data directory:        ${config.DATA_DIR}`,
      ...(runtime.devKeys ? await devTokenLines(runtime.devKeys, config) : [`  Tokens from:           ${config.JWT_ISSUER} (audience ${config.JWT_AUDIENCE})`]),
      '',
    ].join('\n') + '\n',
  );
}

/** Only the embedded default prints a token (its own development issuer; never in production). */
async function devTokenLines(devKeys: DevKeys, config: AppConfig): Promise<string[]> {
  const tokenMunicipality = config.MUNICIPALITIES[0] ?? DEMO_MUNICIPALITIES[0].code;
  const lifetime = Math.min(8 * 3600, config.JWT_MAX_LIFETIME_SECONDS);
  const token = await signDevToken(devKeys, {
    municipality: tokenMunicipality,
    roles: ['caseworker', 'approver'],
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    expiresIn: `${lifetime}s`,
    maxLifetimeSeconds: config.JWT_MAX_LIFETIME_SECONDS,
  });
  return [
    `  Dev token (municipality ${tokenMunicipality}, caseworker+approver, ${lifetime / 3600} h):`,
    `    ${token}`,
    `  More tokens: npm run token -- --municipality 0265 --role caseworker`,
  ];
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
