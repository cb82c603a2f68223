import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import swaggerUi from 'swagger-ui-express';
import { buildOpenApiDocument } from '@familybank/contracts';
import { AppModule } from './app.module';
import type { AppConfig } from './platform/config/config';
import { hardenTransport } from './platform/http/transport';
import { openRuntime, type Runtime } from './infrastructure/runtime';
import type { Clock } from './platform/tokens';

export interface FamilybankApp {
  app: INestApplication;
  runtime: Runtime;
  close(): Promise<void>;
}

/** Builds the API on a runtime (stores, keys); shared by `main.ts` and the tests. */
export async function createApp(config: AppConfig, options: { clock?: Clock; logger?: false } = {}): Promise<FamilybankApp> {
  const runtime = await openRuntime(config, options.clock);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(runtime), {
    bodyParser: false,
    logger: options.logger === false ? false : [config.LOG_LEVEL, ...higherLevels(config.LOG_LEVEL)],
  });
  app.disable('x-powered-by');
  // Limits, security headers, CORS, malformed paths and the JSON body parser, before any route.
  hardenTransport(app, config);
  const document = buildOpenApiDocument();
  app.use('/openapi.json', (_request: Request, response: Response) => response.json(document));
  // No validator badge: it would send the document to validator.swagger.io (and the CSP forbids it).
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'familybank API', swaggerOptions: { validatorUrl: null } }));
  app.enableShutdownHooks();
  await app.init();
  await runtime.projections.catchUp();
  await runtime.startFederation();
  return {
    app,
    runtime,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
function higherLevels(level: AppConfig['LOG_LEVEL']) {
  return LEVELS.slice(0, LEVELS.indexOf(level));
}

export const logger = new Logger('familybank');
