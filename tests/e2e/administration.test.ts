import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, CatalogueDocuments } from '../../contracts/admin-views';
import type { Me } from '../../contracts/me';
import { api, newUser, tokenFor } from '../support/api';

/**
 * Administration of an organisation made for this file (so the demo's stay as they are): an
 * admin creates it, makes a new person its supervisor, and that supervisor runs it.
 */
const organisationId = `town-${randomUUID().slice(0, 8)}`;
const teamId = `${organisationId}-desk`;
const prefix = `T${randomUUID()
  .replace(/[^a-f]/g, '')
  .slice(0, 5)
  .toUpperCase()}`.padEnd(4, 'X');
const name = (en: string) => ({ ca: en, es: en, oc: en, en });

const ORGANISATION = {
  name: name('Test town hall'),
  ticketPrefix: prefix,
  emailDomains: ['town.example.org'],
  reopenWindowDays: 7,
  languages: ['ca', 'es', 'oc', 'en'],
};
const CALENDAR = {
  timeZone: 'Europe/Madrid',
  week: { mon: [{ from: '08:00', to: '15:00' }], tue: [{ from: '08:00', to: '15:00' }] },
  holidays: [{ date: '2026-12-25', yearly: true }],
};
const POLICY = { rules: [{ firstResponse: { days: 1, endOfDay: true }, resolution: { days: 5 } }], warnAtPercent: 75 };
const TEAM = { organisationId, name: name('Front desk'), level: 1, assignment: 'manual' };
const topic = (over: Record<string, unknown> = {}) => ({
  parentId: 'e-administration',
  level: 2,
  organisationId,
  name: name('Certificates'),
  internal: false,
  ticketTypes: ['incident', 'query'],
  form: { fields: [{ name: 'certificate', type: 'text', required: true, label: name('Which certificate') }] },
  teamId,
  ...over,
});

let supervisor: string;
let supervisorId: string;

const put = (path: string, body: unknown, token: string, version?: number) =>
  api<Record<string, unknown>>('PUT', path, {
    token,
    body,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });

beforeAll(async () => {
  const admin = await tokenFor('admin');
  expect((await put(`/organisations/${organisationId}`, ORGANISATION, admin)).status).toBe(201);
  expect((await put(`/teams/${teamId}`, TEAM, admin)).status).toBe(201);
  const person = await newUser({ role: 'supervisor' });
  supervisor = await person.token();
  supervisorId = (await api<Me>('GET', '/me', { token: supervisor })).body.userId;
  const made = await put(
    `/agents/${supervisorId}`,
    { organisationId, teamIds: [teamId], topicIds: [], supervisor: true },
    admin,
  );
  expect(made.status).toBe(201);
});

describe('administering an organisation', () => {
  it('creates a document without If-Match, changes it only at the version read, and says its version', async () => {
    const created = await put(`/calendars/${organisationId}`, CALENDAR, supervisor);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ ...CALENDAR, organisationId, version: 1, updatedBy: expect.any(String) });

    expect((await put(`/calendars/${organisationId}`, CALENDAR, supervisor)).status).toBe(409);
    const friday = { ...CALENDAR, week: { ...CALENDAR.week, fri: [{ from: '09:00', to: '13:00' }] } };
    const changed = await put(`/calendars/${organisationId}`, friday, supervisor, 1);
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
    expect((await put(`/calendars/${organisationId}`, CALENDAR, supervisor, 1)).status).toBe(409);

    const read = await api('GET', `/calendars/${organisationId}`, { token: supervisor });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"2"');
    // Changing a document that does not exist is a 404: PUT without If-Match creates.
    expect((await put(`/teams/${organisationId}-nobody`, TEAM, supervisor, 1)).status).toBe(404);
  });

  it('refuses a calendar with overlapping or impossible windows, naming each field', async () => {
    const response = await api<{ errors: { path: string }[] }>('PUT', `/calendars/${organisationId}`, {
      token: supervisor,
      body: {
        timeZone: 'Europe/Atlantis',
        week: {
          mon: [
            { from: '08:00', to: '14:00' },
            { from: '13:00', to: '15:00' },
          ],
          tue: [{ from: '25:00', to: '15:00' }],
        },
        holidays: [{ date: '2026-02-30' }],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error) => error.path).sort()).toEqual(
      ['holidays.0.date', 'timeZone', 'week.mon.1', 'week.tue.0.from'].sort(),
    );
  });

  it('refuses a policy that leaves priorities without targets or names another organisation’s topic', async () => {
    const response = await api<{ errors: { path: string }[] }>('PUT', `/sla-policies/${organisationId}`, {
      token: supervisor,
      body: { rules: [{ priority: 'P1', firstResponse: { minutes: 60 }, resolution: { minutes: 240 } }] },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ path: 'rules', message: expect.stringMatching(/every priority/) }),
    ]);
    const foreign = await api<{ errors: { path: string }[] }>('PUT', `/sla-policies/${organisationId}`, {
      token: supervisor,
      body: { rules: [...POLICY.rules, { topicId: 'dipu-web-portals', ...POLICY.rules[0] }] },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((error) => error.path)).toEqual(['rules.1.topicId']);
    expect((await put(`/sla-policies/${organisationId}`, POLICY, supervisor)).status).toBe(201);
  });

  it('checks a topic as a whole: its parent, its team and its form, every problem at its path', async () => {
    /** A topic wrong in every way, its first field of `type`. */
    const refusedPaths = async (type: string) => {
      const response = await api<{ errors: { path: string }[] }>('PUT', `/topics/${organisationId}-certs`, {
        token: supervisor,
        body: topic({
          parentId: 'no-such-topic',
          teamId: 'dipu-web',
          form: {
            fields: [
              { name: 'office', type, required: true, label: name('Office') },
              { name: 'office', type: 'text', required: false, label: name('Office again') },
              {
                name: 'detail',
                type: 'text',
                required: false,
                label: name('Detail'),
                requiredWhen: { field: 'nothing', equals: 'x' },
              },
            ],
          },
        }),
      });
      expect(response.status).toBe(400);
      return response.body.errors.map((error) => error.path).sort();
    };
    // What the contract refuses on its own comes first: a select needs its options.
    expect(await refusedPaths('select')).toEqual(['form.fields.0.options']);
    expect(await refusedPaths('text')).toEqual(
      ['form.fields.1.name', 'form.fields.2.requiredWhen.field', 'parentId', 'teamId'].sort(),
    );
    const created = await put(`/topics/${organisationId}-certs`, topic(), supervisor);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: `${organisationId}-certs`, version: 1 });
  });

  it('turns a team’s automatic assignment on, and lists every document with its version for an import', async () => {
    const team = await api<{ version: number }>('GET', `/teams/${teamId}`, { token: supervisor });
    const automatic = await put(
      `/teams/${teamId}`,
      { ...TEAM, assignment: 'automatic' },
      supervisor,
      team.body.version,
    );
    expect(automatic.status).toBe(200);
    expect(automatic.body).toMatchObject({ assignment: 'automatic', version: team.body.version + 1 });
    // The same document again changes nothing: re-running an import is harmless.
    const same = await put(`/teams/${teamId}`, { ...TEAM, assignment: 'automatic' }, supervisor, team.body.version + 1);
    expect(same.body.version).toBe(team.body.version + 1);

    const catalogue = await api<CatalogueDocuments>('GET', `/catalogues/${organisationId}`, { token: supervisor });
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.organisation).toMatchObject({ id: organisationId, ticketPrefix: prefix });
    expect(catalogue.body.teams.map((entry) => entry.id)).toEqual([teamId]);
  });

  it('keeps ticket numbers in one series: the prefix cannot change, nor be another organisation’s', async () => {
    const admin = await tokenFor('admin');
    const current = await api<{ version: number }>('GET', `/catalogues/${organisationId}`, { token: admin });
    const version = (current.body as unknown as CatalogueDocuments).organisation?.version;
    const renamed = await api<{ errors: { path: string; message: string }[] }>(
      'PUT',
      `/organisations/${organisationId}`,
      {
        token: admin,
        body: { ...ORGANISATION, ticketPrefix: 'DIPU' },
        headers: { 'if-match': `"${version}"` },
      },
    );
    expect(renamed.status).toBe(400);
    expect(renamed.body.errors.map((error) => error.path)).toEqual(['ticketPrefix', 'ticketPrefix']);
  });

  it('records who changed what, when, before and after, for the organisation’s supervisors', async () => {
    const audit = await api<{ items: AuditEntry[] }>('GET', '/audit?limit=100', { token: supervisor });
    expect(audit.status).toBe(200);
    const calendar = audit.body.items.filter((entry) => entry.kind === 'calendar');
    expect(calendar.map((entry) => entry.before === null)).toEqual([false, true]);
    expect(calendar[0]).toMatchObject({
      organisationId,
      documentId: organisationId,
      by: { id: supervisorId },
      after: { week: { fri: [{ from: '09:00', to: '13:00' }] } },
    });
    const kinds = new Set(audit.body.items.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(['agent', 'calendar', 'organisation', 'slaPolicy', 'team', 'topic']);
  });
});

describe('who may administer', () => {
  type Caller = 'citizen' | 'agent' | 'another supervisor' | 'its supervisor' | 'admin';
  const token = async (caller: Caller) =>
    caller === 'its supervisor'
      ? supervisor
      : tokenFor(caller === 'another supervisor' ? 'supervisor' : caller === 'citizen' ? 'citizen' : caller);
  const CALLERS: readonly Caller[] = ['citizen', 'agent', 'another supervisor', 'its supervisor', 'admin'];
  const ROUTES: Record<string, [(token: string) => Promise<number>, number[]]> = {
    'GET /catalogues/{organisationId}': [
      async (t) => (await api('GET', `/catalogues/${organisationId}`, { token: t })).status,
      [403, 403, 404, 200, 200],
    ],
    'GET /calendars/{organisationId}': [
      async (t) => (await api('GET', `/calendars/${organisationId}`, { token: t })).status,
      [403, 403, 404, 200, 200],
    ],
    'GET /sla-policies/{organisationId}': [
      async (t) => (await api('GET', `/sla-policies/${organisationId}`, { token: t })).status,
      [403, 403, 404, 200, 200],
    ],
    'GET /teams/{teamId}': [
      async (t) => (await api('GET', `/teams/${teamId}`, { token: t })).status,
      [403, 403, 404, 200, 200],
    ],
    'GET /agents/{userId}': [
      async (t) => (await api('GET', `/agents/${supervisorId}`, { token: t })).status,
      [403, 403, 404, 200, 200],
    ],
    'GET /audit?organisationId=': [
      async (t) => (await api('GET', `/audit?organisationId=${organisationId}`, { token: t })).status,
      [403, 403, 404, 200, 200],
    ],
    'PUT /organisations/{organisationId} (unchanged)': [
      async (t) => {
        const read = await api<CatalogueDocuments>('GET', `/catalogues/${organisationId}`, { as: 'admin' });
        return (await put(`/organisations/${organisationId}`, ORGANISATION, t, read.body.organisation?.version)).status;
      },
      [403, 403, 404, 200, 200],
    ],
    'PUT /topics/{topicId} at level 1 (the shared catalogue)': [
      async (t) =>
        (
          await put(
            `/topics/shared-${randomUUID().slice(0, 8)}`,
            // Internal: the shared catalogue requesters see stays as it is.
            topic({
              parentId: null,
              level: 1,
              organisationId: null,
              teamId: undefined,
              internal: true,
              form: { fields: [] },
            }),
            t,
          )
        ).status,
      [403, 403, 403, 403, 201],
    ],
  };
  /** A document as GET shows it, less what the server stamps: what a PUT of it unchanged sends. */
  const STAMPS = ['id', 'organisationId', 'userId', 'name', 'email', 'version', 'updatedAt', 'updatedBy'];
  const unchanged = async (path: string, keep: readonly string[] = []) => {
    const read = await api<Record<string, unknown>>('GET', path, { as: 'admin' });
    const body = Object.fromEntries(
      Object.entries(read.body).filter(([key]) => keep.includes(key) || !STAMPS.includes(key)),
    );
    return { body, version: read.body.version as number };
  };
  const topicPath = () => `/topics/${organisationId}-certs`;
  const currentTopic = async () => {
    const catalogue = await api<CatalogueDocuments>('GET', `/catalogues/${organisationId}`, { as: 'admin' });
    const {
      id: _,
      version,
      updatedAt: _at,
      updatedBy: _by,
      ...body
    } = catalogue.body.topics[0] as Record<string, unknown>;
    return { body, version: version as number };
  };
  const PUTS: Record<string, () => Promise<{ path: string; body: unknown; version: number }>> = {
    'PUT /calendars/{organisationId}': async () => ({
      path: `/calendars/${organisationId}`,
      ...(await unchanged(`/calendars/${organisationId}`)),
    }),
    'PUT /sla-policies/{organisationId}': async () => ({
      path: `/sla-policies/${organisationId}`,
      ...(await unchanged(`/sla-policies/${organisationId}`)),
    }),
    'PUT /teams/{teamId}': async () => ({
      path: `/teams/${teamId}`,
      ...(await unchanged(`/teams/${teamId}`, ['organisationId', 'name'])),
    }),
    'PUT /topics/{topicId}': async () => ({ path: topicPath(), ...(await currentTopic()) }),
    'PUT /agents/{userId}': async () => ({
      path: `/agents/${supervisorId}`,
      ...(await unchanged(`/agents/${supervisorId}`, ['organisationId'])),
    }),
  };
  for (const [route, current] of Object.entries(PUTS)) {
    ROUTES[`${route} (as read)`] = [
      async (t) => {
        const { path, body, version } = await current();
        return (await put(path, body, t, version)).status;
      },
      [403, 403, 404, 200, 200],
    ];
    ROUTES[`${route} at a stale version`] = [
      async (t) => {
        const { path, body } = await current();
        return (await put(path, body, t, 999)).status;
      },
      [403, 403, 404, 409, 409],
    ];
  }
  ROUTES['PUT /organisations/{organisationId} at a stale version'] = [
    async (t) => (await put(`/organisations/${organisationId}`, ORGANISATION, t, 999)).status,
    [403, 403, 404, 409, 409],
  ];
  ROUTES['PUT /topics/{topicId} changing a topic that does not exist'] = [
    async (t) => (await put(`/topics/${organisationId}-nothing`, (await currentTopic()).body, t, 1)).status,
    [403, 403, 404, 404, 404],
  ];

  for (const [route, [call, expected]] of Object.entries(ROUTES)) {
    it(`${route}: ${CALLERS.map((caller, index) => `${caller} ${expected[index]}`).join(', ')}`, async () => {
      const statuses = [];
      for (const caller of CALLERS) statuses.push(await call(await token(caller)));
      expect(statuses).toEqual(expected);
    });
  }

  it('GET /agents/{userId} of someone who works nowhere is a 404, as is an admin’s audit without an organisation', async () => {
    const nobody = await api('GET', `/agents/${randomUUID()}`, { as: 'admin' });
    expect(nobody.status).toBe(404);
    expect((await api('GET', '/audit', { as: 'admin' })).status).toBe(404);
  });
});
