import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { DEMO_CATALOGUE } from '../../lib/local/demo-catalogue';
import { api, endpoints } from '../support/api';
import { mailTo, nowSeconds } from '../support/mail';
import { fileAs, portalIncident, type TicketBody } from '../support/tickets';
import { type Callers, callersOf } from './callers';
import type { Known, OpenApiDocument, TopicForm } from './contract';

/** What the fuzz works from: the served contract, the callers, and data that exists. */
export interface World {
  readonly document: OpenApiDocument;
  readonly callers: Callers;
  readonly known: Known;
}

async function fileGuestTicket() {
  const email = `guest-${randomUUID().slice(0, 8)}@example.org`;
  const since = nowSeconds();
  const filed = await api<TicketBody>('POST', '/public/tickets', {
    body: { ...portalIncident(), requester: { name: 'Fuzz Guest', email } },
  });
  expect(filed.status).toBe(201);
  const [mail] = await mailTo(email, since);
  const token = decodeURIComponent(/#token=([^\s]+)/.exec(mail?.body.text ?? '')?.[1] ?? '');
  expect(token).not.toBe('');
  return { id: filed.body.id, token };
}

/** Reads the document and the catalogue, signs every demo role in, and files a citizen's and a guest's tickets. */
export async function prepareWorld(): Promise<World> {
  const e = endpoints();
  const document = (await (await fetch(`${e.apiUrl}/openapi.json`)).json()) as OpenApiDocument;
  const callers = await callersOf(e.demoUsers.map((user) => user.role));
  const mine = [await fileAs('citizen', portalIncident()), await fileAs('citizen', portalIncident())];
  const guest = await fileGuestTicket();
  const page = await api<{ nextCursor: string | null }>('GET', '/tickets?limit=1', { as: 'citizen' });
  const topics = await api<{ items: TopicForm[] }>('GET', '/topics');
  const staff = await Promise.all(['agent', 'supervisor'].map((as) => api<{ userId: string }>('GET', '/me', { as })));
  expect(page.body.nextCursor).toBeTruthy();
  const organisationId = topics.body.items.find((topic) => topic.id === mine[0]?.topic.id)?.organisationId;
  return {
    document,
    callers,
    known: {
      topics: topics.body.items,
      ticketIds: [...mine.map((ticket) => ticket.id), guest.id],
      teamIds: DEMO_CATALOGUE.teams.map((team) => team.id),
      organisation: {
        topicIds: topics.body.items.filter((topic) => topic.organisationId === organisationId).map((topic) => topic.id),
        teamIds: DEMO_CATALOGUE.teams.filter((team) => team.organisationId === organisationId).map((team) => team.id),
      },
      staffIds: staff.map((me) => me.body.userId),
      emailDomains: DEMO_CATALOGUE.organisations.flatMap((organisation) => organisation.emailDomains),
      cursor: page.body.nextCursor ?? '',
      guestToken: guest.token,
    },
  };
}
