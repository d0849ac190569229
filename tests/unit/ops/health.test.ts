import { describe, expect, it } from 'vitest';
import { overallStatus, runProbe } from '../../../functions/ops/domain/health';

describe('health probes', () => {
  it('reports ok with the latency when the probe answers', async () => {
    let t = 0;
    const result = await runProbe(
      async () => {},
      1000,
      () => (t += 7),
    );
    expect(result).toEqual({ status: 'ok', latencyMs: 7 });
  });

  it('reports down, with the reason for the logs, when the probe throws', async () => {
    const result = await runProbe(async () => {
      throw new Error('ECONNREFUSED');
    }, 1000);
    expect(result).toMatchObject({ status: 'down', error: 'Error: ECONNREFUSED' });
  });

  it('reports down when the probe outlives its deadline', async () => {
    const result = await runProbe(
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      20,
    );
    expect(result.status).toBe('down');
  });

  it('is degraded as soon as one service is down', () => {
    expect(overallStatus({ a: { status: 'ok', latencyMs: 1 }, b: { status: 'ok', latencyMs: 1 } })).toBe('ok');
    expect(overallStatus({ a: { status: 'ok', latencyMs: 1 }, b: { status: 'down', latencyMs: 1 } })).toBe('degraded');
  });
});
