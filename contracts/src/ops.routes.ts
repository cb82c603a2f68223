import { PUBLIC, defineRoute } from './route';
import { z } from './zod';

export const Health = z.object({ status: z.literal('ok') }).openapi('Health');
export const Readiness = z
  .object({
    status: z.enum(['ready', 'degraded', 'unavailable']),
    checks: z.record(z.string(), z.object({ status: z.enum(['up', 'degraded', 'down']), detail: z.string().optional() })),
  })
  .openapi('Readiness');

export const opsRoutes = {
  health: defineRoute({
    operationId: 'health',
    method: 'get',
    path: '/health',
    summary: 'Liveness: the process answers',
    tag: 'Operations',
    roles: PUBLIC,
    success: { status: 200, schema: Health, description: 'Alive' },
    errors: [],
  }),
  ready: defineRoute({
    operationId: 'ready',
    method: 'get',
    path: '/ready',
    summary: 'Readiness: the event store answers and projections are running',
    tag: 'Operations',
    roles: PUBLIC,
    success: { status: 200, schema: Readiness, description: 'Ready, or degraded (read models lagging, exchange or workflows down)' },
    errors: [],
    otherAnswers: [{ status: 503, schema: Readiness, description: 'Unavailable: the event store does not answer' }],
  }),
} as const;
