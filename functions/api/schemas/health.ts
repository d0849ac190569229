import { z } from 'zod';

export const SERVICES = ['dynamodb', 's3', 'ses', 'cognito'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const ServiceHealthSchema = z.object({
  status: z.enum(['ok', 'down']),
  latencyMs: z.number(),
});

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    services: z.record(z.enum(SERVICES), ServiceHealthSchema),
    checkedAt: z.iso.datetime(),
  })
  .meta({ id: 'Health', description: 'Whether each backing service answers' });

export type Health = z.infer<typeof HealthSchema>;
