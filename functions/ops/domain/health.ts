export interface ProbeResult {
  readonly status: 'ok' | 'down';
  readonly latencyMs: number;
  /** Why it is down; for the operators' logs, never for the public response. */
  readonly error?: string;
}

/** Runs one probe with a deadline; a probe never throws, it reports `down`. */
export async function runProbe(
  probe: (signal: AbortSignal) => Promise<unknown>,
  timeoutMs: number,
  now: () => number = performance.now.bind(performance),
): Promise<ProbeResult> {
  const started = now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    await probe(signal);
    return { status: 'ok', latencyMs: Math.round(now() - started) };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { status: 'down', latencyMs: Math.round(now() - started), error: reason };
  }
}

export function overallStatus(results: Record<string, ProbeResult>): 'ok' | 'degraded' {
  return Object.values(results).every((result) => result.status === 'ok') ? 'ok' : 'degraded';
}
