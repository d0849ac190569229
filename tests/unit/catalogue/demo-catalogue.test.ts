import { describe, expect, it } from 'vitest';
import { Catalogue, type TopicDefinition } from '../../../functions/catalogue/domain/model';
import { DEMO_CATALOGUE } from '../../../lib/local/demo-catalogue';

const { organisations, teams, topics } = DEMO_CATALOGUE;
const topicById = new Map(topics.map((topic) => [topic.id, topic]));
const teamById = new Map(teams.map((team) => [team.id, team]));
const organisationIds = new Set(organisations.map((organisation) => organisation.id));

const topicsOf = (organisationId: string) => topics.filter((topic) => topic.organisationId === organisationId);
const fieldsOf = (topic: TopicDefinition | undefined) =>
  new Map((topic?.form.fields ?? []).map((field) => [field.name, field]));
const duplicates = (values: string[]) => values.filter((value, index) => values.indexOf(value) !== index);

describe('the demo catalogue', () => {
  it('parses against the catalogue schema unchanged', () => {
    expect(Catalogue.parse(DEMO_CATALOGUE)).toEqual(DEMO_CATALOGUE);
  });

  it('has the five organisations with their ticket prefixes', () => {
    expect(Object.fromEntries(organisations.map((o) => [o.id, o.ticketPrefix]))).toEqual({
      salut: 'SALUT',
      hestia: 'HESTIA',
      dipu: 'DIPU',
      gencat: 'GENCAT',
      oac360: 'OAC',
    });
    for (const organisation of organisations) {
      expect(organisation.calendar?.timeZone).toBe('Europe/Madrid');
      expect(organisation.slaPolicy?.rules.length).toBeGreaterThan(0);
      expect(organisation.emailDomains.length).toBeGreaterThan(0);
      expect(organisation.languages).toContain('ca');
    }
    expect(organisations.find((o) => o.id === 'gencat')?.languages.sort()).toEqual(['ca', 'en', 'es', 'oc']);
  });

  it('gives the town hall and the health agency the opening hours their pages state (004: 8–20, 000: 8–15)', () => {
    expect(organisations.find((o) => o.id === 'oac360')?.calendar?.week.mon).toEqual([{ from: '08:00', to: '20:00' }]);
    expect(organisations.find((o) => o.id === 'salut')?.calendar?.week.fri).toEqual([{ from: '08:00', to: '15:00' }]);
  });

  it('uses unique ids for organisations, teams and topics', () => {
    expect(duplicates(organisations.map((o) => o.id))).toEqual([]);
    expect(duplicates(teams.map((team) => team.id))).toEqual([]);
    expect(duplicates(topics.map((topic) => topic.id))).toEqual([]);
  });

  it('keeps the shared level 1 unowned and every other topic owned by a known organisation', () => {
    for (const topic of topics) {
      if (topic.organisationId === null) {
        expect(topic, topic.id).toMatchObject({ level: 1, parentId: null });
      } else {
        expect(organisationIds.has(topic.organisationId), topic.id).toBe(true);
      }
    }
  });

  it('hangs every topic under an existing parent, one level down, of the same or the shared catalogue', () => {
    for (const topic of topics) {
      if (topic.parentId === null) {
        expect(topic.level, topic.id).toBe(1);
        continue;
      }
      const parent = topicById.get(topic.parentId);
      expect(parent, `${topic.id} → ${topic.parentId}`).toBeDefined();
      expect(topic.level, topic.id).toBe((parent?.level ?? 0) + 1);
      expect([null, topic.organisationId], topic.id).toContain(parent?.organisationId);
    }
  });

  it('never hides a requester-visible topic under an internal one', () => {
    for (const topic of topics.filter((t) => !t.internal && t.parentId !== null)) {
      expect(topicById.get(topic.parentId as string)?.internal, topic.id).toBe(false);
    }
  });

  it('routes topics to teams of their own organisation', () => {
    for (const team of teams) expect(organisationIds.has(team.organisationId), team.id).toBe(true);
    for (const topic of topics.filter((t) => t.teamId !== undefined)) {
      expect(teamById.get(topic.teamId as string)?.organisationId, topic.id).toBe(topic.organisationId);
    }
    for (const topic of topics.filter((t) => t.organisationId !== null)) {
      expect(topic.teamId, topic.id).toBeDefined();
    }
  });

  it('gives every organisation at least one requester-visible topic', () => {
    for (const organisation of organisations) {
      expect(
        topicsOf(organisation.id).some((topic) => !topic.internal),
        organisation.id,
      ).toBe(true);
    }
  });

  it('keeps forms consistent: unique field names, conditions on existing fields and values', () => {
    for (const topic of topics) {
      const names = topic.form.fields.map((field) => field.name);
      expect(duplicates(names), topic.id).toEqual([]);
      const fields = fieldsOf(topic);
      for (const field of topic.form.fields) {
        if (!field.requiredWhen) continue;
        const other = fields.get(field.requiredWhen.field);
        expect(other, `${topic.id}.${field.name}`).toBeDefined();
        expect(field.required, `${topic.id}.${field.name}`).toBe(false);
        if (other?.options) {
          expect(
            other.options.map((o) => o.value),
            `${topic.id}.${field.name}`,
          ).toContain(field.requiredWhen.equals);
        }
      }
    }
  });

  it('asks exactly what Hèstia needs to create a professional user', () => {
    const newUser = topicById.get('hestia-new-user');
    expect(newUser).toMatchObject({ organisationId: 'hestia', level: 3, internal: false, ticketTypes: ['request'] });
    const fields = fieldsOf(newUser);
    expect([...fields.keys()]).toEqual([
      'fullName',
      'nationalId',
      'corporateEmail',
      'role',
      'team',
      'sector',
      'category',
      'mobile',
    ]);
    expect(fields.get('fullName')).toMatchObject({ type: 'text', required: true });
    expect(fields.get('nationalId')).toMatchObject({ type: 'national_id', required: true });
    expect(fields.get('corporateEmail')).toMatchObject({ type: 'corporate_email', required: true });
    expect(fields.get('role')?.type).toBe('select');
    expect(fields.get('role')?.options?.map((o) => o.value)).toContain('immigration_technician');
    expect(fields.get('category')).toMatchObject({
      type: 'select',
      required: false,
      requiredWhen: { field: 'role', equals: 'immigration_technician' },
    });
    expect(fields.get('category')?.options?.map((o) => o.value)).toEqual(['A', 'B', 'C']);
    expect(fields.get('category')?.help?.en).toMatch(/European Social Fund/);
    expect(fields.get('mobile')).toMatchObject({ type: 'phone', required: false, transient: true });
    expect(fields.get('mobile')?.help?.en).toMatch(/never stored/);
  });

  it('makes the Coordinator-only Hèstia requests confirm the role with a required checkbox', () => {
    for (const id of [
      'hestia-delete-records',
      'hestia-transfer-actions',
      'hestia-delete-actions',
      'hestia-unlink-people',
    ]) {
      expect(fieldsOf(topicById.get(id)).get('coordinator'), id).toMatchObject({ type: 'checkbox', required: true });
    }
    expect(fieldsOf(topicById.get('hestia-delete-case-files')).get('nothingAttached')).toMatchObject({
      type: 'checkbox',
      required: true,
    });
  });

  it('keeps the known Hèstia problems as guidance on the incident topic', () => {
    const guidance = topicById.get('hestia-incident')?.guidance?.en ?? '';
    expect(guidance).toMatch(/municipality/);
    expect(guidance).toMatch(/entity’s name/);
    expect(guidance).toMatch(/Office 2003/);
  });

  it('routes the council’s categories to their teams and keeps impact out of the forms', () => {
    const dipu = topicsOf('dipu');
    expect(new Set(dipu.map((topic) => topic.teamId)).size).toBeGreaterThanOrEqual(5);
    expect(topicById.get('dipu-web-portals')?.ticketTypes).toEqual(['incident', 'request']);
    for (const topic of dipu) {
      expect(topic.form.fields.map((field) => field.name.toLowerCase()).join()).not.toMatch(/impact|blocks|affects/);
    }
  });

  it('classifies the government’s queries in thematic levels, with internal organisational topics', () => {
    const gencat = topicsOf('gencat');
    expect(gencat.filter((topic) => topic.internal).length).toBeGreaterThanOrEqual(2);
    expect(gencat.some((topic) => topic.level === 3 && !topic.internal)).toBe(true);
    expect(topicById.get('gencat-education-enrolment-schools')).toMatchObject({
      level: 3,
      parentId: 'gencat-education-enrolment',
      ticketTypes: ['query', 'complaint', 'suggestion'],
    });
  });

  it('lets OAC 360 take call-back requests and forward faults to a second-level team', () => {
    expect(topicById.get('oac360-callback')).toMatchObject({ organisationId: 'oac360', internal: false });
    expect(topicById.get('oac360-callback')?.ticketTypes).toContain('callback');
    expect(teams.some((team) => team.organisationId === 'oac360' && team.level === 2)).toBe(true);
    const forwarded = topicById.get('oac360-forward-technical-services');
    expect(forwarded?.internal).toBe(true);
    expect(teamById.get(forwarded?.teamId as string)?.level).toBe(2);
  });

  it('warns salut requesters off “Other” when a better topic exists', () => {
    expect(topicById.get('salut-other')?.guidance?.en).toMatch(/Don’t choose “Other”/);
    expect(topicById.get('salut-application-error')?.guidance?.en).toMatch(/screenshot/);
  });
});
