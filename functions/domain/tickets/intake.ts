import type { Caller } from '../../http/auth';
import type { Language } from '../../http/language';
import { findOrganisation, findTopic, isFileable } from '../catalogue/catalogue';
import { compileForm, storableFields } from '../catalogue/form';
import type { Catalogue, OrganisationDefinition, TicketType, TopicDefinition } from '../catalogue/model';
import { type FieldIssue, Forbidden, NotFound, ValidationFailed } from '../errors';
import { zodIssuesOf } from '../issues';
import { historyEntry } from './history';
import type { CallbackRequest, Channel, MessageRecord, TicketRecord } from './model';
import { notificationFor } from './notifications';
import type { CatalogueSource, Clock, Ids, Mailer, TicketStore } from './ports';
import { type ImpactAnswers, priorityFrom } from './priority';
import { acceptsRequesterReplies, type Status, statusAfterRequesterReply } from './status';

export interface Deps {
  readonly store: TicketStore;
  readonly catalogue: CatalogueSource;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly ids: Ids;
}

export interface TicketInput {
  readonly type: TicketType;
  readonly topicId: string;
  readonly subject: string;
  readonly description: string;
  readonly fields: Record<string, unknown>;
  readonly impact?: ImpactAnswers;
  readonly channel?: Channel;
  readonly callback?: CallbackRequest;
}

/** Who files: a signed-in person (citizen or staff) or a guest who gave a name and email. */
export type Requester =
  | { readonly kind: 'user'; readonly caller: Caller; readonly name: string; readonly email: string }
  | { readonly kind: 'guest'; readonly name: string; readonly email: string };

const STAFF_GROUPS = ['agent', 'supervisor', 'admin'] as const;
export const isStaff = (caller: Caller | undefined): boolean =>
  Boolean(caller?.groups.some((group) => (STAFF_GROUPS as readonly string[]).includes(group)));

function organisationOf(catalogue: Catalogue, topic: TopicDefinition): OrganisationDefinition {
  const organisation = findOrganisation(catalogue, topic.organisationId ?? '');
  if (!organisation) throw new Error(`Topic ${topic.id} names a missing organisation`);
  return organisation;
}

/**
 * The topic form's issues for a body that failed other checks, so a requester sees every
 * problem at once. Bodies too malformed to name a topic and its fields yield none.
 */
export async function formIssues(deps: Pick<Deps, 'catalogue'>, raw: unknown): Promise<FieldIssue[]> {
  const body = raw as { topicId?: unknown; fields?: unknown } | undefined;
  if (typeof body?.topicId !== 'string' || typeof body.fields !== 'object' || body.fields === null) return [];
  const catalogue = await deps.catalogue.load();
  const topic = findTopic(catalogue, body.topicId);
  if (!topic?.organisationId) return [];
  const form = compileForm(topic.form.fields, organisationOf(catalogue, topic)).safeParse(body.fields);
  return form.success ? [] : zodIssuesOf(form.error, 'fields');
}

/**
 * Files a ticket: the topic's own form is compiled and checked, transient fields are used and
 * dropped, priority comes from the impact answers, and one transaction stores it all.
 */
export async function openTicket(deps: Deps, requester: Requester, input: TicketInput, language: Language) {
  const catalogue = await deps.catalogue.load();
  const staff = requester.kind === 'user' && isStaff(requester.caller);
  const topic = findTopic(catalogue, input.topicId);
  // Internal topics do not exist as far as requesters are concerned.
  if (!topic || (topic.internal && !staff)) {
    throw new ValidationFailed([{ path: 'topicId', message: 'No such topic.' }]);
  }
  const issues: { path: string; message: string }[] = [];
  if (!isFileable(topic)) issues.push({ path: 'topicId', message: 'Choose a more specific topic.' });
  if (!topic.ticketTypes.includes(input.type)) {
    issues.push({ path: 'type', message: `This topic accepts: ${topic.ticketTypes.join(', ')}.` });
  }
  if (input.type === 'callback' && !input.callback)
    issues.push({ path: 'callback', message: 'Required for a call-back request.' });
  if (input.type !== 'callback' && input.callback)
    issues.push({ path: 'callback', message: 'Only for call-back requests.' });
  const organisation = organisationOf(catalogue, topic);
  const form = compileForm(topic.form.fields, organisation).safeParse(input.fields);
  if (!form.success) issues.push(...zodIssuesOf(form.error, 'fields'));
  if (issues.length > 0 || !form.success) throw new ValidationFailed(issues);
  if (input.channel && input.channel !== 'web' && !staff) {
    throw new Forbidden('Only staff record tickets that arrived by phone, email or in person.');
  }

  const now = deps.clock.now();
  const at = now.toISOString();
  const ticketId = deps.ids.ticketId();
  const accessToken = requester.kind === 'guest' ? deps.ids.accessToken() : undefined;
  const requesterId = requester.kind === 'user' ? requester.caller.userId : `guest#${ticketId}`;
  const ticket = await deps.store.file(
    {
      ticketId,
      organisationId: organisation.id,
      type: input.type,
      status: 'open',
      priority: priorityFrom(input.impact),
      topicId: topic.id,
      subject: input.subject,
      description: input.description,
      fields: storableFields(topic.form.fields, form.data),
      channel: input.channel ?? 'web',
      ...(input.impact ? { impact: input.impact } : {}),
      ...(input.callback ? { callback: input.callback } : {}),
      requesterId,
      requesterName: requester.name,
      requesterEmail: requester.email,
      requesterLanguage: language,
      ...(accessToken ? { guestTokenHash: deps.ids.hash(accessToken) } : {}),
      ...(topic.teamId ? { teamId: topic.teamId } : {}),
      createdAt: at,
      updatedAt: at,
      version: 1,
    },
    {
      ticketId,
      messageId: deps.ids.sortableId(now),
      authorKind: 'requester',
      ...(requester.kind === 'user' ? { authorId: requester.caller.userId } : {}),
      authorName: requester.name,
      body: input.description,
      internal: false,
      createdAt: at,
    },
    historyEntry(deps.ids, now, ticketId, 'created', { name: requester.name }, undefined, 'open'),
    organisation.ticketPrefix,
    // A guest's first mail carries their access token, so it cannot wait in the outbox.
    (numbered) => (accessToken ? [] : [notificationFor('created', numbered, deps.ids, now)]),
  );
  if (accessToken) await deps.mailer.sendNow(notificationFor('created', ticket, deps.ids, now), accessToken);
  return { ticket, catalogue };
}

/** A guest's ticket, if the token's hash matches; otherwise 404. */
export function guestTicket(ticket: TicketRecord | undefined, token: string | undefined, ids: Ids): TicketRecord {
  if (!ticket?.guestTokenHash || !token || ids.hash(token) !== ticket.guestTokenHash) {
    throw new NotFound('No such ticket.');
  }
  return ticket;
}

/** The requester adds to the end of the thread; an answer to a request for information reopens work. */
export async function replyAsRequester(deps: Deps, ticket: TicketRecord, body: string, authorId?: string) {
  if (!acceptsRequesterReplies(ticket.status)) {
    throw new ValidationFailed(
      [{ path: 'body', message: 'This ticket is closed to replies; reopen it or file a new one.' }],
      'The ticket no longer accepts replies.',
    );
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  const next: Status = statusAfterRequesterReply(ticket.status);
  const message: MessageRecord = {
    ticketId: ticket.ticketId,
    messageId: deps.ids.sortableId(now),
    authorKind: 'requester',
    ...(authorId ? { authorId } : {}),
    authorName: ticket.requesterName,
    body,
    internal: false,
    createdAt: at,
  };
  const history =
    next !== ticket.status
      ? historyEntry(
          deps.ids,
          now,
          ticket.ticketId,
          'status_changed',
          { name: ticket.requesterName },
          ticket.status,
          next,
        )
      : undefined;
  return deps.store.addMessage(ticket, message, next, history);
}
