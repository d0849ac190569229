import { overallStatus, type ProbeResult, runProbe } from '../domain/health';
import { httpHandler } from '../http/handler';
import { logger } from '../http/observability';
import { json } from '../http/responses';
import { PROBES } from './health-probes';
import type { Health, ServiceName } from './schemas/health';

const PROBE_TIMEOUT_MS = 2000;

/** GET /health — 200 when every service answers, 503 otherwise; never says why (public route). */
export const handler = httpHandler({}, async () => {
  const entries = await Promise.all(
    Object.entries(PROBES).map(async ([name, probe]) => [name, await runProbe(probe, PROBE_TIMEOUT_MS)] as const),
  );
  for (const [service, result] of entries) {
    if (result.error) logger.warn('Health probe failed', { service, error: result.error });
  }
  const services = Object.fromEntries(
    entries.map(([name, { status, latencyMs }]) => [name, { status, latencyMs }]),
  ) as Record<ServiceName, ProbeResult>;
  const status = overallStatus(services);
  const body: Health = { status, services, checkedAt: new Date().toISOString() };
  return json(status === 'ok' ? 200 : 503, body);
});
