import { describe, expect, it } from 'vitest';
import type { TopicDocument } from '../../../contracts/catalogue';
import { administer, administratorOf, organisationToRead } from '../../../functions/admin/domain/access';
import {
  checkAgent,
  checkCalendar,
  checkOrganisation,
  checkSlaPolicy,
  checkTeam,
  checkTopic,
} from '../../../functions/admin/domain/validation';
import type { Caller } from '../../../functions/platform/kernel/caller';
import { Forbidden, NotFound, ValidationFailed } from '../../../functions/platform/kernel/errors';
import { DEMO_CATALOGUE } from '../../../lib/local/demo-catalogue';
import { profile } from '../tickets/world';

const caller = (...groups: Caller['groups']): Caller => ({ userId: 'u1', groups, token: { use: 'access', raw: 't' } });
const supervisorOf = (organisationId: string) =>
  profile('u1', 'Rosa', { organisationId, teamIds: [], topicIds: [], supervisor: true });

/** The paths a check refuses, or [] when it accepts. */
function refused(check: () => void): string[] {
  try {
    check();
    return [];
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    return error.issues.map((issue) => issue.path);
  }
}

const name = (en: string) => ({ ca: en, es: en, oc: en, en });
const topic = (over: Partial<TopicDocument> = {}): TopicDocument => ({
  parentId: 'technology',
  level: 2,
  organisationId: 'dipu',
  name: name('Printers'),
  internal: false,
  ticketTypes: ['incident'],
  form: { fields: [] },
  teamId: 'dipu-web',
  ...over,
});

describe('who administers what', () => {
  it('admins every organisation and the shared catalogue; supervisors their own, others not found', () => {
    const admin = administratorOf(caller('admin'), undefined);
    expect(() => administer(admin, 'salut')).not.toThrow();
    expect(() => administer(admin, 'shared')).not.toThrow();
    const supervisor = administratorOf(caller('supervisor'), supervisorOf('dipu'));
    expect(() => administer(supervisor, 'dipu')).not.toThrow();
    expect(() => administer(supervisor, 'salut')).toThrow(NotFound);
    expect(() => administer(supervisor, 'shared')).toThrow(Forbidden);
  });

  it('needs a supervisor’s staff profile besides the group, and never takes agents', () => {
    expect(() => administratorOf(caller('supervisor'), undefined)).toThrow(Forbidden);
    expect(() => administratorOf(caller('agent'), supervisorOf('dipu'))).toThrow(Forbidden);
  });

  it('reports on a supervisor’s own organisation, or the one an admin names', () => {
    expect(organisationToRead(administratorOf(caller('supervisor'), supervisorOf('dipu')), undefined)).toBe('dipu');
    expect(organisationToRead(administratorOf(caller('admin'), undefined), 'salut')).toBe('salut');
    expect(() => organisationToRead(administratorOf(caller('admin'), undefined), undefined)).toThrow(NotFound);
  });
});

describe('a document checked as a whole against the catalogue', () => {
  it('a topic: parent of the level above, a team of its organisation, a form that compiles', () => {
    expect(refused(() => checkTopic(DEMO_CATALOGUE, 'dipu-printers', topic()))).toEqual([]);
    expect(
      refused(() =>
        checkTopic(
          DEMO_CATALOGUE,
          'dipu-printers',
          topic({
            parentId: 'dipu-web-portals',
            teamId: 'salut-support',
            form: {
              fields: [
                {
                  name: 'model',
                  type: 'text',
                  required: true,
                  label: name('Model'),
                  options: [{ value: 'a', label: name('A') }],
                },
                { name: 'model', type: 'number', required: false, label: name('Copies'), min: 5, max: 1 },
                {
                  name: 'why',
                  type: 'text',
                  required: false,
                  label: name('Why'),
                  requiredWhen: { field: 'why', equals: 'x' },
                },
              ],
            },
          }),
        ),
      ),
    ).toEqual([
      'parentId',
      'form.fields.0.options',
      'form.fields.1.name',
      'form.fields.1.max',
      'form.fields.2.requiredWhen.field',
      'teamId',
    ]);
  });

  it('a topic stays in its organisation, and level-1 topics are shared ones without a parent', () => {
    expect(refused(() => checkTopic(DEMO_CATALOGUE, 'dipu-web-portals', topic({ organisationId: 'salut' })))).toContain(
      'organisationId',
    );
    expect(
      refused(() =>
        checkTopic(DEMO_CATALOGUE, 'new-shared', topic({ level: 1, organisationId: 'dipu', parentId: 'technology' })),
      ),
    ).toEqual(['organisationId', 'parentId', 'teamId']);
  });

  it('a calendar: its zone, times, dates and windows that do not overlap, at dotted paths', () => {
    expect(
      refused(() =>
        checkCalendar({
          timeZone: 'Mars/Olympus',
          week: {
            mon: [
              { from: '08:00', to: '14:00' },
              { from: '13:00', to: '15:00' },
            ],
            tue: [{ from: '9', to: '14:00' }],
          },
          holidays: [{ from: '2026-08-10', to: '2026-08-01' }],
        }),
      ).sort(),
    ).toEqual(['holidays.0', 'timeZone', 'week.mon.1', 'week.tue.0.from'].sort());
  });

  it('a policy names only topics of its organisation; a team and an agent only what exists there', () => {
    const rule = { firstResponse: { minutes: 60 }, resolution: { minutes: 600 } };
    expect(
      refused(() =>
        checkSlaPolicy(DEMO_CATALOGUE, 'dipu', {
          rules: [rule, { ...rule, topicId: 'salut-access' }],
          warnAtPercent: 75,
        }),
      ),
    ).toEqual(['rules.1.topicId']);
    expect(
      refused(() =>
        checkTeam(DEMO_CATALOGUE, 'dipu-web', {
          organisationId: 'salut',
          name: name('Web'),
          level: 1,
          assignment: 'manual',
        }),
      ),
    ).toEqual(['organisationId']);
    expect(
      refused(() =>
        checkAgent(DEMO_CATALOGUE, {
          organisationId: 'dipu',
          teamIds: ['dipu-web', 'salut-support'],
          topicIds: ['nope'],
          supervisor: false,
        }),
      ),
    ).toEqual(['teamIds.1', 'topicIds.0']);
  });

  it('an organisation keeps its ticket prefix, and no two share one', () => {
    const dipu = DEMO_CATALOGUE.organisations.find((organisation) => organisation.id === 'dipu');
    const document = {
      name: name('Council'),
      ticketPrefix: 'XYZ',
      emailDomains: [],
      reopenWindowDays: 7,
      languages: ['ca' as const],
      attachments: { maxBytes: 10 * 1024 * 1024, retentionDays: 730 },
    };
    expect(refused(() => checkOrganisation(DEMO_CATALOGUE, 'dipu', document))).toEqual(['ticketPrefix']);
    expect(
      refused(() =>
        checkOrganisation(DEMO_CATALOGUE, 'new-town', { ...document, ticketPrefix: dipu?.ticketPrefix ?? '' }),
      ),
    ).toEqual(['ticketPrefix']);
    expect(refused(() => checkOrganisation(DEMO_CATALOGUE, 'new-town', document))).toEqual([]);
  });
});
