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
const json = { 'content-type': 'application/json' };
let subjects = 0;
const incident = () => ({
  type: 'incident',
  topicId: 'dipu-web-portals',
  subject: `Bench incident ${++subjects}`,
  description: 'The municipal website answers with error 500.',
  fields: {},
  impact: { blocksWork: true, affectsOthers: false, affectsCitizens: true },
});

/** Files one ticket through the API, for operations that need one to exist. */
async function fileOne(context: BenchContext, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${context.endpoints.apiUrl}/tickets`, {
    method: 'POST',
    headers: { ...headers, ...json },
    body: JSON.stringify(incident()),
  });
  if (response.status !== 201) throw new Error(`Setup filing failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** Targets of the ticket-intake issue: DynamoDB requests per call and our own overhead at p50. */
const OVERHEAD_P50_MS = 5;

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
    name: 'file ticket',
    targets: { maxDynamoDbRequests: 3, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async ({ token }) => {
      const headers = { ...bearer(await token('citizen')), ...json };
      return () => ({ method: 'POST', path: '/tickets', headers, body: JSON.stringify(incident()) });
    },
  },
  {
    name: 'list my tickets',
    targets: { maxDynamoDbRequests: 1, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async ({ token }) => {
      const headers = bearer(await token('citizen'));
      return () => ({ method: 'GET', path: '/tickets?limit=25', headers });
    },
  },
  {
    name: 'read ticket',
    targets: { maxDynamoDbRequests: 1, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async (context) => {
      const headers = bearer(await context.token('citizen'));
      const id = await fileOne(context, headers);
      return () => ({ method: 'GET', path: `/tickets/${id}`, headers });
    },
  },
  {
    name: 'reply',
    targets: { maxDynamoDbRequests: 2, maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async (context) => {
      const headers = { ...bearer(await context.token('citizen')), ...json };
      // Many tickets, so the thread of each stays the size of a real one.
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push(await fileOne(context, headers));
      let next = 0;
      return () => ({
        method: 'POST',
        path: `/tickets/${ids[next++ % ids.length]}/messages`,
        headers,
        body: JSON.stringify({ body: 'Here is the detail you asked for.' }),
      });
    },
  },
  {
    name: 'topics',
    targets: { maxOverheadP50Ms: OVERHEAD_P50_MS },
    prepare: async () => () => ({ method: 'GET', path: '/topics' }),
  },
  {
    name: 'openapi',
    targets: { maxDynamoDbRequests: 0 },
    prepare: async () => () => ({ method: 'GET', path: '/openapi.json' }),
  },
];
