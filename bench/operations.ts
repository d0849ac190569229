import type { LocalEndpoints } from '../lib/local/stack';

export interface BenchRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface BenchContext {
  readonly endpoints: LocalEndpoints;
  /** A real ID token for a demo role. */
  token(role: string): Promise<string>;
}

export interface BenchOperation {
  readonly name: string;
  /** Targets checked by the benchmark (never by tests): a miss is reported and fails the run. */
  readonly targets?: { readonly maxDynamoDbRequests?: number; readonly maxOverheadP50Ms?: number };
  /** Creates what the operation needs once, and returns a factory for each request. */
  prepare(context: BenchContext): Promise<() => BenchRequest>;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Every API operation the benchmark drives; feature work adds its own here. */
export const OPERATIONS: readonly BenchOperation[] = [
  {
    name: 'health',
    prepare: async () => () => ({ method: 'GET', path: '/health' }),
  },
  {
    name: 'me',
    targets: { maxDynamoDbRequests: 0 },
    prepare: async ({ token }) => {
      const headers = bearer(await token('citizen'));
      return () => ({ method: 'GET', path: '/me', headers });
    },
  },
  {
    name: 'openapi',
    targets: { maxDynamoDbRequests: 0 },
    prepare: async () => () => ({ method: 'GET', path: '/openapi.json' }),
  },
];
