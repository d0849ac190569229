import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import type { OutboxMessage } from '../../functions/mail/domain/outbox';
import { handler as notify } from '../../functions/mail/jobs/notify';
import { outboxPut } from '../../functions/mail/store';
import { documents } from '../../functions/platform/table/client';
import { KEYS, KIND_ATTRIBUTE, KINDS } from '../../functions/platform/table/keys';
import { item, TABLE_NAME, transact } from '../../functions/platform/table/table';
import { saveProfile } from '../../functions/profiles';
import { readMailbox } from '../../lib/local/ses';

const ses = () => inject('endpoints').services.ses;
const context = { functionName: 'notify', awsRequestId: 'r' } as Context;
const at = new Date().toISOString();

const guestMail = (over: Partial<OutboxMessage> = {}): OutboxMessage => ({
  notificationId: randomUUID(),
  event: 'info_requested',
  ticketId: randomUUID(),
  number: `TEST-2026-${randomUUID().slice(0, 6)}`,
  subject: 'Printer',
  recipient: { name: 'Anna', email: `anna-${randomUUID().slice(0, 8)}@example.org`, language: 'es' },
  message: 'Which model is it?',
  createdAt: at,
  ...over,
});

/** A record as the table's stream delivers a new item. */
const streamRecord = (image: Record<string, unknown>, sequence: string): DynamoDBRecord =>
  ({ eventName: 'INSERT', dynamodb: { SequenceNumber: sequence, NewImage: marshall(image) } }) as DynamoDBRecord;

/** Mails about `number` since then, waiting up to `waitMs` for `count` of them. */
async function mailsAbout(number: string, since: number, count: number, waitMs = 10_000) {
  for (let attempt = 0; attempt < waitMs / 100; attempt++) {
    const mails = (await readMailbox(ses(), since)).filter((mail) => mail.subject.includes(number));
    if (mails.length >= count) return mails;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (await readMailbox(ses(), since)).filter((mail) => mail.subject.includes(number));
}

const since = () => Math.floor(Date.now() / 1000) - 1;

describe('the notify job', () => {
  it('delivers the good records of a batch and reports only the malformed one as failed', async () => {
    const start = since();
    const [first, second] = [guestMail(), guestMail()];
    await transact([outboxPut(first), outboxPut(second)], () => new Error('setup failed'));
    const { recipient: _, ...malformed } = { ...guestMail(), event: 'party' };
    const event: DynamoDBStreamEvent = {
      Records: [streamRecord(first, '1'), streamRecord(malformed, '2'), streamRecord(second, '3')],
    };
    const result = await notify(event, context);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    for (const delivered of [first, second]) {
      const mails = await mailsAbout(delivered.number, start, 1);
      expect(mails.map((mail) => mail.subject)).toEqual([`[${delivered.number}] Necesitamos más información`]);
      expect(mails[0]?.body.text).toContain('Which model is it?');
    }
  });

  it('sends a mail once, however often the stream delivers its record', async () => {
    const start = since();
    const mail = guestMail();
    await transact([outboxPut(mail)], () => new Error('setup failed'));
    for (let delivery = 0; delivery < 3; delivery++) {
      expect(await notify({ Records: [streamRecord(mail, '1')] }, context)).toEqual({ batchItemFailures: [] });
    }
    expect(await mailsAbout(mail.number, start, 2, 1000)).toHaveLength(1);
  });

  it('writes to a person in the language of their profile when the mail is sent, not when it was queued', async () => {
    const start = since();
    const userId = randomUUID();
    const email = `p-${userId.slice(0, 8)}@example.org`;
    await saveProfile({
      userId,
      name: 'Pau',
      email,
      emailVerified: true,
      language: 'es',
      createdAt: at,
      updatedAt: at,
    });
    const mail = guestMail({ recipient: { userId } });
    await transact([outboxPut(mail)], () => new Error('setup failed'));
    await saveProfile({
      userId,
      name: 'Pau',
      email,
      emailVerified: true,
      language: 'en',
      createdAt: at,
      updatedAt: at,
    });
    await notify({ Records: [streamRecord(mail, '1')] }, context);
    const [sent] = await mailsAbout(mail.number, start, 1);
    expect(sent?.destination.to).toEqual([email]);
    expect(sent?.subject).toBe(`[${mail.number}] We need more information`);
  });

  it('mails a team’s members with verified addresses, each in their language', async () => {
    const start = since();
    const organisationId = `org-${randomUUID().slice(0, 8)}`;
    const member = (name: string, teamIds: string[], language: 'ca' | 'en', emailVerified = true) => ({
      userId: randomUUID(),
      name,
      email: `${name.toLowerCase()}-${randomUUID().slice(0, 6)}@example.org`,
      emailVerified,
      language,
      staff: { organisationId, teamIds, topicIds: [], supervisor: false },
      createdAt: at,
      updatedAt: at,
    });
    const people = [
      member('Anna', ['systems'], 'ca'),
      member('Bill', ['systems', 'web'], 'en'),
      member('Carla', ['web'], 'ca'),
      member('Dani', ['systems'], 'ca', false),
    ];
    for (const person of people) await saveProfile(person);
    const mail = guestMail({ event: 'forwarded', recipient: { teamId: 'systems', organisationId } });
    await transact([outboxPut(mail)], () => new Error('setup failed'));
    expect(await notify({ Records: [streamRecord(mail, '1')] }, context)).toEqual({ batchItemFailures: [] });
    const sent = await mailsAbout(mail.number, start, 2);
    expect(Object.fromEntries(sent.map((m) => [m.destination.to[0], m.subject]))).toEqual({
      [people[0]?.email ?? '']: `[${mail.number}] Tiquet derivat al vostre equip`,
      [people[1]?.email ?? '']: `[${mail.number}] Ticket forwarded to your team`,
    });
  });

  it('never mails a person at an address they have not verified, and does not retry it', async () => {
    const start = since();
    const userId = randomUUID();
    await saveProfile({
      userId,
      name: 'Unverified',
      email: `u-${userId.slice(0, 8)}@example.org`,
      emailVerified: false,
      language: 'ca',
      createdAt: at,
      updatedAt: at,
    });
    const mail = guestMail({ recipient: { userId } });
    await transact([outboxPut(mail)], () => new Error('setup failed'));
    expect(await notify({ Records: [streamRecord(mail, '1')] }, context)).toEqual({ batchItemFailures: [] });
    expect(await mailsAbout(mail.number, start, 1, 1000)).toHaveLength(0);
  });

  it('writes to guests without the name they typed: nothing a stranger chose but the subject reaches the inbox', async () => {
    const start = since();
    const mail = guestMail({
      recipient: { name: 'Buy cheap pills at spam.example', email: 'victim@example.org', language: 'en' },
    });
    await transact([outboxPut(mail)], () => new Error('setup failed'));
    await notify({ Records: [streamRecord(mail, '1')] }, context);
    const [sent] = await mailsAbout(mail.number, start, 1);
    expect(sent?.body.text).not.toContain('spam.example');
    expect(sent?.subject).toBe(`[${mail.number}] We need more information`);
  });
});

describe('the outbox stream', () => {
  it('sends a malformed outbox item to the dead-letter queue once retries run out, and still delivers the rest', async () => {
    const start = since();
    const good = guestMail();
    const malformedId = randomUUID();
    await documents.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: item(KINDS.outbox, KEYS.outbox(malformedId, malformedId), {
          notificationId: malformedId,
          event: 'party',
        }),
      }),
    );
    await transact([outboxPut(good)], () => new Error('setup failed'));
    expect(await mailsAbout(good.number, start, 1)).toHaveLength(1);

    const deadLetters = inject('endpoints').deadLetterFile;
    let found = false;
    for (let attempt = 0; attempt < 100 && !found; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = readDeadLetters(deadLetters).some((line) => line.includes(malformedId));
    }
    expect(found).toBe(true);
  });
});

function readDeadLetters(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes(KIND_ATTRIBUTE));
  } catch {
    return [];
  }
}
