import type { Health, ServiceName } from '../../../contracts/health';
import { OPS_ROUTES } from '../../../contracts/routes/ops';
import { byRoute } from '../../platform/http/handler';
import { reply } from '../../platform/http/responses';
import { logger } from '../../platform/observability';
import { overallStatus, type ProbeResult, runProbe } from '../domain/health';
import { PROBES } from './health-probes';

const PROBE_TIMEOUT_MS = 2000;

/** GET /health — 200 when every service answers, 503 otherwise; never says why (public route). */
export const handler = byRoute(OPS_ROUTES, { 'GET /health': { run: probeAll } });

async function probeAll() {
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
  return status === 'ok' ? reply(200, body) : reply(503, body);
}
