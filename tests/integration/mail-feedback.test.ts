import { randomUUID } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import type { OutboxMessage } from '../../functions/mail/domain/outbox';
import { handler as notify } from '../../functions/mail/jobs/notify';
import { outboxPut } from '../../functions/mail/store';
import { KEYS } from '../../functions/platform/table/keys';
import { getItem, transact } from '../../functions/platform/table/table';
import { saveProfile } from '../../functions/profiles';
import { feedSesFeedback } from '../../lib/local/mail-events';
import { readMailbox } from '../../lib/local/ses';

const ses = () => inject('endpoints').services.ses;
const context = { functionName: 'notify', awsRequestId: 'r' } as Context;
const at = new Date().toISOString();
const since = () => Math.floor(Date.now() / 1000) - 1;

const outbox = (recipient: OutboxMessage['recipient']): OutboxMessage => ({
  notificationId: randomUUID(),
  event: 'info_requested',
  ticketId: randomUUID(),
  number: `TEST-2026-${randomUUID().slice(0, 6)}`,
  subject: 'Printer',
  recipient,
  message: 'Which model is it?',
  createdAt: at,
});

/** Writes the outbox item and delivers it as the table's stream would. */
async function deliver(message: OutboxMessage) {
  await transact([outboxPut(message)], () => new Error('setup failed'));
  const record = { eventName: 'INSERT', dynamodb: { SequenceNumber: '1', NewImage: marshall(message) } };
  return notify({ Records: [record as DynamoDBRecord] }, context);
}

async function mailsAbout(number: string, start: number) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return (await readMailbox(ses(), start)).filter((mail) => mail.subject.includes(number));
}

async function person(language: 'ca' | 'es' = 'ca') {
  const userId = randomUUID();
  const email = `p-${userId.slice(0, 8)}@example.org`;
  await saveProfile({ userId, name: 'Pau', email, emailVerified: true, language, createdAt: at, updatedAt: at });
  return { userId, email };
}

describe('bounces and complaints', () => {
  it('a permanent bounce stops further notifications to the address, and the outbox records the skip', async () => {
    const { userId, email } = await person();
    const before = since();
    const first = outbox({ userId });
    await deliver(first);
    expect(await mailsAbout(first.number, before)).toHaveLength(1);

    await feedSesFeedback('bounce', email.toUpperCase());

    const start = since();
    const second = outbox({ userId });
    expect(await deliver(second)).toEqual({ batchItemFailures: [] });
    expect(await mailsAbout(second.number, start)).toEqual([]);
    const stored = await getItem(KEYS.outbox(second.ticketId, second.notificationId), { consistent: true });
    expect(stored).toMatchObject({ suppressedAddressees: 1, deliveredAt: expect.any(String) });
  });

  it('a complaint stops mail to the complaining team member only', async () => {
    const organisationId = `org-${randomUUID().slice(0, 8)}`;
    const members = [randomUUID(), randomUUID()].map((userId, index) => ({
      userId,
      name: `M${index}`,
      email: `m${index}-${userId.slice(0, 8)}@example.org`,
      emailVerified: true,
      language: 'ca' as const,
      staff: { organisationId, teamIds: ['systems'], topicIds: [], supervisor: false },
      createdAt: at,
      updatedAt: at,
    }));
    for (const member of members) await saveProfile(member);
    await feedSesFeedback('complaint', members[0]?.email as string);
    const start = since();
    const message = outbox({ teamId: 'systems', organisationId });
    await deliver(message);
    const sent = await mailsAbout(message.number, start);
    expect(sent.map((mail) => mail.destination.to)).toEqual([[members[1]?.email]]);
  });

  it('a guest’s address is suppressed like anyone’s', async () => {
    const email = `g-${randomUUID().slice(0, 8)}@example.org`;
    await feedSesFeedback('bounce', email);
    const start = since();
    const message = outbox({ name: 'Guest', email, language: 'es' });
    await deliver(message);
    expect(await mailsAbout(message.number, start)).toEqual([]);
  });

  it('addresses nobody reported keep getting mail', async () => {
    const { userId } = await person('es');
    const start = since();
    const message = outbox({ userId });
    await deliver(message);
    expect(await mailsAbout(message.number, start)).toHaveLength(1);
  });
});
