import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from '../platform/table/client';
import { KEYS, KINDS, TABLE_KEYS } from '../platform/table/keys';
import {
  decode,
  item,
  queryPage,
  type StoredItem,
  TABLE_NAME,
  type TransactItem,
  updateOf,
} from '../platform/table/table';
import { Profile, type ProfileChanges } from './domain/profile';

export const profileKey = (userId: string) => KEYS.profile(userId);

export const decodeProfile = (stored: StoredItem): Profile => decode(Profile, stored);

/** A profile as stored: staff are also listed in their organisation's roster (gsi1). */
const profileItem = (profile: Profile) =>
  item(KINDS.profile, profileKey(profile.userId), {
    ...profile,
    ...(profile.staff ? KEYS.staff.entry(profile.staff.organisationId, profile.userId) : {}),
  });

/**
 * The staff of an organisation, in one Query of its roster: a page of 1 MB holds thousands of
 * profiles, more than any organisation has.
 */
export async function staffOf(organisationId: string): Promise<Profile[]> {
  const { items } = await queryPage({
    IndexName: TABLE_KEYS.gsi1.indexName,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': TABLE_KEYS.gsi1.partitionKey },
    ExpressionAttributeValues: { ':pk': KEYS.staff.partition(organisationId) },
  });
  return items.map(decodeProfile);
}

export async function getProfile(userId: string): Promise<Profile | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: TABLE_NAME, Key: { ...profileKey(userId) } }));
  return Item ? decodeProfile(Item) : undefined;
}

/** Stores a first profile unless one appeared meanwhile (two first requests at once); returns the stored one. */
export async function createProfile(profile: Profile): Promise<Profile> {
  try {
    await documents.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: profileItem(profile),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return profile;
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    const existing = await getProfile(profile.userId);
    if (!existing) throw error;
    return existing;
  }
}

/** Writes a whole profile (demo data, administration). */
export async function saveProfile(profile: Profile): Promise<void> {
  await documents.send(new PutCommand({ TableName: TABLE_NAME, Item: profileItem(profile) }));
}

/**
 * A profile written as a transaction item, if it is still at `expectedVersion` (0: it does not
 * exist yet); its version goes up by one. For administration, which audits it in the same write.
 */
export function putProfileAtVersion(profile: Profile, expectedVersion: number): TransactItem {
  return {
    Put: {
      Item: profileItem({ ...profile, version: expectedVersion + 1 }),
      ...(expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':version': expectedVersion },
          }),
    },
  };
}

/** Records that the profile's address is now verified, if it is still `email`; returns the profile as stored. */
export async function markEmailVerified(userId: string, email: string, at: Date): Promise<Profile> {
  const { Attributes } = await documents.send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: { ...profileKey(userId) },
      ...updateOf({ set: { emailVerified: true, updatedAt: at.toISOString() }, add: { version: 1 }, when: { email } }),
      ReturnValues: 'ALL_NEW',
    }),
  );
  return decodeProfile(Attributes ?? {});
}

/** Changes name or language of an existing profile and returns it as stored. */
export async function updateProfile(userId: string, changes: ProfileChanges, at: Date): Promise<Profile> {
  const { Attributes } = await documents.send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: { ...profileKey(userId) },
      ...updateOf({ set: { ...changes, updatedAt: at.toISOString() }, add: { version: 1 } }),
      ConditionExpression: 'attribute_exists(pk)',
      ReturnValues: 'ALL_NEW',
    }),
  );
  return decodeProfile(Attributes ?? {});
}
