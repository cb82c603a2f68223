import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { consoleMiddleware } from './console.middleware';
import { locateWebAssets } from './web-assets';

/**
 * Serves the caseworker console (apps/web, built by vite) at `/`: one URL for the console, /v1 and /docs.
 * Registered with one line in AppModule.
 */
@Module({})
export class WebModule implements NestModule {
  private static assets: string | undefined;

  static with(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    WebModule.assets = locateWebAssets(env);
    return { module: WebModule };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(consoleMiddleware(WebModule.assets)).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
