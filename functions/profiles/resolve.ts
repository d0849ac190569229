import type { Language } from '../../contracts/vocabulary';
import type { Caller } from '../platform/kernel/caller';
import { attributesOfAccessToken } from './cognito';
import { newProfile, type PersonAttributes, type Profile } from './domain/profile';
import { createProfile, getProfile, markEmailVerified } from './store';

/** Profiles this instance has read, by user id: at most one lookup per person per cold function. */
const known = new Map<string, Profile>();
const MAX_KNOWN = 1000;

export function remember(profile: Profile): Profile {
  known.delete(profile.userId);
  if (known.size >= MAX_KNOWN) known.delete(known.keys().next().value as string);
  known.set(profile.userId, profile);
  return profile;
}

/**
 * The caller's profile, created on first use from what Cognito says of them. Kept for the
 * life of the instance: requests use its name, while mails read the stored profile when they
 * are sent and the access policy reads staff data fresh with the ticket, so what a cached
 * copy could get wrong is at most the name on a new ticket.
 */
export async function profileOf(caller: Caller, language: Language): Promise<Profile> {
  const cached = known.get(caller.userId);
  if (cached) return cached;
  const stored = await getProfile(caller.userId);
  if (!stored)
    return remember(await createProfile(newProfile(caller.userId, await attributesOf(caller), language, new Date())));
  // Mail goes only to verified addresses: one verified since the profile was made counts from now on.
  if (!stored.emailVerified) {
    const now = await attributesOf(caller);
    if (now.emailVerified && now.email?.trim().toLowerCase() === stored.email) {
      return remember(await markEmailVerified(caller.userId, stored.email, new Date()));
    }
  }
  return remember(stored);
}

/** ID tokens carry the person's claims; for an access token Cognito is asked. */
async function attributesOf(caller: Caller): Promise<PersonAttributes> {
  if (caller.token.use === 'id') return caller.token;
  return attributesOfAccessToken(caller.token.raw);
}
