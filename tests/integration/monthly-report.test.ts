import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../contracts/reports-views';
import { TICKET_TYPES } from '../../contracts/vocabulary';
import { forgetCatalogue, loadCatalogue, saveCatalogue } from '../../functions/catalogue';
import { ratingToken } from '../../functions/mail';
import { cryptoIds } from '../../functions/platform/ids';
import type { Caller } from '../../functions/platform/kernel/caller';
import { type Profile, saveProfile } from '../../functions/profiles';
import { bucketOf, bucketValue } from '../../functions/reports';
import type { StaffMember } from '../../functions/tickets/domain/access';
import { accessAsRequester } from '../../functions/tickets/domain/access';
import { reply } from '../../functions/tickets/domain/conversation';
import { openTicket } from '../../functions/tickets/domain/filing';
import { DEFAULT_FILING_LIMITS } from '../../functions/tickets/domain/limits';
import type { TicketRecord } from '../../functions/tickets/domain/model';
import type { TicketDeps } from '../../functions/tickets/domain/ports';
import { reopenTicket } from '../../functions/tickets/domain/reopening';
import { rated } from '../../functions/tickets/domain/satisfaction';
import { updateTicket } from '../../functions/tickets/domain/staff-changes';
import { dynamoTicketStore as store } from '../../functions/tickets/store';
import { api, endpoints, tokenFor } from '../support/api';

/**
 * The monthly indicators of a month built by hand, March 2025 in Europe/Madrid, where every
 * figure is known in advance. The organisation is open around the clock, so business minutes
 * are plain minutes; its commitments are a first response in 60 minutes and a resolution in 600.
 * Everything happens through the use cases at chosen instants, against the real table; the
 * report is read through the API.
 */
const suffix = randomUUID().slice(0, 8);
const org = `rpt-${suffix}`;
const [level1, topicA, topicA1, topicB, team] = ['rl1', 'a', 'a1', 'b', 'team'].map((id) => `${org}-${id}`) as [
  string,
  string,
  string,
  string,
  string,
];
const name = (en: string) => ({ ca: en, es: en, oc: en, en });
const ALL_DAY = [{ from: '00:00', to: '24:00' }];
const topic = (id: string, level: 1 | 2 | 3, parentId: string | null) => ({
  id,
  parentId,
  level,
  organisationId: level === 1 ? null : org,
  name: name(`Topic ${id.slice(org.length + 1)}`),
  internal: false,
  ticketTypes: [...TICKET_TYPES],
  form: { fields: [] },
  ...(level > 1 ? { teamId: team } : {}),
});

const requester: Profile = {
  userId: `citizen-${suffix}`,
  name: 'Marta Riu',
  email: `marta-${suffix}@example.org`,
  emailVerified: false,
  language: 'ca',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};
const agent: StaffMember = {
  ...requester,
  userId: `agent-${suffix}`,
  name: 'Pau Agent',
  email: `pau-${suffix}@example.org`,
  staff: { organisationId: org, teamIds: [team], topicIds: [], supervisor: true },
};
const caller: Caller = { userId: requester.userId, groups: [], token: { use: 'access', raw: 'test' } };

/** The use cases at an instant. */
const at = (instant: string): TicketDeps => ({
  store,
  catalogue: { load: () => loadCatalogue() },
  clock: { now: () => new Date(instant) },
  ids: cryptoIds,
  links: { ratingToken },
  limits: DEFAULT_FILING_LIMITS,
});
let filings = 0;
const file = (instant: string, input: Record<string, unknown>) =>
  openTicket(at(instant), { kind: 'user', caller, profile: requester, client: `10.0.0.${++filings}` }, {
    subject: 'A case',
    description: 'What happened.',
    fields: {},
    ...input,
  } as never);
const staff = (ticket: TicketRecord) => ({ as: 'staff' as const, ticket, member: agent });
const answer = (instant: string, ticket: TicketRecord, requestInfo = false) =>
  reply(at(instant), staff(ticket), { body: 'We are on it.', ...(requestInfo ? { requestInfo } : {}) });
const setStatus = (instant: string, ticket: TicketRecord, status: 'resolved' | 'closed') =>
  updateTicket(at(instant), staff(ticket), { status }, ticket.version, undefined);
const rate = (instant: string, ticket: TicketRecord, score: number) =>
  store.rate(ticket, rated(ticket, { score }, new Date(instant)));

const month = (which: string, headers: Record<string, string> = {}) =>
  api<MonthlyReport>('GET', `/reports/monthly?month=${which}&organisationId=${org}`, { as: 'admin', headers });

let t3: TicketRecord;

beforeAll(async () => {
  await saveCatalogue({
    organisations: [
      {
        id: org,
        name: name('Report town'),
        ticketPrefix: `R${suffix.replace(/[^a-f]/g, '').toUpperCase()}ZZ`.slice(0, 6),
        emailDomains: [],
        languages: ['ca', 'es', 'oc', 'en'],
        reopenWindowDays: 30,
        calendar: {
          timeZone: 'Europe/Madrid',
          week: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
          holidays: [],
        },
        slaPolicy: { rules: [{ firstResponse: { minutes: 60 }, resolution: { minutes: 600 } }] },
      },
    ],
    teams: [{ id: team, organisationId: org, name: name('Desk'), level: 1 }],
    topics: [topic(level1, 1, null), topic(topicA, 2, level1), topic(topicA1, 3, topicA), topic(topicB, 2, level1)],
  });
  await saveProfile(requester);

  // T6: filed in February, resolved on 2 March after three days (4,320 min, late).
  const t6 = await file('2025-02-27T10:00:00Z', { type: 'incident', topicId: topicB });
  await setStatus('2025-03-02T10:00:00Z', t6, 'resolved');

  // T1: a P1 incident answered in 30 min, resolved in 120, rated 3.
  const t1 = await file('2025-03-03T09:00:00Z', {
    type: 'incident',
    topicId: topicA1,
    impact: { blocksWork: true, affectsOthers: true, affectsCitizens: true },
  });
  const t1resolved = await setStatus('2025-03-03T11:00:00Z', await answer('2025-03-03T09:30:00Z', t1), 'resolved');
  await rate('2025-03-03T12:00:00Z', t1resolved, 3);

  // T2: a request first answered after 120 min by asking the requester, who answers 120 min
  // later; resolved at 600 − 120 paused = 480 business minutes, within target; rated 4.
  const t2 = await file('2025-03-04T10:00:00Z', { type: 'request', topicId: topicB });
  const asked = await answer('2025-03-04T12:00:00Z', t2, true);
  const answered = await reply(at('2025-03-04T14:00:00Z'), { as: 'requester', ticket: asked }, { body: 'Here it is.' });
  await rate('2025-03-05T09:00:00Z', await setStatus('2025-03-04T20:00:00Z', answered, 'resolved'), 4);

  // T3: a complaint nobody has answered yet: in the backlog at the month's end.
  t3 = await file('2025-03-05T08:00:00Z', { type: 'complaint', topicId: topicA });

  // T4: a call-back for the morning of 6 March, answered at 10:00 local time then (1,020 min).
  const t4 = await file('2025-03-05T16:00:00Z', {
    type: 'callback',
    topicId: topicA,
    callback: { phone: '600000000', slot: 'morning', date: '2025-03-06' },
  });
  await answer('2025-03-06T09:00:00Z', t4);

  // T5: resolved at once (20 min), reopened, resolved again (120 min from filing), rated 5.
  const t5 = await file('2025-03-06T09:00:00Z', { type: 'incident', topicId: topicA1 });
  await setStatus('2025-03-06T09:20:00Z', t5, 'resolved');
  const thread = await store.thread(t5.ticketId, { consistent: true });
  const reopened = await reopenTicket(
    at('2025-03-06T10:00:00Z'),
    accessAsRequester(caller, thread.ticket),
    thread.history,
    'It fails again.',
  );
  await rate('2025-03-07T09:00:00Z', await setStatus('2025-03-06T11:00:00Z', reopened, 'resolved'), 5);

  // T8: a query closed without being resolved.
  const t8 = await file('2025-03-10T09:00:00Z', { type: 'query', topicId: topicB });
  await setStatus('2025-03-10T10:00:00Z', t8, 'closed');

  // T7: 23:30 UTC on 31 March is already 1 April in Madrid: April's.
  await file('2025-03-31T23:30:00Z', { type: 'suggestion', topicId: topicB });
}, 60_000);

/** A histogram's figure: what the report says for an exact value, within its 5 %. */
const fromHistogram = (minutes: number) => {
  const value = bucketValue(bucketOf(minutes));
  expect(Math.abs(value - minutes) / minutes).toBeLessThanOrEqual(0.05);
  return value;
};

describe('the monthly indicators of a hand-built month', () => {
  it('count what was received, by type, channel, priority and topic levels 1 and 2, in the month of Madrid', async () => {
    const { status, body } = await month('2025-03');
    expect(status).toBe(200);
    expect(body.received).toEqual({
      total: 6,
      byType: [
        { key: 'incident', count: 2 },
        { key: 'request', count: 1 },
        { key: 'query', count: 1 },
        { key: 'complaint', count: 1 },
        { key: 'callback', count: 1 },
      ],
      byChannel: [{ key: 'web', count: 6 }],
      byPriority: [
        { key: 'P1', count: 1 },
        { key: 'P3', count: 5 },
      ],
      byTopic: [
        { id: level1, level: 1, name: 'Topic rl1', count: 6 },
        { id: topicA, level: 2, name: 'Topic a', count: 4 },
        { id: topicB, level: 2, name: 'Topic b', count: 2 },
      ],
    });
    expect((await month('2025-04')).body.received.total).toBe(1);
    expect((await month('2025-02')).body.received.total).toBe(1);
  });

  it('count resolutions, closures, reopenings and the backlog left at the month’s end', async () => {
    const { body } = await month('2025-03');
    expect(body).toMatchObject({ resolved: 5, closed: 1, reopened: 1, backlogAtMonthEnd: 2 });
    expect((await month('2025-02')).body.backlogAtMonthEnd).toBe(1);
  });

  it('measure first response and resolution in business minutes, against each target', async () => {
    const { body } = await month('2025-03');
    // First responses: 30 (in time), 120 and 1,020 (late).
    expect(body.firstResponse).toEqual({
      count: 3,
      medianMinutes: fromHistogram(120),
      p90Minutes: fromHistogram(1020),
      withinTarget: 1,
      compliancePercent: 33.3,
    });
    // Resolutions: 20, 120, 120, 480 (in time) and 4,320 (late).
    expect(body.resolution).toEqual({
      count: 5,
      medianMinutes: fromHistogram(120),
      p90Minutes: fromHistogram(4320),
      withinTarget: 4,
      compliancePercent: 80,
    });
    expect(body.percentiles).toEqual({ method: 'histogram', maxRelativeError: 0.05 });
  });

  it('average the ratings against the 4-out-of-5 target, and count call-backs answered in their slot', async () => {
    const { body } = await month('2025-03');
    expect(body.satisfaction).toEqual({
      count: 3,
      average: 4,
      distribution: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 },
      target: 4,
      meetsTarget: true,
    });
    expect(body.callbacks).toEqual({
      requested: 1,
      bySlot: [{ key: 'morning', count: 1 }],
      answered: 1,
      answeredInSlot: 1,
      inSlotPercent: 100,
    });
  });

  it('come as CSV for a spreadsheet in Catalan: BOM, semicolons, decimal commas, one row per figure', async () => {
    const { status, headers, body } = await month('2025-03', { accept: 'text/csv', 'accept-language': 'ca' });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/csv/);
    expect(headers.get('content-disposition')).toContain(`${org}-2025-03.csv`);
    // Read as bytes: a client's text decoding drops the BOM that tells spreadsheets it is UTF-8.
    const raw = await fetch(`${endpoints().apiUrl}/reports/monthly?month=2025-03&organisationId=${org}`, {
      headers: { accept: 'text/csv', authorization: `Bearer ${await tokenFor('admin')}` },
    });
    const bytes = Buffer.from(await raw.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(body);
    const rows = (body as unknown as string).trimEnd().split('\r\n');
    expect(rows[0]?.split(';')).toHaveLength(4);
    expect(rows.some((row) => row.endsWith(';33,3'))).toBe(true);
    expect(rows.filter((row) => row.includes('Topic '))).toHaveLength(3);
  });
});

describe('a calendar or policy changed while tickets are open', () => {
  it('leaves open tickets’ due times as they were promised, and gives new tickets the new ones', async () => {
    const stored = async (ticketId: string) => (await store.ticket(ticketId))?.sla;
    const before = await stored(t3.ticketId);
    const weekdays = [{ from: '09:00', to: '14:00' }];
    const changed = await api('PUT', `/sla-policies/${org}`, {
      as: 'admin',
      body: { rules: [{ firstResponse: { minutes: 30 }, resolution: { minutes: 120 } }] },
      headers: { 'if-match': '"1"' },
    });
    expect(changed.status).toBe(200);
    const calendar = await api('PUT', `/calendars/${org}`, {
      as: 'admin',
      body: { timeZone: 'Europe/Madrid', week: { mon: weekdays, tue: weekdays }, holidays: [] },
      headers: { 'if-match': '"1"' },
    });
    expect(calendar.status).toBe(200);
    // What a function instance sees once its cached catalogue (at most a minute old) is refreshed.
    forgetCatalogue();
    expect(await stored(t3.ticketId)).toEqual(before);
    // Monday 3 March 2025, 15:00 in Madrid: closed; counts from Tuesday 09:00, 30 min.
    const fresh = await file('2025-03-03T14:00:00Z', { type: 'incident', topicId: topicB });
    expect(fresh.sla?.firstResponseDueAt).toBe('2025-03-04T08:30:00.000Z');
  });
});
