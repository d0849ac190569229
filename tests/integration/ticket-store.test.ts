import { randomUUID } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import { Conflict } from '../../functions/domain/errors';
import { cryptoIds } from '../../functions/domain/tickets/ids';
import type { MessageRecord, TicketRecord } from '../../functions/domain/tickets/model';
import { type Notification, notificationFor } from '../../functions/domain/tickets/notifications';
import type { NewTicket } from '../../functions/domain/tickets/ports';
import { handler as notify } from '../../functions/jobs/notify';
import { MonthlyCountEntity, OutboxEntity } from '../../functions/store/entities';
import { dynamoTicketStore as store } from '../../functions/store/ticket-store';
import { readMailbox } from '../../lib/local/ses';

const at = new Date().toISOString();

function newTicket(over: Partial<NewTicket> = {}): NewTicket {
  return {
    ticketId: randomUUID(),
    organisationId: `org-${randomUUID().slice(0, 8)}`,
    type: 'incident',
    status: 'open',
    priority: 'P3',
    topicId: 'dipu-web-portals',
    subject: 'Printer on fire',
    description: 'It is on fire.',
    fields: {},
    channel: 'web',
    requesterId: 'user-1',
    requesterName: 'Anna',
    requesterEmail: 'anna@example.org',
    requesterLanguage: 'en',
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...over,
  };
}

const firstMessage = (ticketId: string): MessageRecord => ({
  ticketId,
  messageId: cryptoIds.sortableId(new Date()),
  authorKind: 'requester',
  authorName: 'Anna',
  body: 'It is on fire.',
  internal: false,
  createdAt: at,
});

const created = (ticketId: string) => ({
  ticketId,
  entryId: cryptoIds.sortableId(new Date()),
  action: 'created' as const,
  to: 'open',
  byName: 'Anna',
  at,
});

const mailOnCreate = (ticket: TicketRecord) => [notificationFor('created', ticket, cryptoIds, new Date())];

async function totalCount(organisationId: string) {
  const { data } = await MonthlyCountEntity.get({
    organisationId,
    month: at.slice(0, 7),
    dimension: 'total',
    value: 'all',
  }).go();
  return data?.count ?? 0;
}

describe('filing transaction', () => {
  it('writes ticket, first message, history, counters and the outbox mail together', async () => {
    const fresh = newTicket();
    const ticket = await store.file(fresh, firstMessage(fresh.ticketId), created(fresh.ticketId), 'TEST', mailOnCreate);
    expect(ticket.number).toMatch(/^TEST-\d{4}-000001$/);
    const thread = await store.thread(ticket.ticketId);
    expect(thread?.messages).toHaveLength(1);
    expect(thread?.history).toHaveLength(1);
    expect(await totalCount(ticket.organisationId)).toBe(1);
    const { data } = await OutboxEntity.query.record({ ticketId: ticket.ticketId }).go();
    expect(data.map((item) => item.event)).toEqual(['created']);
  });

  it('leaves nothing behind when the transaction fails', async () => {
    const first = newTicket();
    await store.file(first, firstMessage(first.ticketId), created(first.ticketId), 'TEST', mailOnCreate);
    // Same ticket id again: the ticket put's condition fails and cancels the whole transaction.
    const again = { ...first, subject: 'Second try' };
    await expect(
      store.file(
        again,
        { ...firstMessage(first.ticketId), body: 'second' },
        created(first.ticketId),
        'TEST',
        mailOnCreate,
      ),
    ).rejects.toThrow(Conflict);
    const thread = await store.thread(first.ticketId);
    expect(thread?.ticket.subject).toBe('Printer on fire');
    expect(thread?.messages.map((m) => m.body)).toEqual(['It is on fire.']);
    expect(thread?.history).toHaveLength(1);
    expect(await totalCount(first.organisationId)).toBe(1);
    const { data } = await OutboxEntity.query.record({ ticketId: first.ticketId }).go();
    expect(data).toHaveLength(1);
  });

  it('refuses a stale version when adding a message, writing nothing', async () => {
    const fresh = newTicket();
    const ticket = await store.file(fresh, firstMessage(fresh.ticketId), created(fresh.ticketId), 'TEST', () => []);
    await store.addMessage(ticket, { ...firstMessage(ticket.ticketId), body: 'first reply' }, 'open');
    await expect(
      store.addMessage(ticket, { ...firstMessage(ticket.ticketId), body: 'stale reply' }, 'open'),
    ).rejects.toThrow(Conflict);
    const thread = await store.thread(ticket.ticketId);
    expect(thread?.messages.map((m) => m.body).sort()).toEqual(['It is on fire.', 'first reply']);
    expect(thread?.ticket.version).toBe(2);
  });
});

describe('notify job', () => {
  it('sends each outbox item from a stream batch in the requester’s language, without form fields', async () => {
    const ses = inject('endpoints').services.ses;
    const since = Math.floor(Date.now() / 1000) - 1;
    const number = `TEST-2026-${randomUUID().slice(0, 6)}`;
    const notification: Notification = {
      notificationId: 'n1',
      event: 'info_requested',
      ticketId: randomUUID(),
      number,
      subject: 'Printer',
      requesterName: 'Anna',
      requesterEmail: 'anna@example.org',
      language: 'es',
      guest: false,
      message: 'Which model is it?',
      createdAt: at,
    };
    const event = {
      Records: [{ eventName: 'INSERT', dynamodb: { SequenceNumber: '1', NewImage: marshall(notification) } }],
    } as unknown as DynamoDBStreamEvent;
    const result = await notify(event, { functionName: 'notify', awsRequestId: 'r' } as Context);
    expect(result).toEqual({ batchItemFailures: [] });
    const mails = (await readMailbox(ses, since)).filter((mail) => mail.subject.includes(number));
    expect(mails.map((mail) => mail.subject)).toEqual([`[${number}] Necesitamos más información`]);
    expect(mails[0]?.body.text).toContain('Which model is it?');
  });
});
