import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';

// This file's functions run with tight limits (module state is per test file): 2 per address
// and 3 per client an hour. The stage's own limits are set in lib/config.ts.
vi.hoisted(() => {
  process.env.FILING_LIMITS = JSON.stringify({ perAddress: { hour: 2, day: 10 }, perClient: { hour: 3, day: 10 } });
});

const { handler } = await import('../../functions/tickets/api/public-tickets');
const context = { functionName: 'publicTickets', awsRequestId: 'r' } as Context;

/** A guest filing as API Gateway would deliver it, from `client`. */
function guestFiling(email: string, client: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /public/tickets',
    rawPath: '/public/tickets',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    requestContext: {
      http: { method: 'POST', path: '/public/tickets', protocol: 'HTTP/1.1', sourceIp: client, userAgent: 'test' },
      requestId: randomUUID(),
      routeKey: 'POST /public/tickets',
    },
    body: JSON.stringify({
      type: 'incident',
      topicId: 'dipu-web-portals',
      subject: 'Portal down',
      description: 'Error 500.',
      requester: { name: 'Guest', email },
    }),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

const file = async (email: string, client: string) =>
  (await handler(guestFiling(email, client), context)) as APIGatewayProxyStructuredResultV2;
const someone = () => `limits-${randomUUID().slice(0, 8)}@example.org`;
const someClient = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 4)}`;

describe('abuse limits on guest filing', () => {
  it('refuse a third ticket from one address within the hour with 429, Retry-After and problem+json', async () => {
    const email = someone();
    expect((await file(email, someClient())).statusCode).toBe(201);
    expect((await file(email.toUpperCase(), someClient())).statusCode).toBe(201);
    const refused = await file(email, someClient());
    expect(refused.statusCode).toBe(429);
    expect(refused.headers?.['content-type']).toBe('application/problem+json');
    const retryAfter = Number(refused.headers?.['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(JSON.parse(String(refused.body))).toMatchObject({
      type: 'https://finestreta.dev/problems/throttled',
      status: 429,
    });
  });

  it('refuse a fourth ticket from one client, whatever addresses it gives', async () => {
    const client = someClient();
    for (let i = 0; i < 3; i++) expect((await file(someone(), client)).statusCode).toBe(201);
    expect((await file(someone(), client)).statusCode).toBe(429);
  });

  it('count only what was filed: refused and invalid requests use up nothing', async () => {
    const email = someone();
    const client = someClient();
    const invalid = { ...guestFiling(email, client), body: '{"type":"incident"}' };
    for (let i = 0; i < 5; i++)
      expect(((await handler(invalid, context)) as { statusCode: number }).statusCode).toBe(400);
    expect((await file(email, client)).statusCode).toBe(201);
    expect((await file(email, client)).statusCode).toBe(201);
  });
});
