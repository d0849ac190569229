/**
 * The signed-in person's profile (GET /me): their language and, for staff, where they work
 * (organisation, teams, supervisor). Read once per session and shared by every screen.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, call, type Me } from '../api/client';
import { languageChosen, setLanguage } from '../i18n';
import { isLanguage } from '../i18n/languages';
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

/**
 * Right after sign-in: the profile's name (a token may carry only the email) and its language,
 * which wins over the page's only if the person never chose one here.
 */
export function adoptProfile(): void {
  loadProfile()
    .then((me) => {
      const current = session.get();
      if (current && me.name) session.set({ ...current, name: me.name });
      if (isLanguage(me.language) && !languageChosen()) setLanguage(me.language);
    })
    .catch(() => undefined);
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
/** Who takes part in form requests: departments, the directorate and the technical office. */
export const FORM_REQUEST_GROUPS = ['department', 'reviewer', 'operator'] as const satisfies readonly Group[];

/** Whether the session's groups include one of these. */
export const hasGroup = (current: Session | null, groups: readonly string[]): boolean =>
  !!current && current.groups.some((group) => groups.includes(group));
