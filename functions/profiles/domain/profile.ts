import type { Me } from '../../../contracts/me';
import { LANGUAGES, type Language } from '../../../contracts/vocabulary';
import * as z from '../../../contracts/zod';
import type { Caller } from '../../platform/kernel/caller';
import { Forbidden } from '../../platform/kernel/errors';

/** Where a member of staff works: what the access policy decides with. */
export const StaffProfile = z.object({
  organisationId: z.string(),
  teamIds: z.array(z.string()),
  topicIds: z.array(z.string()),
  /** Supervisors work every ticket of their organisation. */
  supervisor: z.boolean(),
});
export type StaffProfile = z.infer<typeof StaffProfile>;

/**
 * A person as Finestreta knows them, stored on first use: tokens do not always say who
 * someone is (access tokens carry no name or email), and the language of their mails is
 * theirs to choose.
 */
export const Profile = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  /** The language of the mails they receive. */
  language: z.enum(LANGUAGES),
  staff: z.optional(StaffProfile),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Incremented by every change (absent: never changed): administration changes where someone works at the version it read. */
  version: z.optional(z.int()),
});
export type Profile = z.infer<typeof Profile>;

/** What Cognito says of a person: from ID token claims or, for access tokens, from GetUser. */
export interface PersonAttributes {
  readonly email?: string;
  readonly emailVerified?: boolean;
  readonly name?: string;
  /** Cognito's `locale` attribute, e.g. `ca` or `es-ES`. */
  readonly locale?: string;
}

const languageOf = (locale: string | undefined): Language | undefined =>
  LANGUAGES.find((language) => language === locale?.toLowerCase().split(/[-_]/)[0]);

/**
 * A first profile: the name and email Cognito holds, and the language of their Cognito locale
 * or, failing that, of the request that brought them.
 */
export function newProfile(
  userId: string,
  attributes: PersonAttributes,
  requestLanguage: Language,
  now: Date,
): Profile {
  const email = attributes.email?.trim().toLowerCase();
  if (!email) throw new Forbidden('Your account has no email address; ask your administrator to add one.');
  const at = now.toISOString();
  return {
    userId,
    name: attributes.name?.trim() || email,
    email,
    emailVerified: attributes.emailVerified ?? false,
    language: languageOf(attributes.locale) ?? requestLanguage,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

export interface ProfileChanges {
  readonly name?: string;
  readonly language?: Language;
}

/** The profile as `GET /me` shows it. */
export function meView(profile: Profile, caller: Caller): Me {
  return {
    userId: profile.userId,
    name: profile.name,
    email: profile.email,
    emailVerified: profile.emailVerified,
    language: profile.language,
    groups: [...caller.groups],
    ...(profile.staff
      ? {
          staff: {
            organisationId: profile.staff.organisationId,
            teamIds: [...profile.staff.teamIds],
            topicIds: [...profile.staff.topicIds],
            supervisor: profile.staff.supervisor,
          },
        }
      : {}),
  };
}
