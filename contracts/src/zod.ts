import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Adds `.openapi()` to zod schemas so every schema names its OpenAPI component once.
extendZodWithOpenApi(z);

export { z };
