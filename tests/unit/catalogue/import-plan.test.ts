import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueDocuments, type CatalogueFile } from '../../../contracts/admin-views';
import { SHARED_CATALOGUE } from '../../../contracts/catalogue';
import type { AdminClient } from '../../../lib/catalogue/client';
import { ownerOf, readCatalogueFile } from '../../../lib/catalogue/files';
import { applyPlan, planFor } from '../../../lib/catalogue/import';
import { countsOf, differencesBetween, type ImportPlan, planImport } from '../../../lib/catalogue/plan';
import { DEMO_CATALOGUE_DIR } from '../../../lib/local/demo-catalogue';

const hestia = readCatalogueFile(join(DEMO_CATALOGUE_DIR, 'hestia.yaml'));
const shared = readCatalogueFile(join(DEMO_CATALOGUE_DIR, 'shared.yaml'));

const EMPTY: CatalogueDocuments = { organisation: null, calendar: null, slaPolicy: null, teams: [], topics: [] };
const stamp = (version = 3) => ({ version, updatedAt: '2026-11-20T10:00:00.000Z', updatedBy: 'Pere Serra Bosch' });

/** What the stack would hold after importing `file`: every document stamped. */
const storedOf = (file: CatalogueFile, version = 3): CatalogueDocuments => {
  const organisationId = ownerOf(file);
  return {
    organisation: file.organisation ? { ...file.organisation, ...stamp(version) } : null,
    calendar: file.calendar ? { ...file.calendar, organisationId, ...stamp(version) } : null,
    slaPolicy: file.slaPolicy ? { ...file.slaPolicy, organisationId, ...stamp(version) } : null,
    teams: file.teams.map((team) => ({ ...team, ...stamp(version) })),
    topics: file.topics.map((topic) => ({ ...topic, ...stamp(version) })),
  };
};

const clone = <T>(value: T): T => structuredClone(value);
const actions = (plan: ImportPlan) => plan.documents.map((document) => `${document.action} ${document.name}`);
const changed = (plan: ImportPlan) => actions(plan).filter((line) => !line.startsWith('unchanged'));

describe('planImport', () => {
  it('creates everything in an empty stack: organisation, calendar, SLA policy, teams, then topics by level', () => {
    const plan = planImport(hestia, EMPTY);
    expect(plan.organisationId).toBe('hestia');
    expect(plan.kept).toEqual([]);
    expect(plan.documents.every((document) => document.action === 'create' && document.version === undefined)).toBe(
      true,
    );
    expect(actions(plan).slice(0, 5)).toEqual([
      'create organisations/hestia',
      'create calendars/hestia',
      'create sla-policies/hestia',
      'create teams/hestia-support',
      'create teams/hestia-technical',
    ]);
    const levels = plan.documents
      .filter((document) => document.kind === 'topic')
      .map((document) => document.body.level);
    expect(levels).toEqual([...levels].sort());
    expect(levels[0]).toBe(2);
    expect(countsOf(plan)).toEqual({ create: 18, update: 0, unchanged: 0, kept: 0 });
  });

  it('sends each document without its id; the calendar and SLA policy as they are', () => {
    const plan = planImport(hestia, EMPTY);
    const body = (name: string) => plan.documents.find((document) => document.name === name)?.body;
    expect(body('organisations/hestia')).not.toHaveProperty('id');
    expect(body('organisations/hestia')).toMatchObject({ ticketPrefix: 'HESTIA', reopenWindowDays: 7 });
    expect(body('teams/hestia-support')).toEqual({
      organisationId: 'hestia',
      level: 1,
      assignment: 'automatic',
      name: hestia.teams[0]?.name,
    });
    expect(body('topics/hestia-new-user')).not.toHaveProperty('id');
    expect(body('calendars/hestia')).toEqual(hestia.calendar);
    expect(body('sla-policies/hestia')).toEqual(hestia.slaPolicy);
  });

  it('leaves unchanged what the stack already holds, whatever its stamps', () => {
    const plan = planImport(hestia, storedOf(hestia));
    expect(changed(plan)).toEqual([]);
    expect(countsOf(plan)).toEqual({ create: 0, update: 0, unchanged: 18, kept: 0 });
  });

  it('updates what differs, with the stored version, naming each differing path', () => {
    const stored = clone(storedOf(hestia, 7));
    const newUser = stored.topics.find((topic) => topic.id === 'hestia-new-user');
    const corporateEmail = newUser?.form.fields[2];
    if (!newUser || !corporateEmail) throw new Error('No hestia-new-user field 2.');
    corporateEmail.label.oc = 'Corrèu';
    newUser.ticketTypes = ['request', 'query'];
    stored.calendar = { ...(stored.calendar as NonNullable<CatalogueDocuments['calendar']>), timeZone: 'Europe/Paris' };

    const plan = planImport(hestia, stored);
    expect(changed(plan)).toEqual(['update calendars/hestia', 'update topics/hestia-new-user']);
    const update = plan.documents.find((document) => document.name === 'topics/hestia-new-user');
    expect(update).toMatchObject({ action: 'update', version: 7 });
    expect(update?.differences).toEqual(['ticketTypes[1]', 'form.fields[2].label.oc']);
    expect(plan.documents.find((document) => document.kind === 'calendar')?.differences).toEqual(['timeZone']);
  });

  it('counts a field the stack has and the file leaves out as a difference', () => {
    const stored = clone(storedOf(hestia));
    const query = stored.topics.find((topic) => topic.id === 'hestia-query');
    if (!query) throw new Error('No hestia-query.');
    query.guidance = { ca: 'a', es: 'b', oc: 'c', en: 'd' };
    const plan = planImport(hestia, stored);
    expect(plan.documents.find((document) => document.name === 'topics/hestia-query')?.differences).toEqual([
      'guidance',
    ]);
  });

  it('compares the topics’ organisation, which the file carries, but not the calendar’s, which it does not', () => {
    const stored = clone(storedOf(hestia));
    const [first] = stored.teams;
    if (!first) throw new Error('No team.');
    first.organisationId = 'elsewhere';
    const plan = planImport(hestia, stored);
    expect(changed(plan)).toEqual(['update teams/hestia-support']);
    expect(plan.documents.find((document) => document.name === 'teams/hestia-support')?.differences).toEqual([
      'organisationId',
    ]);
  });

  it('keeps (never deletes) what the stack has and the file does not', () => {
    const file: CatalogueFile = { ...hestia, calendar: undefined, topics: hestia.topics.slice(1) };
    const plan = planImport(file, storedOf(hestia));
    expect(plan.kept).toEqual([
      { kind: 'calendar', name: 'calendars/hestia' },
      { kind: 'topic', name: 'topics/hestia-users' },
    ]);
    expect(changed(plan)).toEqual([]);
  });

  it('plans the shared level-1 topics under "shared"', () => {
    const plan = planImport(shared, EMPTY);
    expect(plan.organisationId).toBe(SHARED_CATALOGUE);
    expect(actions(plan)).toEqual(shared.topics.map((topic) => `create topics/${topic.id}`));
  });

  it('puts an SLA policy with rules for given topics after the topics', () => {
    const slaPolicy = {
      warnAtPercent: 75,
      rules: [
        { firstResponse: { days: 1 }, resolution: { days: 5 } },
        { topicId: 'hestia-incident', firstResponse: { minutes: 60 }, resolution: { days: 1 } },
      ],
    };
    const plan = planImport({ ...hestia, slaPolicy }, EMPTY);
    expect(plan.documents.at(-1)?.name).toBe('sla-policies/hestia');
    expect(plan.documents[1]?.name).toBe('calendars/hestia');
  });

  it('finds beforehand what the API would refuse, with the administration’s own checks, so nothing is half-applied', () => {
    expect(
      planImport(
        hestia,
        EMPTY,
        shared.topics.map((topic) => ({ ...topic, ...stamp() })),
      ).problems,
    ).toEqual([]);
    const [first, ...rest] = hestia.topics;
    const broken = {
      ...hestia,
      topics: [{ ...(first as (typeof hestia.topics)[number]), teamId: 'nobodys-team' }, ...rest],
    };
    const plan = planImport(
      broken,
      EMPTY,
      shared.topics.map((topic) => ({ ...topic, ...stamp() })),
    );
    expect(plan.problems).toEqual([
      expect.objectContaining({ document: `topics/${first?.id}`, message: expect.stringMatching(/No such team/) }),
    ]);
  });
});

describe('differencesBetween', () => {
  it('names paths with indexes, and the items one list has beyond the other', () => {
    expect(differencesBetween({ a: [1, 2, 3], b: { c: 'x' } }, { a: [1, 5], b: { c: 'x', d: true } })).toEqual([
      'a[1]',
      'a[2]',
      'b.d',
    ]);
    expect(differencesBetween({ a: 1 }, { a: 1 })).toEqual([]);
    expect(differencesBetween(1, 'one')).toEqual(['(the whole document)']);
  });
});

/** The administration API as far as an import uses it, in memory: versions as the real one counts them. */
function fakeStack() {
  const documents = new Map<string, { body: Record<string, unknown>; version: number }>();
  const puts: { name: string; version: number | undefined }[] = [];
  const all = (prefix: string) =>
    [...documents].filter(([name]) => name.startsWith(prefix)).map(([name, stored]) => ({ name, ...stored }));
  const stamped = (id: string, { body, version }: { body: Record<string, unknown>; version: number }) => ({
    ...body,
    id,
    ...stamp(version),
  });
  const client: AdminClient = {
    async getCatalogue(organisationId) {
      const owned = (owner: unknown) => (owner ?? SHARED_CATALOGUE) === organisationId;
      const one = (name: string) => documents.get(name);
      const organisation = one(`organisations/${organisationId}`);
      const calendar = one(`calendars/${organisationId}`);
      const slaPolicy = one(`sla-policies/${organisationId}`);
      const of = (kind: string) =>
        all(`${kind}/`)
          .filter(({ body }) => owned(body.organisationId))
          .map(({ name, ...stored }) => stamped(name.slice(kind.length + 1), stored));
      return CatalogueDocuments.parse({
        organisation: organisation ? stamped(organisationId, organisation) : null,
        calendar: calendar ? { ...calendar.body, organisationId, ...stamp(calendar.version) } : null,
        slaPolicy: slaPolicy ? { ...slaPolicy.body, organisationId, ...stamp(slaPolicy.version) } : null,
        teams: of('teams'),
        topics: of('topics'),
      });
    },
    async put(name, body, version) {
      puts.push({ name, version });
      const existing = documents.get(name);
      if (existing?.version !== version) throw new Error(`409 ${name}`);
      documents.set(name, { body: structuredClone(body) as Record<string, unknown>, version: (version ?? 0) + 1 });
    },
  };
  return { client, puts };
}

describe('importing a file', () => {
  it('creates without If-Match, then finds nothing to do on a second run', async () => {
    const { client, puts } = fakeStack();
    const first = await planFor(hestia, client);
    await applyPlan(first, client);
    expect(puts.length).toBe(18);
    expect(puts.every((put) => put.version === undefined)).toBe(true);

    const again = await planFor(hestia, client);
    expect(countsOf(again)).toEqual({ create: 0, update: 0, unchanged: 18, kept: 0 });
    await applyPlan(again, client);
    expect(puts.length).toBe(18);
  });

  it('reads and writes only the file’s own catalogue', async () => {
    const { client } = fakeStack();
    await applyPlan(await planFor(shared, client), client);
    await applyPlan(await planFor(hestia, client), client);
    expect(countsOf(await planFor(shared, client))).toEqual({ create: 0, update: 0, unchanged: 6, kept: 0 });
    expect(countsOf(await planFor(hestia, client))).toEqual({ create: 0, update: 0, unchanged: 18, kept: 0 });
  });

  it('updates with the version it read as If-Match', async () => {
    const { client, puts } = fakeStack();
    await applyPlan(await planFor(hestia, client), client);
    const organisation = hestia.organisation as NonNullable<CatalogueFile['organisation']>;
    const changedFile: CatalogueFile = { ...hestia, organisation: { ...organisation, reopenWindowDays: 30 } };
    const applied: string[] = [];
    await applyPlan(await planFor(changedFile, client), client, (document) => applied.push(document.name));
    expect(applied).toEqual(['organisations/hestia']);
    expect(puts.at(-1)).toEqual({ name: 'organisations/hestia', version: 1 });
  });
});
