import { describe, expect, it } from 'vitest';
import { Forbidden } from '../../../functions/platform/kernel/errors';
import { meView, newProfile } from '../../../functions/profiles/domain/profile';

const now = new Date('2026-11-24T10:00:00Z');

describe('a first profile', () => {
  it('takes the name and address Cognito holds, and the language of the request that brought them', () => {
    expect(
      newProfile('u1', { email: 'Anna@Example.org', emailVerified: true, name: ' Anna Puig ' }, 'es', now),
    ).toEqual({
      userId: 'u1',
      name: 'Anna Puig',
      email: 'anna@example.org',
      emailVerified: true,
      language: 'es',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    });
  });

  it('prefers the language of their Cognito locale when it is one of ours', () => {
    expect(newProfile('u1', { email: 'a@b.cat', locale: 'ca-ES' }, 'en', now).language).toBe('ca');
    expect(newProfile('u1', { email: 'a@b.cat', locale: 'fr' }, 'en', now).language).toBe('en');
  });

  it('falls back to the address for a name, counts an unconfirmed address as unverified, and needs an address', () => {
    expect(newProfile('u1', { email: 'a@b.cat' }, 'ca', now)).toMatchObject({ name: 'a@b.cat', emailVerified: false });
    expect(() => newProfile('u1', { name: 'Nobody' }, 'ca', now)).toThrow(Forbidden);
  });
});

describe('GET /me', () => {
  it('shows the profile with the caller’s groups and, for staff, where they work', () => {
    const profile = {
      ...newProfile('u1', { email: 'jordi@dipu.example.cat', name: 'Jordi' }, 'ca', now),
      staff: { organisationId: 'dipu', teamIds: ['dipu-web'], topicIds: [], supervisor: false },
    };
    expect(meView(profile, { userId: 'u1', groups: ['agent'], token: { use: 'access', raw: 't' } })).toEqual({
      userId: 'u1',
      name: 'Jordi',
      email: 'jordi@dipu.example.cat',
      emailVerified: false,
      language: 'ca',
      groups: ['agent'],
      staff: { organisationId: 'dipu', teamIds: ['dipu-web'], topicIds: [], supervisor: false },
    });
  });
});
