/**
 * The signed-in person's profile (GET /me): their language and, for staff, where they work
 * (organisation, teams, supervisor). Read once per session and shared by every screen.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, call, type Me } from '../api/client';
import { useStore } from '../lib/store';
import { type Session, session } from './session';

let cached: { for: Session; profile: Promise<Me> } | undefined;

/** The profile of the current session, read at most once per sign-in. */
export function loadProfile(): Promise<Me> {
  const current = session.get();
  if (!current) return Promise.reject(new Error('Not signed in'));
  if (cached?.for.email !== current.email) {
    const profile = call(api().GET('/me'));
    cached = { for: current, profile };
    profile.catch(() => {
      if (cached?.profile === profile) cached = undefined;
    });
  }
  return cached.profile;
}

/** The profile, undefined while it loads (or when it could not be read). */
export function useProfile(): Me | undefined {
  const signedIn = useStore(session);
  const [profile, setProfile] = useState<Me>();
  useEffect(() => {
    if (!signedIn) return setProfile(undefined);
    let current = true;
    loadProfile()
      .then((loaded) => current && setProfile(loaded))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [signedIn?.email]);
  return profile;
}

type Group = Me['groups'][number];
/** Who works tickets (the desk) and who reads indicators and administers (contracts/vocabulary.ts). */
export const STAFF_GROUPS = ['agent', 'supervisor'] as const satisfies readonly Group[];
export const ADMIN_GROUPS = ['supervisor', 'admin'] as const satisfies readonly Group[];

/** Whether the session's groups include one of these. */
export const hasGroup = (current: Session | null, groups: readonly string[]): boolean =>
  !!current && current.groups.some((group) => groups.includes(group));
