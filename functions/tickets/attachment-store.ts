import { MAX_ATTACHMENTS_PER_TICKET } from '../../contracts/attachments';
import { type OutboxMessage, outboxPut } from '../mail';
import { objectUrl, signedFetch } from '../platform/aws';
import { readEnv } from '../platform/env';
import { Conflict } from '../platform/kernel/errors';
import { KEYS, KIND_ATTRIBUTE, KINDS, TABLE_KEYS } from '../platform/table/keys';
import { decode, getItems, item, kindOf, queryPartition, transact } from '../platform/table/table';
import { decodeProfile, type Profile, profileKey } from '../profiles';
import { attachmentKey, quarantineKey, tooManyAttachments } from './domain/attachments';
import { AttachmentRecord, TicketRecord } from './domain/model';

const stored = (record: AttachmentRecord) =>
  item(KINDS.attachment, KEYS.ticket.attachment(record.ticketId, record.attachmentId), record);

/**
 * A ticket's attachments in DynamoDB, beside its messages: the thread's one Query reads them.
 * Every read here is one BatchGet and every write one transaction.
 */
export const dynamoAttachmentStore = {
  /**
   * The ticket, an attachment of it (if named) and these people's profiles, in one consistent
   * BatchGet: what the access policy and the attachment's own rules need.
   */
  async read(
    ticketId: string,
    attachmentId: string | undefined,
    userIds: readonly string[],
  ): Promise<{
    ticket: TicketRecord | undefined;
    attachment: AttachmentRecord | undefined;
    profiles: ReadonlyMap<string, Profile>;
  }> {
    const [ticket, attachment, ...people] = await getItems(
      [
        KEYS.ticket.item(ticketId),
        attachmentId ? KEYS.ticket.attachment(ticketId, attachmentId) : KEYS.ticket.attachmentCount(ticketId),
        ...userIds.map(profileKey),
      ],
      { consistent: true },
    );
    const profiles = new Map<string, Profile>();
    for (const person of people) {
      if (!person) continue;
      const profile = decodeProfile(person);
      profiles.set(profile.userId, profile);
    }
    return {
      ticket: ticket ? decode(TicketRecord, ticket) : undefined,
      attachment: attachmentId && attachment ? decode(AttachmentRecord, attachment) : undefined,
      profiles,
    };
  },

  /**
   * The declared file, counted against the ticket's ceiling in the same transaction: files
   * declared at once cannot overshoot it, and a refused one writes nothing.
   */
  async declare(record: AttachmentRecord): Promise<void> {
    await transact(
      [
        {
          Put: {
            Item: stored(record),
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
          },
        },
        {
          Update: {
            Key: { ...KEYS.ticket.attachmentCount(record.ticketId) },
            UpdateExpression: 'SET #kind = :kind ADD #count :one',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
            ExpressionAttributeNames: { '#kind': KIND_ATTRIBUTE, '#count': 'count' },
            ExpressionAttributeValues: {
              ':kind': KINDS.attachmentCount,
              ':one': 1,
              ':max': MAX_ATTACHMENTS_PER_TICKET,
            },
          },
        },
      ],
      (reasons) =>
        reasons[1] === 'ConditionalCheckFailed'
          ? tooManyAttachments()
          : new Conflict('The file could not be recorded; try again.'),
    );
  },

  /**
   * The attachment as changed, if nobody changed it since `before` (its revision), with the
   * mails the change sends: a verification and a scan result landing at once cannot lose either.
   */
  async update(before: AttachmentRecord, after: AttachmentRecord, notifications: readonly OutboxMessage[] = []) {
    await transact(
      [
        {
          Put: {
            Item: stored(after),
            ConditionExpression: '#revision = :revision',
            ExpressionAttributeNames: { '#revision': 'revision' },
            ExpressionAttributeValues: { ':revision': before.revision },
          },
        },
        ...notifications.map(outboxPut),
      ],
      () => new Conflict('The attachment changed meanwhile.'),
    );
  },

  /**
   * Deletes every file of a ticket whose retention ended: the objects (wherever they are, the
   * quarantine included), then their records and the ticket's count, so a failure half-way is
   * finished by the next sweep. The bucket's noncurrent versions expire by its lifecycle rule.
   */
  async purge(ticketId: string): Promise<number> {
    const { attachmentsBucket: bucket } = readEnv('attachmentsBucket');
    const files = (await queryPartition(KEYS.ticket.partition(ticketId), { consistent: true }))
      .filter((candidate) => kindOf(candidate) === KINDS.attachment)
      .map((candidate) => decode(AttachmentRecord, candidate));
    for (const file of files) {
      for (const key of [attachmentKey(ticketId, file.attachmentId), quarantineKey(ticketId, file.attachmentId)]) {
        const response = await signedFetch('s3', objectUrl(bucket, key), { method: 'DELETE' });
        if (!response.ok && response.status !== 404) throw new Error(`S3 answered ${response.status} deleting ${key}`);
      }
    }
    const keys = [
      ...files.map((file) => KEYS.ticket.attachment(ticketId, file.attachmentId)),
      KEYS.ticket.attachmentCount(ticketId),
    ];
    // At most 21 keys: one transaction (up to 100 items) deletes them together.
    await transact(
      keys.map((key) => ({ Delete: { Key: { ...key } } })),
      () => new Conflict('The files changed while being deleted.'),
    );
    return files.length;
  },
};
