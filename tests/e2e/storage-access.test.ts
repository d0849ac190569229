import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { fileAs, portalIncident } from '../support/tickets';

/** The gateway runs with metering on in tests: each response says how many DynamoDB requests it made. */
const dynamoRequests = (headers: Headers) => Number(headers.get('x-local-dynamodb-requests'));

describe('DynamoDB access per call (topic catalogue cached by the warm function)', () => {
  it('reads a ticket with its whole thread in one Query and lists tickets in one Query', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    await api('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    const read = await api('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(dynamoRequests(read.headers)).toBe(1);
    const list = await api('GET', '/tickets?limit=5', { as: 'citizen' });
    expect(dynamoRequests(list.headers)).toBe(1);
  });

  it('files a ticket with at most three requests and replies with at most two', async () => {
    await fileAs('citizen', portalIncident());
    const filed = await api<{ id: string }>('POST', '/tickets', { as: 'citizen', body: portalIncident() });
    expect(filed.status).toBe(201);
    expect(dynamoRequests(filed.headers)).toBeLessThanOrEqual(3);
    const reply = await api('POST', `/tickets/${filed.body.id}/messages`, {
      as: 'citizen',
      body: { body: 'More detail.' },
    });
    expect(reply.status).toBe(201);
    expect(dynamoRequests(reply.headers)).toBeLessThanOrEqual(2);
  });
});
