import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../functions/platform/kernel/caller';
import { getProfile, profileOf, saveProfile } from '../../functions/profiles';

const at = new Date().toISOString();
const idTokenCaller = (userId: string, email: string, emailVerified: boolean): Caller => ({
  userId,
  groups: [],
  token: { use: 'id', email, emailVerified, name: 'Núria' },
});

/** A stored profile whose address is not verified yet. */
async function unverifiedProfile() {
  const userId = randomUUID();
  const email = `u-${userId.slice(0, 8)}@example.org`;
  await saveProfile({
    userId,
    name: 'Núria',
    email,
    emailVerified: false,
    language: 'ca',
    createdAt: at,
    updatedAt: at,
  });
  return { userId, email };
}

describe('profiles', () => {
  it('are made on first use from the token, unverified addresses marked as such', async () => {
    const userId = randomUUID();
    const profile = await profileOf(idTokenCaller(userId, `N-${userId.slice(0, 6)}@Example.org`, false), 'es');
    expect(profile).toMatchObject({ name: 'Núria', emailVerified: false, language: 'es' });
    expect(profile.email).toBe(profile.email.toLowerCase());
  });

  it('count an address verified since the profile was made, so mail reaches it from then on', async () => {
    const { userId, email } = await unverifiedProfile();
    expect((await profileOf(idTokenCaller(userId, email, true), 'ca')).emailVerified).toBe(true);
    expect((await getProfile(userId))?.emailVerified).toBe(true);
  });

  it('do not count a verification of some other address', async () => {
    const { userId } = await unverifiedProfile();
    expect((await profileOf(idTokenCaller(userId, 'other@example.org', true), 'ca')).emailVerified).toBe(false);
    expect((await getProfile(userId))?.emailVerified).toBe(false);
  });
});
