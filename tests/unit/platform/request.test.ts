import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from '../../../contracts/zod';
import { parseInput } from '../../../functions/platform/http/request';
import { PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from '../../../functions/platform/kernel/errors';

const event = (over: Partial<APIGatewayProxyEventV2>): APIGatewayProxyEventV2 =>
  ({ headers: { 'content-type': 'application/json' }, isBase64Encoded: false, ...over }) as APIGatewayProxyEventV2;

const Body = z.strictObject({
  subject: z.string().check(z.minLength(3)),
  fields: z.strictObject({ count: z.int() }),
});
const Query = z.strictObject({ limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(100))), 25) });
const Headers = z.object({ 'if-match': z.string() });

async function failure(run: () => Promise<unknown>): Promise<ValidationFailed> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ValidationFailed) return error;
    throw error;
  }
  throw new Error('expected a validation failure');
}

describe('parseInput', () => {
  it('returns typed body, query, headers and path parameters', async () => {
    const input = await parseInput(
      { body: Body, query: Query, params: z.object({ ticketId: z.string() }), headers: Headers },
      event({
        body: '{"subject":"Printer","fields":{"count":2}}',
        pathParameters: { ticketId: 't1' },
        headers: { 'content-type': 'application/json', 'if-match': '"3"' },
      }),
    );
    expect(input).toEqual({
      body: { subject: 'Printer', fields: { count: 2 } },
      query: { limit: 25 },
      params: { ticketId: 't1' },
      headers: { 'if-match': '"3"' },
    });
  });

  it('reports every failing field at once, body and query together, with dotted paths', async () => {
    const error = await failure(() =>
      parseInput(
        { body: Body, query: Query, headers: Headers },
        event({ body: '{"subject":"x","fields":{"count":1.5}}', queryStringParameters: { limit: '500' } }),
      ),
    );
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      'fields.count',
      'headers.if-match',
      'query.limit',
      'subject',
    ]);
  });

  it('adds the issues of data-dependent checks when the body is invalid anyway', async () => {
    const error = await failure(() =>
      parseInput({ body: Body }, event({ body: '{"subject":"x","fields":{"count":1}}' }), {
        bodyIssues: async () => [{ path: 'fields.nationalId', message: 'Wrong letter' }],
      }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['subject', 'fields.nationalId']);
  });

  it('rejects unknown fields, naming each one', async () => {
    const error = await failure(() =>
      parseInput({ body: Body }, event({ body: '{"subject":"abc","fields":{"count":1,"x":1},"admin":true}' })),
    );
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'admin', message: 'Unknown field.' },
        { path: 'fields.x', message: 'Unknown field.' },
      ]),
    );
  });

  it('rejects malformed JSON as a validation problem', async () => {
    await expect(parseInput({ body: Body }, event({ body: '{"subject":' }))).rejects.toThrow(ValidationFailed);
  });

  it('refuses bodies over the limit before parsing them', async () => {
    const big = JSON.stringify({ subject: 'a'.repeat(70_000), fields: { count: 1 } });
    await expect(parseInput({ body: Body }, event({ body: big }))).rejects.toThrow(PayloadTooLarge);
    const small = JSON.stringify({ subject: 'a'.repeat(200), fields: { count: 1 } });
    await expect(parseInput({ body: Body }, event({ body: small }), { maxBodyBytes: 100 })).rejects.toThrow(
      PayloadTooLarge,
    );
  });

  it('accepts only JSON bodies', async () => {
    await expect(
      parseInput({ body: Body }, event({ headers: { 'content-type': 'text/plain' }, body: 'hello' })),
    ).rejects.toThrow(UnsupportedMediaType);
  });

  it('decodes base64 bodies as API Gateway sends binary payloads', async () => {
    const body = Buffer.from('{"subject":"Printer","fields":{"count":2}}').toString('base64');
    expect((await parseInput({ body: Body }, event({ body, isBase64Encoded: true }))).body.subject).toBe('Printer');
  });
});
