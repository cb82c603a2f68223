export * from './common.schemas';
export * from './families/family.routes';
export * from './families/family.schemas';
export * from './openapi';
export * from './ops.routes';
export * from './problems';
export * from './route';
export * from './routes';
export { z } from './zod';
