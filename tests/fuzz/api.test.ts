import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSpec } from '../../contracts/http';
import { ROUTE_KEYS, ROUTES, type RouteKey } from '../../contracts/routes';
import { type FuzzRequest, gatewayStatuses, requestsFor } from './contract';
import { MALFORMED_ENCODINGS } from './hostile';
import { openProbe, report } from './probe';
import { prepareWorld, type World } from './world';

/**
 * Property-based fuzzing of the whole HTTP API through the local gateway, with requests
 * generated from the OpenAPI document it serves. Whatever is sent, by whoever: never a 5xx;
 * every answer is no-store and nosniff; every 4xx is problem+json (or the gateway's own
 * `{ message }`); and a rejected request leaves the whole table exactly as it was.
 * A failure prints fast-check's seed, path and shrunk request: pass `seed` and `path` to
 * fc.assert to replay it.
 */

/** Runs per property: about 45 s of requests when every property holds, a minute with the stack on two cores. */
const RUNS = 100;
const RUNS_WITHOUT_INPUT = 10;
/** Stops shrinking (and any run) after this long; the failure is still reported with its seed. */
const TIME_LIMIT_MS = 20_000;

let world: World;
let probe: Awaited<ReturnType<typeof openProbe>>;

beforeAll(async () => {
  world = await prepareWorld();
  probe = await openProbe(world.callers, gatewayStatuses(world.document));
}, 90_000);

afterAll(() => probe?.close());

/** The ways an answer can break the promises (see Outcome in probe.ts). */
type Breach = 'crashes' | 'writes' | 'mislabels';

/** Sends one request and throws, with the request and the answer, if its answer shows one of these breaches. */
async function check(breaches: readonly Breach[], method: string, template: string, request: FuzzRequest) {
  const outcome = await probe.send(method, template, request);
  const broken = breaches.flatMap((breach) => outcome[breach]);
  if (broken.length > 0) throw new Error(report(outcome, request.caller, broken));
}

/**
 * Behind the JWT authorizer most callers are real, or little gets past the gateway; on a
 * route for some roles only, mostly those roles, or little gets past the role check.
 */
function callerFor(route: Pick<RouteSpec, 'auth' | 'roles'>) {
  const { real, other } = world.callers;
  const allowed = real.filter((label) => route.roles?.some((role) => label.startsWith(`${role} `)));
  return fc.oneof(
    ...(allowed.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...allowed) }] : []),
    { weight: route.auth === 'jwt' ? 5 : 1, arbitrary: fc.constantFrom(...real) },
    { weight: 1, arbitrary: fc.constantFrom(...other) },
  );
}

/** Every route's requests, checked for some of the breaches. */
async function fuzzRoute(key: RouteKey, breaches: readonly Breach[]) {
  const route: RouteSpec = ROUTES[key];
  const operation = world.document.paths[route.path]?.[route.method.toLowerCase()];
  if (!operation) return expect.fail(`${key} is not in the served document`);
  const hasInput = (operation.parameters ?? []).length > 0 || operation.requestBody !== undefined;
  const requests = requestsFor(world.document, world.known, operation, callerFor(route));
  await fc.assert(
    fc.asyncProperty(requests, (request) => check(breaches, route.method, route.path, request)),
    { numRuns: hasInput ? RUNS : RUNS_WITHOUT_INPUT, skipAllAfterTimeLimit: TIME_LIMIT_MS },
  );
}

describe('the API, whatever it is sent', () => {
  it('serves a document that describes every route of the contract', () => {
    const documented = Object.entries(world.document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual([...ROUTE_KEYS].sort());
  });

  for (const key of ROUTE_KEYS) {
    it(`no input to ${key} produces a 5xx or a partial write`, () => fuzzRoute(key, ['crashes', 'writes']));
    it(`every answer of ${key} carries the security headers and, if a 4xx, is problem+json`, () =>
      fuzzRoute(key, ['mislabels']));
  }

  it('a mis-encoded path, unknown route or unknown method gets a labelled 4xx, never a 5xx', async () => {
    const templates = [
      ...new Set(Object.values(ROUTES).map((route) => route.path)),
      '/{x}',
      '/tickets/{x}/{x}',
      '/public/{x}',
      '/TICKETS/{x}',
      '//tickets/{x}',
    ];
    const request = (caller: string, segment: string): FuzzRequest => ({
      caller,
      params: { ticketId: segment, topicId: segment, x: segment },
      query: [],
      headers: {},
    });
    const citizen = 'citizen (ID token)';
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'),
        fc.constantFrom(...templates),
        fc.constantFrom(...MALFORMED_ENCODINGS),
        callerFor({ auth: 'jwt' }),
        (method, template, segment, caller) =>
          check(['crashes', 'writes', 'mislabels'], method, template, request(caller, segment)),
      ),
      {
        numRuns: RUNS,
        skipAllAfterTimeLimit: TIME_LIMIT_MS,
        examples: [
          ['GET', '/tickets/{ticketId}', '%', citizen],
          ['GET', '/topics/{topicId}', '%E0%A4%A', 'anonymous'],
          ['GET', '/tickets/{ticketId}', '%ZZ', citizen],
        ],
      },
    );
  });
});
