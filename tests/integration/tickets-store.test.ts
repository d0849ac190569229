import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxPut } from '../../functions/mail';
import type { OutboxMessage } from '../../functions/mail/domain/outbox';
import { cryptoIds } from '../../functions/platform/ids';
import { Conflict, Throttled, ValidationFailed } from '../../functions/platform/kernel/errors';
import { KEYS } from '../../functions/platform/table/keys';
import { getItem } from '../../functions/platform/table/table';
import { saveProfile } from '../../functions/profiles';
import { DIMENSIONS, monthOf, TICKET_COUNTS } from '../../functions/reports';
import { DEFAULT_TIME_ZONE } from '../../functions/sla/domain/index';
import type { LimitCounter } from '../../functions/tickets/domain/limits';
import type { MessageRecord, NewTicket, TicketRecord } from '../../functions/tickets/domain/model';
import { notificationFor } from '../../functions/tickets/domain/notifications';
import { dynamoTicketStore as store } from '../../functions/tickets/store';

const at = new Date().toISOString();

function newTicket(over: Partial<NewTicket> = {}): NewTicket {
  return {
    ticketId: randomUUID(),
    organisationId: `org-${randomUUID().slice(0, 8)}`,
    type: 'incident',
    status: 'open',
    priority: 'P3',
    topicId: 'dipu-web-portals',
    topicPaths: { ca: ['Portals web'], es: ['Portales web'], oc: ['Portaus web'], en: ['Web portals'] },
    subject: 'Printer on fire',
    description: 'It is on fire.',
    fields: {},
    channel: 'web',
    requesterId: 'user-1',
    requesterName: 'Anna',
    teamId: 'dipu-web',
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

const outboxOf: OutboxMessage[] = [];
const mailOnCreate = (ticket: TicketRecord) => {
  const message = notificationFor('created', ticket, cryptoIds, new Date());
  outboxOf.push(message);
  return [message];
};

// The creation mails these tests queue go to this requester once the outbox delivers them.
beforeAll(() =>
  saveProfile({
    userId: 'user-1',
    name: 'Anna',
    email: 'anna@example.org',
    emailVerified: true,
    language: 'en',
    createdAt: at,
    updatedAt: at,
  }),
);

async function totalCount(organisationId: string) {
  // An organisation the catalogue does not know counts in the default time zone.
  const month = monthOf(at, DEFAULT_TIME_ZONE);
  const counter = await getItem(KEYS.monthlyCount(organisationId, month, DIMENSIONS.tickets, TICKET_COUNTS.received));
  return counter?.count ?? 0;
}

describe('filing transaction', () => {
  it('writes ticket, first message, history, counters and the outbox mail together', async () => {
    const fresh = newTicket();
    const ticket = await store.file(
      fresh,
      firstMessage(fresh.ticketId),
      created(fresh.ticketId),
      'TEST',
      mailOnCreate,
      [],
    );
    expect(ticket.number).toMatch(/^TEST-\d{4}-000001$/);
    const thread = await store.thread(ticket.ticketId);
    expect(thread.ticket).toEqual(ticket);
    expect(thread.messages).toHaveLength(1);
    expect(thread.history).toHaveLength(1);
    expect(await totalCount(ticket.organisationId)).toBe(1);
    const mail = outboxOf.find((message) => message.ticketId === ticket.ticketId);
    expect(await getItem(KEYS.outbox(ticket.ticketId, mail?.notificationId ?? ''))).toMatchObject({
      event: 'created',
      ticketId: ticket.ticketId,
    });
  });

  it('leaves nothing behind when the transaction fails', async () => {
    const first = newTicket();
    await store.file(first, firstMessage(first.ticketId), created(first.ticketId), 'TEST', mailOnCreate, []);
    // Same ticket id again: the ticket put's condition fails and cancels the whole transaction.
    const again = { ...first, subject: 'Second try' };
    const mailsBefore = outboxOf.length;
    await expect(
      store.file(
        again,
        { ...firstMessage(first.ticketId), body: 'second' },
        created(first.ticketId),
        'TEST',
        mailOnCreate,
        [],
      ),
    ).rejects.toThrow(Conflict);
    const thread = await store.thread(first.ticketId);
    expect(thread.ticket?.subject).toBe('Printer on fire');
    expect(thread.messages.map((m) => m.body)).toEqual(['It is on fire.']);
    expect(thread.history).toHaveLength(1);
    expect(await totalCount(first.organisationId)).toBe(1);
    expect(await getItem(KEYS.outbox(first.ticketId, outboxOf[mailsBefore]?.notificationId ?? ''))).toBeUndefined();
  });

  it('adds every message written from the same read of the ticket, each one counting in its version', async () => {
    const fresh = newTicket();
    const ticket = await store.file(fresh, firstMessage(fresh.ticketId), created(fresh.ticketId), 'TEST', () => [], []);
    await Promise.all(
      ['one answer', 'another answer'].map((body) =>
        store.addMessage(ticket, { ...firstMessage(ticket.ticketId), messageId: randomUUID(), body }, 'open'),
      ),
    );
    const thread = await store.thread(ticket.ticketId);
    expect(thread.messages.map((m) => m.body).sort()).toEqual(['It is on fire.', 'another answer', 'one answer']);
    expect(thread.ticket?.version).toBe(3);
  });

  it('refuses a message whose lifecycle step started from a status the ticket has left, writing nothing', async () => {
    const fresh = newTicket();
    const ticket = await store.file(fresh, firstMessage(fresh.ticketId), created(fresh.ticketId), 'TEST', () => [], []);
    await store.addMessage(
      ticket,
      { ...firstMessage(ticket.ticketId), body: 'could you send a photo?' },
      'waiting_on_requester',
    );
    await expect(
      store.addMessage(ticket, { ...firstMessage(ticket.ticketId), body: 'read while open' }, 'open'),
    ).rejects.toThrow(Conflict);
    const thread = await store.thread(ticket.ticketId);
    expect(thread.messages.map((m) => m.body).sort()).toEqual(['It is on fire.', 'could you send a photo?']);
    expect(thread.ticket).toMatchObject({ status: 'waiting_on_requester', version: 2 });
  });

  it('keeps the first response of the SLA clock that landed first when replies race, and writes the clock on a status change', async () => {
    const clock = { firstResponseDueAt: at, resolutionDueAt: at, pausedMinutes: 0 };
    const fresh = newTicket({ sla: clock });
    const ticket = await store.file(fresh, firstMessage(fresh.ticketId), created(fresh.ticketId), 'TEST', () => [], []);
    const reply = (body: string) => ({ ...firstMessage(ticket.ticketId), messageId: randomUUID(), body });
    // Two answers read the ticket before either landed: the second must not move the first response.
    await store.addMessage(ticket, reply('first'), 'open', undefined, [], {
      ...clock,
      firstRespondedAt: '2026-11-23T10:00:00.000Z',
    });
    await store.addMessage(ticket, reply('second'), 'open', undefined, [], {
      ...clock,
      firstRespondedAt: '2026-11-23T10:05:00.000Z',
    });
    expect((await store.ticket(ticket.ticketId))?.sla?.firstRespondedAt).toBe('2026-11-23T10:00:00.000Z');
    const stored = (await store.ticket(ticket.ticketId)) as TicketRecord;
    const paused = { ...(stored.sla as NonNullable<TicketRecord['sla']>), pausedSince: '2026-11-23T11:00:00.000Z' };
    await store.addMessage(stored, reply('which page?'), 'waiting_on_requester', undefined, [], paused);
    expect((await store.ticket(ticket.ticketId))?.sla).toEqual(paused);
  });

  it('keeps the sweeper’s marks of alerts sent when a status change read the ticket before the sweep wrote them', async () => {
    const due = '2026-11-23T12:00:00.000Z';
    const clock = { firstResponseDueAt: due, resolutionDueAt: due, pausedMinutes: 0 };
    const fresh = newTicket({ sla: clock });
    const ticket = await store.file(fresh, firstMessage(fresh.ticketId), created(fresh.ticketId), 'TEST', () => [], []);
    // The sweeper warns (and records it); a staff request for information read the ticket before that.
    const warned = { ...clock, warned: { firstResponse: due } };
    await store.update({ before: ticket, after: { ...ticket, sla: warned, version: 2 }, expectedVersion: 1 });
    const asked = { ...clock, firstRespondedAt: '2026-11-23T11:50:00.000Z', pausedSince: '2026-11-23T11:50:00.000Z' };
    const message = { ...firstMessage(ticket.ticketId), messageId: randomUUID(), body: 'Which page?' };
    await store.addMessage(ticket, message, 'waiting_on_requester', undefined, [], asked);
    expect((await store.ticket(ticket.ticketId))?.sla).toEqual({ ...asked, warned: { firstResponse: due } });
  });

  it('finds nothing, not an error, for a ticket that does not exist', async () => {
    expect(await store.thread(randomUUID())).toEqual({ ticket: undefined, messages: [], attachments: [], history: [] });
    expect(await store.ticket(randomUUID())).toBeUndefined();
  });
});

describe('abuse limits on filing', () => {
  const counter = (limit: number, resetsAt = new Date(Date.parse(at) + 1_800_000)): LimitCounter => ({
    subject: `address#${randomUUID()}`,
    window: `hour#${at.slice(0, 13)}`,
    limit,
    resetsAt,
  });
  const fileWith = (counters: LimitCounter[], over: Partial<NewTicket> = {}) => {
    const fresh = newTicket(over);
    return store.file(fresh, firstMessage(fresh.ticketId), created(fresh.ticketId), 'TEST', () => [], counters);
  };

  it('counts each filing in its transaction and keeps the counter until its window ends', async () => {
    const hour = counter(5);
    await fileWith([hour]);
    await fileWith([hour]);
    expect(await getItem(KEYS.limitCounter(hour.subject, hour.window))).toMatchObject({
      count: 2,
      ttl: Math.ceil(hour.resetsAt.getTime() / 1000),
    });
  });

  it('refuses a filing once a counter is full, saying when to retry, and writes nothing, not even a number', async () => {
    const organisationId = `org-${randomUUID().slice(0, 8)}`;
    const full = counter(1);
    await fileWith([full], { organisationId });
    const sequence = KEYS.ticketSequence(organisationId, Number(at.slice(0, 4)));
    const before = await getItem(sequence);
    const refused = newTicket({ organisationId });
    const error = await store
      .file(refused, firstMessage(refused.ticketId), created(refused.ticketId), 'TEST', () => [], [counter(9), full])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Throttled);
    expect((error as Throttled).retryAfterSeconds).toBe(1800);
    expect(await getItem(sequence)).toEqual(before);
    expect(await store.ticket(refused.ticketId)).toBeUndefined();
    expect(await totalCount(organisationId)).toBe(1);
  });

  it('lets no more filings through than the limit when they arrive at once', async () => {
    const shared = counter(3);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => fileWith([shared])));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(Throttled);
    }
    expect(await getItem(KEYS.limitCounter(shared.subject, shared.window))).toMatchObject({ count: 3 });
  });
});

describe('staff changes', () => {
  it('reads the ticket and the profiles of the people involved in one request', async () => {
    const fresh = newTicket();
    const ticket = await store.file(fresh, firstMessage(fresh.ticketId), created(fresh.ticketId), 'TEST', () => [], []);
    const userId = randomUUID();
    await saveProfile({
      userId,
      name: 'Jordi',
      email: 'j@x.cat',
      emailVerified: true,
      language: 'ca',
      createdAt: at,
      updatedAt: at,
    });
    const read = await store.ticketAndProfiles(ticket.ticketId, [userId, randomUUID()]);
    expect(read.ticket?.ticketId).toBe(ticket.ticketId);
    expect([...read.profiles.keys()]).toEqual([userId]);
  });

  it('commits a forward only while the team still belongs to the ticket’s organisation', async () => {
    const fresh = newTicket({ organisationId: 'dipu' });
    const ticket = await store.file(fresh, firstMessage(fresh.ticketId), created(fresh.ticketId), 'TEST', () => [], []);
    const moved = { ...ticket, teamId: 'hestia-technical', status: 'forwarded' as const, version: 2 };
    const error = await store
      .update({ before: ticket, after: moved, expectedVersion: 1, references: { teamId: 'hestia-technical' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).issues.map((issue) => issue.path)).toEqual(['teamId']);
    expect((await store.ticket(ticket.ticketId))?.version).toBe(1);
    const forwarded = { ...moved, teamId: 'dipu-systems' };
    await store.update({
      before: ticket,
      after: forwarded,
      expectedVersion: 1,
      references: { teamId: 'dipu-systems' },
    });
    expect((await store.ticket(ticket.ticketId))?.teamId).toBe('dipu-systems');
    await expect(
      store.update({ before: ticket, after: { ...forwarded, version: 3 }, expectedVersion: 1 }),
    ).rejects.toThrow(Conflict);
  });
});

describe('outbox items', () => {
  it('expire a week after the mail was written, through the table’s TTL', () => {
    const put = outboxPut({
      notificationId: 'n1',
      event: 'created',
      ticketId: 't1',
      number: 'TEST-2026-000001',
      subject: 's',
      recipient: { userId: 'u1' },
      createdAt: '2026-11-24T00:00:00.000Z',
    });
    expect('Put' in put && put.Put.Item?.ttl).toBe(Date.parse('2026-12-01T00:00:00.000Z') / 1000);
  });
});
