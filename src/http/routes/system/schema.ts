import { z } from 'zod';
import { queueStates } from '../../../domain/jobs';

/**
 * The service is up: which database it runs on and how many jobs wait, run or were given up. On the embedded
 * database, while a long transaction holds its one connection: `busy: true` and the depth read at `jobsAt`.
 */
export const healthResponse = z.object({
  status: z.literal('ok'), database: z.enum(['pglite', 'postgres']),
  jobs: z.record(z.enum(queueStates), z.number()),
  busy: z.literal(true).optional(), jobsAt: z.string().optional(),
});

/** The OpenAPI 3.1 document itself (its paths are described by the OpenAPI specification, not here). */
export const openApiResponse = z.object({
  openapi: z.literal('3.1.0'),
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  components: z.object({ securitySchemes: z.record(z.string(), z.record(z.string(), z.unknown())) }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
