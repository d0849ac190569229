import * as z from './zod';

const SERVICES = ['dynamodb', 's3', 'ses', 'cognito'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  services: z.record(z.enum(SERVICES), z.object({ status: z.enum(['ok', 'down']), latencyMs: z.number() })),
  checkedAt: z.iso.datetime(),
});
export type Health = z.infer<typeof Health>;

/** This API's own description (GET /openapi.json). */
export const OpenApiDocument = z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });
