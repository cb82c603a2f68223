import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';
import swaggerUi from 'swagger-ui-express';
import { apiRoutes, buildOpenApiDocument } from '@familybank/contracts';
import { AppModule } from './app.module';
import type { AppConfig } from './platform/config/config';
import { methodNotAllowed } from './platform/http/method-not-allowed';
import { ProblemFilter } from './platform/http/problem.filter';
import { openRuntime, type Runtime } from './infrastructure/runtime';
import type { Clock } from './platform/tokens';

export const BODY_LIMIT = '1mb';

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
  app.use(methodNotAllowed(Object.values(apiRoutes)));
  app.use(json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use(bodyParserErrors());
  const document = buildOpenApiDocument();
  app.use('/openapi.json', (_request: Request, response: Response) => response.json(document));
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'familybank API' }));
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

/** Errors of the body parser happen before Nest's pipeline, so they are turned into problems here. */
function bodyParserErrors() {
  const filter = new ProblemFilter();
  return (error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (!error) return next();
    const problem = filter.toProblem(error, request.originalUrl);
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  };
}

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
function higherLevels(level: AppConfig['LOG_LEVEL']) {
  return LEVELS.slice(0, LEVELS.indexOf(level));
}

export const logger = new Logger('familybank');
